import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';

/** The trigger-maintained counts must equal a fresh count after any mix of writes. */
describe('school staffing counts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seed: 'small' });
  });
  afterAll(() => t.close());

  const drift = async () =>
    t.ds.query(`
      WITH fresh AS (
        SELECT s.id AS school_id,
               count(t.id) FILTER (WHERE t.is_full_time) AS full_time,
               count(t.id) FILTER (WHERE t.is_full_time AND t.backbone_level <> 'NONE') AS backbone,
               count(t.id) FILTER (WHERE t.is_full_time AND t.degree IN ('POSTGRADUATE', 'BACHELOR')) AS bachelor,
               count(t.id) FILTER (WHERE t.is_full_time AND t.degree IN ('POSTGRADUATE', 'BACHELOR', 'ASSOCIATE')) AS associate
          FROM school s LEFT JOIN teacher t ON t.school_id = s.id GROUP BY s.id)
      SELECT f.school_id FROM fresh f LEFT JOIN school_staffing c ON c.school_id = f.school_id
       WHERE COALESCE(c.full_time, 0) <> f.full_time OR COALESCE(c.backbone, 0) <> f.backbone
          OR COALESCE(c.bachelor_or_above, 0) <> f.bachelor OR COALESCE(c.associate_or_above, 0) <> f.associate`);

  it('match a fresh count after the bulk seed', async () => {
    expect(await t.ds.query('SELECT count(*)::int AS n FROM school_staffing')).toEqual([{ n: expect.any(Number) }]);
    expect(await drift()).toEqual([]);
  });

  it('follow updates, moves between schools, deletes and rolled-back writes', async () => {
    const [a, b] = (await t.ds.query('SELECT id FROM school ORDER BY code LIMIT 2')) as { id: string }[];
    await t.ds.query(`UPDATE teacher SET degree = 'ASSOCIATE', backbone_level = 'NONE' WHERE school_id = $1`, [a!.id]);
    await t.ds.query(
      `UPDATE teacher SET is_full_time = false WHERE id IN (SELECT id FROM teacher WHERE school_id = $1 LIMIT 2)`,
      [b!.id],
    );
    await t.ds.query(
      `UPDATE teacher SET school_id = $2 WHERE id IN (SELECT id FROM teacher WHERE school_id = $1 LIMIT 3)`,
      [a!.id, b!.id],
    );
    await t.ds.query(`DELETE FROM teacher WHERE id IN (SELECT id FROM teacher WHERE school_id = $1 LIMIT 1)`, [b!.id]);
    await t.ds
      .transaction(async (em) => {
        await em.query(`DELETE FROM teacher WHERE school_id = $1`, [a!.id]);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await drift()).toEqual([]);
  });
});

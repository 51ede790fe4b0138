import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.js';
import { cityAdminToken } from '../test/fixtures.js';

/** The `Date` scalar: a day that does not exist is the caller's mistake, never a 500. */
describe('the Date scalar', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    token = await cityAdminToken(t);
  });
  afterAll(() => t.close());

  const count = 'teacherExchanges(filter: { activeOn: $d }, first: 1) { totalCount }';

  it('refuses a day that does not exist, as a variable, with BAD_USER_INPUT and 400', async () => {
    for (const day of ['2031-02-30', '2026-13-01', '28/11/2026', '']) {
      const r = await t.gql(`query($d: Date!) { ${count} }`, { d: day }, token);
      expect(r.status, day).toBe(400);
      expect(r.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        messageZh: expect.stringContaining('日期'),
      });
      expect(r.errors?.[0]?.extensions).not.toHaveProperty('http');
    }
  });

  it('refuses one nested in an input variable the same way', async () => {
    const r = await t.gql(
      'query($f: TeacherExchangeFilter) { teacherExchanges(filter: $f, first: 1) { totalCount } }',
      { f: { activeOn: '2031-02-30' } },
      token,
    );
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses one written in the query as a validation error', async () => {
    const r = await t.gql(
      '{ teacherExchanges(filter: { activeOn: "2031-02-30" }, first: 1) { totalCount } }',
      {},
      token,
    );
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('takes a real day, including 29 February of a leap year', async () => {
    const r = await t.gql<{ teacherExchanges: { totalCount: number } }>(
      `query($d: Date!) { ${count} }`,
      { d: '2028-02-29' },
      token,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.teacherExchanges.totalCount).toBeGreaterThanOrEqual(0);
  });
});

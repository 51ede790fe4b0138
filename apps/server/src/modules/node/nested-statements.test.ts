import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { buildWorld, cityAdminToken } from '../../test/fixtures.js';

const NESTED = `query($n: Int!) {
  districts(first: $n, filter: { search: "测试区" }) {
    totalCount
    edges { node { id name towns(first: $n) { totalCount edges { node { id name
      schools(first: $n) { totalCount edges { node { id name town { name } district { name } principal { name }
        teachers(first: $n) { totalCount edges { node { id name school { name } } } } } } } } } } } }
  }
}`;

/**
 * Every relation goes through a per-request DataLoader, so the statements for
 * districts → towns → schools → teachers are a fixed number, whatever the row count.
 */
describe('nested query statement count', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = await cityAdminToken(t);
    for (const code of ['370981', '370982', '370983']) {
      await buildWorld(t, token, { districtCode: code, schools: 4, teachersPerSchool: 4 });
    }
  });
  afterAll(() => t.close());

  async function statementsFor(n: number) {
    t.statements.reset();
    const r = await t.gql<{
      districts: {
        edges: {
          node: {
            towns: { edges: { node: { schools: { edges: { node: { teachers: { edges: unknown[] } } }[] } } }[] };
          };
        }[];
      };
    }>(NESTED, { n }, token);
    expect(r.errors).toBeUndefined();
    // Sessions and grants are read once per request to know the viewer; count what the query costs.
    const statements = t.statements.statements.filter((s) => !/"auth_session"|"app_user"|"role_grant"/.test(s));
    const teachers = r.data!.districts.edges.flatMap((d) =>
      d.node.towns.edges.flatMap((tw) => tw.node.schools.edges.flatMap((s) => s.node.teachers.edges)),
    );
    return { statements: statements.length, teachers: teachers.length };
  }

  it('does not grow with the number of rows returned', async () => {
    const small = await statementsFor(1);
    const large = await statementsFor(4);
    expect(small.teachers).toBe(1);
    expect(large.teachers).toBe(3 * 4 * 4);
    expect(large.statements).toBe(small.statements);
    // districts page + count, towns page/load/count, schools page/load/count,
    // town/district/principal loaders, teachers page/load/count, teacher.school loader
    expect(large.statements).toBeLessThanOrEqual(16);
  });
});

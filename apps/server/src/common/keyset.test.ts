import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.js';
import { buildWorld, cityAdminToken, nextSchoolCode } from '../test/fixtures.js';

const PAGE = `query($first: Int, $after: String, $last: Int, $before: String, $orderBy: SchoolOrder) {
  schools(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id name code } }
  }
}`;

type Page = {
  schools: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
    edges: { cursor: string; node: { id: string; name: string; code: string } }[];
  };
};

describe('keyset pagination', () => {
  let t: TestApp;
  let token: string;
  let townId: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = await cityAdminToken(t);
    ({ townId } = await buildWorld(t, token, { districtCode: '370901', schools: 23, teachersPerSchool: 0 }));
  });
  afterAll(() => t.close());

  async function walk(vars: Record<string, unknown>, between?: (i: number) => Promise<void>) {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i++) {
      const r: Awaited<ReturnType<typeof t.gql<Page>>> = await t.gql<Page>(PAGE, { ...vars, first: 5, after }, token);
      expect(r.errors).toBeUndefined();
      seen.push(...r.data!.schools.edges.map((e) => e.node.name));
      if (!r.data!.schools.pageInfo.hasNextPage) break;
      after = r.data!.schools.pageInfo.endCursor;
      await between?.(i);
    }
    return seen;
  }

  it('walks every row once, in a stable order, forwards', async () => {
    const names = await walk({});
    expect(names).toHaveLength(23);
    expect(new Set(names).size).toBe(23);
    expect([...names].sort()).toEqual(names);
  });

  it('has no duplicates or gaps while rows are inserted during the walk', async () => {
    const before = await walk({});
    let inserted = 0;
    const during = await walk({}, async (i) => {
      // One row sorts before every cursor (never seen), one after (seen at the end).
      for (const name of [`测试镇第0${i}小学`, `测试镇第9${i}小学`]) {
        const r = await t.gql(
          'mutation($i: CreateSchoolInput!) { createSchool(input: $i) { id } }',
          { i: { code: nextSchoolCode(), name, stage: 'PRIMARY', locality: 'RURAL', townId } },
          token,
        );
        expect(r.errors).toBeUndefined();
        inserted++;
      }
    });
    expect(inserted).toBeGreaterThan(0);
    expect(new Set(during).size).toBe(during.length);
    for (const name of before) expect(during).toContain(name);
    expect([...during].sort()).toEqual(during);
  });

  it('pages backwards with last/before to the same rows in the same order', async () => {
    const forward = await walk({ orderBy: { field: 'CODE', direction: 'DESC' } });
    const backward: string[] = [];
    let before: string | null = null;
    for (;;) {
      const r: Awaited<ReturnType<typeof t.gql<Page>>> = await t.gql<Page>(
        PAGE,
        { last: 7, before, orderBy: { field: 'CODE', direction: 'DESC' } },
        token,
      );
      backward.unshift(...r.data!.schools.edges.map((e) => e.node.name));
      if (!r.data!.schools.pageInfo.hasPreviousPage) break;
      before = r.data!.schools.pageInfo.startCursor;
    }
    expect(backward).toEqual(forward);
  });

  it('counts all matching rows regardless of the page', async () => {
    const r = await t.gql<Page>(PAGE, { first: 1 }, token);
    const all = await walk({});
    expect(r.data!.schools.totalCount).toBe(all.length);
  });

  it('rejects a cursor from another ordering, a bad cursor and an oversized page', async () => {
    const r = await t.gql<Page>(PAGE, { first: 2 }, token);
    const cursor = r.data!.schools.pageInfo.endCursor;
    const mismatch = await t.gql(
      PAGE,
      { first: 2, after: cursor, orderBy: { field: 'CODE', direction: 'ASC' } },
      token,
    );
    expect(mismatch.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'after', constraint: 'cursorOrder' }],
    });
    const garbage = await t.gql(PAGE, { first: 2, after: 'not-a-cursor' }, token);
    expect(garbage.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'after' }] });
    const big = await t.gql(PAGE, { first: 101 }, token);
    expect(big.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'first', constraint: 'maxPageSize' }],
    });
    const both = await t.gql(PAGE, { first: 1, last: 1 }, token);
    expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('uses the index and no OFFSET', async () => {
    t.statements.reset();
    const r = await t.gql<Page>(PAGE, { first: 3 }, token);
    const next = await t.gql<Page>(PAGE, { first: 3, after: r.data!.schools.pageInfo.endCursor }, token);
    expect(next.errors).toBeUndefined();
    const sql = t.statements.statements.filter((s) => s.includes('"school"')).join('\n');
    expect(sql).not.toMatch(/OFFSET/i);
    expect(sql).toMatch(/LIMIT 4/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.js';
import { buildWorld, cityAdminToken } from '../test/fixtures.js';
import { LIMITS } from '../common/limits.js';

/**
 * Every client mistake is answered over HTTP with a 4xx and a typed code, never a 500
 * (issue 13, section 1). Each case here was a 500 or an INTERNAL_SERVER_ERROR before.
 */
describe('client mistakes are typed 4xx answers', () => {
  let t: TestApp;
  let token: string;
  let world: { districtId: string; townId: string; schoolIds: string[] };

  const post = async (body: unknown, auth = token) => {
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${auth}` },
      body: JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as any };
  };

  beforeAll(async () => {
    t = await startTestApp();
    token = await cityAdminToken(t);
    world = await buildWorld(t, token, { districtCode: '370190', schools: 2, teachersPerSchool: 1 });
  });
  afterAll(() => t.close());

  it('a wrongly typed used variable is 400 BAD_USER_INPUT naming it', async () => {
    const r = await post({ query: 'query($n: Int) { schools(first: $n) { totalCount } }', variables: { n: 'ten' } });
    expect(r.status).toBe(400);
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', variable: 'n' });
    expect(r.body.errors[0].message).toMatch(/\$n/);
  });

  it('a missing required variable is 400 BAD_USER_INPUT naming it', async () => {
    const r = await post({ query: 'query($id: ID!) { school(id: $id) { name } }', variables: {} });
    expect(r.status).toBe(400);
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', variable: 'id' });
  });

  it('a null for a required number inside an input is 400 with the field path', async () => {
    const r = await post({
      query: 'mutation($i: CreateTownInput!) { createTown(input: $i) { id } }',
      variables: { i: { code: null, name: 'x', kind: 'TOWN', districtId: world.districtId, inProgramme: true } },
    });
    expect(r.status).toBe(400);
    expect(r.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(r.body.errors[0].extensions.fields[0].path).toBe('i.code');
  });

  it('NUL and lone surrogates in text are 400 BAD_USER_INPUT with the path, before the database', async () => {
    for (const name of ['学校\u0000名', 'a\uD800b', 'x\uDC00']) {
      const r = await post({
        query: 'mutation($id: ID!, $i: UpdateSchoolInput!) { updateSchool(id: $id, input: $i) { id } }',
        variables: { id: world.schoolIds[0], i: { name } },
      });
      expect(r.status, JSON.stringify(name)).toBe(400);
      expect(r.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(r.body.errors[0].extensions.fields[0].path).toBe('input.name');
    }
  });

  it('a day outside 1900–2100 is 400 BAD_USER_INPUT, as a variable and inline', async () => {
    const q = 'query($d: Date!) { researchers(first: 1, filter: { activeOn: $d }) { totalCount } }';
    for (const d of ['0000-01-01', '1899-12-31', '2101-01-01', '9999-12-31']) {
      const r = await post({ query: q, variables: { d } });
      expect(r.status, d).toBe(400);
      expect(r.body.errors[0].extensions.code, d).toBe('BAD_USER_INPUT');
    }
    const ok = await post({ query: q, variables: { d: '1900-01-01' } });
    expect(ok.status).toBe(200);
    const inline = await post({
      query: '{ researchers(first: 1, filter: { activeOn: "0000-01-01" }) { totalCount } }',
    });
    expect(inline.status).toBe(400);
  });

  it('a too-costly query is refused up front: 400 QUERY_TOO_COMPLEX with its cost', async () => {
    const ids = Array.from({ length: 100 }, () => world.schoolIds[0]);
    const r = await post({
      query: `query($ids: [ID!]!) { nodes(ids: $ids) { ... on School { teachers(first: 100) { nodes { id name } } } } }`,
      variables: { ids },
    });
    expect(r.status).toBe(400);
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: LIMITS.maxCost });
    expect(r.body.errors[0].extensions.cost).toBeGreaterThan(LIMITS.maxCost);
  });

  it('the worst shapes of issue 13 are priced, not timed: every list multiplied by its length', async () => {
    const ids = Array.from({ length: 100 }, () => world.schoolIds[0]);
    const nested = `query($ids: [ID!]!) { nodes(ids: $ids) { ... on School { name town { name district { name } }
      teachers(first: 100) { nodes { name school { name } } } } } }`;
    // one such query (3.3 s of CPU on main) is over the limit alone…
    const one = await post({ query: nested, variables: { ids } });
    expect(one.status).toBe(400);
    expect(one.body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    // …ten ids of it fit, and three of those in a batch are priced as their sum
    const small = { query: nested, variables: { ids: ids.slice(0, 10) } };
    expect((await post(small)).status).toBe(200);
    const batch = await post(Array.from({ length: 10 }, () => small));
    expect(batch.status).toBe(400);
    expect(batch.body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    // fifteen aliased programme summaries (1.2 s on main)
    const summaries = Array.from({ length: 15 }, (_, i) => `s${i}: programmeSummary { townCount towns { period } }`);
    const aliased = await post({ query: `{ ${summaries.join(' ')} }` });
    expect(aliased.status).toBe(400);
    expect(aliased.body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('a too-deep query is 400 QUERY_TOO_COMPLEX', async () => {
    let sel = 'id';
    for (let i = 0; i < LIMITS.maxDepth + 2; i++) sel = `town { district { towns(first: 1) { nodes { ${sel} } } } }`;
    const r = await post({ query: `{ schools(first: 1) { nodes { ${sel} } } }` });
    expect(r.status).toBe(400);
    expect(r.body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('a batch whose operations fit alone but not together is refused before any runs', async () => {
    const one = { query: '{ schools(first: 100) { nodes { teachers(first: 100) { nodes { id } } } } }' };
    const alone = await post(one);
    expect(alone.status).toBe(200);
    const r = await post([one, one, one]);
    expect(r.status).toBe(400);
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
    expect(r.body.errors[0].message).toMatch(/batch/);
  });

  it('ten concurrent createUser with one username: one succeeds, nine are 409 CONFLICT', async () => {
    const create = () =>
      post({
        query: 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
        variables: {
          i: {
            username: 'same-name',
            displayName: '同名',
            password: 'a-long-password-1',
            grants: [{ role: 'CITY_ADMIN' }],
          },
        },
      });
    const results = await Promise.all(Array.from({ length: 10 }, create));
    const ok = results.filter((r) => r.body.data?.createUser?.id);
    const conflicts = results.filter((r) => r.body.errors?.[0]?.extensions?.code === 'CONFLICT');
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(9);
    for (const c of conflicts) expect(c.status).toBe(409);
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM app_user WHERE username = 'same-name'`);
    expect(n).toBe(1);
  });

  it('a partial answer stays 200: errors beside data are not an HTTP failure', async () => {
    const r = await post({ query: `{ a: schools(first: 1) { totalCount } b: school(id: "U2Nob29sOm5vbmU=") { id } }` });
    expect(r.status).toBe(200);
    expect(r.body.data.a.totalCount).toBeGreaterThan(0);
  });
});

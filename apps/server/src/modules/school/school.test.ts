import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { buildWorld, cityAdminToken, nextSchoolCode, type World } from '../../test/fixtures.js';

const CREATE =
  'mutation($i: CreateSchoolInput!) { createSchool(input: $i) { id code name town { name } district { name } } }';
const UPDATE =
  'mutation($id: ID!, $i: UpdateSchoolInput!) { updateSchool(id: $id, input: $i) { id name principal { name } } }';
const DELETE = 'mutation($id: ID!) { deleteSchool(id: $id) }';

describe('school records', () => {
  let t: TestApp;
  let token: string;
  let world: World;
  const input = (extra: Record<string, unknown> = {}) => ({
    code: nextSchoolCode(),
    name: '测试镇中心小学',
    stage: 'PRIMARY',
    locality: 'TOWN',
    townId: world.townId,
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestApp();
    token = await cityAdminToken(t);
    world = await buildWorld(t, token, { districtCode: '370971', schools: 1, teachersPerSchool: 2 });
  });
  afterAll(() => t.close());

  it('creates a school under its town and district', async () => {
    const r = await t.gql(CREATE, { i: input() }, token);
    expect(r.errors).toBeUndefined();
    expect(r.data!.createSchool).toMatchObject({ town: { name: '测试镇370971' }, district: { name: '测试区370971' } });
  });

  it('names every invalid field with BAD_USER_INPUT', async () => {
    const r = await t.gql(CREATE, { i: input({ code: '12345', studentCount: -1, name: 'x' }) }, token);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const paths = (r.errors![0]!.extensions!.fields as { path: string }[]).map((f) => f.path).sort();
    expect(paths).toEqual(['input.code', 'input.name', 'input.studentCount']);
  });

  it('answers a duplicate school code with CONFLICT on input.code, and keeps the original', async () => {
    const code = nextSchoolCode();
    const first = await t.gql(CREATE, { i: input({ code, name: '原有学校' }) }, token);
    expect(first.errors).toBeUndefined();
    const dup = await t.gql(CREATE, { i: input({ code, name: '重复学校' }) }, token);
    expect(dup.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      fields: [{ path: 'input.code', constraint: 'unique' }],
    });
    const found = await t.gql<{ schools: { edges: { node: { name: string } }[] } }>(
      'query($s: String) { schools(first: 5, filter: { search: $s }) { edges { node { name } } } }',
      { s: code },
      token,
    );
    expect(found.data!.schools.edges.map((e) => e.node.name)).toEqual(['原有学校']);
  });

  it('refuses to null a required field on update', async () => {
    const r = await t.gql(UPDATE, { id: world.schoolIds[0], i: { name: null } }, token);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.name' }] });
  });

  it("sets a principal only from the school's own teachers", async () => {
    const teachers = await t.gql<{ school: { teachers: { nodes: { id: string; name: string }[] } } }>(
      'query($id: ID!) { school(id: $id) { teachers(first: 5) { nodes { id name } } } }',
      { id: world.schoolIds[0] },
      token,
    );
    const teacher = teachers.data!.school.teachers.nodes[0]!;
    const ok = await t.gql(UPDATE, { id: world.schoolIds[0], i: { principalId: teacher.id } }, token);
    expect(ok.data!.updateSchool).toMatchObject({ principal: { name: teacher.name } });
    const other = await t.gql<{ createSchool: { id: string } }>(CREATE, { i: input() }, token);
    const bad = await t.gql(UPDATE, { id: other.data!.createSchool.id, i: { principalId: teacher.id } }, token);
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'input.principalId' }],
    });
  });

  it('refuses to delete a school that still has teachers, and loses nothing', async () => {
    const r = await t.gql(DELETE, { id: world.schoolIds[0] }, token);
    expect(r.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(r.errors?.[0]?.message).toMatch(/still has 2 teachers/);
    const still = await t.gql<{ school: { teachers: { totalCount: number } } }>(
      'query($id: ID!) { school(id: $id) { teachers { totalCount } } }',
      { id: world.schoolIds[0] },
      token,
    );
    expect(still.data!.school.teachers.totalCount).toBe(2);
  });

  it('deletes an empty school, after which it is NOT_FOUND', async () => {
    const created = await t.gql<{ createSchool: { id: string } }>(CREATE, { i: input() }, token);
    const id = created.data!.createSchool.id;
    expect((await t.gql(DELETE, { id }, token)).data).toEqual({ deleteSchool: id });
    expect((await t.gql('query($id: ID!) { school(id: $id) { id } }', { id }, token)).data).toEqual({ school: null });
    const again = await t.gql(DELETE, { id }, token);
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('rejects a malformed id as BAD_USER_INPUT and an id of another type as NOT_FOUND', async () => {
    const malformed = await t.gql(UPDATE, { id: 'nope', i: { name: '新名称' } }, token);
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'id' }] });
    const wrongType = await t.gql(UPDATE, { id: world.townId, i: { name: '新名称' } }, token);
    expect(wrongType.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('resolves node(id) for every record type', async () => {
    const r = await t.gql<{ a: { __typename: string }; b: { __typename: string; name: string } }>(
      'query($a: ID!, $b: ID!) { a: node(id: $a) { __typename } b: node(id: $b) { __typename ... on School { name } } }',
      { a: world.townId, b: world.schoolIds[0] },
      token,
    );
    expect(r.data).toEqual({ a: { __typename: 'Town' }, b: { __typename: 'School', name: '测试镇第1小学' } });
  });

  it('never sends internals: an unexpected failure is INTERNAL_SERVER_ERROR without a stack', async () => {
    const r = await t.gql('{ __typename }', {}, token);
    expect(r.errors).toBeUndefined();
    const bad = await t.gql('{ schools(first: 1) { edges { node { nope } } } }', {}, token);
    expect(bad.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(bad)).not.toMatch(/stacktrace|at .*\.ts/);
  });
});

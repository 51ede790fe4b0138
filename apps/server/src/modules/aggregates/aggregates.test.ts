import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { buildWorld, cityAdminToken, signInAs, type World } from '../../test/fixtures.js';
import { parseGlobalId } from '../../common/global-id.js';
import { Role } from '../../auth/viewer.js';

const TEACHERS = `query($g: [TeacherDimension!]!, $f: TeacherFilter) { teacherAggregates(groupBy: $g, filter: $f) {
  keys { dimension value label } count share } }`;

describe('aggregates for data teams', () => {
  let t: TestApp;
  let city: string;
  let a: World;
  let b: World;

  beforeAll(async () => {
    t = await startTestApp();
    city = await cityAdminToken(t);
    a = await buildWorld(t, city, { districtCode: '370911', schools: 2, teachersPerSchool: 3 });
    b = await buildWorld(t, city, { districtCode: '370912', schools: 1, teachersPerSchool: 2 });
    // Two of district A's six teachers hold associate degrees.
    const ids = await t.gql<{ teachers: { nodes: { id: string }[] } }>(
      'query($d: ID!) { teachers(first: 2, filter: { districtId: $d }) { nodes { id } } }',
      { d: a.districtId },
      city,
    );
    for (const { id } of ids.data!.teachers.nodes) {
      await t.gql('mutation($id: ID!) { updateTeacher(id: $id, input: { degree: ASSOCIATE }) { id } }', { id }, city);
    }
  });
  afterAll(() => t.close());

  it('counts teachers by district and degree, with shares within each district', async () => {
    const r = await t.gql<{ teacherAggregates: any[] }>(TEACHERS, { g: ['DISTRICT', 'DEGREE'] }, city);
    expect(r.data!.teacherAggregates).toEqual([
      {
        keys: [
          { dimension: 'DISTRICT', value: a.districtId, label: '测试区370911' },
          { dimension: 'DEGREE', value: 'BACHELOR', label: null },
        ],
        count: 4,
        share: 4 / 6,
      },
      {
        keys: [
          { dimension: 'DISTRICT', value: a.districtId, label: '测试区370911' },
          { dimension: 'DEGREE', value: 'ASSOCIATE', label: null },
        ],
        count: 2,
        share: 2 / 6,
      },
      {
        keys: [
          { dimension: 'DISTRICT', value: b.districtId, label: '测试区370912' },
          { dimension: 'DEGREE', value: 'BACHELOR', label: null },
        ],
        count: 2,
        share: 1,
      },
    ]);
  });

  it('counts only what the viewer may see, under the same filter as the list', async () => {
    const district = await signInAs(t, 'agg-district', [
      { role: Role.DISTRICT_ADMIN, districtId: parseGlobalId(b.districtId)!.id },
    ]);
    const r = await t.gql<{ teacherAggregates: any[] }>(TEACHERS, { g: ['IS_TOWN_SEAT'] }, district);
    expect(r.data!.teacherAggregates).toEqual([
      { keys: [{ dimension: 'IS_TOWN_SEAT', value: 'true', label: null }], count: 2, share: 1 },
    ]);
    const filtered = await t.gql<{ teacherAggregates: any[] }>(
      TEACHERS,
      { g: ['DEGREE'], f: { degree: 'ASSOCIATE' } },
      city,
    );
    expect(filtered.data!.teacherAggregates.map((x) => x.count)).toEqual([2]);
    expect((await t.gql(TEACHERS, { g: ['DEGREE'] })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('sums students per school group and refuses a bad grouping', async () => {
    await t.gql(
      'mutation($id: ID!) { updateSchool(id: $id, input: { studentCount: 300 }) { id } }',
      { id: a.schoolIds[0] },
      city,
    );
    const r = await t.gql<{ schoolAggregates: any[] }>(
      'query($d: ID!) { schoolAggregates(groupBy: [LOCALITY], filter: { districtId: $d }) { keys { value } count students share } }',
      { d: a.districtId },
      city,
    );
    expect(r.data!.schoolAggregates).toEqual([
      { keys: [{ value: 'TOWN' }], count: 1, students: 300, share: 0.5 },
      { keys: [{ value: 'RURAL' }], count: 1, students: 0, share: 0.5 },
    ]);
    const bad = await t.gql(TEACHERS, { g: ['DEGREE', 'DEGREE'] }, city);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'groupBy' }] });
  });
});

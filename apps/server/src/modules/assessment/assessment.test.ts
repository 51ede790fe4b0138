import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, TEST_TODAY } from '../../test/harness.js';
import { addDays } from '../../common/dates.js';
import { buildWorld, cityAdminToken, signInAs, type World } from '../../test/fixtures.js';
import { parseGlobalId } from '../../common/global-id.js';
import { Role } from '../../auth/viewer.js';

const FIELDS =
  'id subjectKind period school { id } town { id } indicators { kind value booleanValue source measuredOn }';
const CREATE = `mutation($i: CreateAssessmentInput!) { createAssessment(input: $i) { ${FIELDS} } }`;
const RECORD = `mutation($id: ID!, $i: [AssessmentIndicatorInput!]!) { recordAssessmentIndicators(assessmentId: $id, indicators: $i) { ${FIELDS} } }`;
const GET = `query($id: ID!) { assessment(id: $id) { ${FIELDS} } }`;
const THIS_YEAR = Number(TEST_TODAY.slice(0, 4));

const satisfaction = { kind: 'PARENT_SATISFACTION', value: 0.96, source: '2023 年家长问卷', measuredOn: '2023-06-01' };
const curriculum = {
  kind: 'CURRICULUM_COMPLETE',
  booleanValue: true,
  source: '课程开设督导',
  measuredOn: '2023-05-10',
};

describe('assessments', () => {
  let t: TestApp;
  let city: string;
  let bureau: string;
  let w: World;
  const dbId = (id: string) => parseGlobalId(id)!.id;
  const count = async (table: string) => Number((await t.ds.query(`SELECT count(*) FROM ${table}`))[0].count);

  beforeAll(async () => {
    t = await startTestApp();
    city = await cityAdminToken(t);
    w = await buildWorld(t, city, { districtCode: '370985', schools: 2, teachersPerSchool: 0 });
    bureau = await signInAs(t, 'asm-district', [{ role: Role.DISTRICT_ADMIN, districtId: dbId(w.districtId) }]);
  });
  afterAll(() => t.close());

  it('records a school assessment with each indicator’s value, source and date', async () => {
    const r = await t.gql(
      CREATE,
      {
        i: {
          schoolId: w.schoolIds[0],
          period: '2023',
          indicators: [
            satisfaction,
            curriculum,
            { kind: 'ACADEMIC_DIFFERENCE_RATE', value: 0.12, source: '区学业质量监测', measuredOn: '2023-07-01' },
          ],
        },
      },
      bureau,
    );
    expect(r.errors).toBeUndefined();
    const a = r.data!.createAssessment;
    expect(a).toMatchObject({
      subjectKind: 'SCHOOL',
      period: '2023',
      school: { id: w.schoolIds[0] },
      town: { id: w.townId },
    });
    expect(a.indicators).toEqual(
      expect.arrayContaining([
        {
          kind: 'PARENT_SATISFACTION',
          value: 0.96,
          booleanValue: null,
          source: '2023 年家长问卷',
          measuredOn: '2023-06-01',
        },
        {
          kind: 'CURRICULUM_COMPLETE',
          value: null,
          booleanValue: true,
          source: '课程开设督导',
          measuredOn: '2023-05-10',
        },
        {
          kind: 'ACADEMIC_DIFFERENCE_RATE',
          value: 0.12,
          booleanValue: null,
          source: '区学业质量监测',
          measuredOn: '2023-07-01',
        },
      ]),
    );
    const one = await t.gql(
      'query($id: ID!) { assessment(id: $id) { indicator(kind: ACADEMIC_DIFFERENCE_RATE) { value } none: indicator(kind: ENVIRONMENT_SCORE) { value } } }',
      { id: a.id },
      city,
    );
    expect(one.data!.assessment).toEqual({ indicator: { value: 0.12 }, none: null });
    const audit = await t.ds.query(
      `SELECT record_type, action FROM audit_entry WHERE record_type IN ('Assessment', 'AssessmentIndicator') ORDER BY record_type`,
    );
    expect(audit).toHaveLength(4);
  });

  it('takes exactly one subject, once per period; a town and its school are different subjects', async () => {
    const both = await t.gql(CREATE, { i: { schoolId: w.schoolIds[1], townId: w.townId, period: '2023' } }, city);
    expect(both.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ constraint: 'exactlyOne' }],
    });
    const neither = await t.gql(CREATE, { i: { period: '2023' } }, city);
    expect(neither.errors?.[0]?.extensions).toMatchObject({
      fields: [{ path: 'input.schoolId', constraint: 'exactlyOne' }],
    });
    const town = await t.gql(CREATE, { i: { townId: w.townId, period: '2023', indicators: [satisfaction] } }, city);
    expect(town.data!.createAssessment).toMatchObject({ subjectKind: 'TOWN', school: null, town: { id: w.townId } });
    const again = await t.gql(CREATE, { i: { townId: w.townId, period: '2023' } }, city);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', fields: [{ path: 'input.period' }] });
    const schoolAgain = await t.gql(CREATE, { i: { schoolId: w.schoolIds[0], period: '2023' } }, city);
    expect(schoolAgain.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', fields: [{ path: 'input.period' }] });
  });

  it('checks every indicator value against its type and range, and the period, writing nothing', async () => {
    const before = [await count('assessment'), await count('assessment_indicator')];
    const tomorrow = addDays(TEST_TODAY, 2);
    const r = await t.gql(
      CREATE,
      {
        i: {
          schoolId: w.schoolIds[1],
          period: '2024',
          indicators: [
            { kind: 'STUDENT_SATISFACTION', value: 1.2, source: '问卷', measuredOn: '2024-01-01' },
            { kind: 'ENVIRONMENT_SCORE', value: 101, source: '评估', measuredOn: '2024-01-01' },
            { kind: 'NO_IRREGULAR_PRACTICES', value: 1, source: '督导', measuredOn: '2024-01-01' },
            { kind: 'STUDY_CLUB_COUNT', value: 2.5, source: '统计', measuredOn: tomorrow },
            { kind: 'STUDENT_SATISFACTION', value: 0.9, source: '问卷', measuredOn: '2024-01-01' },
          ],
        },
      },
      city,
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const fields = (r.errors![0]!.extensions!.fields as { path: string; constraint: string }[]).map(
      (f) => `${f.path}:${f.constraint}`,
    );
    expect(fields).toEqual([
      'input.indicators.0.value:range',
      'input.indicators.1.value:range',
      'input.indicators.2.booleanValue:required',
      'input.indicators.2.value:notApplicable',
      'input.indicators.3.value:range',
      'input.indicators.3.measuredOn:notFuture',
      'input.indicators.4.kind:duplicate',
    ]);
    for (const period of ['2019', String(THIS_YEAR + 1)]) {
      const p = await t.gql(CREATE, { i: { schoolId: w.schoolIds[1], period } }, city);
      expect(p.errors?.[0]?.extensions).toMatchObject({ fields: [{ path: 'input.period', constraint: 'range' }] });
    }
    const format = await t.gql(CREATE, { i: { schoolId: w.schoolIds[1], period: '2023-H1' } }, city);
    expect(format.errors?.[0]?.extensions).toMatchObject({ fields: [{ path: 'input.period' }] });
    expect([await count('assessment'), await count('assessment_indicator')]).toEqual(before);
  });

  it('replaces an indicator’s value, source and date together, adds new ones and removes one', async () => {
    const a = (
      await t.gql(CREATE, { i: { schoolId: w.schoolIds[1], period: '2022', indicators: [satisfaction] } }, city)
    ).data!.createAssessment;
    const r = await t.gql(
      RECORD,
      {
        id: a.id,
        i: [
          { kind: 'PARENT_SATISFACTION', value: 0.97, source: '复核问卷', measuredOn: '2023-09-01' },
          { kind: 'LOCAL_ENROLLMENT_PRIMARY', value: 0.88, source: '学籍系统', measuredOn: '2023-09-15' },
        ],
      },
      bureau,
    );
    expect(r.data!.recordAssessmentIndicators.indicators).toEqual(
      expect.arrayContaining([
        { kind: 'PARENT_SATISFACTION', value: 0.97, booleanValue: null, source: '复核问卷', measuredOn: '2023-09-01' },
        {
          kind: 'LOCAL_ENROLLMENT_PRIMARY',
          value: 0.88,
          booleanValue: null,
          source: '学籍系统',
          measuredOn: '2023-09-15',
        },
      ]),
    );
    expect(r.data!.recordAssessmentIndicators.indicators).toHaveLength(2);
    const removed = await t.gql(
      `mutation($id: ID!) { removeAssessmentIndicator(assessmentId: $id, kind: PARENT_SATISFACTION) { ${FIELDS} } }`,
      { id: a.id },
      bureau,
    );
    expect(removed.data!.removeAssessmentIndicator.indicators.map((i: { kind: string }) => i.kind)).toEqual([
      'LOCAL_ENROLLMENT_PRIMARY',
    ]);
    const missing = await t.gql(
      'mutation($id: ID!) { removeAssessmentIndicator(assessmentId: $id, kind: PARENT_SATISFACTION) { id } }',
      { id: a.id },
      bureau,
    );
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'kind' }] });
    const deleted = await t.gql('mutation($id: ID!) { deleteAssessment(id: $id) }', { id: a.id }, bureau);
    expect(deleted.data).toEqual({ deleteAssessment: a.id });
    expect((await t.gql(GET, { id: a.id }, city)).data!.assessment).toBeNull();
    const audit = await t.ds.query(
      `SELECT action FROM audit_entry WHERE record_type = 'AssessmentIndicator' AND action = 'DELETE'`,
    );
    expect(audit).toHaveLength(2);
  });

  it('scopes reads: a school sees its own and its town’s assessments; only bureaus record', async () => {
    const staff = await signInAs(t, 'asm-staff', [{ role: Role.SCHOOL_STAFF, schoolId: dbId(w.schoolIds[0]!) }]);
    const list = await t.gql(
      'query($t: ID!) { assessments(filter: { townId: $t }) { nodes { subjectKind school { id } } } }',
      { t: w.townId },
      staff,
    );
    const seen = list.data!.assessments.nodes as { subjectKind: string; school: { id: string } | null }[];
    expect(seen.map((n) => n.subjectKind).sort()).toEqual(['SCHOOL', 'TOWN']);
    expect(seen.find((n) => n.school)!.school!.id).toBe(w.schoolIds[0]);
    const townOnly = await t.gql(
      'query($t: ID!) { town(id: $t) { assessments(filter: { subjectKind: TOWN }) { totalCount } } }',
      { t: w.townId },
      staff,
    );
    expect(townOnly.data!.town.assessments.totalCount).toBe(1);
    const denied = await t.gql(CREATE, { i: { schoolId: w.schoolIds[0], period: '2022' } }, staff);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const b = await buildWorld(t, city, { districtCode: '370986', schools: 1, teachersPerSchool: 0 });
    const outsider = await signInAs(t, 'asm-bureau-b', [{ role: Role.DISTRICT_ADMIN, districtId: dbId(b.districtId) }]);
    const none = await t.gql(
      'query($t: ID!) { assessments(filter: { townId: $t }) { totalCount } }',
      { t: w.townId },
      outsider,
    );
    expect(none.data!.assessments.totalCount).toBe(0);
    const forTown = await t.gql(CREATE, { i: { townId: w.townId, period: '2022' } }, outsider);
    expect(forTown.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const forSchool = await t.gql(CREATE, { i: { schoolId: w.schoolIds[0], period: '2022' } }, outsider);
    expect(forSchool.errors?.[0]?.extensions).toMatchObject({
      fields: [{ path: 'input.schoolId', constraint: 'exists' }],
    });
    const nested = await t.gql(
      'query($s: ID!) { school(id: $s) { assessments(filter: { period: "2023" }) { nodes { period } } } }',
      { s: w.schoolIds[0] },
      staff,
    );
    expect(nested.data!.school.assessments.nodes).toEqual([{ period: '2023' }]);
  });
});

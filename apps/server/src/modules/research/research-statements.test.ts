import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { buildWorld, cityAdminToken } from '../../test/fixtures.js';

const TEACHERS = `query($n: Int!) {
  teachers(first: $n, filter: { search: "教师" }) { edges { node { id
    exchanges(first: $n) { totalCount nodes { id teacher { name } fromSchool { name } toSchool { name } } } } } }
}`;
const SCHOOLS = `query($n: Int!) {
  schools(first: $n, filter: { search: "统计镇" }) { nodes { id
    exchangesIn(first: $n) { totalCount nodes { id toSchool { name } } }
    exchangesOut(first: $n) { totalCount nodes { id } }
    researcherAssignments(first: $n) { totalCount nodes { id researcher { name } } }
    jointResearchSessions(first: $n) { totalCount nodes { id researcher { name } schools { name } } } } }
}`;
const RESEARCHERS = `query($n: Int!) {
  researchers(first: $n) { nodes { id district { name }
    assignments(first: $n) { totalCount nodes { id school { name } missingMonths(from: "2024-01-01", to: "2024-12-31") } }
    sessions(first: $n) { totalCount nodes { id schools { name } } } } }
}`;

/**
 * The exchange and research relations go through per-request loaders, so the statements
 * of teachers → exchanges → schools, schools → exchanges/assignments/sessions → schools and
 * researchers → assignments → missingMonths/school stay fixed however many rows come back.
 */
describe('exchange and research relations: statement count', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = await cityAdminToken(t);
    const worlds = [];
    for (const code of ['370991', '370992']) {
      worlds.push(await buildWorld(t, token, { districtCode: code, schools: 3, teachersPerSchool: 2 }));
    }
    const rename = async (id: string, i: number) =>
      t.gql(
        'mutation($id: ID!, $n: String!) { updateSchool(id: $id, input: { name: $n }) { id } }',
        { id, n: `统计镇学校${i}` },
        token,
      );
    const schools = worlds.flatMap((w) => w.schoolIds);
    for (const [i, s] of schools.entries()) await rename(s, i);
    // Every teacher goes on one exchange to the next school of its world; each school gets a
    // researcher of its district and two sessions.
    for (const w of worlds) {
      for (const [i, s] of w.schoolIds.entries()) {
        const teachers = await t.gql(
          'query($id: ID!) { school(id: $id) { teachers { nodes { id } } } }',
          { id: s },
          token,
        );
        for (const [j, teacher] of (teachers.data!.school.teachers.nodes as { id: string }[]).entries()) {
          const r = await t.gql(
            'mutation($i: CreateTeacherExchangeInput!) { createTeacherExchange(input: $i) { id } }',
            {
              i: {
                teacherId: teacher.id,
                toSchoolId: w.schoolIds[(i + 1) % w.schoolIds.length],
                kind: 'ROTATION',
                startDate: `2024-0${j + 1}-01`,
              },
            },
            token,
          );
          expect(r.errors).toBeUndefined();
        }
        const researcher = await t.gql(
          'mutation($i: CreateResearcherInput!) { createResearcher(input: $i) { id } }',
          { i: { name: `统计教研员${s.slice(-6)}`, level: 'DISTRICT', districtId: w.districtId, subject: '数学' } },
          token,
        );
        const rid = researcher.data!.createResearcher.id as string;
        await t.gql(
          'mutation($r: ID!, $s: ID!) { assignResearcher(researcherId: $r, input: { schoolId: $s, startDate: "2024-01-01" }) { id } }',
          { r: rid, s },
          token,
        );
        for (const heldOn of ['2024-02-29', '2024-05-10']) {
          const rec = await t.gql(
            'mutation($i: RecordJointResearchSessionInput!) { recordJointResearchSession(input: $i) { id } }',
            {
              i: {
                heldOn,
                researcherId: rid,
                schoolIds: [s, w.schoolIds[(i + 1) % 3]],
                subject: '数学',
                topic: '课堂观察',
              },
            },
            token,
          );
          expect(rec.errors).toBeUndefined();
        }
      }
    }
  });
  afterAll(() => t.close());

  async function statementsFor(query: string, n: number) {
    t.statements.reset();
    const r = await t.gql(query, { n }, token);
    expect(r.errors).toBeUndefined();
    const statements = t.statements.statements.filter((s) => !/"auth_session"|"app_user"|"role_grant"/.test(s));
    // Rows returned at the deepest level, to show the large run really returns more.
    const rows = JSON.stringify(r.data).split('"id"').length - 1;
    return { statements: statements.length, rows };
  }

  for (const [name, query, bound] of [
    ['teachers → exchanges → teacher/fromSchool/toSchool', TEACHERS, 8],
    ['schools → exchangesIn/Out, researcherAssignments, jointResearchSessions → schools', SCHOOLS, 20],
    ['researchers → assignments → school/missingMonths, sessions → schools', RESEARCHERS, 14],
  ] as const) {
    it(`${name}: does not grow with the number of rows returned`, async () => {
      const small = await statementsFor(query, 1);
      const large = await statementsFor(query, 6);
      expect(large.rows).toBeGreaterThan(small.rows * 3);
      // By-id loaders may batch in fewer ticks when there are more rows, never in more.
      expect(large.statements).toBeLessThanOrEqual(small.statements);
      expect(large.statements).toBeLessThanOrEqual(bound);
      console.log(
        `${name}: ${small.statements} statements for ${small.rows} records, ${large.statements} for ${large.rows}`,
      );
    });
  }
});

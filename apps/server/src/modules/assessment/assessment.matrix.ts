import {
  ADMINS,
  CITY,
  CITY_WIDE,
  SEES_SCHOOL_1,
  type MatrixKit,
  type MatrixModule,
  type Scope,
} from '../../test/matrix-kit.js';

/**
 * Authorization rows for assessments. In scope: assessments of the scoped roles' school
 * (A's school 0); out of scope: B's school 0. The fixture uses period 2021; rows that
 * create assessments use 2022 and remove them again, so every run starts from the same state.
 */
const fixtures: Record<Scope, string> = { in: '', out: '' };

const INDICATOR = { kind: 'PARENT_SATISFACTION', value: 0.96, source: '家长问卷', measuredOn: '2022-06-01' };

async function assessment(kit: MatrixKit, s: Scope, period: string): Promise<string> {
  const r = await kit.gql(
    'mutation($i: CreateAssessmentInput!) { createAssessment(input: $i) { id } }',
    { i: { schoolId: kit.target(s).schoolIds[0], period, indicators: [INDICATOR] } },
    kit.city(),
  );
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return (r.data as { createAssessment: { id: string } }).createAssessment.id;
}

const cleanUp = (kit: MatrixKit, id: string | undefined) =>
  id ? kit.gql('mutation($id: ID!) { deleteAssessment(id: $id) }', { id }, kit.city()) : undefined;

export const assessmentMatrix: MatrixModule = {
  async setup(kit) {
    for (const s of ['in', 'out'] as Scope[]) fixtures[s] = await assessment(kit, s, '2021');
  },
  rows: (kit) => ({
    assessments: {
      run: (tk, s) =>
        kit.gql(
          'query($id: ID!) { assessments(filter: { schoolId: $id }) { totalCount } }',
          { id: kit.target(s).schoolIds[0] },
          tk,
        ),
      allow: { in: SEES_SCHOOL_1, out: CITY_WIDE },
    },
    assessment: {
      run: (tk, s) => kit.gql('query($id: ID!) { assessment(id: $id) { id } }', { id: fixtures[s] }, tk),
      allow: { in: SEES_SCHOOL_1, out: CITY_WIDE },
    },
    createAssessment: {
      ask: (s) => ({ action: 'ASSESSMENT_RECORD', id: kit.target(s).schoolIds[0] }),
      run: async (tk, s) => {
        const r = await kit.gql(
          'mutation($i: CreateAssessmentInput!) { createAssessment(input: $i) { id } }',
          { i: { schoolId: kit.target(s).schoolIds[0], period: '2022' } },
          tk,
        );
        await cleanUp(kit, (r.data as { createAssessment?: { id: string } } | null | undefined)?.createAssessment?.id);
        return r;
      },
      allow: { in: ADMINS, out: CITY },
    },
    recordAssessmentIndicators: {
      ask: (s) => ({ action: 'ASSESSMENT_RECORD', id: fixtures[s] }),
      run: (tk, s) =>
        kit.gql(
          'mutation($id: ID!, $i: [AssessmentIndicatorInput!]!) { recordAssessmentIndicators(assessmentId: $id, indicators: $i) { id } }',
          { id: fixtures[s], i: [{ ...INDICATOR, value: 0.97 }] },
          tk,
        ),
      allow: { in: ADMINS, out: CITY },
    },
    removeAssessmentIndicator: {
      ask: (s) => ({ action: 'ASSESSMENT_RECORD', id: fixtures[s] }),
      run: async (tk, s) => {
        await kit.gql(
          'mutation($id: ID!, $i: [AssessmentIndicatorInput!]!) { recordAssessmentIndicators(assessmentId: $id, indicators: $i) { id } }',
          {
            id: fixtures[s],
            i: [{ kind: 'CURRICULUM_COMPLETE', booleanValue: true, source: '课程督导', measuredOn: '2021-11-01' }],
          },
          kit.city(),
        );
        return kit.gql(
          'mutation($id: ID!) { removeAssessmentIndicator(assessmentId: $id, kind: CURRICULUM_COMPLETE) { id } }',
          { id: fixtures[s] },
          tk,
        );
      },
      allow: { in: ADMINS, out: CITY },
    },
    deleteAssessment: {
      ask: (s) => ({ action: 'ASSESSMENT_RECORD', id: fixtures[s] }),
      run: async (tk, s) => {
        const id = await assessment(kit, s, '2022');
        const r = await kit.gql('mutation($id: ID!) { deleteAssessment(id: $id) }', { id }, tk);
        if (r.errors) await cleanUp(kit, id);
        return r;
      },
      allow: { in: ADMINS, out: CITY },
    },
  }),
};

import {
  CITY,
  CITY_WIDE,
  MANAGES_SCHOOL_1,
  SEES_SCHOOL_1,
  type MatrixKit,
  type MatrixModule,
  type Scope,
} from '../../test/matrix-kit.js';

/**
 * Authorization rows for teacher exchanges. In scope: an exchange out of the scoped roles'
 * school (A's school 0) to A's school 1; out of scope: the same in district B.
 */
const fixtures: Record<Scope, string> = { in: '', out: '' };
const into: Record<Scope, string> = { in: '', out: '' };

async function freshTeacher(kit: MatrixKit, schoolId: string): Promise<string> {
  const r = await kit.gql(
    'mutation($i: CreateTeacherInput!) { createTeacher(input: $i) { id } }',
    { i: { staffNumber: `X${kit.uniq()}`, name: '交流教师', gender: 'MALE', degree: 'BACHELOR', schoolId } },
    kit.city(),
  );
  return (r.data as { createTeacher: { id: string } }).createTeacher.id;
}

async function exchange(kit: MatrixKit, s: Scope, endDate: string | null = null): Promise<string> {
  const w = kit.target(s);
  return exchangeBetween(kit, w.schoolIds[0]!, w.schoolIds[1]!, endDate);
}

/**
 * An exchange the scoped roles' school receives: in scope, a teacher of B's school 1 coming
 * to A's school 0 (whose staff, group leader and bureau are the receiving end's authority);
 * out of scope, the same teacher's school sending to B's school 0.
 */
async function exchangeInto(kit: MatrixKit, s: Scope, endDate: string | null = null): Promise<string> {
  return exchangeBetween(kit, kit.b().schoolIds[1]!, kit.target(s).schoolIds[0]!, endDate);
}

async function exchangeBetween(kit: MatrixKit, from: string, to: string, endDate: string | null): Promise<string> {
  const r = await kit.gql(
    'mutation($i: CreateTeacherExchangeInput!) { createTeacherExchange(input: $i) { id } }',
    {
      i: {
        teacherId: await freshTeacher(kit, from),
        toSchoolId: to,
        kind: 'ROTATION',
        startDate: '2024-09-01',
        endDate,
      },
    },
    kit.city(),
  );
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return (r.data as { createTeacherExchange: { id: string } }).createTeacherExchange.id;
}

export const exchangeMatrix: MatrixModule = {
  async setup(kit) {
    for (const s of ['in', 'out'] as Scope[]) {
      fixtures[s] = await exchange(kit, s);
      into[s] = await exchangeInto(kit, s);
    }
  },
  rows: (kit) => ({
    teacherExchanges: {
      run: (tk, s) =>
        kit.gql(
          'query($id: ID!) { teacherExchanges(filter: { schoolId: $id }) { totalCount } }',
          { id: kit.target(s).schoolIds[0] },
          tk,
        ),
      allow: { in: SEES_SCHOOL_1, out: CITY_WIDE },
    },
    teacherExchange: {
      run: (tk, s) => kit.gql('query($id: ID!) { teacherExchange(id: $id) { id } }', { id: fixtures[s] }, tk),
      allow: { in: SEES_SCHOOL_1, out: CITY_WIDE },
    },
    createTeacherExchange: {
      ask: (s) => ({ action: 'EXCHANGE_CREATE', id: kit.target(s).schoolIds[0] }), // the teacher's school
      run: async (tk, s) => {
        const w = kit.target(s);
        return kit.gql(
          'mutation($i: CreateTeacherExchangeInput!) { createTeacherExchange(input: $i) { id } }',
          {
            i: {
              teacherId: await freshTeacher(kit, w.schoolIds[0]!),
              toSchoolId: w.schoolIds[1],
              kind: 'SUPPORT_TEACHING',
              startDate: '2025-02-01',
            },
          },
          tk,
        );
      },
      allow: { in: MANAGES_SCHOOL_1, out: CITY },
    },
    updateTeacherExchange: {
      ask: (s) => ({ action: 'EXCHANGE_UPDATE', id: fixtures[s] }),
      run: (tk, s) =>
        kit.gql(
          'mutation($id: ID!) { updateTeacherExchange(id: $id, input: { kind: OUTREACH_TEACHING }) { id } }',
          { id: fixtures[s] },
          tk,
        ),
      allow: { in: MANAGES_SCHOOL_1, out: CITY },
    },
    endTeacherExchange: {
      ask: (s) => ({ action: 'EXCHANGE_UPDATE', id: fixtures[s] }),
      run: async (tk, s) =>
        kit.gql(
          'mutation($id: ID!) { endTeacherExchange(id: $id, endDate: "2025-01-31") { id } }',
          { id: await exchange(kit, s) },
          tk,
        ),
      allow: { in: MANAGES_SCHOOL_1, out: CITY },
    },
    deleteTeacherExchange: {
      ask: (s) => ({ action: 'EXCHANGE_DELETE', id: fixtures[s] }),
      run: async (tk, s) =>
        kit.gql(
          'mutation($id: ID!) { deleteTeacherExchange(id: $id) }',
          { id: await exchange(kit, s, '2025-01-31') },
          tk,
        ),
      allow: { in: MANAGES_SCHOOL_1, out: CITY },
    },
    // ── the receiving end's authority may change, end and delete it too (ACCESS.md: either school)
    'updateTeacherExchange (receiving school)': {
      ask: (s) => ({ action: 'EXCHANGE_UPDATE', id: into[s] }),
      run: (tk, s) =>
        kit.gql(
          'mutation($id: ID!) { updateTeacherExchange(id: $id, input: { kind: OUTREACH_TEACHING }) { id } }',
          { id: into[s] },
          tk,
        ),
      allow: { in: MANAGES_SCHOOL_1, out: CITY },
    },
    'endTeacherExchange (receiving school)': {
      ask: (s) => ({ action: 'EXCHANGE_UPDATE', id: into[s] }),
      run: async (tk, s) =>
        kit.gql(
          'mutation($id: ID!) { endTeacherExchange(id: $id, endDate: "2025-01-31") { id } }',
          { id: await exchangeInto(kit, s) },
          tk,
        ),
      allow: { in: MANAGES_SCHOOL_1, out: CITY },
    },
    'deleteTeacherExchange (receiving school)': {
      ask: (s) => ({ action: 'EXCHANGE_DELETE', id: into[s] }),
      run: async (tk, s) =>
        kit.gql(
          'mutation($id: ID!) { deleteTeacherExchange(id: $id) }',
          { id: await exchangeInto(kit, s, '2025-01-31') },
          tk,
        ),
      allow: { in: MANAGES_SCHOOL_1, out: CITY },
    },
  }),
};

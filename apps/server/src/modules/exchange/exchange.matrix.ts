import {
  ADMINS,
  CITY,
  CITY_WIDE,
  MANAGES_SCHOOL_1,
  SEES_SCHOOL_1,
  type MatrixKit,
  type MatrixModule,
  type Scope,
} from '../../test/matrix-kit.js';
import { signInAs } from '../../test/fixtures.js';
import { Role } from '../../auth/viewer.js';

/**
 * Authorization rows for teacher exchanges. In scope: an exchange out of the scoped roles'
 * school (A's school 0) to A's school 1; out of scope: the same in district B.
 */
const fixtures: Record<Scope, string> = { in: '', out: '' };
/**
 * Who has authority over A's school 1 (the home school in the receiving-end rows): its
 * district and the city. The group leader reaches school 1 only read-only (the collaboration
 * matrix makes it a pairing partner and a plain member: docs/ACCESS.md, reach by mode).
 */
const HOME_OF_SCHOOL_1 = ADMINS;
/** Staff of school 1 (the receiving school) in each district: they propose, school 0 decides. */
const proposers: Record<Scope, string> = { in: '', out: '' };
/** What the rows ask viewerCan about: a confirmed exchange into school 0, and a proposal. */
const reverse: Record<Scope, string> = { in: '', out: '' };
const pending: Record<Scope, string> = { in: '', out: '' };

async function freshTeacher(kit: MatrixKit, schoolId: string): Promise<string> {
  const r = await kit.gql(
    'mutation($i: CreateTeacherInput!) { createTeacher(input: $i) { id } }',
    { i: { staffNumber: `X${kit.uniq()}`, name: '交流教师', gender: 'MALE', degree: 'BACHELOR', schoolId } },
    kit.city(),
  );
  return (r.data as { createTeacher: { id: string } }).createTeacher.id;
}

/** A confirmed exchange from school 0 to school 1 (`into0`: the other way, so school 0 receives). */
async function exchange(kit: MatrixKit, s: Scope, endDate: string | null = null, into0 = false): Promise<string> {
  const w = kit.target(s);
  const [from, to] = into0 ? [w.schoolIds[1]!, w.schoolIds[0]!] : [w.schoolIds[0]!, w.schoolIds[1]!];
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

/** A proposal into school 1 of a teacher of school 0, by school 1's staff: it awaits school 0. */
async function proposal(kit: MatrixKit, s: Scope): Promise<string> {
  const w = kit.target(s);
  const r = await kit.gql(
    'mutation($i: CreateTeacherExchangeInput!) { createTeacherExchange(input: $i) { id consent } }',
    {
      i: {
        teacherId: await freshTeacher(kit, w.schoolIds[0]!),
        toSchoolId: w.schoolIds[1],
        kind: 'ROTATION',
        startDate: '2025-09-01',
      },
    },
    proposers[s],
  );
  const created = (r.data as { createTeacherExchange?: { id: string; consent: string } } | null)?.createTeacherExchange;
  if (created?.consent !== 'PROPOSED') throw new Error(`expected a proposal: ${JSON.stringify(r)}`);
  return created.id;
}

export const exchangeMatrix: MatrixModule = {
  async setup(kit) {
    for (const s of ['in', 'out'] as Scope[]) {
      fixtures[s] = await exchange(kit, s);
      proposers[s] = await signInAs(kit.t, `matrix-proposer-${s}`, [
        { role: Role.SCHOOL_STAFF, schoolId: kit.dbId(kit.target(s).schoolIds[1]!) },
      ]);
      reverse[s] = await exchange(kit, s, null, true);
      pending[s] = await proposal(kit, s);
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
      ask: (s) => ({ action: 'EXCHANGE_CREATE', id: kit.target(s).schoolIds[0] }), // the teacher's school,
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
      ask: (s) => ({ action: 'EXCHANGE_END', id: fixtures[s] }),
      run: async (tk, s) =>
        kit.gql(
          'mutation($id: ID!) { endTeacherExchange(id: $id, endDate: "2025-01-31") { id } }',
          { id: await exchange(kit, s) },
          tk,
        ),
      allow: { in: MANAGES_SCHOOL_1, out: CITY },
    },
    // A confirmed exchange into the roles' school 0 from school 1: the receiving end may end
    // it, but changing or deleting it is the home school's: school 1's district and the city.
    // (The group leader and SCHOOL_STAFF of school 0 are the receiving end only.)
    'updateTeacherExchange (receiving end)': {
      ask: (s) => ({ action: 'EXCHANGE_UPDATE', id: reverse[s] }),
      run: async (tk, s) =>
        kit.gql(
          'mutation($id: ID!) { updateTeacherExchange(id: $id, input: { kind: OUTREACH_TEACHING }) { id } }',
          { id: await exchange(kit, s, null, true) },
          tk,
        ),
      allow: { in: HOME_OF_SCHOOL_1, out: CITY },
    },
    'endTeacherExchange (receiving end)': {
      ask: (s) => ({ action: 'EXCHANGE_END', id: reverse[s] }),
      run: async (tk, s) =>
        kit.gql(
          'mutation($id: ID!) { endTeacherExchange(id: $id, endDate: "2025-01-31") { id } }',
          { id: await exchange(kit, s, null, true) },
          tk,
        ),
      allow: { in: MANAGES_SCHOOL_1, out: CITY },
    },
    'deleteTeacherExchange (receiving end)': {
      ask: (s) => ({ action: 'EXCHANGE_DELETE', id: reverse[s] }),
      run: async (tk, s) =>
        kit.gql(
          'mutation($id: ID!) { deleteTeacherExchange(id: $id) }',
          { id: await exchange(kit, s, '2025-01-31', true) },
          tk,
        ),
      allow: { in: HOME_OF_SCHOOL_1, out: CITY },
    },
    // Only the authority over the teacher's home school (school 0) answers a proposal.
    confirmTeacherExchange: {
      ask: (s) => ({ action: 'EXCHANGE_CONFIRM', id: pending[s] }),
      run: async (tk, s) =>
        kit.gql('mutation($id: ID!) { confirmTeacherExchange(id: $id) { id } }', { id: await proposal(kit, s) }, tk),
      allow: { in: MANAGES_SCHOOL_1, out: CITY },
    },
    declineTeacherExchange: {
      ask: (s) => ({ action: 'EXCHANGE_DECLINE', id: pending[s] }),
      run: async (tk, s) =>
        kit.gql(
          'mutation($id: ID!) { declineTeacherExchange(id: $id, comment: "本学期人手不足") { id } }',
          { id: await proposal(kit, s) },
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
  }),
};

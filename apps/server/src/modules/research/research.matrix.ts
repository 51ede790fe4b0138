import { Role } from '../../auth/viewer.js';
import {
  ADMINS,
  CITY,
  CITY_WIDE,
  MANAGES_SCHOOL_1,
  SEES_SCHOOL_1,
  type MatrixKit,
  type MatrixModule,
  type Scope,
  type Who,
} from '../../test/matrix-kit.js';

/**
 * Authorization rows for researchers, assignments and sessions. Each district has a
 * district researcher attached to its school 0 (the scoped roles' school in A), one who
 * breaks the town-seat rule (once attached to school 0, now only to school 1), and a session.
 */
const researchers: Record<Scope, string> = { in: '', out: '' };
const breaking: Record<Scope, string> = { in: '', out: '' };
const sessions: Record<Scope, string> = { in: '', out: '' };
const assignments: Record<Scope, string> = { in: '', out: '' };

/** Who may record sessions at the scoped roles' school: whoever runs it, and its researcher. */
const RECORDS_AT_SCHOOL_1: Who[] = [...MANAGES_SCHOOL_1, Role.RESEARCHER];

let year = 1950;

async function ok(kit: MatrixKit, query: string, variables: Record<string, unknown>): Promise<Record<string, any>> {
  const r = await kit.gql(query, variables, kit.city());
  if (!r.data || r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as Record<string, any>;
}

const CREATE = 'mutation($i: CreateResearcherInput!) { createResearcher(input: $i) { id } }';
const ASSIGN = 'mutation($r: ID!, $i: AssignResearcherInput!) { assignResearcher(researcherId: $r, input: $i) { id } }';
const RECORD = 'mutation($i: RecordJointResearchSessionInput!) { recordJointResearchSession(input: $i) { id } }';

async function session(kit: MatrixKit, s: Scope): Promise<string> {
  const d = await ok(kit, RECORD, {
    i: {
      heldOn: '2024-05-01',
      researcherId: researchers[s],
      schoolIds: [kit.target(s).schoolIds[0]],
      subject: '数学',
      topic: '矩阵教研',
    },
  });
  return d.recordJointResearchSession.id as string;
}

export const researchMatrix: MatrixModule = {
  async setup(kit) {
    for (const s of ['in', 'out'] as Scope[]) {
      const w = kit.target(s);
      const mk = async (name: string) =>
        (await ok(kit, CREATE, { i: { name, level: 'DISTRICT', districtId: w.districtId, subject: '数学' } }))
          .createResearcher.id as string;
      researchers[s] = await mk(`矩阵教研员${s}`);
      assignments[s] = (
        await ok(kit, ASSIGN, { r: researchers[s], i: { schoolId: w.schoolIds[0], startDate: '2020-01-01' } })
      ).assignResearcher.id as string;
      breaking[s] = await mk(`矩阵违规${s}`);
      await ok(kit, ASSIGN, {
        r: breaking[s],
        i: { schoolId: w.schoolIds[0], startDate: '2019-01-01', endDate: '2019-12-31' },
      });
      await ok(kit, ASSIGN, { r: breaking[s], i: { schoolId: w.schoolIds[1], startDate: '2020-01-01' } });
      sessions[s] = await session(kit, s);
    }
  },
  rows: (kit) => ({
    researchers: {
      run: (tk, s) =>
        kit.gql(
          'query($d: ID!) { researchers(filter: { districtId: $d }) { totalCount } }',
          { d: kit.target(s).districtId },
          tk,
        ),
      allow: { in: SEES_SCHOOL_1, out: CITY_WIDE },
    },
    researcher: {
      run: (tk, s) => kit.gql('query($id: ID!) { researcher(id: $id) { id } }', { id: researchers[s] }, tk),
      allow: { in: SEES_SCHOOL_1, out: CITY_WIDE },
    },
    researchersWithoutTownSeatSchool: {
      run: (tk, s) =>
        kit.gql(
          'query($d: ID!) { researchersWithoutTownSeatSchool(filter: { districtId: $d }) { totalCount } }',
          { d: kit.target(s).districtId },
          tk,
        ),
      allow: { in: SEES_SCHOOL_1, out: CITY_WIDE },
    },
    createResearcher: {
      ask: (s) => ({ action: 'RESEARCHER_MANAGE', id: kit.target(s).districtId }),
      run: (tk, s) =>
        kit.gql(
          CREATE,
          {
            i: {
              name: `新教研员${kit.uniq()}`,
              level: 'DISTRICT',
              districtId: kit.target(s).districtId,
              subject: '语文',
            },
          },
          tk,
        ),
      allow: { in: ADMINS, out: CITY },
    },
    updateResearcher: {
      ask: (s) => ({ action: 'RESEARCHER_MANAGE', id: researchers[s] }),
      run: (tk, s) =>
        kit.gql(
          'mutation($id: ID!) { updateResearcher(id: $id, input: { subject: "数学" }) { id } }',
          { id: researchers[s] },
          tk,
        ),
      allow: { in: ADMINS, out: CITY },
    },
    linkResearcherUser: {
      ask: (s) => ({ action: 'RESEARCHER_MANAGE', id: breaking[s] }),
      run: (tk, s) =>
        kit.gql('mutation($id: ID!) { linkResearcherUser(id: $id, userId: null) { id } }', { id: breaking[s] }, tk),
      allow: { in: ADMINS, out: CITY },
    },
    assignResearcher: {
      ask: (s) => ({ action: 'ASSIGNMENT_MANAGE', id: kit.target(s).schoolIds[1] }), // the school attached
      run: (tk, s) => {
        year += 1;
        return kit.gql(
          ASSIGN,
          {
            r: researchers[s],
            i: { schoolId: kit.target(s).schoolIds[1], startDate: `${year}-01-01`, endDate: `${year}-12-31` },
          },
          tk,
        );
      },
      allow: { in: ADMINS, out: CITY },
    },
    endResearcherAssignment: {
      ask: (s) => ({ action: 'ASSIGNMENT_MANAGE', id: assignments[s] }),
      run: async (tk, s) => {
        // A fresh researcher each time: an open assignment left by a refused role would overlap.
        const w = kit.target(s);
        const r = await ok(kit, CREATE, {
          i: { name: `待结束${kit.uniq()}`, level: 'DISTRICT', districtId: w.districtId, subject: '数学' },
        });
        year += 1;
        const d = await ok(kit, ASSIGN, {
          r: r.createResearcher.id,
          i: { schoolId: w.schoolIds[0], startDate: `${year}-01-01` },
        });
        return kit.gql(
          'mutation($id: ID!, $d: Date!) { endResearcherAssignment(id: $id, endDate: $d) { id } }',
          { id: d.assignResearcher.id, d: `${year}-06-30` },
          tk,
        );
      },
      allow: { in: ADMINS, out: CITY },
    },
    jointResearchSessions: {
      run: (tk, s) =>
        kit.gql(
          'query($id: ID!) { jointResearchSessions(filter: { schoolId: $id }) { totalCount } }',
          { id: kit.target(s).schoolIds[0] },
          tk,
        ),
      allow: { in: SEES_SCHOOL_1, out: CITY_WIDE },
    },
    jointResearchSession: {
      run: (tk, s) => kit.gql('query($id: ID!) { jointResearchSession(id: $id) { id } }', { id: sessions[s] }, tk),
      allow: { in: SEES_SCHOOL_1, out: CITY_WIDE },
    },
    recordJointResearchSession: {
      ask: (s) => ({ action: 'SESSION_RECORD', id: kit.target(s).schoolIds[0] }),
      run: (tk, s) =>
        kit.gql(
          RECORD,
          {
            i: {
              heldOn: '2024-06-01',
              researcherId: researchers[s],
              schoolIds: [kit.target(s).schoolIds[0]],
              subject: '数学',
              topic: '矩阵记录',
            },
          },
          tk,
        ),
      allow: { in: RECORDS_AT_SCHOOL_1, out: CITY },
    },
    updateJointResearchSession: {
      ask: (s) => ({ action: 'SESSION_RECORD', id: sessions[s] }),
      run: (tk, s) =>
        kit.gql(
          'mutation($id: ID!) { updateJointResearchSession(id: $id, input: { participantCount: 20 }) { id } }',
          { id: sessions[s] },
          tk,
        ),
      allow: { in: RECORDS_AT_SCHOOL_1, out: CITY },
    },
    deleteJointResearchSession: {
      ask: (s) => ({ action: 'SESSION_RECORD', id: sessions[s] }),
      run: async (tk, s) =>
        kit.gql('mutation($id: ID!) { deleteJointResearchSession(id: $id) }', { id: await session(kit, s) }, tk),
      allow: { in: RECORDS_AT_SCHOOL_1, out: CITY },
    },
  }),
};

import { Role } from '../../auth/viewer.js';
import {
  ADMINS,
  CITY,
  CITY_WIDE,
  SEES_SCHOOL_1,
  type MatrixKit,
  type MatrixModule,
  type Scope,
  type Who,
} from '../../test/matrix-kit.js';

/**
 * Authorization rows for groups, memberships, trusteeships and activities. The target is
 * the lead school (a decision's target: the partner, A's school 1 or B's school 1): in scope, A's school 0 (the scoped roles' own school) leading
 * A's school 1; out of scope, B's school 0 leading B's school 1.
 */

/** Who runs a lead school's groups and trusteeships: the bureaus and its group leader. */
const LEADS_SCHOOL_1: Who[] = [Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.GROUP_LEADER];

const fixtures: Record<Scope, { group: string; membership: string; trusteeship: string }> = {
  in: { group: '', membership: '', trusteeship: '' },
  out: { group: '', membership: '', trusteeship: '' },
};

async function newGroup(kit: MatrixKit, scope: Scope): Promise<string> {
  const r = await kit.gql(
    'mutation($i: CreateCollaborationGroupInput!) { createCollaborationGroup(input: $i) { id } }',
    { i: { name: `矩阵集团${kit.uniq()}`, kind: 'EDUCATION_GROUP', leadSchoolId: kit.target(scope).schoolIds[0] } },
    kit.city(),
  );
  if (!r.data?.createCollaborationGroup) throw new Error(JSON.stringify(r.errors));
  return (r.data.createCollaborationGroup as { id: string }).id;
}

async function newMembership(kit: MatrixKit, scope: Scope): Promise<string> {
  const r = await kit.gql(
    'mutation($g: ID!, $s: ID!) { addGroupMember(groupId: $g, input: { schoolId: $s, role: MEMBER, joinedOn: "2024-01-01" }) { id } }',
    { g: await newGroup(kit, scope), s: kit.target(scope).schoolIds[1] },
    kit.city(),
  );
  if (!r.data?.addGroupMember) throw new Error(JSON.stringify(r.errors));
  return (r.data.addGroupMember as { id: string }).id;
}

async function newTrusteeship(kit: MatrixKit, scope: Scope): Promise<string> {
  const w = kit.target(scope);
  const r = await kit.gql(
    'mutation($i: CreateTrusteeshipInput!) { createTrusteeship(input: $i) { id } }',
    { i: { leadSchoolId: w.schoolIds[0], partnerSchoolId: w.schoolIds[1], mode: 'PAIRING', startDate: '2024-01-01' } },
    kit.city(),
  );
  if (!r.data?.createTrusteeship) throw new Error(JSON.stringify(r.errors));
  return (r.data.createTrusteeship as { id: string }).id;
}

/**
 * A relation awaiting a decision, as a lead-side proposal leaves it. Built by the city admin and
 * set back to PENDING in SQL, so the out-of-scope district gets one too (no proposer there).
 */
async function pending(kit: MatrixKit, scope: Scope, kind: 'trusteeship' | 'membership'): Promise<string> {
  const id = kind === 'trusteeship' ? await newTrusteeship(kit, scope) : await newMembership(kit, scope);
  const table = kind === 'trusteeship' ? 'trusteeship' : 'group_membership';
  await kit.t.ds.query(
    `UPDATE ${table} SET approval = 'PENDING', decided_by_id = NULL, decided_by_name = NULL, decided_at = NULL WHERE id = $1`,
    [kit.dbId(id)],
  );
  return id;
}

/** A pending relation of each kind that stays pending, for what the decide rows ask viewerCan. */
const standing: Record<'trusteeship' | 'membership', Record<Scope, string>> = {
  trusteeship: { in: '', out: '' },
  membership: { in: '', out: '' },
};

const decide = (kit: MatrixKit, mutation: string, kind: 'trusteeship' | 'membership') => ({
  // approving and declining are one action: the partner's authority answers a proposal
  ask: (s: Scope) => ({
    action: kind === 'trusteeship' ? 'TRUSTEESHIP_APPROVE' : 'GROUP_MEMBERSHIP_APPROVE',
    id: standing[kind][s],
  }),
  run: async (tk: string | undefined, s: Scope) =>
    kit.gql(
      `mutation($id: ID!) { ${mutation}(input: { id: $id, comment: "矩阵审批" }) { id approval } }`,
      { id: await pending(kit, s, kind) },
      tk,
    ),
  // the partner (member) school's authorities: in scope A's school 1 is the district admin's
  allow: { in: ADMINS, out: CITY },
});

export const collaborationMatrix: MatrixModule = {
  async setup(kit) {
    for (const scope of ['in', 'out'] as Scope[]) {
      fixtures[scope].group = await newGroup(kit, scope);
      const m = await kit.gql(
        'mutation($g: ID!, $s: ID!) { addGroupMember(groupId: $g, input: { schoolId: $s, role: MEMBER, joinedOn: "2024-01-01" }) { id } }',
        { g: fixtures[scope].group, s: kit.target(scope).schoolIds[1] },
        kit.city(),
      );
      fixtures[scope].membership = (m.data!.addGroupMember as { id: string }).id;
      fixtures[scope].trusteeship = await newTrusteeship(kit, scope);
      standing.trusteeship[scope] = await pending(kit, scope, 'trusteeship');
      standing.membership[scope] = await pending(kit, scope, 'membership');
    }
  },

  rows: (kit) => ({
    // ── reads: whoever sees the lead school sees its groups and trusteeships
    collaborationGroups: {
      run: (tk, s) =>
        kit.gql(
          'query($l: ID!) { collaborationGroups(filter: { leadSchoolId: $l }) { totalCount } }',
          { l: kit.target(s).schoolIds[0] },
          tk,
        ),
      allow: { in: SEES_SCHOOL_1, out: CITY_WIDE },
    },
    collaborationGroup: {
      run: (tk, s) => kit.gql('query($id: ID!) { collaborationGroup(id: $id) { id } }', { id: fixtures[s].group }, tk),
      allow: { in: SEES_SCHOOL_1, out: CITY_WIDE },
    },
    trusteeships: {
      run: (tk, s) =>
        kit.gql(
          'query($l: ID!) { trusteeships(filter: { leadSchoolId: $l }) { totalCount } }',
          { l: kit.target(s).schoolIds[0] },
          tk,
        ),
      allow: { in: SEES_SCHOOL_1, out: CITY_WIDE },
    },
    trusteeship: {
      run: (tk, s) => kit.gql('query($id: ID!) { trusteeship(id: $id) { id } }', { id: fixtures[s].trusteeship }, tk),
      allow: { in: SEES_SCHOOL_1, out: CITY_WIDE },
    },

    // ── groups: the bureaus create and delete; the lead school's group leader runs them
    createCollaborationGroup: {
      ask: (s) => ({ action: 'GROUP_CREATE', id: kit.target(s).schoolIds[0] }), // the lead school
      run: (tk, s) =>
        kit.gql(
          'mutation($i: CreateCollaborationGroupInput!) { createCollaborationGroup(input: $i) { id } }',
          {
            i: {
              name: `新共同体${kit.uniq()}`,
              kind: 'DEVELOPMENT_COMMUNITY',
              leadSchoolId: kit.target(s).schoolIds[0],
            },
          },
          tk,
        ),
      allow: { in: ADMINS, out: CITY },
    },
    updateCollaborationGroup: {
      ask: (s) => ({ action: 'GROUP_UPDATE', id: fixtures[s].group }),
      run: (tk, s) =>
        kit.gql(
          'mutation($id: ID!) { updateCollaborationGroup(id: $id, input: { description: "矩阵修改" }) { id } }',
          { id: fixtures[s].group },
          tk,
        ),
      allow: { in: LEADS_SCHOOL_1, out: CITY },
    },
    deleteCollaborationGroup: {
      ask: (s) => ({ action: 'GROUP_DELETE', id: fixtures[s].group }),
      run: async (tk, s) =>
        kit.gql('mutation($id: ID!) { deleteCollaborationGroup(id: $id) }', { id: await newGroup(kit, s) }, tk),
      allow: { in: ADMINS, out: CITY },
    },
    addGroupMember: {
      ask: (s) => ({ action: 'GROUP_MANAGE_MEMBERS', id: fixtures[s].group }),
      run: async (tk, s) =>
        kit.gql(
          'mutation($g: ID!, $s: ID!) { addGroupMember(groupId: $g, input: { schoolId: $s, role: MEMBER, joinedOn: "2024-09-01" }) { id } }',
          { g: await newGroup(kit, s), s: kit.target(s).schoolIds[1] },
          tk,
        ),
      allow: { in: LEADS_SCHOOL_1, out: CITY },
    },
    endGroupMembership: {
      ask: (s) => ({ action: 'GROUP_MANAGE_MEMBERS', id: fixtures[s].membership }),
      run: async (tk, s) =>
        kit.gql(
          'mutation($id: ID!) { endGroupMembership(id: $id, leftOn: "2024-12-31") { id } }',
          { id: await newMembership(kit, s) },
          tk,
        ),
      allow: { in: LEADS_SCHOOL_1, out: CITY },
    },

    // ── trusteeships: run by the lead school's bureaus and group leader, never by the partner
    createTrusteeship: {
      ask: (s) => ({ action: 'TRUSTEESHIP_CREATE', id: kit.target(s).schoolIds[0] }), // the lead school
      run: (tk, s) =>
        kit.gql(
          'mutation($i: CreateTrusteeshipInput!) { createTrusteeship(input: $i) { id } }',
          {
            i: {
              leadSchoolId: kit.target(s).schoolIds[0],
              partnerSchoolId: kit.target(s).schoolIds[1],
              mode: 'PAIRING',
              startDate: '2024-09-01',
            },
          },
          tk,
        ),
      allow: { in: LEADS_SCHOOL_1, out: CITY },
    },
    updateTrusteeship: {
      ask: (s) => ({ action: 'TRUSTEESHIP_UPDATE', id: fixtures[s].trusteeship }),
      run: (tk, s) =>
        kit.gql(
          'mutation($id: ID!) { updateTrusteeship(id: $id, input: { notes: "矩阵修改" }) { id } }',
          { id: fixtures[s].trusteeship },
          tk,
        ),
      allow: { in: LEADS_SCHOOL_1, out: CITY },
    },
    endTrusteeship: {
      ask: (s) => ({ action: 'TRUSTEESHIP_UPDATE', id: fixtures[s].trusteeship }),
      run: async (tk, s) =>
        kit.gql(
          'mutation($id: ID!) { endTrusteeship(id: $id, actualEndDate: "2024-12-31") { id } }',
          { id: await newTrusteeship(kit, s) },
          tk,
        ),
      allow: { in: LEADS_SCHOOL_1, out: CITY },
    },
    recordTrusteeshipActivity: {
      ask: (s) => ({ action: 'TRUSTEESHIP_RECORD_ACTIVITY', id: fixtures[s].trusteeship }),
      run: (tk, s) =>
        kit.gql(
          'mutation($id: ID!) { recordTrusteeshipActivity(trusteeshipId: $id, input: { measure: JOINT_RESEARCH, heldOn: "2024-05-01", description: "矩阵教研" }) { id } }',
          { id: fixtures[s].trusteeship },
          tk,
        ),
      allow: { in: LEADS_SCHOOL_1, out: CITY },
    },

    // ── decisions on proposed relations: only the partner (member) school's authorities
    approveTrusteeship: decide(kit, 'approveTrusteeship', 'trusteeship'),
    declineTrusteeship: decide(kit, 'declineTrusteeship', 'trusteeship'),
    approveGroupMembership: decide(kit, 'approveGroupMembership', 'membership'),
    declineGroupMembership: decide(kit, 'declineGroupMembership', 'membership'),
  }),
};

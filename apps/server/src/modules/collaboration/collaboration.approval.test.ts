import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type GqlResult, type TestApp } from '../../test/harness.js';
import { buildWorld, cityAdminToken, signInAs, type World } from '../../test/fixtures.js';
import { parseGlobalId } from '../../common/global-id.js';
import { Role } from '../../auth/viewer.js';

/**
 * Issue 12 §1–2 and §4, tried as a hostile insider would: a group leader (or a district
 * admin who granted itself GROUP_LEADER) setting up a relation into another district only
 * proposes it and gains nothing; the partner's district decides once; an approved relation
 * reaches by its mode; schools and teachers seen through a visible record beyond the
 * viewer's scope show only their public part.
 */

const CREATE_T = `mutation($i: CreateTrusteeshipInput!) { createTrusteeship(input: $i) {
  id approval decidedByName decidedAt decisionComment } }`;
const ADD = `mutation($g: ID!, $i: AddGroupMemberInput!) { addGroupMember(groupId: $g, input: $i) { id approval decidedByName } }`;
const DECIDE = (m: string) =>
  `mutation($id: ID!, $c: String) { ${m}(input: { id: $id, comment: $c }) { id approval decidedByName decidedAt decisionComment } }`;
const TEACHERS = `query($s: ID!) { school(id: $s) { id teachers { totalCount nodes { id idNumber phone birthDate } } } }`;
const UPDATE_SCHOOL = `mutation($id: ID!) { updateSchool(id: $id, input: { address: "越权地址" }) { id } }`;
const UPDATE_TEACHER = `mutation($id: ID!) { updateTeacher(id: $id, input: { subject: "越权" }) { id } }`;
const CREATE_TEACHER = `mutation($s: ID!) { createTeacher(input: { staffNumber: "X1", name: "越权教师", gender: MALE, schoolId: $s, degree: BACHELOR }) { id } }`;
const CAN = `query($a: ViewerAction!, $id: ID) { viewerCan(action: $a, id: $id) }`;

const errorOf = (r: GqlResult) =>
  r.errors?.[0]?.extensions as { code?: string; fields?: { path: string; constraint?: string }[] } | undefined;

describe('relation approval: proposals reach nothing, decisions are the partner’s, reach follows the mode', () => {
  let t: TestApp;
  let city: string;
  let a: World; // the lead side (demo-group's 商河县 in the report)
  let b: World; // another district (历下区)
  let leader: string; // GROUP_LEADER of A's school 0
  let adminA: string;
  let adminB: string;
  let selfGranted: string; // DISTRICT_ADMIN of A who also holds GROUP_LEADER at A's school 1
  let group: string;
  const teachersOf: Record<string, string[]> = {};

  const dbId = (g: string) => parseGlobalId(g)!.id;
  const propose = async (token: string, lead: string, partner: string, mode: string, startDate = '2026-09-01') => {
    const r = await t.gql(CREATE_T, { i: { leadSchoolId: lead, partnerSchoolId: partner, mode, startDate } }, token);
    if (!r.data?.createTrusteeship) throw new Error(JSON.stringify(r.errors));
    return r.data.createTrusteeship as { id: string; approval: string; decidedByName: string | null };
  };
  const decide = (token: string, m: string, id: string, c?: string) => t.gql(DECIDE(m), { id, c }, token);
  /** whether the viewer reads nothing of the school and writes nothing there */
  async function expectNoReach(token: string, schoolId: string) {
    const seen = await t.gql(TEACHERS, { s: schoolId }, token);
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.school).toBeNull();
    const teachers = await t.gql(
      'query($s: ID!) { teachers(filter: { schoolId: $s }) { totalCount } }',
      { s: schoolId },
      token,
    );
    expect(teachers.data!.teachers.totalCount).toBe(0);
    expect(errorOf(await t.gql(UPDATE_SCHOOL, { id: schoolId }, token))?.code).toBe('NOT_FOUND');
    expect(errorOf(await t.gql(UPDATE_TEACHER, { id: teachersOf[schoolId]![0] }, token))?.code).toBe('NOT_FOUND');
    expect(['NOT_FOUND', 'BAD_USER_INPUT', 'FORBIDDEN']).toContain(
      errorOf(await t.gql(CREATE_TEACHER, { s: schoolId }, token))?.code,
    );
  }

  beforeAll(async () => {
    t = await startTestApp();
    city = await cityAdminToken(t);
    a = await buildWorld(t, city, { districtCode: '371601', schools: 3, teachersPerSchool: 1 });
    b = await buildWorld(t, city, { districtCode: '371602', schools: 7, teachersPerSchool: 2 });
    for (const s of [...a.schoolIds, ...b.schoolIds]) {
      const r = await t.gql<{ school: { teachers: { nodes: { id: string }[] } } }>(
        'query($s: ID!) { school(id: $s) { teachers { nodes { id } } } }',
        { s },
        city,
      );
      teachersOf[s] = r.data!.school.teachers.nodes.map((n) => n.id);
    }
    // personal data to leak, if anything leaks
    await t.ds.query(
      `UPDATE teacher SET id_number = '370102198001011234', phone = '13812341234', birth_date = '1980-01-01'`,
    );
    leader = await signInAs(t, 'leader-a0', [{ role: Role.GROUP_LEADER, schoolId: dbId(a.schoolIds[0]!) }]);
    adminA = await signInAs(t, 'admin-a', [{ role: Role.DISTRICT_ADMIN, districtId: dbId(a.districtId) }]);
    adminB = await signInAs(t, 'admin-b', [{ role: Role.DISTRICT_ADMIN, districtId: dbId(b.districtId) }]);
    selfGranted = await signInAs(t, 'admin-a-leader', [
      { role: Role.DISTRICT_ADMIN, districtId: dbId(a.districtId) },
      { role: Role.GROUP_LEADER, schoolId: dbId(a.schoolIds[1]!) },
    ]);
    const g = await t.gql<{ createCollaborationGroup: { id: string } }>(
      'mutation($l: ID!) { createCollaborationGroup(input: { name: "审批测试集团", kind: EDUCATION_GROUP, leadSchoolId: $l }) { id } }',
      { l: a.schoolIds[0] },
      city,
    );
    group = g.data!.createCollaborationGroup.id;
  });
  afterAll(() => t.close());

  it('a group leader proposing a full trusteeship into another district gets a pending row and reaches nothing', async () => {
    const partner = b.schoolIds[0]!;
    const proposed = await propose(leader, a.schoolIds[0]!, partner, 'FULL_TRUSTEESHIP');
    expect(proposed).toMatchObject({ approval: 'PENDING', decidedByName: null });
    await expectNoReach(leader, partner);
    // the proposer and the lead's district cannot approve it themselves
    for (const token of [leader, adminA, selfGranted]) {
      expect(errorOf(await decide(token, 'approveTrusteeship', proposed.id))?.code).toBe('FORBIDDEN');
    }
    expect(await t.gql(CAN, { a: 'TRUSTEESHIP_APPROVE', id: proposed.id }, leader)).toMatchObject({
      data: { viewerCan: false },
    });
  });

  it('the partner’s district sees what awaits it, approves once, and the leader then manages the partner', async () => {
    const partner = b.schoolIds[1]!;
    const proposed = await propose(leader, a.schoolIds[0]!, partner, 'GROUP_BRANCH');
    const waiting = await t.gql(
      'query { trusteeships(filter: { approval: PENDING }) { nodes { id approval leadSchool { id name code stage } } } }',
      {},
      adminB,
    );
    const row = waiting.data!.trusteeships.nodes.find((n: { id: string }) => n.id === proposed.id);
    // the lead school is out of B's scope: named, never described
    expect(row).toMatchObject({ approval: 'PENDING', leadSchool: { id: a.schoolIds[0], stage: null } });
    expect(row.leadSchool.name).toBeTruthy();
    expect(await t.gql(CAN, { a: 'TRUSTEESHIP_APPROVE', id: proposed.id }, adminB)).toMatchObject({
      data: { viewerCan: true },
    });
    const approved = await decide(adminB, 'approveTrusteeship', proposed.id, '同意设立分校');
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.approveTrusteeship).toMatchObject({
      approval: 'APPROVED',
      decidedByName: 'admin-b',
      decisionComment: '同意设立分校',
    });
    expect(approved.data!.approveTrusteeship.decidedAt).toBeTruthy();
    const audit: { changes: Record<string, { before: unknown; after: unknown }> }[] = await t.ds.query(
      `SELECT changes FROM audit_entry WHERE record_type = 'Trusteeship' AND record_id = $1 AND action = 'UPDATE'`,
      [dbId(proposed.id)],
    );
    expect(audit.map((e) => e.changes.approval)).toEqual([{ before: 'PENDING', after: 'APPROVED' }]);
    // the deciding district reads its decision in its own audit log
    const log = await t.gql(
      '{ auditEntries(filter: { recordType: "Trusteeship", username: "admin-b" }) { nodes { action changes } } }',
      {},
      adminB,
    );
    expect(log.errors).toBeUndefined();
    expect(
      log.data!.auditEntries.nodes.map((n: { changes: { approval?: unknown } }) => n.changes.approval),
    ).toContainEqual({
      before: 'PENDING',
      after: 'APPROVED',
    });
    // decided is decided: neither approve nor decline again
    for (const m of ['approveTrusteeship', 'declineTrusteeship']) {
      const again = await decide(adminB, m, proposed.id);
      expect(errorOf(again)?.code).toBe('CONFLICT');
      expect(errorOf(again)?.fields?.[0]?.constraint).toBe('alreadyDecided');
    }
    // a group branch is managed: personal data in full, writes accepted
    const seen = await t.gql(TEACHERS, { s: partner }, leader);
    expect(seen.data!.school.teachers.nodes[0]).toMatchObject({
      idNumber: '370102198001011234',
      birthDate: '1980-01-01',
    });
    expect((await t.gql(UPDATE_SCHOOL, { id: partner }, leader)).errors).toBeUndefined();
    expect((await t.gql(UPDATE_TEACHER, { id: teachersOf[partner]![0] }, leader)).errors).toBeUndefined();
  });

  it('an approved pairing lets the leader read the partner masked and write nothing there', async () => {
    const partner = b.schoolIds[2]!;
    const proposed = await propose(leader, a.schoolIds[0]!, partner, 'PAIRING');
    expect((await decide(adminB, 'approveTrusteeship', proposed.id)).errors).toBeUndefined();
    const seen = await t.gql(TEACHERS, { s: partner }, leader);
    expect(seen.data!.school.teachers.totalCount).toBe(2);
    for (const n of seen.data!.school.teachers.nodes) {
      expect(n.idNumber).toMatch(/^370\*+$/);
      expect(n.phone).toBe('138****1234');
      expect(n.birthDate).toBeNull();
    }
    const before = await t.ds.query('SELECT count(*)::int AS n FROM audit_entry');
    expect(errorOf(await t.gql(UPDATE_SCHOOL, { id: partner }, leader))?.code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(UPDATE_TEACHER, { id: teachersOf[partner]![0] }, leader))?.code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(CREATE_TEACHER, { s: partner }, leader))?.code).toBe('FORBIDDEN');
    expect(await t.ds.query('SELECT count(*)::int AS n FROM audit_entry')).toEqual(before);
    for (const action of ['SCHOOL_UPDATE', 'TEACHER_CREATE', 'TEACHER_READ_PERSONAL']) {
      expect((await t.gql(CAN, { a: action, id: partner }, leader)).data!.viewerCan).toBe(false);
    }
  });

  it('a district admin who granted itself GROUP_LEADER still only proposes into another district', async () => {
    const partner = b.schoolIds[3]!;
    const proposed = await propose(selfGranted, a.schoolIds[1]!, partner, 'FULL_TRUSTEESHIP');
    expect(proposed.approval).toBe('PENDING');
    await expectNoReach(selfGranted, partner);
    // nor by adding the school to a group its district leads
    const added = await t.gql(
      ADD,
      { g: group, i: { schoolId: partner, role: 'BRANCH_CAMPUS', joinedOn: '2026-09-01' } },
      adminA,
    );
    expect(added.data!.addGroupMember.approval).toBe('PENDING');
    await expectNoReach(selfGranted, partner);
    await expectNoReach(leader, partner);
  });

  it('a declined membership reaches nothing, cannot be decided again, and blocks no new proposal', async () => {
    const partner = b.schoolIds[4]!;
    const added = await t.gql(
      ADD,
      { g: group, i: { schoolId: partner, role: 'BRANCH_CAMPUS', joinedOn: '2026-09-01' } },
      leader,
    );
    expect(added.data!.addGroupMember).toMatchObject({ approval: 'PENDING', decidedByName: null });
    await expectNoReach(leader, partner);
    const declined = await decide(adminB, 'declineGroupMembership', added.data!.addGroupMember.id, '不同意');
    expect(declined.data!.declineGroupMembership).toMatchObject({ approval: 'DECLINED', decisionComment: '不同意' });
    await expectNoReach(leader, partner);
    expect(
      errorOf(await decide(adminB, 'approveGroupMembership', added.data!.addGroupMember.id))?.fields?.[0],
    ).toMatchObject({
      constraint: 'alreadyDecided',
    });
    // the members list filters by approval, on both sides
    const members = await t.gql(
      'query($g: ID!) { collaborationGroup(id: $g) { members(approval: DECLINED) { nodes { id approval } } } }',
      { g: group },
      leader,
    );
    expect(members.data!.collaborationGroup.members.nodes).toEqual([
      { id: added.data!.addGroupMember.id, approval: 'DECLINED' },
    ]);
    const again = await t.gql(
      ADD,
      { g: group, i: { schoolId: partner, role: 'MEMBER', joinedOn: '2026-10-01' } },
      leader,
    );
    expect(again.errors).toBeUndefined();
    // the member's district adds it itself: approved at once, to a group it did not see before
    const partner2 = b.schoolIds[5]!;
    const direct = await t.gql(
      ADD,
      { g: group, i: { schoolId: partner2, role: 'MEMBER', joinedOn: '2026-09-01' } },
      adminB,
    );
    expect(direct.data!.addGroupMember).toMatchObject({ approval: 'APPROVED', decidedByName: 'admin-b' });
    const read = await t.gql(TEACHERS, { s: partner2 }, leader);
    expect(read.data!.school.teachers.nodes[0].idNumber).toMatch(/\*/);
    expect(errorOf(await t.gql(UPDATE_SCHOOL, { id: partner2 }, leader))?.code).toBe('FORBIDDEN');
  });

  it('a declined full trusteeship does not block a real one; a pending one does', async () => {
    const partner = b.schoolIds[6]!;
    const proposed = await propose(leader, a.schoolIds[0]!, partner, 'FULL_TRUSTEESHIP', '2026-01-01');
    const blocked = await t.gql(
      CREATE_T,
      {
        i: {
          leadSchoolId: b.schoolIds[0],
          partnerSchoolId: partner,
          mode: 'FULL_TRUSTEESHIP',
          startDate: '2026-03-01',
        },
      },
      adminB,
    );
    expect(errorOf(blocked)?.fields?.[0]?.constraint).toBe('oneFullTrusteeship');
    expect((await decide(adminB, 'declineTrusteeship', proposed.id)).data!.declineTrusteeship.approval).toBe(
      'DECLINED',
    );
    const created = await t.gql(
      CREATE_T,
      {
        i: {
          leadSchoolId: b.schoolIds[0],
          partnerSchoolId: partner,
          mode: 'FULL_TRUSTEESHIP',
          startDate: '2026-03-01',
        },
      },
      adminB,
    );
    expect(created.data!.createTrusteeship).toMatchObject({ approval: 'APPROVED', decidedByName: 'admin-b' });
  });

  it('the partner’s district admin creates a trusteeship approved at once; the city admin too', async () => {
    const r = await propose(city, a.schoolIds[2]!, b.schoolIds[5]!, 'COUNTERPART_SUPPORT');
    expect(r).toMatchObject({ approval: 'APPROVED', decidedByName: 'city' });
    const byB = await propose(adminB, b.schoolIds[1]!, b.schoolIds[4]!, 'PAIRING');
    expect(byB.approval).toBe('APPROVED');
    // the lead's district admin proposing across the border only proposes
    const byA = await propose(adminA, a.schoolIds[2]!, b.schoolIds[4]!, 'PAIRING', '2026-10-01');
    expect(byA.approval).toBe('PENDING');
  });

  it('names a goal verdict’s out-of-scope town-seat school by its public part only', async () => {
    // the leader sees B's town through its approved partners there; B's seat school is not one of them
    const r = await t.gql(
      `query($id: ID!) { goalAttainment(townId: $id) { goals { schools { school { id name code stage studentCount principal { id } } } } } }`,
      { id: b.townId },
      leader,
    );
    expect(r.errors).toBeUndefined();
    const schools = r.data!.goalAttainment.goals.flatMap((g: { schools: { school: object }[] }) => g.schools);
    expect(schools.length).toBeGreaterThan(0);
    for (const { school } of schools) {
      expect(school).toMatchObject({ id: b.schoolIds[0], stage: null, studentCount: null, principal: null });
    }
    // the city admin sees the same school in full
    const full = await t.gql(
      `query($id: ID!) { goalAttainment(townId: $id) { goals { schools { school { stage } } } } }`,
      { id: b.townId },
      city,
    );
    expect(full.data!.goalAttainment.goals[0].schools[0].school.stage).toBe('PRIMARY');
  });

  it('names a joint research session’s out-of-scope schools by their public part, from either side', async () => {
    const r = await t.gql(
      'mutation { createResearcher(input: { name: "王研", level: CITY, subject: "数学" }) { id } }',
      {},
      city,
    );
    const researcher = r.data!.createResearcher.id;
    for (const schoolId of [a.schoolIds[0], b.schoolIds[3]]) {
      const x = await t.gql(
        'mutation($r: ID!, $s: ID!) { assignResearcher(researcherId: $r, input: { schoolId: $s, startDate: "2026-09-01" }) { id } }',
        { r: researcher, s: schoolId },
        city,
      );
      expect(x.errors).toBeUndefined();
    }
    const session = await t.gql(
      'mutation($i: RecordJointResearchSessionInput!) { recordJointResearchSession(input: $i) { id } }',
      {
        i: {
          heldOn: '2026-10-15',
          researcherId: researcher,
          schoolIds: [a.schoolIds[0], b.schoolIds[3]],
          subject: '数学',
          topic: '联合教研',
          participantCount: 10,
        },
      },
      city,
    );
    expect(session.errors).toBeUndefined();
    const seen = await t.gql(
      'query($id: ID!) { node(id: $id) { ... on JointResearchSession { schools { id name stage classCount isBoarding } } } }',
      { id: session.data!.recordJointResearchSession.id },
      leader,
    );
    expect(seen.errors).toBeUndefined();
    const other = seen.data!.node.schools.find((x: { id: string }) => x.id === b.schoolIds[3]);
    const own = seen.data!.node.schools.find((x: { id: string }) => x.id === a.schoolIds[0]);
    expect(other).toMatchObject({ stage: null, classCount: null, isBoarding: null });
    expect(other.name).toBeTruthy();
    expect(own).toMatchObject({ stage: 'PRIMARY', isBoarding: false });
    // seen from B's district, the session names A's school by its public part
    const fromB = await t.gql(
      'query($id: ID!) { node(id: $id) { ... on JointResearchSession { schools { id stage } } } }',
      { id: session.data!.recordJointResearchSession.id },
      adminB,
    );
    expect(fromB.data!.node.schools).toEqual(
      expect.arrayContaining([
        { id: a.schoolIds[0], stage: null },
        { id: b.schoolIds[3], stage: 'PRIMARY' },
      ]),
    );
  });

  it('shows a teacher exchange’s out-of-scope end by its public part only', async () => {
    // a teacher of B's school 3 (never reached) goes to the leader's own school
    const teacher = teachersOf[b.schoolIds[3]!]![0]!;
    const ex = await t.gql(
      'mutation($t: ID!, $to: ID!) { createTeacherExchange(input: { teacherId: $t, toSchoolId: $to, kind: ROTATION, startDate: "2026-09-01" }) { id } }',
      { t: teacher, to: a.schoolIds[0] },
      city,
    );
    expect(ex.errors).toBeUndefined();
    const seen = await t.gql(
      `query($id: ID!) { teacherExchange(id: $id) {
        fromSchool { id name code district { id } town { id } stage studentCount isTownSeat principal { id } staffing { indicator } }
        toSchool { id stage }
        teacher { id name staffNumber hireDate gender idNumber phone birthDate school { id } } } }`,
      { id: ex.data!.createTeacherExchange.id },
      leader,
    );
    expect(seen.errors).toBeUndefined();
    const e = seen.data!.teacherExchange;
    expect(e.fromSchool).toMatchObject({
      id: b.schoolIds[3],
      district: { id: b.districtId },
      town: { id: b.townId },
      stage: null,
      studentCount: null,
      isTownSeat: null,
      principal: null,
      staffing: null,
    });
    expect(e.fromSchool.code).toMatch(/^\d{10}$/);
    expect(e.toSchool).toEqual({ id: a.schoolIds[0], stage: 'PRIMARY' });
    expect(e.teacher).toEqual({
      id: teacher,
      name: expect.any(String),
      staffNumber: null,
      hireDate: null,
      gender: null,
      idNumber: null,
      phone: null,
      birthDate: null,
      school: null,
    });
    // in scope, the same exchange shows the teacher in full (masking aside)
    const cityView = await t.gql(
      'query($id: ID!) { teacherExchange(id: $id) { teacher { staffNumber school { id } } } }',
      { id: ex.data!.createTeacherExchange.id },
      city,
    );
    expect(cityView.data!.teacherExchange.teacher).toEqual({ staffNumber: 'T1', school: { id: b.schoolIds[3] } });
  });
});

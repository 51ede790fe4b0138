import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type GqlResult, type TestApp, TEST_TODAY } from '../../test/harness.js';
import { buildWorld, cityAdminToken, signInAs, type World } from '../../test/fixtures.js';
import { parseGlobalId } from '../../common/global-id.js';
import { translateWriteError } from '../../common/db-errors.js';
import { Role } from '../../auth/viewer.js';
import { Trusteeship } from './collaboration.entity.js';
import { TrusteeshipMode } from './collaboration.enums.js';

const CREATE_T = `mutation($i: CreateTrusteeshipInput!) { createTrusteeship(input: $i) {
  id mode status startDate actualEndDate measures leadSchool { id } partnerSchool { id } } }`;
const END_T = `mutation($id: ID!, $d: Date!) { endTrusteeship(id: $id, actualEndDate: $d) { id status actualEndDate } }`;
const UPDATE_T = `mutation($id: ID!, $i: UpdateTrusteeshipInput!) { updateTrusteeship(id: $id, input: $i) { id notes measures } }`;
const RECORD = `mutation($id: ID!, $i: RecordTrusteeshipActivityInput!) {
  recordTrusteeshipActivity(trusteeshipId: $id, input: $i) { id heldOn trusteeship { id } } }`;
const ACTIVE_ON = `query($d: Date!, $p: ID) {
  trusteeships(first: 50, filter: { activeOn: $d, partnerSchoolId: $p }) { totalCount nodes { id } } }`;
const CREATE_G = `mutation($i: CreateCollaborationGroupInput!) { createCollaborationGroup(input: $i) { id name district { id } leadSchool { id } } }`;
const ADD = `mutation($g: ID!, $i: AddGroupMemberInput!) { addGroupMember(groupId: $g, input: $i) { id role joinedOn leftOn school { id } group { id } } }`;
const END_M = `mutation($id: ID!, $d: Date!) { endGroupMembership(id: $id, leftOn: $d) { id leftOn } }`;

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function errorOf(r: GqlResult) {
  return r.errors?.[0]?.extensions as { code?: string; fields?: { path: string; constraint?: string }[] } | undefined;
}

describe('collaboration: groups, memberships, trusteeships, activities', () => {
  let t: TestApp;
  let city: string;
  let a: World; // lead schools and partners
  let b: World; // a partner in another district
  let c: World; // a district with nothing to do with any of it

  const count = async (table: string) =>
    ((await t.ds.query(`SELECT count(*)::int AS n FROM ${table}`)) as { n: number }[])[0]!.n;
  /** rows of the collaboration tables plus the audit log: a refused write must leave all unchanged */
  const snapshot = async () => ({
    trusteeship: await count('trusteeship'),
    activity: await count('trusteeship_activity'),
    group: await count('collaboration_group'),
    membership: await count('group_membership'),
    audit: await count('audit_entry'),
  });
  async function expectRefused(run: () => Promise<GqlResult>, code: string, path: string, constraint?: string) {
    const before = await snapshot();
    const r = await run();
    expect(r.data?.[Object.keys(r.data ?? {})[0] ?? ''] ?? null).toBeNull();
    expect(errorOf(r)?.code).toBe(code);
    expect(errorOf(r)?.fields?.[0]).toMatchObject({ path, ...(constraint ? { constraint } : {}) });
    expect(await snapshot()).toEqual(before);
    return r;
  }
  const trusteeship = async (i: Record<string, unknown>, token = city) => {
    const r = await t.gql(CREATE_T, { i: { mode: 'PAIRING', ...i } }, token);
    if (!r.data?.createTrusteeship) throw new Error(JSON.stringify(r.errors));
    return r.data.createTrusteeship as { id: string; status: string };
  };

  beforeAll(async () => {
    t = await startTestApp();
    city = await cityAdminToken(t);
    a = await buildWorld(t, city, { districtCode: '370951', schools: 8, teachersPerSchool: 0 });
    b = await buildWorld(t, city, { districtCode: '370952', schools: 2, teachersPerSchool: 0 });
    c = await buildWorld(t, city, { districtCode: '370953', schools: 1, teachersPerSchool: 0 });
  });
  afterAll(() => t.close());

  describe('trusteeship rules', () => {
    it('creates a trusteeship with both districts copied and the status derived', async () => {
      const r = await t.gql(
        CREATE_T,
        {
          i: {
            leadSchoolId: a.schoolIds[0],
            partnerSchoolId: b.schoolIds[0],
            mode: 'COUNTERPART_SUPPORT',
            measures: ['JOINT_RESEARCH', 'JOINT_RESEARCH', 'CULTURE_SUPPORT'],
            startDate: '2023-09-01',
          },
        },
        city,
      );
      expect(r.errors).toBeUndefined();
      expect(r.data!.createTrusteeship).toMatchObject({
        status: 'ACTIVE',
        measures: ['JOINT_RESEARCH', 'CULTURE_SUPPORT'],
        leadSchool: { id: a.schoolIds[0] },
        partnerSchool: { id: b.schoolIds[0] },
      });
      const row = await t.ds
        .getRepository(Trusteeship)
        .findOneByOrFail({ id: parseGlobalId(r.data!.createTrusteeship.id)!.id });
      expect([row.leadDistrictId, row.partnerDistrictId]).toEqual([
        parseGlobalId(a.districtId)!.id,
        parseGlobalId(b.districtId)!.id,
      ]);
    });

    it('refuses a school taking itself in hand (lead and partner differ)', async () => {
      await expectRefused(
        () =>
          t.gql(
            CREATE_T,
            {
              i: {
                leadSchoolId: a.schoolIds[0],
                partnerSchoolId: a.schoolIds[0],
                mode: 'PAIRING',
                startDate: '2024-01-01',
              },
            },
            city,
          ),
        'BAD_USER_INPUT',
        'input.partnerSchoolId',
        'differentSchools',
      );
    });

    it('refuses a planned end before the start (dates consistent)', async () => {
      await expectRefused(
        () =>
          t.gql(
            CREATE_T,
            {
              i: {
                leadSchoolId: a.schoolIds[0],
                partnerSchoolId: a.schoolIds[1],
                mode: 'PAIRING',
                startDate: '2024-01-01',
                plannedEndDate: '2023-12-31',
              },
            },
            city,
          ),
        'BAD_USER_INPUT',
        'input.plannedEndDate',
        'dateOrder',
      );
      const ok = await trusteeship({
        leadSchoolId: a.schoolIds[0],
        partnerSchoolId: a.schoolIds[1],
        startDate: '2024-01-01',
      });
      await expectRefused(
        () => t.gql(UPDATE_T, { id: ok.id, i: { plannedEndDate: '2023-06-30' } }, city),
        'BAD_USER_INPUT',
        'input.plannedEndDate',
        'dateOrder',
      );
      await expectRefused(
        () => t.gql(END_T, { id: ok.id, d: '2023-12-31' }, city),
        'BAD_USER_INPUT',
        'actualEndDate',
        'dateOrder',
      );
    });

    it('allows a partner at most one active full trusteeship', async () => {
      const partner = a.schoolIds[2];
      const first = await trusteeship({
        leadSchoolId: a.schoolIds[0],
        partnerSchoolId: partner,
        mode: 'FULL_TRUSTEESHIP',
        startDate: '2023-09-01',
      });
      // another lead school, overlapping: refused, nothing written
      await expectRefused(
        () =>
          t.gql(
            CREATE_T,
            {
              i: {
                leadSchoolId: a.schoolIds[3],
                partnerSchoolId: partner,
                mode: 'FULL_TRUSTEESHIP',
                startDate: '2024-03-01',
              },
            },
            city,
          ),
        'CONFLICT',
        'input.partnerSchoolId',
        'oneFullTrusteeship',
      );
      // starting before the open-ended one also overlaps it
      await expectRefused(
        () =>
          t.gql(
            CREATE_T,
            {
              i: {
                leadSchoolId: a.schoolIds[3],
                partnerSchoolId: partner,
                mode: 'FULL_TRUSTEESHIP',
                startDate: '2022-09-01',
              },
            },
            city,
          ),
        'CONFLICT',
        'input.partnerSchoolId',
        'oneFullTrusteeship',
      );
      // other modes are not limited
      await trusteeship({
        leadSchoolId: a.schoolIds[3],
        partnerSchoolId: partner,
        mode: 'PAIRING',
        startDate: '2024-03-01',
      });
      // once the first has ended, a new full trusteeship may start the day after, not on its last day
      expect((await t.gql(END_T, { id: first.id, d: '2024-07-31' }, city)).errors).toBeUndefined();
      await expectRefused(
        () =>
          t.gql(
            CREATE_T,
            {
              i: {
                leadSchoolId: a.schoolIds[3],
                partnerSchoolId: partner,
                mode: 'FULL_TRUSTEESHIP',
                startDate: '2024-07-31',
              },
            },
            city,
          ),
        'CONFLICT',
        'input.partnerSchoolId',
        'oneFullTrusteeship',
      );
      await trusteeship({
        leadSchoolId: a.schoolIds[3],
        partnerSchoolId: partner,
        mode: 'FULL_TRUSTEESHIP',
        startDate: '2024-08-01',
      });
    });

    it('keeps the full-trusteeship rule under concurrent requests', async () => {
      const partner = a.schoolIds[4];
      const results = await Promise.all(
        [a.schoolIds[0], a.schoolIds[3], a.schoolIds[5]].map((lead) =>
          t.gql(
            CREATE_T,
            { i: { leadSchoolId: lead, partnerSchoolId: partner, mode: 'FULL_TRUSTEESHIP', startDate: '2024-09-01' } },
            city,
          ),
        ),
      );
      expect(results.filter((r) => r.data?.createTrusteeship).length).toBe(1);
      expect(results.filter((r) => errorOf(r)?.code === 'CONFLICT').length).toBe(2);
      const rows = await t.ds.query('SELECT count(*)::int AS n FROM trusteeship WHERE partner_school_id = $1', [
        parseGlobalId(partner)!.id,
      ]);
      expect(rows[0].n).toBe(1);
    });

    it('ends a trusteeship as history: kept, ENDED, found as of earlier days, not ended twice', async () => {
      const tr = await trusteeship({
        leadSchoolId: a.schoolIds[5],
        partnerSchoolId: a.schoolIds[6],
        startDate: '2022-02-01',
      });
      const ended = await t.gql(END_T, { id: tr.id, d: '2023-01-31' }, city);
      expect(ended.data!.endTrusteeship).toMatchObject({ status: 'ENDED', actualEndDate: '2023-01-31' });
      const again = await expectRefused(
        () => t.gql(END_T, { id: tr.id, d: '2023-06-30' }, city),
        'CONFLICT',
        'id',
        'alreadyEnded',
      );
      expect(again.errors![0]!.message).toMatch(/already ended on 2023-01-31/);
      const read = await t.gql('query($id: ID!) { trusteeship(id: $id) { id status } }', { id: tr.id }, city);
      expect(read.data!.trusteeship).toEqual({ id: tr.id, status: 'ENDED' });
      const asOf = await t.gql(ACTIVE_ON, { d: '2022-06-01', p: a.schoolIds[6] }, city);
      expect(asOf.data!.trusteeships.nodes).toEqual([{ id: tr.id }]);
    });

    it('derives PLANNED, ACTIVE and ENDED from the dates and filters by them', async () => {
      const day = TEST_TODAY;
      const lead = b.schoolIds[1];
      const planned = await trusteeship({
        leadSchoolId: lead,
        partnerSchoolId: a.schoolIds[3],
        startDate: addDays(day, 30),
      });
      const endsToday = await trusteeship({
        leadSchoolId: lead,
        partnerSchoolId: a.schoolIds[7],
        startDate: '2024-01-01',
      });
      await t.gql(END_T, { id: endsToday.id, d: day }, city);
      const endedYesterday = await trusteeship({
        leadSchoolId: lead,
        partnerSchoolId: b.schoolIds[0],
        startDate: '2024-01-01',
      });
      await t.gql(END_T, { id: endedYesterday.id, d: addDays(day, -1) }, city);
      expect(planned.status).toBe('PLANNED');
      const byStatus = async (status: string) => {
        const r = await t.gql(
          'query($l: ID!, $s: TrusteeshipStatus!) { trusteeships(filter: { leadSchoolId: $l, status: $s }) { nodes { id status } } }',
          { l: lead, s: status },
          city,
        );
        return r.data!.trusteeships.nodes as { id: string; status: string }[];
      };
      expect(await byStatus('PLANNED')).toEqual([{ id: planned.id, status: 'PLANNED' }]);
      expect(await byStatus('ACTIVE')).toEqual([{ id: endsToday.id, status: 'ACTIVE' }]);
      expect(await byStatus('ENDED')).toEqual([{ id: endedYesterday.id, status: 'ENDED' }]);
    });

    it('records activities only within the trusteeship and never lets it end before one', async () => {
      const tr = await trusteeship({
        leadSchoolId: a.schoolIds[1],
        partnerSchoolId: a.schoolIds[7],
        startDate: '2023-03-01',
        measures: ['SECONDED_LEADERSHIP'],
      });
      const ok = await t.gql(
        RECORD,
        { id: tr.id, i: { measure: 'SECONDED_LEADERSHIP', heldOn: '2023-04-10', description: '派驻副校长' } },
        city,
      );
      expect(ok.data!.recordTrusteeshipActivity).toMatchObject({ heldOn: '2023-04-10', trusteeship: { id: tr.id } });
      await expectRefused(
        () =>
          t.gql(
            RECORD,
            { id: tr.id, i: { measure: 'JOINT_RESEARCH', heldOn: '2023-02-28', description: '联合教研' } },
            city,
          ),
        'BAD_USER_INPUT',
        'input.heldOn',
        'dateRange',
      );
      await expectRefused(
        () =>
          t.gql(
            RECORD,
            { id: tr.id, i: { measure: 'JOINT_RESEARCH', heldOn: addDays(TEST_TODAY, 1), description: '联合教研' } },
            city,
          ),
        'BAD_USER_INPUT',
        'input.heldOn',
        'dateRange',
      );
      await expectRefused(
        () => t.gql(END_T, { id: tr.id, d: '2023-04-09' }, city),
        'BAD_USER_INPUT',
        'actualEndDate',
        'activitiesAfterEnd',
      );
      const updated = await t.gql(
        UPDATE_T,
        { id: tr.id, i: { notes: '第二学期增加教研', measures: ['JOINT_RESEARCH'] } },
        city,
      );
      expect(updated.data!.updateTrusteeship).toMatchObject({
        notes: '第二学期增加教研',
        measures: ['JOINT_RESEARCH'],
      });
      const list = await t.gql(
        'query($id: ID!) { trusteeship(id: $id) { activities { totalCount nodes { heldOn description } } } }',
        { id: tr.id },
        city,
      );
      expect(list.data!.trusteeship.activities).toEqual({
        totalCount: 1,
        nodes: [{ heldOn: '2023-04-10', description: '派驻副校长' }],
      });
    });

    it('turns a database exclusion or check violation that slips past into CONFLICT / BAD_USER_INPUT', async () => {
      const partner = parseGlobalId(a.schoolIds[2])!.id; // already under full trusteeship since 2024-08-01
      const lead = parseGlobalId(a.schoolIds[0])!.id;
      const district = parseGlobalId(a.districtId)!.id;
      const repo = t.ds.getRepository(Trusteeship);
      const base = {
        leadSchoolId: lead,
        partnerSchoolId: partner,
        leadDistrictId: district,
        partnerDistrictId: district,
        mode: TrusteeshipMode.FULL_TRUSTEESHIP,
        measures: [],
        startDate: '2025-01-01',
      };
      const exclusion = await repo.save(repo.create(base)).catch((e: unknown) => e);
      expect(translateWriteError(exclusion, repo.metadata)).toMatchObject({ extensions: { code: 'CONFLICT' } });
      const check = await repo
        .save(
          repo.create({
            ...base,
            mode: TrusteeshipMode.PAIRING,
            startDate: '2025-01-01',
            plannedEndDate: '2024-01-01',
          }),
        )
        .catch((e: unknown) => e);
      expect(translateWriteError(check, repo.metadata)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    });
  });

  describe('as-of queries on a hand-made history', () => {
    it('counts a trusteeship active on its first and last day, not the day before or after', async () => {
      const partner = b.schoolIds[1];
      const tr = await trusteeship({ leadSchoolId: a.schoolIds[0], partnerSchoolId: partner, startDate: '2024-02-01' });
      await t.gql(END_T, { id: tr.id, d: '2024-09-01' }, city);
      const on = async (d: string) => (await t.gql(ACTIVE_ON, { d, p: partner }, city)).data!.trusteeships.totalCount;
      expect(await on('2024-01-31')).toBe(0);
      expect(await on('2024-02-01')).toBe(1);
      expect(await on('2024-09-01')).toBe(1);
      expect(await on('2024-09-02')).toBe(0);
      const nested = await t.gql(
        `query($id: ID!) { school(id: $id) {
          on: trusteeshipsAsPartner(filter: { activeOn: "2024-09-01" }) { totalCount }
          after: trusteeshipsAsPartner(filter: { activeOn: "2024-09-02" }) { totalCount } } }`,
        { id: partner },
        city,
      );
      expect(nested.data!.school).toEqual({ on: { totalCount: 1 }, after: { totalCount: 0 } });
    });

    it('keeps membership history: leaving closes the row, rejoining opens a new one', async () => {
      const g = await t.gql(
        CREATE_G,
        { i: { name: '测试教育集团', kind: 'EDUCATION_GROUP', leadSchoolId: a.schoolIds[0] } },
        city,
      );
      expect(g.errors).toBeUndefined();
      const groupId = g.data!.createCollaborationGroup.id as string;
      expect(g.data!.createCollaborationGroup).toMatchObject({
        district: { id: a.districtId },
        leadSchool: { id: a.schoolIds[0] },
      });
      const school = a.schoolIds[1];
      const lead = await t.gql(
        ADD,
        { g: groupId, i: { schoolId: a.schoolIds[0], role: 'LEAD', joinedOn: '2022-09-01' } },
        city,
      );
      expect(lead.errors).toBeUndefined();
      const first = await t.gql(
        ADD,
        { g: groupId, i: { schoolId: school, role: 'MEMBER', joinedOn: '2022-09-01' } },
        city,
      );
      expect(first.data!.addGroupMember).toMatchObject({
        role: 'MEMBER',
        leftOn: null,
        school: { id: school },
        group: { id: groupId },
      });
      // still a member: joining again overlaps
      await expectRefused(
        () => t.gql(ADD, { g: groupId, i: { schoolId: school, role: 'MEMBER', joinedOn: '2023-09-01' } }, city),
        'CONFLICT',
        'input.joinedOn',
        'membershipOverlap',
      );
      // leaving before joining is refused
      await expectRefused(
        () => t.gql(END_M, { id: first.data!.addGroupMember.id, d: '2022-08-31' }, city),
        'BAD_USER_INPUT',
        'leftOn',
        'dateOrder',
      );
      expect((await t.gql(END_M, { id: first.data!.addGroupMember.id, d: '2023-08-31' }, city)).errors).toBeUndefined();
      // rejoining on the day it left would overlap; the day after is a new membership
      await expectRefused(
        () => t.gql(ADD, { g: groupId, i: { schoolId: school, role: 'BRANCH_CAMPUS', joinedOn: '2023-08-31' } }, city),
        'CONFLICT',
        'input.joinedOn',
        'membershipOverlap',
      );
      const again = await t.gql(
        ADD,
        { g: groupId, i: { schoolId: school, role: 'BRANCH_CAMPUS', joinedOn: '2024-09-01' } },
        city,
      );
      expect(again.errors).toBeUndefined();
      // only the lead school is LEAD
      await expectRefused(
        () => t.gql(ADD, { g: groupId, i: { schoolId: a.schoolIds[2], role: 'LEAD', joinedOn: '2024-09-01' } }, city),
        'BAD_USER_INPUT',
        'input.role',
        'leadRole',
      );

      const history = await t.gql(
        `query($id: ID!) { school(id: $id) {
          all: groups { totalCount nodes { role joinedOn leftOn group { id } } }
          lastYear: groups(activeOn: "2023-03-01") { nodes { role } }
          gap: groups(activeOn: "2024-01-15") { totalCount } } }`,
        { id: school },
        city,
      );
      expect(history.data!.school).toEqual({
        all: {
          totalCount: 2,
          nodes: [
            { role: 'MEMBER', joinedOn: '2022-09-01', leftOn: '2023-08-31', group: { id: groupId } },
            { role: 'BRANCH_CAMPUS', joinedOn: '2024-09-01', leftOn: null, group: { id: groupId } },
          ],
        },
        lastYear: { nodes: [{ role: 'MEMBER' }] },
        gap: { totalCount: 0 },
      });
      const members = await t.gql(
        `query($id: ID!) { collaborationGroup(id: $id) {
          all: members { totalCount } onLastDay: members(activeOn: "2023-08-31") { totalCount }
          dayAfter: members(activeOn: "2023-09-01") { nodes { school { id } } } } }`,
        { id: groupId },
        city,
      );
      expect(members.data!.collaborationGroup).toEqual({
        all: { totalCount: 3 },
        onLastDay: { totalCount: 2 },
        dayAfter: { nodes: [{ school: { id: a.schoolIds[0] } }] },
      });
      const whichGroup = async (d: string) =>
        (
          await t.gql(
            'query($s: ID!, $d: Date!) { collaborationGroups(filter: { memberSchoolId: $s, activeOn: $d }) { totalCount } }',
            { s: school, d },
            city,
          )
        ).data!.collaborationGroups.totalCount;
      expect([await whichGroup('2023-08-31'), await whichGroup('2023-09-01'), await whichGroup('2024-09-01')]).toEqual([
        1, 0, 1,
      ]);

      // history is kept: a group that ever had members cannot be deleted
      const before = await snapshot();
      const refused = await t.gql('mutation($id: ID!) { deleteCollaborationGroup(id: $id) }', { id: groupId }, city);
      expect(errorOf(refused)?.code).toBe('CONFLICT');
      expect(refused.errors![0]!.message).toMatch(/has 3 membership records/);
      expect(await snapshot()).toEqual(before);
      const empty = await t.gql(
        CREATE_G,
        { i: { name: '空学区', kind: 'SCHOOL_DISTRICT', leadSchoolId: a.schoolIds[1] } },
        city,
      );
      const emptyId = empty.data!.createCollaborationGroup.id;
      expect(
        (await t.gql('mutation($id: ID!) { deleteCollaborationGroup(id: $id) }', { id: emptyId }, city)).data,
      ).toEqual({
        deleteCollaborationGroup: emptyId,
      });
    });
  });

  describe('scope', () => {
    let groupId: string;
    let crossDistrict: string; // led by a.schoolIds[0], partner b.schoolIds[0]
    let ledByPartner: string; // led by a.schoolIds[1], the group leader's partner

    beforeAll(async () => {
      const g = await t.gql(
        CREATE_G,
        { i: { name: '范围测试共同体', kind: 'DEVELOPMENT_COMMUNITY', leadSchoolId: a.schoolIds[0] } },
        city,
      );
      groupId = g.data!.createCollaborationGroup.id;
      await t.gql(ADD, { g: groupId, i: { schoolId: a.schoolIds[1], role: 'MEMBER', joinedOn: '2024-09-01' } }, city);
      const list = await t.gql(
        'query($l: ID!, $p: ID!) { trusteeships(filter: { leadSchoolId: $l, partnerSchoolId: $p }) { nodes { id } } }',
        { l: a.schoolIds[0], p: b.schoolIds[0] },
        city,
      );
      crossDistrict = list.data!.trusteeships.nodes[0].id;
      ledByPartner = (
        await trusteeship({ leadSchoolId: a.schoolIds[1], partnerSchoolId: a.schoolIds[5], startDate: '2024-01-01' })
      ).id;
    });

    it('shows a district admin of an unrelated district nothing', async () => {
      const token = await signInAs(t, 'admin-c', [
        { role: Role.DISTRICT_ADMIN, districtId: parseGlobalId(c.districtId)!.id },
      ]);
      const r = await t.gql(
        `query($t: ID!, $g: ID!) { trusteeships { totalCount } collaborationGroups { totalCount }
          trusteeship(id: $t) { id } collaborationGroup(id: $g) { id } }`,
        { t: crossDistrict, g: groupId },
        token,
      );
      expect(r.data).toEqual({
        trusteeships: { totalCount: 0 },
        collaborationGroups: { totalCount: 0 },
        trusteeship: null,
        collaborationGroup: null,
      });
      const write = await t.gql(END_T, { id: crossDistrict, d: '2030-01-01' }, token);
      expect(errorOf(write)?.code).toBe('NOT_FOUND');
    });

    it("shows the partner's district admin the trusteeship, the lead school out of their scope by its public part", async () => {
      const token = await signInAs(t, 'admin-b', [
        { role: Role.DISTRICT_ADMIN, districtId: parseGlobalId(b.districtId)!.id },
      ]);
      const r = await t.gql(
        'query($id: ID!) { trusteeship(id: $id) { id leadSchool { id stage principal { id } } partnerSchool { id stage } } }',
        { id: crossDistrict },
        token,
      );
      expect(r.errors).toBeUndefined();
      expect(r.data!.trusteeship).toEqual({
        id: crossDistrict,
        leadSchool: { id: a.schoolIds[0], stage: null, principal: null },
        partnerSchool: { id: b.schoolIds[0], stage: 'PRIMARY' },
      });
      // the lead school's district decides: the partner's bureau may not change it
      const write = await t.gql(UPDATE_T, { id: crossDistrict, i: { notes: '区县备注' } }, token);
      expect(errorOf(write)?.code).toBe('FORBIDDEN');
    });

    it("lets the lead school's group leader see and manage its groups and trusteeships, not its partners'", async () => {
      const token = await signInAs(t, 'leader-a0', [
        { role: Role.GROUP_LEADER, schoolId: parseGlobalId(a.schoolIds[0])!.id },
      ]);
      const seen = await t.gql(
        `query($g: ID!) { collaborationGroup(id: $g) { members { nodes { school { id } } } }
          trusteeships(filter: { leadSchoolId: "${a.schoolIds[0]}" }) { totalCount } }`,
        { g: groupId },
        token,
      );
      expect(seen.errors).toBeUndefined();
      expect(seen.data!.collaborationGroup.members.nodes).toEqual([{ school: { id: a.schoolIds[1] } }]);
      expect(seen.data!.trusteeships.totalCount).toBeGreaterThan(0);
      const created = await t.gql(
        CREATE_T,
        {
          i: {
            leadSchoolId: a.schoolIds[0],
            partnerSchoolId: a.schoolIds[6],
            mode: 'PAIRING',
            startDate: '2024-10-01',
          },
        },
        token,
      );
      expect(created.errors).toBeUndefined();
      // the leader only proposes: nothing is recorded on it until the partner's district approves
      const activity = {
        id: created.data!.createTrusteeship.id,
        i: { measure: 'EXPERIENCE_SHARING', heldOn: '2024-10-08', description: '经验交流会' },
      };
      expect(errorOf(await t.gql(RECORD, activity, token))?.fields?.[0]?.constraint).toBe('notApproved');
      const approved = await t.gql(
        'mutation($id: ID!) { approveTrusteeship(input: { id: $id }) { approval } }',
        { id: created.data!.createTrusteeship.id },
        city,
      );
      expect(approved.data!.approveTrusteeship.approval).toBe('APPROVED');
      const recorded = await t.gql(RECORD, activity, token);
      expect(recorded.errors).toBeUndefined();
      const added = await t.gql(
        ADD,
        { g: groupId, i: { schoolId: a.schoolIds[6], role: 'MEMBER', joinedOn: '2024-10-01' } },
        token,
      );
      expect(added.errors).toBeUndefined();
      // a member school is in the leader's sight, but its own trusteeships are its own to run
      const other = await t.gql(UPDATE_T, { id: ledByPartner, i: { notes: '越权修改' } }, token);
      expect(errorOf(other)?.code).toBe('FORBIDDEN');
      const create = await t.gql(
        CREATE_G,
        { i: { name: '集团校长新建', kind: 'EDUCATION_GROUP', leadSchoolId: a.schoolIds[0] } },
        token,
      );
      expect(errorOf(create)?.code).toBe('FORBIDDEN');
    });

    it("shows the partner's school staff the trusteeship, read-only", async () => {
      const token = await signInAs(t, 'staff-b0', [
        { role: Role.SCHOOL_STAFF, schoolId: parseGlobalId(b.schoolIds[0])!.id },
      ]);
      const r = await t.gql(
        'query($s: ID!) { school(id: $s) { trusteeshipsAsPartner { nodes { id status } } } }',
        { s: b.schoolIds[0] },
        token,
      );
      expect(r.data!.school.trusteeshipsAsPartner.nodes.map((n: { id: string }) => n.id)).toContain(crossDistrict);
      const before = await snapshot();
      for (const write of [
        t.gql(UPDATE_T, { id: crossDistrict, i: { notes: '受援校修改' } }, token),
        t.gql(END_T, { id: crossDistrict, d: '2030-01-01' }, token),
        t.gql(
          RECORD,
          { id: crossDistrict, i: { measure: 'JOINT_RESEARCH', heldOn: '2024-05-01', description: '受援校自记' } },
          token,
        ),
      ]) {
        expect(errorOf(await write)?.code).toBe('FORBIDDEN');
      }
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('nested query statement count', () => {
    const NESTED = `query($n: Int!, $d: ID!) {
      schools(first: $n, filter: { districtId: $d }) { edges { node { id
        trusteeshipsAsLead(first: $n) { totalCount nodes { id status partnerSchool { name }
          activities(first: $n) { totalCount nodes { heldOn trusteeship { id } } } } }
        trusteeshipsAsPartner(first: $n) { nodes { leadSchool { name } } }
        groups(first: $n) { nodes { role group { name } } } } } }
      collaborationGroups(first: $n, filter: { districtId: $d }) { totalCount nodes { name leadSchool { name } district { name }
        members(first: $n) { totalCount nodes { joinedOn school { name } } } } }
    }`;
    let world: World;

    beforeAll(async () => {
      world = await buildWorld(t, city, { districtCode: '370954', schools: 8, teachersPerSchool: 0 });
      const [l1, l2, ...partners] = world.schoolIds;
      for (const [i, lead] of [l1!, l2!].entries()) {
        const g = await t.gql(
          CREATE_G,
          { i: { name: `统计集团${i}`, kind: 'EDUCATION_GROUP', leadSchoolId: lead } },
          city,
        );
        const groupId = g.data!.createCollaborationGroup.id;
        await t.gql(ADD, { g: groupId, i: { schoolId: lead, role: 'LEAD', joinedOn: '2023-09-01' } }, city);
        for (const partner of partners.slice(i * 3, i * 3 + 3)) {
          const tr = await trusteeship({ leadSchoolId: lead, partnerSchoolId: partner, startDate: '2024-01-01' });
          for (const heldOn of ['2024-02-01', '2024-03-01', '2024-04-01']) {
            await t.gql(RECORD, { id: tr.id, i: { measure: 'JOINT_RESEARCH', heldOn, description: '联合教研' } }, city);
          }
          await t.gql(ADD, { g: groupId, i: { schoolId: partner, role: 'MEMBER', joinedOn: '2024-01-01' } }, city);
        }
      }
      // the first school (by name) is also a partner, so even one-row pages walk every relation
      await trusteeship({ leadSchoolId: l2, partnerSchoolId: l1, startDate: '2024-01-01' });
    });

    async function statementsFor(n: number) {
      t.statements.reset();
      const r = await t.gql(NESTED, { n, d: world.districtId }, city);
      expect(r.errors).toBeUndefined();
      const statements = t.statements.statements.filter((s) => !/"auth_session"|"app_user"|"role_grant"/.test(s));
      const activities = (
        r.data!.schools.edges as { node: { trusteeshipsAsLead: { nodes: { activities: { nodes: unknown[] } }[] } } }[]
      ).flatMap((e) => e.node.trusteeshipsAsLead.nodes.flatMap((tr) => tr.activities.nodes));
      const members = (r.data!.collaborationGroups.nodes as { members: { nodes: unknown[] } }[]).flatMap(
        (g) => g.members.nodes,
      );
      return { statements: statements.length, activities: activities.length, members: members.length };
    }

    it('does not grow with the number of rows returned', async () => {
      const small = await statementsFor(1);
      const large = await statementsFor(8);
      expect(small).toMatchObject({ activities: 1, members: 1 });
      expect(large).toMatchObject({ activities: 2 * 3 * 3, members: 2 * 4 });
      // Root: schools page, groups page + count (3). Per relation, one ranked page, one load
      // and (when totalCount is asked) one count: trusteeshipsAsLead 3, trusteeshipsAsPartner 2,
      // school.groups 2, activities 3, members 3 (13). By-id loaders: trusteeship, group,
      // district (3), and the school loader behind partnerSchool, leadSchool (twice) and
      // member.school: 1 to 4 batches, depending on whether those branches resolve in one
      // tick. So between 20 and 23 statements, however many rows come back.
      for (const run of [small, large]) {
        expect(run.statements).toBeGreaterThanOrEqual(20);
        expect(run.statements).toBeLessThanOrEqual(23);
      }
    });
  });
});

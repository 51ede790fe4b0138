import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, TEST_TODAY } from '../../test/harness.js';
import { buildWorld, cityAdminToken, signInAs, type World } from '../../test/fixtures.js';
import { Role } from '../../auth/viewer.js';
import { fromGlobalId, toGlobalId } from '../../common/global-id.js';
import { MEMBERSHIP_COLUMNS, TRUSTEESHIP_COLUMNS } from './import.columns.js';
import { XLSX_MIME } from './import.routes.js';
import { csv, importer, xlsx } from './import.testkit.js';

/**
 * Imports of group memberships and trusteeships: the collaboration services' rules,
 * reported per row; upserts by natural key; and who may import what.
 */

let t: TestApp;
let base: string;
let city: string;
let districtA: string;
let groupLeaderA0: string;
let staffA1: string;
let analyst: string;
let a: World;
let b: World;
/** school codes: a0 (lead of 甲集团), a1, a2, a3 in district A; b0 (lead of 乙共同体), b1 in district B */
const code: Record<string, string> = {};

const post = importer(
  () => base,
  () => city,
);
const M_HEAD = MEMBERSHIP_COLUMNS.map((c) => c.zh);
const T_HEAD = TRUSTEESHIP_COLUMNS.map((c) => c.zh);
const schoolId = (w: World, i: number) => fromGlobalId(w.schoolIds[i]!, 'School');

/** 组织名称, 龙头校标识码, 学校标识码, 成员角色, 加入日期, 退出日期 */
const member = (group: string, school: string, role: string, joined: string, left = '', lead = '') => [
  group,
  lead,
  code[school]!,
  role,
  joined,
  left,
];

/** 龙头校, 受援学校, 帮扶方式, 帮扶措施, 开始日期, 计划结束日期, 实际结束日期, 协议文号, 备注 */
const trust = (
  lead: string,
  partner: string,
  mode: string,
  start: string,
  more: Partial<Record<string, string>> = {},
) => [
  code[lead] ?? lead,
  code[partner] ?? partner,
  mode,
  more.measures ?? '',
  start,
  more.planned ?? '',
  more.actual ?? '',
  more.ref ?? '',
  more.notes ?? '',
];

const count = async (table: 'group_membership' | 'trusteeship') =>
  Number((await t.ds.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

async function createGroup(name: string, lead: World, i: number): Promise<string> {
  const r = await t.gql<{ createCollaborationGroup: { id: string } }>(
    'mutation($i: CreateCollaborationGroupInput!) { createCollaborationGroup(input: $i) { id } }',
    { i: { name, kind: 'EDUCATION_GROUP', leadSchoolId: lead.schoolIds[i] } },
    city,
  );
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data.createCollaborationGroup.id;
}

beforeAll(async () => {
  t = await startTestApp();
  base = t.url.replace(/\/graphql$/, '');
  city = await cityAdminToken(t);
  a = await buildWorld(t, city, { districtCode: '370196', schools: 4, teachersPerSchool: 0 });
  b = await buildWorld(t, city, { districtCode: '370197', schools: 2, teachersPerSchool: 0 });
  for (const [w, prefix] of [
    [a, 'a'],
    [b, 'b'],
  ] as const) {
    for (let i = 0; i < w.schoolIds.length; i++) {
      code[`${prefix}${i}`] = (await t.ds.query('SELECT code FROM school WHERE id = $1', [schoolId(w, i)]))[0].code;
    }
  }
  await createGroup('甲教育集团', a, 0);
  await createGroup('乙共同体', b, 0);
  districtA = await signInAs(t, 'district-a', [
    { role: Role.DISTRICT_ADMIN, districtId: fromGlobalId(a.districtId, 'District') },
  ]);
  groupLeaderA0 = await signInAs(t, 'leader-a0', [{ role: Role.GROUP_LEADER, schoolId: schoolId(a, 0) }]);
  staffA1 = await signInAs(t, 'staff-a1', [{ role: Role.SCHOOL_STAFF, schoolId: schoolId(a, 1) }]);
  analyst = await signInAs(t, 'analyst', [{ role: Role.ANALYST }]);
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe('templates', () => {
  it('publishes membership and trusteeship templates with Chinese headings', async () => {
    const m = await fetch(`${base}/api/import/templates/memberships.csv`);
    expect(m.status).toBe(200);
    expect(decodeURIComponent(m.headers.get('content-disposition') ?? '')).toContain('集团成员校导入模板.csv');
    expect((await m.text()).replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(M_HEAD.join(','));
    const x = await fetch(`${base}/api/import/templates/trusteeships.xlsx`);
    expect(x.headers.get('content-type')).toContain(XLSX_MIME);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await x.arrayBuffer()) as never);
    expect((wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(T_HEAD);
    expect(wb.worksheets[0]!.getRow(2).getCell(3).value).toBe('全面托管');
  });
});

describe('memberships', () => {
  const good = () => [
    M_HEAD,
    member('甲教育集团', 'a0', '龙头校', '2023-09-01'),
    member('甲教育集团', 'a1', '成员校', '2023-09-01'),
    member('甲教育集团', 'a2', '集团分校', '2024-02-01'),
  ];

  it('dry-runs, imports with one audit entry, and re-imports unchanged (as the district admin)', async () => {
    const dry = await post('memberships', csv(good()), { token: districtA, dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ kind: 'memberships', dryRun: true, rows: 3, inserted: 3, updated: 0, errors: [] });
    expect(await count('group_membership')).toBe(0);

    const r = await post('memberships', csv(good()), { token: districtA });
    expect(r.body).toMatchObject({ rows: 3, inserted: 3, updated: 0, unchanged: 0 });
    const q = await t.gql(
      `{ collaborationGroups(first: 5, filter: { search: "甲教育集团" }) { nodes { members(first: 10) { nodes { role joinedOn leftOn school { code } } } } } }`,
      {},
      city,
    );
    expect(q.data!.collaborationGroups.nodes[0].members.nodes).toEqual(
      expect.arrayContaining([
        { role: 'LEAD', joinedOn: '2023-09-01', leftOn: null, school: { code: code.a0 } },
        { role: 'BRANCH_CAMPUS', joinedOn: '2024-02-01', leftOn: null, school: { code: code.a2 } },
      ]),
    );
    const audit = await t.ds.query(
      `SELECT username, changes FROM audit_entry WHERE record_type = 'GroupMembershipImport'`,
    );
    expect(audit).toEqual([expect.objectContaining({ username: 'district-a' })]);

    const again = await post('memberships', csv(good()), { token: districtA });
    expect(again.body).toMatchObject({ rows: 3, inserted: 0, updated: 0, unchanged: 3 });
  });

  it('ends a membership and opens the next one in one file; a file without 退出日期 keeps the end', async () => {
    const r = await post(
      'memberships',
      csv([
        M_HEAD,
        member('甲教育集团', 'a1', '成员校', '2023-09-01', '2024-07-31'),
        member('甲教育集团', 'a1', '集团分校', '2024-09-01'),
      ]),
    );
    expect(r.body).toMatchObject({ rows: 2, inserted: 1, updated: 1, unchanged: 0 });
    const head = M_HEAD.filter((h) => h !== '退出日期');
    const kept = await post('memberships', csv([head, member('甲教育集团', 'a1', '成员校', '2023-09-01').slice(0, 5)]));
    expect(kept.body).toMatchObject({ rows: 1, unchanged: 1 });
    const rows = await t.ds.query(
      `SELECT joined_on::text, left_on::text, role FROM group_membership WHERE school_id = $1 ORDER BY joined_on`,
      [schoolId(a, 1)],
    );
    expect(rows).toEqual([
      { joined_on: '2023-09-01', left_on: '2024-07-31', role: 'MEMBER' },
      { joined_on: '2024-09-01', left_on: null, role: 'BRANCH_CAMPUS' },
    ]);
  });

  it('reports every bad row with the services’ rules and writes nothing', async () => {
    const before = await count('group_membership');
    const file = csv([
      M_HEAD,
      member('丙集团', 'a2', '成员校', '2024-09-01'), // 2: no such group
      member('甲教育集团', 'a2', '龙头校', '2024-09-01'), // 3: LEAD for a member
      member('甲教育集团', 'a0', '成员校', '2025-09-01'), // 4: the lead school as a member (overlaps too, reported once per column)
      member('甲教育集团', 'a2', '校长', '2024-09-01'), // 5: not a role
      member('甲教育集团', 'a3', '成员校', '2024-09-01', '2024-08-01'), // 6: leaves before joining
      member('甲教育集团', 'a1', '成员校', '2024-06-01', '2024-06-30'), // 7: overlaps the stored 2023-09-01…2024-07-31
      member('甲教育集团', 'a1', '成员校', '2023-09-01', '2024-12-31'), // 8: changes a stored end day
      member('甲教育集团', 'a2', '成员校', '2025-01-01'), // 9
      member('甲教育集团', 'a2', '成员校', '2025-01-01'), // 10: duplicate of row 9
      member('甲教育集团', 'a3', '成员校', '2025-01-01'), // 11
      member('甲教育集团', 'a3', '成员校', '2025-03-01'), // 12: overlaps row 11
      ['甲教育集团', '', '3799999999', '成员校', '2025-01-01', ''], // 13: no such school
    ]);
    const r = await post('memberships', file, { token: districtA });
    expect(r.status).toBe(422);
    expect(r.body.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [2, '组织名称', '丙集团'],
      [3, '成员角色', '龙头校'],
      [4, '成员角色', '成员校'],
      [5, '成员角色', '校长'],
      [6, '退出日期', '2024-08-01'],
      [10, '学校标识码', code.a2],
      [13, '学校标识码', '3799999999'],
    ]);
    expect(r.body.errors[1]).toMatchObject({ messageZh: '只有本组织的龙头校角色为 LEAD' });
    expect(r.body.errors[2]).toMatchObject({ messageZh: '龙头校的角色须为 LEAD' });
    expect(r.body.errors[3].messageZh).toBe('成员角色取值无效，应为：龙头校、牵头校、成员校、集团分校、分校');
    expect(r.body.errors[4].messageZh).toBe('退出日期不能早于开始日期 2024-09-01');
    expect(r.body.errors[5].messageZh).toBe('同一学校同日加入同一组织的记录在文件中重复（首次出现在第 9 行）');
    expect(await count('group_membership')).toBe(before);

    // Rows whose own cells are fine are checked against the stored periods and each other.
    const periods = await post(
      'memberships',
      csv([
        M_HEAD,
        member('甲教育集团', 'a1', '成员校', '2024-06-01', '2024-06-30'),
        member('甲教育集团', 'a3', '成员校', '2025-01-01'),
        member('甲教育集团', 'a3', '成员校', '2025-03-01'),
      ]),
      { dryRun: true },
    );
    expect(periods.status).toBe(422);
    expect(periods.body.errors.map((e) => [e.row, e.column, e.messageZh])).toEqual([
      [2, '加入日期', '与该校已有成员期重叠（2023-09-01 起，2024-07-31）'],
      [4, '加入日期', '与第 3 行该校的成员期重叠'],
    ]);
    // the end day on record is a fact: a file cannot move it
    const moved = await post(
      'memberships',
      csv([M_HEAD, member('甲教育集团', 'a1', '成员校', '2023-09-01', '2024-08-31')]),
    );
    expect(moved.body.errors).toEqual([
      expect.objectContaining({
        row: 2,
        column: '退出日期',
        messageZh: '该成员期已于 2024-07-31 结束，退出日期不能更改',
      }),
    ]);
    expect(await count('group_membership')).toBe(before);
  });

  it('tells groups of the same name apart by 龙头校标识码', async () => {
    await createGroup('甲教育集团', a, 3);
    const ambiguous = await post('memberships', csv([M_HEAD, member('甲教育集团', 'a2', '成员校', '2025-09-01')]));
    expect(ambiguous.body.errors[0]).toMatchObject({
      row: 2,
      column: '组织名称',
      messageZh: '有多个同名组织，请增加“龙头校标识码”列加以区分',
    });
    const named = await post(
      'memberships',
      csv([M_HEAD, member('甲教育集团', 'a2', '成员校', '2025-09-01', '', code.a3!)]),
    );
    expect(named.body).toMatchObject({ rows: 1, inserted: 1 });
  });

  it('lets only those who manage a group’s members import them', async () => {
    const file = csv([M_HEAD, member('乙共同体', 'b1', '成员校', '2024-09-01')]);
    expect((await post('memberships', file, { token: '' })).status).toBe(401);
    expect((await post('memberships', file, { token: analyst })).status).toBe(403);
    expect((await post('memberships', file, { token: staffA1 })).status).toBe(403);
    // district A's admin and A's group leader: another district's group reads as none
    for (const token of [districtA, groupLeaderA0]) {
      const r = await post('memberships', file, { token });
      expect(r.status).toBe(422);
      expect(r.body.errors[0]).toMatchObject({ column: '组织名称', messageZh: '组织不存在或不在您的管辖范围' });
    }
    // the group leader manages their own school's group
    const own = await post(
      'memberships',
      csv([M_HEAD, member('甲教育集团', 'a0', '龙头校', '2023-09-01', '', code.a0!)]),
      { token: groupLeaderA0 },
    );
    expect(own.body).toMatchObject({ rows: 1, unchanged: 1 });
    expect((await post('memberships', file)).body).toMatchObject({ inserted: 1 }); // the city admin may
  });
});

describe('trusteeships', () => {
  const good = () => [
    T_HEAD,
    trust('a0', 'a2', '全面托管', '2023-09-01', {
      measures: '交流任职、联合教研',
      planned: '2026-08-31',
      ref: '济教字〔2023〕12号',
      notes: '首批托管',
    }),
    trust('a0', 'a1', 'PAIRING', '2024-03-01', { measures: 'EXPERIENCE_SHARING' }),
  ];

  it('dry-runs, imports with one audit entry, re-imports unchanged, then updates and ends one', async () => {
    const dry = await post('trusteeships', csv(good()), { token: districtA, dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, rows: 2, inserted: 2, errors: [] });
    expect(await count('trusteeship')).toBe(0);

    const r = await post('trusteeships', await xlsx(good()[0]!, good().slice(1)), {
      token: districtA,
      type: XLSX_MIME,
    });
    expect(r.body).toMatchObject({ rows: 2, inserted: 2, updated: 0, unchanged: 0 });
    const q = await t.gql(
      `{ trusteeships(first: 5, orderBy: { field: START_DATE }) { nodes { mode measures startDate plannedEndDate agreementRef notes status partnerSchool { code } } } }`,
      {},
      city,
    );
    expect(q.data!.trusteeships.nodes[0]).toEqual({
      mode: 'FULL_TRUSTEESHIP',
      measures: ['SECONDED_LEADERSHIP', 'JOINT_RESEARCH'],
      startDate: '2023-09-01',
      plannedEndDate: '2026-08-31',
      agreementRef: '济教字〔2023〕12号',
      notes: '首批托管',
      status: 'ACTIVE',
      partnerSchool: { code: code.a2 },
    });
    expect(await t.ds.query(`SELECT username FROM audit_entry WHERE record_type = 'TrusteeshipImport'`)).toEqual([
      { username: 'district-a' },
    ]);

    expect((await post('trusteeships', csv(good()), { token: districtA })).body).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 2,
    });
    const changed = good();
    changed[2] = trust('a0', 'a1', '携手结对', '2024-03-01', { measures: '经验输出', actual: '2024-12-31' });
    expect((await post('trusteeships', csv(changed), { token: districtA })).body).toMatchObject({
      updated: 1,
      unchanged: 1,
    });
    const ended = await t.ds.query(`SELECT actual_end_date::text AS d FROM trusteeship WHERE partner_school_id = $1`, [
      schoolId(a, 1),
    ]);
    expect(ended).toEqual([{ d: '2024-12-31' }]);
  });

  it('reports every bad row with the services’ rules and writes nothing', async () => {
    // an activity on the stored full trusteeship, so ending it before that day is refused
    const [stored] = await t.ds.query(`SELECT id FROM trusteeship WHERE partner_school_id = $1`, [schoolId(a, 2)]);
    const activity = await t.gql(
      'mutation($id: ID!, $i: RecordTrusteeshipActivityInput!) { recordTrusteeshipActivity(trusteeshipId: $id, input: $i) { id } }',
      {
        id: toGlobalId('Trusteeship', stored.id),
        i: { measure: 'JOINT_RESEARCH', heldOn: '2024-05-10', description: '联合教研活动' },
      },
      city,
    );
    expect(activity.errors).toBeUndefined();
    const before = await count('trusteeship');
    const file = csv([
      T_HEAD,
      trust('a1', 'a1', '全面托管', '2024-09-01'), // 2: a school cannot take itself in hand
      trust('b0', 'a3', '携手结对', '2024-09-01'), // 3: lead school outside district A
      trust('a1', '3799999999', '携手结对', '2024-09-01'), // 4: no such partner
      trust('a1', 'a3', '送教下乡', '2024-09-01'), // 5: not a mode
      trust('a1', 'a3', '携手结对', '2024-09-01', { measures: '联合教研、送教' }), // 6: not a measure
      trust('a1', 'a3', '携手结对', '2024-09-01', { planned: '2024-08-31' }), // 7: planned end before start
      trust('a1', 'a2', '携手结对', '2024-09-01'), // 8
      trust('a1', 'a2', '携手结对', '2024-09-01'), // 9: duplicate of row 8
      trust('a1', 'b0', '携手结对', '2024-09-01'), // 10: partner outside district A, answered as row 4
    ]);
    const r = await post('trusteeships', file, { token: districtA });
    expect(r.status).toBe(422);
    expect(r.body.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [2, '受援学校标识码', code.a1],
      [3, '龙头校标识码', code.b0],
      [4, '受援学校标识码', '3799999999'],
      [5, '帮扶方式', '送教下乡'],
      [6, '帮扶措施', '联合教研、送教'],
      [7, '计划结束日期', '2024-08-31'],
      [9, '受援学校标识码', code.a2],
      [10, '受援学校标识码', code.b0],
    ]);
    // an existing school outside the viewer's sight reads exactly like a code that does not exist
    const { row: _4, value: _v4, ...nonexistent } = r.body.errors[2];
    const { row: _10, value: _v10, ...outside } = r.body.errors[7];
    expect(outside).toEqual(nonexistent);
    expect(nonexistent.messageZh).toBe('学校不存在或学校不在您的管辖范围');
    expect(r.body.errors[0].messageZh).toBe('托管学校不能是龙头校本身');
    expect(r.body.errors[1].messageZh).toBe('学校不存在或学校不在您的管辖范围');
    expect(r.body.errors[4].messageZh).toBe('帮扶措施取值无效，应为：交流任职、联合教研、经验输出、文化帮扶');
    expect(r.body.errors[5].messageZh).toBe('计划结束日期不能早于开始日期 2024-09-01');

    const rules = await post(
      'trusteeships',
      csv([
        T_HEAD,
        trust('a0', 'a1', '全面托管', '2024-03-01', { measures: '经验输出', actual: '2024-12-31' }), // 2: stored as pairing
        trust('a1', 'a2', '全面托管', '2025-01-01'), // 3: a2 is under full trusteeship, open-ended
        trust('a1', 'a3', '全面托管', '2024-01-01', { actual: '2024-12-31' }), // 4
        trust('a0', 'a3', '全面托管', '2024-06-01'), // 5: overlaps row 4
      ]),
      { token: districtA, dryRun: true },
    );
    expect(rules.status).toBe(422);
    expect(rules.body.errors.map((e) => [e.row, e.column, e.messageZh])).toEqual([
      [2, '帮扶方式', '已有托管关系的帮扶方式不能更改，请结束该关系后另行新建'],
      [3, '受援学校标识码', '该校自 2023-09-01 起已被全面托管（未结束），同一学校同时只能有一个全面托管'],
      [5, '受援学校标识码', '与第 4 行该校的全面托管时间重叠，同一学校同时只能有一个全面托管'],
    ]);
    const early = await post(
      'trusteeships',
      csv([T_HEAD, trust('a0', 'a2', '全面托管', '2023-09-01', { actual: '2024-03-31' })]),
      { token: districtA },
    );
    expect(early.body.errors).toEqual([
      expect.objectContaining({
        row: 2,
        column: '实际结束日期',
        messageZh: '已有 2024-05-10 的帮扶活动记录，结束日期不能早于它',
      }),
    ]);
    const endChanged = await post(
      'trusteeships',
      csv([T_HEAD, trust('a0', 'a1', '携手结对', '2024-03-01', { measures: '经验输出', actual: '2025-06-30' })]),
      { dryRun: true },
    );
    expect(endChanged.body.errors[0]).toMatchObject({
      row: 2,
      column: '实际结束日期',
      messageZh: '该关系已于 2024-12-31 结束，实际结束日期不能更改',
    });
    expect(await count('trusteeship')).toBe(before);
  });

  it('lets only the lead school’s managers import its trusteeships', async () => {
    const file = csv([T_HEAD, trust('a1', 'a3', '携手结对', TEST_TODAY)]);
    expect((await post('trusteeships', file, { token: '' })).status).toBe(401);
    expect((await post('trusteeships', file, { token: analyst })).status).toBe(403);
    expect((await post('trusteeships', file, { token: staffA1 })).status).toBe(403);
    const leader = await post('trusteeships', file, { token: groupLeaderA0, dryRun: true });
    expect(leader.body.errors[0]).toMatchObject({
      row: 2,
      column: '龙头校标识码',
      messageZh: '学校不存在或学校不在您的管辖范围',
    });
    // a3 is not the leader's: its code reads as unknown, so nothing can be proposed to it by file
    const unseen = await post('trusteeships', csv([T_HEAD, trust('a0', 'a3', '携手结对', TEST_TODAY)]), {
      token: groupLeaderA0,
    });
    expect(unseen.body.errors[0]).toMatchObject({
      column: '受援学校标识码',
      messageZh: '学校不存在或学校不在您的管辖范围',
    });
    // once a3 is a pairing partner (read only), the leader may propose a full trusteeship of it: pending
    const pairing = await t.gql(
      'mutation($i: CreateTrusteeshipInput!) { createTrusteeship(input: $i) { approval } }',
      {
        i: { leadSchoolId: a.schoolIds[0], partnerSchoolId: a.schoolIds[3], mode: 'PAIRING', startDate: '2025-09-01' },
      },
      districtA,
    );
    expect(pairing.data!.createTrusteeship.approval).toBe('APPROVED');
    const own = await post('trusteeships', csv([T_HEAD, trust('a0', 'a3', '全面托管', TEST_TODAY)]), {
      token: groupLeaderA0,
    });
    expect(own.body).toMatchObject({ rows: 1, inserted: 1 });
    const approval = (mode: string) =>
      t.ds.query(
        `SELECT approval::text, decided_by_name FROM trusteeship WHERE lead_school_id = $1 AND partner_school_id = $2 AND mode = $3`,
        [schoolId(a, 0), schoolId(a, 3), mode],
      );
    // a group leader's import only proposes, as createTrusteeship does; the district admin's creates
    expect(await approval('FULL_TRUSTEESHIP')).toEqual([{ approval: 'PENDING', decided_by_name: null }]);
    expect(
      await t.ds.query(
        `SELECT approval::text, decided_by_name FROM trusteeship WHERE lead_school_id = $1 AND partner_school_id = $2`,
        [schoolId(a, 0), schoolId(a, 2)],
      ),
    ).toEqual([{ approval: 'APPROVED', decided_by_name: 'district-a' }]);
    // re-importing the pending row as the district admin changes its notes, never its approval
    const again = await post(
      'trusteeships',
      csv([T_HEAD, trust('a0', 'a3', '全面托管', TEST_TODAY, { notes: '补充' })]),
      { token: districtA },
    );
    expect(again.body).toMatchObject({ updated: 1 });
    expect(await approval('FULL_TRUSTEESHIP')).toEqual([{ approval: 'PENDING', decided_by_name: null }]);
  });

  it('answers an out-of-scope school code exactly as a nonexistent one, in a dry run and in a real import', async () => {
    // a group leader guessing another district's codes learns nothing: b1 exists, 3799999998 does not
    const file = (kind: 'trusteeships' | 'memberships', c: string) =>
      kind === 'trusteeships'
        ? csv([T_HEAD, trust('a0', c, '全面托管', '2025-09-01')])
        : csv([M_HEAD, ['甲教育集团', '', c, '集团分校', '2025-09-01', '']]);
    for (const kind of ['trusteeships', 'memberships'] as const) {
      const answers = [];
      for (const dryRun of [true, false]) {
        for (const c of [code.b1!, '3799999998']) {
          const before = await count(kind === 'trusteeships' ? 'trusteeship' : 'group_membership');
          const r = await post(kind, file(kind, c), { token: groupLeaderA0, dryRun });
          expect(r.status).toBe(422);
          expect(await count(kind === 'trusteeships' ? 'trusteeship' : 'group_membership')).toBe(before);
          const { value: _value, ...rest } = r.body.errors[0];
          answers.push({ status: r.status, errorCount: r.body.errorCount, inserted: r.body.inserted, ...rest });
        }
      }
      expect(new Set(answers.map((x) => JSON.stringify(x))).size).toBe(1);
      expect(answers[0]).toMatchObject({ messageZh: '学校不存在或学校不在您的管辖范围' });
    }
  });
});

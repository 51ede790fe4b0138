import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, TEST_TODAY } from '../../test/harness.js';
import { buildWorld, cityAdminToken, signInAs, type World } from '../../test/fixtures.js';
import { parseGlobalId, toGlobalId } from '../../common/global-id.js';
import { Role } from '../../auth/viewer.js';
import { JointResearchSession, Researcher, ResearcherAssignment } from './research.entity.js';

const CREATE_R =
  'mutation($i: CreateResearcherInput!) { createResearcher(input: $i) { id name level district { id } } }';
const ASSIGN =
  'mutation($r: ID!, $i: AssignResearcherInput!) { assignResearcher(researcherId: $r, input: $i) { id startDate endDate school { id } researcher { id } } }';
const END_A = 'mutation($id: ID!, $d: Date!) { endResearcherAssignment(id: $id, endDate: $d) { id endDate } }';
const RECORD =
  'mutation($i: RecordJointResearchSessionInput!) { recordJointResearchSession(input: $i) { id heldOn schools { id } researcher { id } } }';
const RULE = `query($d: Date, $f: ResearcherFilter) {
  researchersWithoutTownSeatSchool(activeOn: $d, filter: $f, first: 50) { nodes { name } } }`;

describe('researchers, assignments and joint research', () => {
  let t: TestApp;
  let city: string;
  let a: World;
  let b: World;
  let n = 0;
  const dbId = (id: string) => parseGlobalId(id)!.id;

  const researcher = async (name: string, world: World | null, token = city) => {
    const r = await t.gql(
      CREATE_R,
      {
        i: world
          ? { name, level: 'DISTRICT', districtId: world.districtId, subject: '数学' }
          : { name, level: 'CITY', subject: '语文' },
      },
      token,
    );
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data!.createResearcher.id as string;
  };
  const assign = async (r: string, schoolId: string, startDate: string, endDate: string | null = null) => {
    const res = await t.gql(ASSIGN, { r, i: { schoolId, startDate, endDate } }, city);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.assignResearcher.id as string;
  };
  const record = (i: Record<string, unknown>, token = city) =>
    t.gql(RECORD, { i: { subject: '数学', topic: `主题${++n}`, participantCount: 12, ...i } }, token);
  const sessions = () => t.ds.getRepository(JointResearchSession).count();

  beforeAll(async () => {
    t = await startTestApp();
    city = await cityAdminToken(t);
    // School 0 of each world is its town's seat school.
    a = await buildWorld(t, city, { districtCode: '370961', schools: 3, teachersPerSchool: 0 });
    b = await buildWorld(t, city, { districtCode: '370962', schools: 2, teachersPerSchool: 0 });
  });
  afterAll(() => t.close());

  it('keeps the level and district of a researcher consistent, and lets a district manage only its own', async () => {
    const before = await t.ds.getRepository(Researcher).count();
    const noDistrict = await t.gql(CREATE_R, { i: { name: '甲', level: 'DISTRICT', subject: '数学' } }, city);
    expect(noDistrict.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'input.districtId', constraint: 'required' }],
    });
    const cityWithDistrict = await t.gql(
      CREATE_R,
      { i: { name: '乙', level: 'CITY', districtId: a.districtId, subject: '数学' } },
      city,
    );
    expect(cityWithDistrict.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'input.districtId', constraint: 'cityHasNoDistrict' }],
    });
    const districtA = await signInAs(t, 'research-district-a', [
      { role: Role.DISTRICT_ADMIN, districtId: dbId(a.districtId) },
    ]);
    const cityLevel = await t.gql(CREATE_R, { i: { name: '丙', level: 'CITY', subject: '数学' } }, districtA);
    expect(cityLevel.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const otherDistrict = await t.gql(
      CREATE_R,
      { i: { name: '丁', level: 'DISTRICT', districtId: b.districtId, subject: '数学' } },
      districtA,
    );
    expect(otherDistrict.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await t.ds.getRepository(Researcher).count()).toBe(before);
    const own = await t.gql(
      CREATE_R,
      { i: { name: '戊', level: 'DISTRICT', districtId: a.districtId, subject: '数学' } },
      districtA,
    );
    expect(own.data!.createResearcher).toMatchObject({ level: 'DISTRICT', district: { id: a.districtId } });
  });

  it('refuses overlapping assignments of one researcher to one school, and district researchers elsewhere', async () => {
    const r = await researcher('包挂规则', a);
    const first = await assign(r, a.schoolIds[0]!, '2024-01-01', '2024-06-30');
    const count = () => t.ds.getRepository(ResearcherAssignment).countBy({ researcherId: dbId(r) });
    const overlap = await t.gql(ASSIGN, { r, i: { schoolId: a.schoolIds[0], startDate: '2024-06-30' } }, city);
    expect(overlap.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      fields: [{ path: 'input.startDate', constraint: 'noOverlap' }],
    });
    const elsewhere = await t.gql(ASSIGN, { r, i: { schoolId: b.schoolIds[0], startDate: '2024-01-01' } }, city);
    expect(elsewhere.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'input.schoolId', constraint: 'researcherDistrict' }],
    });
    const reversed = await t.gql(
      ASSIGN,
      { r, i: { schoolId: a.schoolIds[1], startDate: '2024-01-01', endDate: '2023-12-31' } },
      city,
    );
    expect(reversed.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'input.endDate', constraint: 'endAfterStart' }],
    });
    expect(await count()).toBe(1);
    // The day after the first ends is free; another school may overlap.
    await assign(r, a.schoolIds[0]!, '2024-07-01');
    await assign(r, a.schoolIds[1]!, '2024-03-01');
    expect(await count()).toBe(3);
    const twice = await t.gql(END_A, { id: first, d: '2024-07-31' }, city);
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', fields: [{ path: 'endDate' }] });
  });

  it('lists researchers breaking the town-seat rule as of a day; an assignment ending that day still counts', async () => {
    const attached = await researcher('核查镇驻地', a);
    await assign(attached, a.schoolIds[0]!, '2024-01-01');
    const village = await researcher('核查村小', a);
    await assign(village, a.schoolIds[1]!, '2024-01-01');
    const ending = await researcher('核查到期', a);
    const endingId = await assign(ending, a.schoolIds[0]!, '2024-01-01');
    expect((await t.gql(END_A, { id: endingId, d: '2024-06-30' }, city)).errors).toBeUndefined();
    const breaking = async (d: string) => {
      const r = await t.gql(RULE, { d, f: { search: '核查' } }, city);
      expect(r.errors).toBeUndefined();
      return (r.data!.researchersWithoutTownSeatSchool.nodes as { name: string }[]).map((x) => x.name).sort();
    };
    expect(await breaking('2024-06-30')).toEqual(['核查村小']);
    expect(await breaking('2024-07-01')).toEqual(['核查到期', '核查村小'].sort());
    expect(await breaking('2023-12-31')).toEqual(['核查到期', '核查村小', '核查镇驻地'].sort());
    const asOf = await t.gql(
      `query($id: ID!) { researcher(id: $id) {
        on: assignments(activeOn: "2024-06-30") { totalCount } after: assignments(activeOn: "2024-07-01") { totalCount } } }`,
      { id: ending },
      city,
    );
    expect(asOf.data!.researcher).toEqual({ on: { totalCount: 1 }, after: { totalCount: 0 } });
  });

  it('finds the months without a session on a hand-made history, with edges', async () => {
    const r = await researcher('月度教研', a);
    const other = await researcher('他人', a);
    // Starts mid-January, ends on 10 May.
    const id = await assign(r, a.schoolIds[0]!, '2023-01-15', null);
    await t.gql(END_A, { id, d: '2023-05-10' }, city);
    await assign(other, a.schoolIds[0]!, '2023-01-01');
    const s0 = a.schoolIds[0]!;
    const s1 = a.schoolIds[1]!;
    for (const [heldOn, researcherId, schoolIds] of [
      ['2023-01-31', r, [s0]], // last day of the month counts for January
      ['2023-03-01', r, [s1, s0]], // a session of several schools counts for each
      ['2023-04-15', r, [s1]], // another school: does not count for s0
      ['2023-05-05', other, [s0]], // another researcher: does not count
      ['2023-06-15', r, [s0]], // after the assignment ended
    ] as const) {
      const res = await record({ heldOn, researcherId, schoolIds });
      expect(res.errors).toBeUndefined();
    }
    const q = `query($id: ID!, $f: Date!, $t: Date!) { node(id: $id) { ... on ResearcherAssignment { missingMonths(from: $f, to: $t) } } }`;
    const missing = async (f: string, to: string) => {
      const res = await t.gql(q, { id, f, t: to }, city);
      expect(res.errors).toBeUndefined();
      return res.data!.node.missingMonths as string[];
    };
    // February is a holiday month by default: nothing is owed in it.
    expect(await missing('2022-10-01', '2023-12-31')).toEqual(['2023-04', '2023-05']);
    expect(await missing('2023-01-31', '2023-01-31')).toEqual([]);
    expect(await missing('2023-02-01', '2023-03-01')).toEqual([]);
    // Asked up to the day the assignment ends: May counts, June does not.
    expect(await missing('2023-05-10', '2023-06-30')).toEqual(['2023-05']);
    const bad = await t.gql(q, { id, f: '2023-05-01', t: '2023-04-30' }, city);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'to' }] });

    // The city's calendar decides: with January and July as that school year's holidays
    // instead, February is owed and January is not.
    const set = await t.gql(
      'mutation { setSchoolCalendar(input: { schoolYear: 2022, holidayMonths: ["2023-01", "2023-07", "2023-08"] }) { isDefault months { month term } } }',
      {},
      city,
    );
    expect(set.errors).toBeUndefined();
    expect(set.data!.setSchoolCalendar.isDefault).toBe(false);
    expect(await missing('2022-10-01', '2023-12-31')).toEqual(['2023-02', '2023-04', '2023-05']);

    // An open assignment: the month in progress is due (待开展), never missing, and no
    // future month is asked; recording a session for it clears it.
    const now = TEST_TODAY;
    const [y, m] = now.split('-').map(Number) as [number, number];
    const prev = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
    const open = await assign(r, a.schoolIds[2]!, `${prev}-20`);
    const dueQ = `query($id: ID!, $f: Date!, $t: Date!) { node(id: $id) { ... on ResearcherAssignment { missingMonths(from: $f, to: $t) dueMonth } } }`;
    const openMonths = await t.gql(dueQ, { id: open, f: `${prev}-01`, t: `${y + 2}-12-31` }, city);
    expect(openMonths.data!.node).toEqual({ missingMonths: [prev], dueMonth: now.slice(0, 7) });
    expect((await record({ heldOn: now, researcherId: r, schoolIds: [a.schoolIds[2]!] })).errors).toBeUndefined();
    const afterSession = await t.gql(dueQ, { id: open, f: `${prev}-01`, t: now }, city);
    expect(afterSession.data!.node).toEqual({ missingMonths: [prev], dueMonth: null });
  });

  it('records a session only for schools the viewer may record for, never in the future; nothing written otherwise', async () => {
    const r = await researcher('记录规则', a);
    await assign(r, a.schoolIds[0]!, '2024-01-01');
    const staff = await signInAs(t, 'research-staff-0', [{ role: Role.SCHOOL_STAFF, schoolId: dbId(a.schoolIds[0]!) }]);
    const analyst = await signInAs(t, 'research-analyst', [{ role: Role.ANALYST }]);
    const before = await sessions();
    const none = await record({ heldOn: '2024-03-01', researcherId: r, schoolIds: [] }, staff);
    expect(none.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'input.schoolIds' }],
    });
    const future = await record({ heldOn: '2099-01-01', researcherId: r, schoolIds: [a.schoolIds[0]] }, staff);
    expect(future.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'input.heldOn', constraint: 'notFuture' }],
    });
    const foreign = await record(
      { heldOn: '2024-03-01', researcherId: r, schoolIds: [a.schoolIds[0], a.schoolIds[1]] },
      staff,
    );
    expect(foreign.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'input.schoolIds.1', constraint: 'exists' }],
    });
    const readOnly = await record({ heldOn: '2024-03-01', researcherId: r, schoolIds: [a.schoolIds[0]] }, analyst);
    expect(readOnly.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await sessions()).toBe(before);
    const ok = await record({ heldOn: '2024-03-01', researcherId: r, schoolIds: [a.schoolIds[0]] }, staff);
    expect(ok.data!.recordJointResearchSession).toMatchObject({
      schools: [{ id: a.schoolIds[0] }],
      researcher: { id: r },
    });
    // Staff of one school cannot take over a session that also involves a school they do not run.
    const shared = await record({ heldOn: '2024-03-02', researcherId: r, schoolIds: [a.schoolIds[0], a.schoolIds[1]] });
    const sharedId = shared.data!.recordJointResearchSession.id as string;
    const del = await t.gql('mutation($id: ID!) { deleteJointResearchSession(id: $id) }', { id: sharedId }, staff);
    expect(del.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await t.ds.getRepository(JointResearchSession).existsBy({ id: dbId(sharedId) })).toBe(true);
  });

  it('scopes researchers and sessions; a linked researcher account reaches its assigned schools', async () => {
    const r = await researcher('市级教研员', null);
    await assign(r, b.schoolIds[1]!, '2024-01-01');
    const s = await record({ heldOn: '2024-05-01', researcherId: r, schoolIds: [b.schoolIds[1]] });
    const sessionId = s.data!.recordJointResearchSession.id as string;
    const staffB1 = await signInAs(t, 'research-staff-b1', [
      { role: Role.SCHOOL_STAFF, schoolId: dbId(b.schoolIds[1]!) },
    ]);
    const staffA0 = await signInAs(t, 'research-staff-a0', [
      { role: Role.SCHOOL_STAFF, schoolId: dbId(a.schoolIds[0]!) },
    ]);
    const districtB = await signInAs(t, 'research-district-b', [
      { role: Role.DISTRICT_ADMIN, districtId: dbId(b.districtId) },
    ]);
    const sees = async (token: string) => {
      const res = await t.gql(
        'query($r: ID!, $s: ID!) { researcher(id: $r) { id } jointResearchSession(id: $s) { id } }',
        { r, s: sessionId },
        token,
      );
      return [res.data!.researcher != null, res.data!.jointResearchSession != null];
    };
    expect(await sees(staffB1)).toEqual([true, true]);
    expect(await sees(districtB)).toEqual([true, true]);
    expect(await sees(staffA0)).toEqual([false, false]);

    // A researcher account: linked, it sees its assigned school and records sessions there.
    const user = await t.gql(
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      {
        i: {
          username: 'researcher-account',
          displayName: '教研员账号',
          password: 'long-enough-password',
          grants: [{ role: 'RESEARCHER', schoolId: b.schoolIds[0] }],
        },
      },
      city,
    );
    const userId = user.data!.createUser.id as string;
    const plain = await signInAs(t, 'research-plain', [{ role: Role.SCHOOL_STAFF, schoolId: dbId(a.schoolIds[2]!) }]);
    void plain;
    const notResearcher = await t.gql(
      'mutation($id: ID!, $u: ID) { linkResearcherUser(id: $id, userId: $u) { id } }',
      {
        id: r,
        u: toGlobalId('User', (await t.ds.query(`SELECT id FROM app_user WHERE username = 'research-plain'`))[0].id),
      },
      city,
    );
    expect(notResearcher.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'userId', constraint: 'researcherGrant' }],
    });
    const linked = await t.gql(
      'mutation($id: ID!, $u: ID) { linkResearcherUser(id: $id, userId: $u) { id } }',
      { id: r, u: userId },
      city,
    );
    expect(linked.errors).toBeUndefined();
    const token = await t.login('researcher-account', 'long-enough-password');
    expect(await sees(token)).toEqual([true, true]);
    const own = await record({ heldOn: '2024-06-01', researcherId: r, schoolIds: [b.schoolIds[1]] }, token);
    expect(own.errors).toBeUndefined();
    const notAssigned = await record({ heldOn: '2024-06-01', researcherId: r, schoolIds: [a.schoolIds[1]] }, token);
    expect(notAssigned.errors?.[0]?.extensions).toMatchObject({ fields: [{ constraint: 'exists' }] });
  });

  it('names the researcher record linked to an account as User.researcher: to the account itself and to the admins who manage it', async () => {
    const r = await researcher('关联教研员', b);
    await assign(r, b.schoolIds[1]!, '2024-09-01');
    const account = async (username: string) => {
      const res = await t.gql(
        'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
        {
          i: {
            username,
            displayName: username,
            password: 'long-enough-password',
            grants: [{ role: 'RESEARCHER', schoolId: b.schoolIds[1] }],
          },
        },
        city,
      );
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return res.data!.createUser.id as string;
    };
    const linkedId = await account('me-researcher');
    await account('me-unlinked');
    const link = (u: string | null) =>
      t.gql('mutation($id: ID!, $u: ID) { linkResearcherUser(id: $id, userId: $u) { id } }', { id: r, u }, city);
    expect((await link(linkedId)).errors).toBeUndefined();

    const ME = '{ me { username researcher { id name } } }';
    const own = await t.login('me-researcher', 'long-enough-password');
    expect((await t.gql(ME, {}, own)).data!.me).toEqual({
      username: 'me-researcher',
      researcher: { id: r, name: '关联教研员' },
    });
    const other = await t.login('me-unlinked', 'long-enough-password');
    expect((await t.gql(ME, {}, other)).data!.me.researcher).toBeNull();

    // Admins see the link on the accounts they manage; anyone else sees no such account.
    const USER = 'query($id: ID!) { node(id: $id) { ... on User { researcher { id } } } }';
    const districtA = await signInAs(t, 'link-district-a', [
      { role: Role.DISTRICT_ADMIN, districtId: dbId(a.districtId) },
    ]);
    const districtB = await signInAs(t, 'link-district-b', [
      { role: Role.DISTRICT_ADMIN, districtId: dbId(b.districtId) },
    ]);
    const staffB = await signInAs(t, 'link-staff-b', [{ role: Role.SCHOOL_STAFF, schoolId: dbId(b.schoolIds[1]!) }]);
    const seen = async (token: string) => (await t.gql(USER, { id: linkedId }, token)).data!.node;
    expect(await seen(city)).toEqual({ researcher: { id: r } });
    expect(await seen(districtB)).toEqual({ researcher: { id: r } });
    expect(await seen(districtA)).toBeNull();
    expect(await seen(staffB)).toBeNull();
    expect(await seen(other)).toBeNull();
    const listed = await t.gql(
      '{ users(filter: { search: "me-" }, first: 10) { nodes { username researcher { id } } } }',
      {},
      city,
    );
    expect(listed.data!.users.nodes).toEqual([
      { username: 'me-researcher', researcher: { id: r } },
      { username: 'me-unlinked', researcher: null },
    ]);

    // Unlinked, the account names no record any more.
    expect((await link(null)).errors).toBeUndefined();
    expect((await t.gql(ME, {}, own)).data!.me.researcher).toBeNull();
  });
});

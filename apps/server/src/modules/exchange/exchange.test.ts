import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { buildWorld, cityAdminToken, signInAs, type World } from '../../test/fixtures.js';
import { parseGlobalId } from '../../common/global-id.js';
import { translateWriteError } from '../../common/db-errors.js';
import { Role } from '../../auth/viewer.js';
import { TeacherExchange } from './exchange.entity.js';

const CREATE = `mutation($i: CreateTeacherExchangeInput!) { createTeacherExchange(input: $i) {
  id kind startDate endDate teacher { id school { id } } fromSchool { id } toSchool { id } } }`;
const UPDATE =
  'mutation($id: ID!, $i: UpdateTeacherExchangeInput!) { updateTeacherExchange(id: $id, input: $i) { id startDate endDate kind } }';
const END = 'mutation($id: ID!, $d: Date!) { endTeacherExchange(id: $id, endDate: $d) { id endDate } }';
const DELETE = 'mutation($id: ID!) { deleteTeacherExchange(id: $id) }';
const LIST = `query($f: TeacherExchangeFilter) { teacherExchanges(first: 50, filter: $f) { totalCount nodes { id startDate endDate } } }`;

describe('teacher exchanges', () => {
  let t: TestApp;
  let city: string;
  let a: World;
  let b: World;
  const teachers = new Map<string, string[]>();
  const dbId = (id: string) => parseGlobalId(id)!.id;

  async function teachersOf(schoolId: string): Promise<string[]> {
    const r = await t.gql<{ school: { teachers: { nodes: { id: string }[] } } }>(
      'query($id: ID!) { school(id: $id) { teachers(first: 10) { nodes { id } } } }',
      { id: schoolId },
      city,
    );
    return r.data!.school.teachers.nodes.map((n) => n.id);
  }
  const count = async (teacherId: string) =>
    (await t.gql(LIST, { f: { teacherId } }, city)).data!.teacherExchanges.totalCount as number;
  const create = (i: Record<string, unknown>, token = city) => t.gql(CREATE, { i }, token);

  beforeAll(async () => {
    t = await startTestApp();
    city = await cityAdminToken(t);
    a = await buildWorld(t, city, { districtCode: '370951', schools: 3, teachersPerSchool: 3 });
    b = await buildWorld(t, city, { districtCode: '370952', schools: 2, teachersPerSchool: 2 });
    for (const s of [...a.schoolIds, ...b.schoolIds]) teachers.set(s, await teachersOf(s));
  });
  afterAll(() => t.close());

  it("creates an exchange from the teacher's own school, which stays their school", async () => {
    const teacherId = teachers.get(a.schoolIds[0]!)![0]!;
    const r = await create({ teacherId, toSchoolId: b.schoolIds[0], kind: 'ROTATION', startDate: '2024-09-01' });
    expect(r.errors).toBeUndefined();
    expect(r.data!.createTeacherExchange).toMatchObject({
      fromSchool: { id: a.schoolIds[0] },
      toSchool: { id: b.schoolIds[0] },
      teacher: { id: teacherId, school: { id: a.schoolIds[0] } },
      endDate: null,
    });
    const row = await t.ds
      .getRepository(TeacherExchange)
      .findOneByOrFail({ id: dbId(r.data!.createTeacherExchange.id) });
    expect(row).toMatchObject({ fromDistrictId: dbId(a.districtId), toDistrictId: dbId(b.districtId) });
  });

  it('refuses an overlapping exchange for the same teacher with CONFLICT at input.startDate, writing nothing', async () => {
    const teacherId = teachers.get(a.schoolIds[0]!)![1]!;
    const first = await create({
      teacherId,
      toSchoolId: a.schoolIds[1],
      kind: 'SUPPORT_TEACHING',
      startDate: '2024-03-01',
      endDate: '2024-06-30',
    });
    expect(first.errors).toBeUndefined();
    // The last day of the first exchange still belongs to it: starting on 2024-06-30 overlaps.
    const overlap = await create({ teacherId, toSchoolId: a.schoolIds[2], kind: 'ROTATION', startDate: '2024-06-30' });
    expect(overlap.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      fields: [{ path: 'input.startDate', constraint: 'noOverlap' }, { path: 'input.endDate' }],
    });
    // An open-ended exchange starting before overlaps too.
    const before = await create({ teacherId, toSchoolId: a.schoolIds[2], kind: 'ROTATION', startDate: '2023-01-01' });
    expect(before.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await count(teacherId)).toBe(1);
    // The day after is free.
    const next = await create({ teacherId, toSchoolId: a.schoolIds[2], kind: 'ROTATION', startDate: '2024-07-01' });
    expect(next.errors).toBeUndefined();
    expect(await count(teacherId)).toBe(2);
  });

  it('refuses an update or an end date that would create an overlap, or ending twice', async () => {
    const teacherId = teachers.get(a.schoolIds[1]!)![0]!;
    const x = await create({
      teacherId,
      toSchoolId: a.schoolIds[0],
      kind: 'ROTATION',
      startDate: '2022-01-01',
      endDate: '2022-06-30',
    });
    const y = await create({ teacherId, toSchoolId: a.schoolIds[2], kind: 'ROTATION', startDate: '2022-09-01' });
    const xId = x.data!.createTeacherExchange.id as string;
    const yId = y.data!.createTeacherExchange.id as string;
    const bad = await t.gql(UPDATE, { id: xId, i: { endDate: '2022-09-01' } }, city);
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      fields: [{ path: 'input.startDate' }, { path: 'input.endDate' }],
    });
    const reversed = await t.gql(UPDATE, { id: xId, i: { endDate: '2021-12-31' } }, city);
    expect(reversed.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'input.endDate', constraint: 'endAfterStart' }],
    });
    const ok = await t.gql(UPDATE, { id: xId, i: { endDate: '2022-08-31', kind: 'OUTREACH_TEACHING' } }, city);
    expect(ok.data!.updateTeacherExchange).toMatchObject({ endDate: '2022-08-31', kind: 'OUTREACH_TEACHING' });
    const early = await t.gql(END, { id: yId, d: '2022-08-31' }, city);
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'endDate' }] });
    expect((await t.gql(END, { id: yId, d: '2022-12-31' }, city)).data!.endTeacherExchange.endDate).toBe('2022-12-31');
    const twice = await t.gql(END, { id: yId, d: '2023-01-31' }, city);
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', fields: [{ path: 'endDate' }] });
    const rows = await t.ds
      .getRepository(TeacherExchange)
      .find({ where: { teacherId: dbId(teacherId) }, order: { startDate: 'ASC' } });
    expect(rows.map((r) => [r.startDate, r.endDate])).toEqual([
      ['2022-01-01', '2022-08-31'],
      ['2022-09-01', '2022-12-31'],
    ]);
  });

  it('names the broken field: same school, a school that is not home, end before start; nothing written', async () => {
    const teacherId = teachers.get(a.schoolIds[2]!)![0]!;
    const base = { teacherId, kind: 'ROTATION', startDate: '2024-01-01' };
    const same = await create({ ...base, toSchoolId: a.schoolIds[2] });
    expect(same.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'input.toSchoolId', constraint: 'differentSchool' }],
    });
    const notHome = await create({ ...base, fromSchoolId: a.schoolIds[1], toSchoolId: a.schoolIds[0] });
    expect(notHome.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'input.fromSchoolId', constraint: 'homeSchool' }],
    });
    const reversed = await create({ ...base, toSchoolId: a.schoolIds[0], endDate: '2023-12-31' });
    expect(reversed.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'input.endDate', constraint: 'endAfterStart' }],
    });
    expect(await count(teacherId)).toBe(0);
  });

  it('translates the database safety nets: exclusion → CONFLICT, check → BAD_USER_INPUT', async () => {
    const teacherId = dbId(teachers.get(b.schoolIds[1]!)![0]!);
    const [from, to] = [dbId(b.schoolIds[1]!), dbId(b.schoolIds[0]!)];
    const d = dbId(b.districtId);
    const insert = (start: string, end: string | null, toSchool = to) =>
      t.ds.query(
        `INSERT INTO teacher_exchange (teacher_id, from_school_id, to_school_id, from_district_id, to_district_id, kind, start_date, end_date)
         VALUES ($1, $2, $3, $4, $4, 'ROTATION', $5, $6)`,
        [teacherId, from, toSchool, d, start, end],
      );
    await insert('2020-01-01', '2020-12-31');
    const metadata = t.ds.getMetadata(TeacherExchange);
    const overlap = await insert('2020-12-31', null).catch((e: unknown) => translateWriteError(e, metadata));
    expect((overlap as { extensions: { code: string } }).extensions.code).toBe('CONFLICT');
    const check = await insert('2019-01-01', '2018-01-01').catch((e: unknown) => translateWriteError(e, metadata));
    expect((check as { extensions: { code: string } }).extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers as-of questions: an exchange ending on the asked day is still active that day', async () => {
    const teacherId = teachers.get(b.schoolIds[0]!)![0]!;
    const r = await create({
      teacherId,
      toSchoolId: b.schoolIds[1],
      kind: 'OUTREACH_TEACHING',
      startDate: '2023-03-01',
      endDate: '2023-03-31',
    });
    const id = r.data!.createTeacherExchange.id as string;
    const q = `query($t: ID!, $s: ID!, $o: ID!, $d: Date!) {
      teacherExchanges(filter: { teacherId: $t, activeOn: $d }) { nodes { id } }
      teacher(id: $t) { exchanges(activeOn: $d) { nodes { id } } }
      to: school(id: $s) { exchangesIn(activeOn: $d) { nodes { id } } exchangesOut(activeOn: $d) { nodes { id } } }
      from: school(id: $o) { exchangesOut(activeOn: $d) { nodes { id } } }
    }`;
    const on = async (d: string) => {
      const res = await t.gql(q, { t: teacherId, s: b.schoolIds[1], o: b.schoolIds[0], d }, city);
      expect(res.errors).toBeUndefined();
      const x = res.data!;
      return [
        x.teacherExchanges.nodes.length,
        x.teacher.exchanges.nodes.length,
        x.to.exchangesIn.nodes.length,
        x.to.exchangesOut.nodes.length,
        x.from.exchangesOut.nodes.length,
      ];
    };
    expect(await on('2023-02-28')).toEqual([0, 0, 0, 0, 0]);
    expect(await on('2023-03-01')).toEqual([1, 1, 1, 0, 1]);
    expect(await on('2023-03-31')).toEqual([1, 1, 1, 0, 1]);
    expect(await on('2023-04-01')).toEqual([0, 0, 0, 0, 0]);
    const all = await t.gql(LIST, { f: { teacherId } }, city);
    expect(all.data!.teacherExchanges.nodes.map((n: { id: string }) => n.id)).toEqual([id]);
  });

  it('shows an exchange to either school, and lets either school record one; others see nothing', async () => {
    const teacherId = teachers.get(a.schoolIds[1]!)![2]!;
    const receiving = await signInAs(t, 'staff-receiving', [
      { role: Role.SCHOOL_STAFF, schoolId: dbId(b.schoolIds[1]!) },
    ]);
    const bystander = await signInAs(t, 'staff-bystander', [
      { role: Role.SCHOOL_STAFF, schoolId: dbId(a.schoolIds[2]!) },
    ]);
    const districtB = await signInAs(t, 'district-b', [{ role: Role.DISTRICT_ADMIN, districtId: dbId(b.districtId) }]);
    const input = { teacherId, toSchoolId: b.schoolIds[1], kind: 'SUPPORT_TEACHING', startDate: '2025-02-01' };
    const refused = await create({ ...input, toSchoolId: b.schoolIds[0] }, bystander);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ constraint: 'exists' }],
    });
    const made = await create(input, receiving);
    expect(made.errors).toBeUndefined();
    const id = made.data!.createTeacherExchange.id as string;
    const seen = async (token: string) =>
      (await t.gql(LIST, { f: { teacherId } }, token)).data!.teacherExchanges.totalCount as number;
    expect(await seen(receiving)).toBe(1);
    expect(await seen(districtB)).toBe(1);
    expect(await seen(bystander)).toBe(0);
    expect((await t.gql('query($id: ID!) { node(id: $id) { id } }', { id }, bystander)).data).toEqual({ node: null });
    expect((await t.gql(DELETE, { id }, bystander)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(DELETE, { id }, districtB)).data).toEqual({ deleteTeacherExchange: id });
    expect(await count(teacherId)).toBe(0);
  });
});

/**
 * A school books a teacher of another school onto an exchange into itself: the teacher's own
 * school is asked first, and nothing is booked until it answers.
 */
describe('teacher exchanges need the home school’s consent', () => {
  let t: TestApp;
  let city: string;
  let home: World; // district A: the teacher's own school is school 0
  let away: World; // district B: the receiving school is school 0
  const tokens: Record<string, string> = {};
  const teacherIds: string[] = [];
  const X = `id consent decidedAt decisionComment startDate endDate fromSchool { id } toSchool { id }`;
  const PROPOSE = `mutation($i: CreateTeacherExchangeInput!) { createTeacherExchange(input: $i) { ${X} } }`;
  const CONFIRM = `mutation($id: ID!) { confirmTeacherExchange(id: $id) { ${X} } }`;
  const DECLINE = `mutation($id: ID!, $c: String!) { declineTeacherExchange(id: $id, comment: $c) { ${X} } }`;
  const CAN = 'query($a: ViewerAction!, $id: ID!) { viewerCan(action: $a, id: $id) }';
  const code = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;
  const can = async (who: string, a: string, id: string) =>
    (await t.gql(CAN, { a, id }, tokens[who])).data!.viewerCan as boolean;

  beforeAll(async () => {
    t = await startTestApp();
    city = await cityAdminToken(t);
    home = await buildWorld(t, city, { districtCode: '370971', schools: 2, teachersPerSchool: 4 });
    away = await buildWorld(t, city, { districtCode: '370972', schools: 2, teachersPerSchool: 1 });
    const id = (g: string) => parseGlobalId(g)!.id;
    tokens.city = city;
    tokens.homeStaff = await signInAs(t, 'home-staff', [{ role: Role.SCHOOL_STAFF, schoolId: id(home.schoolIds[0]!) }]);
    tokens.homeDistrict = await signInAs(t, 'home-district', [
      { role: Role.DISTRICT_ADMIN, districtId: id(home.districtId) },
    ]);
    tokens.homeNeighbour = await signInAs(t, 'home-neighbour', [
      { role: Role.SCHOOL_STAFF, schoolId: id(home.schoolIds[1]!) },
    ]);
    tokens.awayStaff = await signInAs(t, 'away-staff', [{ role: Role.SCHOOL_STAFF, schoolId: id(away.schoolIds[0]!) }]);
    tokens.awayColleague = await signInAs(t, 'away-colleague', [
      { role: Role.SCHOOL_STAFF, schoolId: id(away.schoolIds[0]!) },
    ]);
    tokens.awayDistrict = await signInAs(t, 'away-district', [
      { role: Role.DISTRICT_ADMIN, districtId: id(away.districtId) },
    ]);
    const r = await t.gql(
      'query($id: ID!) { school(id: $id) { teachers(first: 10) { nodes { id } } } }',
      { id: home.schoolIds[0] },
      city,
    );
    teacherIds.push(...r.data!.school.teachers.nodes.map((n: { id: string }) => n.id));
  });
  afterAll(() => t.close());

  const propose = (teacherId: string, startDate: string, endDate: string | null = null, who = 'awayStaff') =>
    t.gql(
      PROPOSE,
      { i: { teacherId, toSchoolId: away.schoolIds[0], kind: 'SUPPORT_TEACHING', startDate, endDate } },
      tokens[who],
    );

  it('makes a proposal that books nothing: the home school books the teacher meanwhile without conflict', async () => {
    const teacherId = teacherIds[0]!;
    const p = await propose(teacherId, '2026-09-01', '2027-01-31');
    expect(p.errors).toBeUndefined();
    expect(p.data!.createTeacherExchange).toMatchObject({ consent: 'PROPOSED', decidedAt: null });
    const proposalId = p.data!.createTeacherExchange.id as string;
    // The home school's own booking of the same days is not refused as a conflict.
    const own = await t.gql(
      PROPOSE,
      { i: { teacherId, toSchoolId: home.schoolIds[1], kind: 'ROTATION', startDate: '2026-10-01' } },
      tokens.homeStaff,
    );
    expect(own.errors).toBeUndefined();
    expect(own.data!.createTeacherExchange.consent).toBe('CONFIRMED');
    // Who is away on a day counts only confirmed exchanges; without a day every state shows.
    const q = `query($t: ID!, $s: ID!, $f: TeacherExchangeFilter) {
      teacherExchanges(filter: $f) { nodes { id consent } }
      teacher(id: $t) { exchanges(activeOn: "2026-11-18") { totalCount } }
      school(id: $s) { exchangesIn(activeOn: "2026-11-18") { totalCount } } }`;
    const res = await t.gql(q, { t: teacherId, s: away.schoolIds[0], f: { teacherId } }, city);
    expect(res.data!.teacherExchanges.nodes).toHaveLength(2);
    expect(res.data!.teacher.exchanges.totalCount).toBe(1);
    expect(res.data!.school.exchangesIn.totalCount).toBe(0);
    const onDay = await t.gql(
      q,
      { t: teacherId, s: away.schoolIds[0], f: { teacherId, activeOn: '2026-11-18' } },
      city,
    );
    expect(onDay.data!.teacherExchanges.nodes).toEqual([
      { id: own.data!.createTeacherExchange.id, consent: 'CONFIRMED' },
    ]);
    const proposed = await t.gql(q, { t: teacherId, s: away.schoolIds[0], f: { consent: ['PROPOSED'] } }, city);
    expect(proposed.data!.teacherExchanges.nodes).toEqual([{ id: proposalId, consent: 'PROPOSED' }]);
    // Confirming it now would double-book the teacher: refused, and it stays a proposal.
    const clash = await t.gql(CONFIRM, { id: proposalId }, tokens.homeStaff);
    expect(clash.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      fields: [{ path: 'id', constraint: 'noOverlap' }],
    });
    const row = await t.ds.getRepository(TeacherExchange).findOneByOrFail({ id: parseGlobalId(proposalId)!.id });
    expect(row.consent).toBe('PROPOSED');
  });

  it('tells the proposer nothing about the teacher’s other bookings', async () => {
    const teacherId = teacherIds[1]!;
    const own = await t.gql(
      PROPOSE,
      {
        i: {
          teacherId,
          toSchoolId: home.schoolIds[1],
          kind: 'ROTATION',
          startDate: '2026-03-01',
          endDate: '2026-06-30',
        },
      },
      tokens.homeStaff,
    );
    expect(own.errors).toBeUndefined();
    const p = await propose(teacherId, '2026-04-01', '2026-05-31');
    expect(p.errors).toBeUndefined();
    expect(p.data!.createTeacherExchange.consent).toBe('PROPOSED');
    // The proposer sees only exchanges touching its own school.
    const mine = await t.gql(LIST, { f: { teacherId } }, tokens.awayStaff);
    expect(mine.data!.teacherExchanges.totalCount).toBe(1);
  });

  it('lets only the home school’s authority confirm, never the proposer; viewerCan agrees with the mutation', async () => {
    const p = await propose(teacherIds[2]!, '2026-12-01');
    const id = p.data!.createTeacherExchange.id as string;
    const refusedBy = ['awayStaff', 'awayColleague', 'awayDistrict', 'homeNeighbour'];
    for (const who of refusedBy) {
      expect(await can(who, 'EXCHANGE_CONFIRM', id), who).toBe(false);
      expect(await can(who, 'EXCHANGE_DECLINE', id), who).toBe(false);
      const r = await t.gql(CONFIRM, { id }, tokens[who]);
      // Out of sight (the neighbouring home school) reads as absent; in sight, forbidden.
      expect(code(r), who).toBe(who === 'homeNeighbour' ? 'NOT_FOUND' : 'FORBIDDEN');
      expect(code(await t.gql(DECLINE, { id, c: '不同意' }, tokens[who])), who).toBe(
        who === 'homeNeighbour' ? 'NOT_FOUND' : 'FORBIDDEN',
      );
    }
    for (const who of ['homeStaff', 'homeDistrict', 'city']) {
      expect(await can(who, 'EXCHANGE_CONFIRM', id), who).toBe(true);
    }
    // While proposed, either side may change or withdraw it.
    expect(await can('awayStaff', 'EXCHANGE_UPDATE', id)).toBe(true);
    const moved = await t.gql(UPDATE, { id, i: { startDate: '2026-12-07' } }, tokens.awayStaff);
    expect(moved.errors).toBeUndefined();
    const before = t.config.clock.now().getTime();
    const ok = await t.gql(CONFIRM, { id }, tokens.homeStaff);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.confirmTeacherExchange.consent).toBe('CONFIRMED');
    const decidedAt = new Date(ok.data!.confirmTeacherExchange.decidedAt as string).getTime();
    expect(Math.abs(decidedAt - before)).toBeLessThan(60_000);
    const row = await t.ds.getRepository(TeacherExchange).findOneByOrFail({ id: parseGlobalId(id)!.id });
    const homeStaff = await t.ds.query(`SELECT id FROM app_user WHERE username = 'home-staff'`);
    expect(row.decidedById).toBe(homeStaff[0].id);
    const audit = await t.gql(
      'query($id: ID) { auditEntries(filter: { recordId: $id }) { nodes { action username changes } } }',
      { id },
      city,
    );
    expect(audit.data!.auditEntries.nodes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'UPDATE',
          username: 'home-staff',
          changes: expect.objectContaining({ consent: { before: 'PROPOSED', after: 'CONFIRMED' } }),
        }),
      ]),
    );
    // Confirmed, it books the teacher: the home school's own overlapping booking is refused.
    const clash = await t.gql(
      PROPOSE,
      { i: { teacherId: teacherIds[2], toSchoolId: home.schoolIds[1], kind: 'ROTATION', startDate: '2027-01-01' } },
      tokens.homeStaff,
    );
    expect(code(clash)).toBe('CONFLICT');
    expect(code(await t.gql(CONFIRM, { id }, tokens.homeStaff))).toBe('CONFLICT');
    // Now only the home side changes its dates or deletes it; the receiving side may end it.
    for (const [action, allowed] of [
      ['EXCHANGE_UPDATE', false],
      ['EXCHANGE_DELETE', false],
      ['EXCHANGE_END', true],
    ] as const) {
      expect(await can('awayStaff', action, id), action).toBe(allowed);
      expect(await can('homeStaff', action, id), action).toBe(true);
    }
    expect(code(await t.gql(UPDATE, { id, i: { startDate: '2026-11-01' } }, tokens.awayStaff))).toBe('FORBIDDEN');
    expect(code(await t.gql(DELETE, { id }, tokens.awayStaff))).toBe('FORBIDDEN');
    expect(code(await t.gql(UPDATE, { id, i: { startDate: '2026-11-01' } }, tokens.awayDistrict))).toBe('FORBIDDEN');
    const ended = await t.gql(END, { id, d: '2027-01-15' }, tokens.awayStaff);
    expect(ended.errors).toBeUndefined();
  });

  it('declines with a comment; a declined proposal can be neither confirmed nor changed, only deleted', async () => {
    const p = await propose(teacherIds[3]!, '2027-02-01');
    const id = p.data!.createTeacherExchange.id as string;
    const empty = await t.gql(DECLINE, { id, c: '   ' }, tokens.homeDistrict);
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'comment' }] });
    const no = await t.gql(DECLINE, { id, c: '该教师本学期任毕业班' }, tokens.homeDistrict);
    expect(no.errors).toBeUndefined();
    expect(no.data!.declineTeacherExchange).toMatchObject({
      consent: 'DECLINED',
      decisionComment: '该教师本学期任毕业班',
    });
    expect(no.data!.declineTeacherExchange.decidedAt).not.toBeNull();
    for (const action of ['EXCHANGE_CONFIRM', 'EXCHANGE_DECLINE', 'EXCHANGE_UPDATE', 'EXCHANGE_END']) {
      expect(await can('homeDistrict', action, id), action).toBe(false);
      expect(await can('awayStaff', action, id), action).toBe(false);
    }
    expect(code(await t.gql(CONFIRM, { id }, tokens.homeDistrict))).toBe('CONFLICT');
    expect(code(await t.gql(UPDATE, { id, i: { startDate: '2027-03-01' } }, tokens.awayStaff))).toBe('CONFLICT');
    expect(code(await t.gql(END, { id, d: '2027-03-01' }, tokens.awayStaff))).toBe('CONFLICT');
    // Declined, it books nothing: the home school's own booking of those days stands.
    const own = await t.gql(
      PROPOSE,
      { i: { teacherId: teacherIds[3], toSchoolId: home.schoolIds[1], kind: 'ROTATION', startDate: '2027-02-01' } },
      tokens.homeStaff,
    );
    expect(own.errors).toBeUndefined();
    expect(await can('awayStaff', 'EXCHANGE_DELETE', id)).toBe(true);
    expect((await t.gql(DELETE, { id }, tokens.awayStaff)).data).toEqual({ deleteTeacherExchange: id });
  });

  it('is created confirmed when the requester has authority over the home school', async () => {
    const teacher = (
      await t.gql(
        'query($id: ID!) { school(id: $id) { teachers(first: 1) { nodes { id } } } }',
        { id: away.schoolIds[1] },
        city,
      )
    ).data!.school.teachers.nodes[0].id as string;
    // The receiving district's admin also runs the teacher's school (same district): confirmed.
    const r = await t.gql(
      PROPOSE,
      { i: { teacherId: teacher, toSchoolId: away.schoolIds[0], kind: 'ROTATION', startDate: '2026-09-01' } },
      tokens.awayDistrict,
    );
    expect(r.data!.createTeacherExchange.consent).toBe('CONFIRMED');
  });
});

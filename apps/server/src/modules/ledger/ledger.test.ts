import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, TEST_TODAY } from '../../test/harness.js';
import { buildWorld, cityAdminToken, signInAs, type World } from '../../test/fixtures.js';
import { parseGlobalId } from '../../common/global-id.js';
import { addDays } from '../../common/dates.js';
import { Role } from '../../auth/viewer.js';
import { isOverdue } from './ledger.service.js';
import { RectificationStatus } from './ledger.enums.js';

const FIELDS =
  'id status overdue deadline closedOn evidence fundAmount statusHistory { fromStatus toStatus username note }';
const CREATE = `mutation($i: CreateRectificationItemInput!) { createRectificationItem(input: $i) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateRectificationItemInput!) { updateRectificationItem(id: $id, input: $i) { ${FIELDS} } }`;
const STATUS = `mutation($id: ID!, $i: ChangeRectificationStatusInput!) { changeRectificationStatus(id: $id, input: $i) { ${FIELDS} } }`;
const GET = `query($id: ID!) { rectificationItem(id: $id) { ${FIELDS} } }`;

/** `day` shifted by `n` calendar days (both `YYYY-MM-DD`). */
describe('rectification ledger', () => {
  let t: TestApp;
  let city: string;
  let w: World;
  const dbId = (id: string) => parseGlobalId(id)!.id;
  const input = (extra: Record<string, unknown> = {}) => ({
    schoolId: w.schoolIds[0],
    standardItem: 'FUNCTIONAL_ROOMS',
    standardDetail: '科学实验室',
    problem: '科学实验室面积不足',
    fundSource: 'DISTRICT',
    fundAmount: '125000.50',
    deadline: addDays(TEST_TODAY, 30),
    owner: '张校长',
    measures: '改建两间教室为实验室',
    ...extra,
  });
  const count = async () => Number((await t.ds.query('SELECT count(*) FROM rectification_item'))[0].count);
  async function create(extra: Record<string, unknown> = {}, token = city) {
    const r = await t.gql(CREATE, { i: input(extra) }, token);
    if (!r.data) throw new Error(JSON.stringify(r.errors));
    return r.data.createRectificationItem as Record<string, any>;
  }

  beforeAll(async () => {
    t = await startTestApp();
    city = await cityAdminToken(t);
    w = await buildWorld(t, city, { districtCode: '370981', schools: 2, teachersPerSchool: 0 });
  });
  afterAll(() => t.close());

  it('creates an OPEN item with its amount as an exact decimal string and the creation in its history', async () => {
    const item = await create();
    expect(item).toMatchObject({
      status: 'OPEN',
      overdue: false,
      closedOn: null,
      fundAmount: '125000.50',
      statusHistory: [{ fromStatus: null, toStatus: 'OPEN', username: 'city', note: null }],
    });
    const audit = await t.ds.query(
      `SELECT action FROM audit_entry WHERE record_type = 'RectificationItem' AND record_id = $1`,
      [dbId(item.id)],
    );
    expect(audit).toEqual([{ action: 'CREATE' }]);
  });

  it('refuses bad input with the field path, writing nothing', async () => {
    const before = await count();
    const amount = await t.gql(CREATE, { i: input({ fundAmount: '12.345' }) }, city);
    expect(amount.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'input.fundAmount' }],
    });
    const negative = await t.gql(CREATE, { i: input({ fundAmount: '-5' }) }, city);
    expect(negative.errors?.[0]?.extensions).toMatchObject({ fields: [{ path: 'input.fundAmount' }] });
    const other = await t.gql(CREATE, { i: input({ standardItem: 'OTHER', standardDetail: null }) }, city);
    expect(other.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'input.standardDetail', constraint: 'requiredForOther' }],
    });
    const nulled = await t.gql(UPDATE, { id: (await create()).id, i: { owner: null } }, city);
    expect(nulled.errors?.[0]?.extensions).toMatchObject({ fields: [{ path: 'input.owner' }] });
    expect(await count()).toBe(before + 1);
  });

  it('computes overdue from the deadline and status: today is not overdue, yesterday is, DONE never is', async () => {
    const day = TEST_TODAY;
    expect(isOverdue({ status: RectificationStatus.OPEN, deadline: day }, day)).toBe(false);
    expect(isOverdue({ status: RectificationStatus.IN_PROGRESS, deadline: addDays(day, -1) }, day)).toBe(true);
    expect(isOverdue({ status: RectificationStatus.DONE, deadline: addDays(day, -1) }, day)).toBe(false);

    const onDay = await create({ deadline: day, problem: '到期当天' });
    const late = await create({ deadline: addDays(day, -1), problem: '昨天到期' });
    const done = await create({ deadline: addDays(day, -1), problem: '已完成' });
    const closed = await t.gql(STATUS, { id: done.id, i: { status: 'DONE', evidence: '验收单' } }, city);
    expect(closed.data!.changeRectificationStatus).toMatchObject({ status: 'DONE', overdue: false, closedOn: day });
    expect(onDay.overdue).toBe(false);
    expect(late.overdue).toBe(true);

    const list = await t.gql(
      'query($s: ID!, $o: Boolean) { rectificationItems(first: 100, filter: { schoolId: $s, overdue: $o }) { totalCount nodes { id overdue } } }',
      { s: w.schoolIds[0], o: true },
      city,
    );
    const ids = list.data!.rectificationItems.nodes.map((n: { id: string }) => n.id);
    expect(ids).toContain(late.id);
    expect(ids).not.toContain(onDay.id);
    expect(ids).not.toContain(done.id);
    expect(list.data!.rectificationItems.nodes.every((n: { overdue: boolean }) => n.overdue)).toBe(true);
    const notOverdue = await t.gql(
      'query($s: ID!) { rectificationItems(first: 100, filter: { schoolId: $s, overdue: false }) { nodes { id overdue } } }',
      { s: w.schoolIds[0] },
      city,
    );
    const others = notOverdue.data!.rectificationItems.nodes.map((n: { id: string }) => n.id);
    expect(others).toEqual(expect.arrayContaining([onDay.id, done.id]));
    expect(others).not.toContain(late.id);
  });

  it('refuses a status change made from a stale read (expectedStatus) with CONFLICT, and keeps the first', async () => {
    const item = await create();
    const first = await t.gql(STATUS, { id: item.id, i: { status: 'IN_PROGRESS', expectedStatus: 'OPEN' } }, city);
    expect(first.data!.changeRectificationStatus.status).toBe('IN_PROGRESS');
    const stale = await t.gql(
      STATUS,
      { id: item.id, i: { status: 'DONE', evidence: '验收单', expectedStatus: 'OPEN' } },
      city,
    );
    expect(stale.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      fields: [{ path: 'input.expectedStatus', constraint: 'stale' }],
    });
    const now = await t.gql(GET, { id: item.id }, city);
    expect(now.data!.rectificationItem.status).toBe('IN_PROGRESS');
  });

  it('keeps every status change, needs evidence to close and a note to reopen', async () => {
    const item = await create();
    const progress = await t.gql(STATUS, { id: item.id, i: { status: 'IN_PROGRESS', note: '已立项' } }, city);
    expect(progress.data!.changeRectificationStatus.status).toBe('IN_PROGRESS');

    const same = await t.gql(STATUS, { id: item.id, i: { status: 'IN_PROGRESS' } }, city);
    expect(same.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ constraint: 'unchanged' }],
    });
    const noEvidence = await t.gql(STATUS, { id: item.id, i: { status: 'DONE' } }, city);
    expect(noEvidence.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'input.evidence', constraint: 'requiredWhenDone' }],
    });
    const future = await t.gql(
      STATUS,
      { id: item.id, i: { status: 'DONE', evidence: '照片', closedOn: addDays(TEST_TODAY, 1) } },
      city,
    );
    expect(future.errors?.[0]?.extensions).toMatchObject({
      fields: [{ path: 'input.closedOn', constraint: 'notFuture' }],
    });
    const closedOnOpen = await t.gql(STATUS, { id: item.id, i: { status: 'OPEN', closedOn: TEST_TODAY } }, city);
    expect(closedOnOpen.errors?.[0]?.extensions).toMatchObject({
      fields: [{ path: 'input.closedOn', constraint: 'onlyWhenDone' }],
    });
    expect((await t.gql(GET, { id: item.id }, city)).data!.rectificationItem).toMatchObject({
      status: 'IN_PROGRESS',
      evidence: null,
      closedOn: null,
    });

    const yesterday = addDays(TEST_TODAY, -1);
    const done = await t.gql(
      STATUS,
      { id: item.id, i: { status: 'DONE', evidence: '验收报告', closedOn: yesterday } },
      city,
    );
    expect(done.data!.changeRectificationStatus).toMatchObject({
      status: 'DONE',
      closedOn: yesterday,
      evidence: '验收报告',
    });

    const reopenSilently = await t.gql(STATUS, { id: item.id, i: { status: 'OPEN' } }, city);
    expect(reopenSilently.errors?.[0]?.extensions).toMatchObject({
      fields: [{ path: 'input.note', constraint: 'requiredToReopen' }],
    });
    const reopened = await t.gql(STATUS, { id: item.id, i: { status: 'IN_PROGRESS', note: '复查发现问题' } }, city);
    expect(reopened.data!.changeRectificationStatus).toMatchObject({ status: 'IN_PROGRESS', closedOn: null });
    expect(reopened.data!.changeRectificationStatus.statusHistory).toEqual([
      { fromStatus: null, toStatus: 'OPEN', username: 'city', note: null },
      { fromStatus: 'OPEN', toStatus: 'IN_PROGRESS', username: 'city', note: '已立项' },
      { fromStatus: 'IN_PROGRESS', toStatus: 'DONE', username: 'city', note: null },
      { fromStatus: 'DONE', toStatus: 'IN_PROGRESS', username: 'city', note: '复查发现问题' },
    ]);
    const audit = await t.ds.query(
      `SELECT action, changes FROM audit_entry WHERE record_type = 'RectificationItem' AND record_id = $1 ORDER BY at`,
      [dbId(item.id)],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['CREATE', 'UPDATE', 'UPDATE', 'UPDATE']);
    expect(audit[2].changes.status).toEqual({ before: 'IN_PROGRESS', after: 'DONE' });
  });

  it('reads and writes within scope: staff of another school see nothing, researchers read only', async () => {
    const item = await create({ problem: '范围测试' });
    const own = await signInAs(t, 'ledger-staff-0', [{ role: Role.SCHOOL_STAFF, schoolId: dbId(w.schoolIds[0]!) }]);
    const other = await signInAs(t, 'ledger-staff-1', [{ role: Role.SCHOOL_STAFF, schoolId: dbId(w.schoolIds[1]!) }]);
    const researcher = await signInAs(t, 'ledger-researcher', [
      { role: Role.RESEARCHER, schoolId: dbId(w.schoolIds[0]!) },
    ]);

    expect((await t.gql(GET, { id: item.id }, own)).data!.rectificationItem.id).toBe(item.id);
    expect((await t.gql(GET, { id: item.id }, other)).data!.rectificationItem).toBeNull();
    const otherList = await t.gql('{ rectificationItems { totalCount } }', {}, other);
    expect(otherList.data!.rectificationItems.totalCount).toBe(0);
    const nested = await t.gql(
      'query($id: ID!) { school(id: $id) { rectificationItems(first: 100) { totalCount } } }',
      { id: w.schoolIds[0] },
      own,
    );
    expect(nested.data!.school.rectificationItems.totalCount).toBeGreaterThan(0);

    const staffEdit = await t.gql(UPDATE, { id: item.id, i: { owner: '李主任' } }, own);
    expect(staffEdit.data!.updateRectificationItem).toBeTruthy();
    expect((await t.gql(UPDATE, { id: item.id, i: { owner: 'x' } }, other)).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect(
      (await t.gql(STATUS, { id: item.id, i: { status: 'IN_PROGRESS' } }, researcher)).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    const foreign = await t.gql(CREATE, { i: input({ schoolId: w.schoolIds[0] }) }, other);
    expect(foreign.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'input.schoolId', constraint: 'exists' }],
    });
  });

  it('filters by town, district, status and standard item and pages by deadline', async () => {
    const r = await t.gql(
      'query($t: ID!, $d: ID!) { rectificationItems(first: 2, filter: { townId: $t, districtId: $d, status: OPEN, standardItem: FUNCTIONAL_ROOMS }, orderBy: { field: DEADLINE }) { totalCount pageInfo { hasNextPage endCursor } nodes { deadline status } } }',
      { t: w.townId, d: w.districtId },
      city,
    );
    expect(r.errors).toBeUndefined();
    const page = r.data!.rectificationItems;
    expect(page.nodes.every((n: { status: string }) => n.status === 'OPEN')).toBe(true);
    expect(page.nodes.map((n: { deadline: string }) => n.deadline)).toEqual(
      [...page.nodes.map((n: { deadline: string }) => n.deadline)].sort(),
    );
    expect(page.totalCount).toBeGreaterThan(2);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });
  it('filters by a range of deadlines, calendar days with both ends included, across pages', async () => {
    const school = w.schoolIds[1];
    for (const deadline of ['2031-02-28', '2031-03-01', '2031-03-15', '2031-03-31', '2031-04-01']) {
      await create({ schoolId: school, deadline });
    }
    const Q = `query($s: ID!, $from: Date, $to: Date, $after: String) {
      rectificationItems(first: 2, after: $after, filter: { schoolId: $s, deadlineFrom: $from, deadlineTo: $to }, orderBy: { field: DEADLINE }) {
        totalCount pageInfo { hasNextPage endCursor } nodes { deadline } } }`;
    async function deadlines(from?: string, to?: string) {
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const r = await t.gql(Q, { s: school, from, to, after }, city);
        if (!r.data) throw new Error(JSON.stringify(r.errors));
        const page = r.data.rectificationItems as any;
        seen.push(...page.nodes.map((n: { deadline: string }) => n.deadline));
        if (!page.pageInfo.hasNextPage) {
          expect(page.totalCount).toBe(seen.length);
          return seen;
        }
        after = page.pageInfo.endCursor;
      }
    }
    expect(await deadlines('2031-03-01', '2031-03-31')).toEqual(['2031-03-01', '2031-03-15', '2031-03-31']);
    expect(await deadlines('2031-03-31')).toEqual(['2031-03-31', '2031-04-01']);
    expect(await deadlines(undefined, '2031-03-01')).toEqual(expect.arrayContaining(['2031-02-28', '2031-03-01']));
    expect((await deadlines(undefined, '2031-03-01')).every((d) => d <= '2031-03-01')).toBe(true);
    expect(await deadlines('2031-03-15', '2031-03-15')).toEqual(['2031-03-15']);
    const backwards = await t.gql(Q, { s: school, from: '2031-04-01', to: '2031-03-01' }, city);
    expect(backwards.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'filter.deadlineTo', constraint: 'range' }],
    });
  });
});

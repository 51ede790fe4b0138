/**
 * The record screens other than schools (teachers, collaboration groups, trusteeships,
 * exchanges, researchers) as a district admin: the tables agree with the API for the same
 * filter, page by keyset, export to .xlsx; a teacher edit is saved; a group is created and
 * a member added; deletes go through their confirm; a teacher, a trusteeship (with an
 * activity), an exchange and a researcher are created through their forms, each refused by
 * the client first. The records this file mutates are its own (created here), since the e2e
 * files share one database. Screenshots: records-*.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { api, chooseOption, launchBrowser, screenshots, signIn, type Browser } from '@zhuji/testing/e2e';
import type { Page } from 'playwright-core';

const base = inject('base');
const { gql, login, today } = api(base);
const shots = screenshots('admin');
let browser: Browser;
let page: Page;
let token = '';
const run = Date.now().toString(36);

const screenshot = (name: string) => shots.take(page, `records-${name}`);

async function shownTotal(): Promise<number> {
  const total = page.locator('[data-testid=total][data-count][data-loading=false]');
  await total.waitFor();
  return Number(await total.getAttribute('data-count'));
}

async function rowIds(attribute: string): Promise<string[]> {
  await page.locator(`tr[${attribute}]`).first().waitFor();
  return page
    .locator(`tr[${attribute}]`)
    .evaluateAll((rows, name) => rows.map((r) => r.getAttribute(name) ?? ''), attribute);
}

async function count(connection: string, filterType: string, filter: Record<string, unknown> = {}): Promise<number> {
  const data = await gql<Record<string, { totalCount: number }>>(
    `query($filter: ${filterType}) { list: ${connection}(filter: $filter, first: 1) { totalCount } }`,
    { filter },
    token,
  );
  return data.list!.totalCount;
}

/**
 * Picks an option of an antd Select by its visible text (typing it first when the select
 * searches), in this select's own dropdown (the one its input `aria-controls`): the previous
 * select's dropdown may still be fading out and hold an option with the same text.
 */
async function choose(testIdOrId: string, text: string, search = false): Promise<void> {
  const select = testIdOrId.startsWith('#') ? page.locator(testIdOrId) : page.getByTestId(testIdOrId);
  await chooseOption(page, select, text, { search });
}

/** The id of the record whose detail page is open. */
const openedId = () => decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);

/** The client's message under a form field (antd's explain line of the item holding `#id`). */
const fieldError = (id: string) => page.locator(`.ant-form-item:has(#${id}) .ant-form-item-explain-error`);

async function exportFile(name: string): Promise<void> {
  const download = page.waitForEvent('download');
  await page.getByTestId('export').click();
  const file = join(shots.dir, `records-${name}.xlsx`);
  await (await download).saveAs(file);
  expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
}

async function districtSchools(): Promise<{ id: string; name: string }[]> {
  const data = await gql<{ schools: { nodes: { id: string; name: string }[] } }>(
    '{ schools(first: 50, orderBy: { field: NAME }) { nodes { id name } } }',
    {},
    token,
  );
  return data.schools.nodes;
}

beforeAll(async () => {
  token = await login('demo-district');
  browser = await launchBrowser();
  page = browser.page;
  await page.goto(`${base}/admin/teachers`);
  await page.waitForURL(/\/admin\/login/);
  await signIn(page, 'demo-district');
});

afterAll(async () => {
  await browser?.close();
});

describe('teachers', () => {
  it('lists the district’s teachers, filters and pages them, matching the API’s count', async () => {
    expect(new URL(page.url()).pathname).toBe('/admin/teachers');
    const all = await count('teachers', 'TeacherFilter');
    expect(all).toBeGreaterThan(20);
    await expect.poll(shownTotal).toBe(all);
    await screenshot('teachers');

    await choose('filter-degree', '本科');
    await page.waitForURL(/degree=BACHELOR/);
    const bachelors = await count('teachers', 'TeacherFilter', { degree: 'BACHELOR' });
    expect(bachelors).toBeLessThan(all);
    await expect.poll(shownTotal).toBe(bachelors);
    const degrees = await page.locator('tr[data-teacher-id] td:nth-child(7)').allTextContents();
    expect(new Set(degrees)).toEqual(new Set(['本科']));

    await choose('filter-full-time', '是');
    await page.waitForURL(/isFullTime=true/);
    const fullTime = await count('teachers', 'TeacherFilter', { degree: 'BACHELOR', isFullTime: true });
    await expect.poll(shownTotal).toBe(fullTime);
    expect(fullTime).toBeGreaterThan(20);

    const first = await rowIds('data-teacher-id');
    await page.getByTestId('next').click();
    await page.waitForURL(/[?&]after=/);
    await expect.poll(async () => (await rowIds('data-teacher-id'))[0]).not.toBe(first[0]);
    const second = await rowIds('data-teacher-id');
    expect(second.filter((id) => first.includes(id))).toEqual([]);
    // The link reproduces the view, filters and page included.
    await page.goto(page.url());
    await expect.poll(() => rowIds('data-teacher-id')).toEqual(second);
    expect(await shownTotal()).toBe(fullTime);
  });

  it('exports the filtered teachers to an .xlsx file', async () => {
    await exportFile('teachers');
  });

  it('opens a teacher, edits the subject and sees it saved', async () => {
    const link = page.locator('tr[data-teacher-id] td:nth-child(2) a').first();
    const name = (await link.textContent())!;
    await link.click();
    await page.waitForURL(/\/admin\/teachers\/[^/?]+$/);
    const id = openedId();
    await expect.poll(() => page.getByTestId('record-name').textContent()).toBe(name);
    await screenshot('teacher');

    await page.getByTestId('edit').click();
    const staffNumber = await page.locator('#staffNumber').inputValue();
    await page.locator('#staffNumber').fill('bad number!');
    await page.getByTestId('save').click();
    await page.getByText('工号须为 1–32 位字母、数字或连字符').waitFor();
    await page.locator('#staffNumber').fill(staffNumber);
    const subject = `书法${run}`.slice(0, 32);
    await page.locator('#subject').fill(subject);
    await screenshot('teacher-edit');
    await page.getByTestId('save').click();
    await page.getByText('已保存').first().waitFor();
    await expect.poll(() => page.getByText(subject).count()).toBeGreaterThan(0);
    const saved = await gql<{ teacher: { subject: string } }>(
      'query($id: ID!) { teacher(id: $id) { subject } }',
      { id },
      token,
    );
    expect(saved.teacher.subject).toBe(subject);
  });

  it('deletes a teacher after the confirm', async () => {
    const [school] = await districtSchools();
    const created = await gql<{ createTeacher: { id: string } }>(
      `mutation($input: CreateTeacherInput!) { createTeacher(input: $input) { id } }`,
      {
        input: {
          schoolId: school!.id,
          staffNumber: `E2E-${run}`,
          name: '待删除教师',
          gender: 'FEMALE',
          degree: 'BACHELOR',
        },
      },
      token,
    );
    const id = created.createTeacher.id;
    await page.goto(`${base}/admin/teachers/${encodeURIComponent(id)}`);
    await page.getByTestId('delete').click();
    await page.getByText('确定删除教师“待删除教师”？删除后不可恢复。').waitFor();
    await page.getByTestId('confirm-delete').click();
    await page.waitForURL(/\/admin\/teachers$/);
    const gone = await gql<{ teacher: unknown }>('query($id: ID!) { teacher(id: $id) { id } }', { id }, token);
    expect(gone.teacher).toBeNull();
  });
});

describe('collaboration groups', () => {
  let groupId = '';

  it('lists groups matching the API and exports them', async () => {
    await page.goto(`${base}/admin/groups`);
    await expect.poll(shownTotal).toBe(await count('collaborationGroups', 'CollaborationGroupFilter'));
    await screenshot('groups');
    await exportFile('groups');
  });

  it('creates a group and adds a member school, shown on its page', async () => {
    const schools = await districtSchools();
    const [lead, member] = [schools[0]!, schools[1]!];
    await page.getByTestId('create').click();
    await page.locator('#name').fill(`测试共同体${run}`);
    await choose('#kind', '教育发展共同体');
    await choose('#leadSchoolId', lead.name, true);
    await page.getByTestId('save').click();
    await page.waitForURL(/\/admin\/groups\/[^/?]+$/);
    groupId = openedId();
    await expect.poll(() => page.getByTestId('record-name').textContent()).toBe(`测试共同体${run}`);

    await page.getByTestId('add-member').click();
    // The lead school can only join as the lead: picking a role for another school is refused.
    await choose('#schoolId', member.name, true);
    await choose('#role', '龙头校');
    await page.getByTestId('save').click();
    await page.getByText('龙头校的角色须为“龙头校”，其他学校不能是“龙头校”').waitFor();
    await choose('#role', '成员校');
    await page.getByTestId('save').click();
    await page.getByText('已添加成员校').waitFor();
    await expect
      .poll(() => page.locator('[data-testid=member-table] tr[data-membership-id]').allTextContents())
      .toEqual([expect.stringContaining(member.name)]);
    await screenshot('group');

    const data = await gql<{ collaborationGroup: { members: { nodes: { role: string; school: { id: string } }[] } } }>(
      'query($id: ID!) { collaborationGroup(id: $id) { members { nodes { role school { id } } } } }',
      { id: groupId },
      token,
    );
    expect(data.collaborationGroup.members.nodes).toEqual([{ role: 'MEMBER', school: { id: member.id } }]);
  });

  it('deletes a group that never had members, after the confirm', async () => {
    const [lead] = await districtSchools();
    const created = await gql<{ createCollaborationGroup: { id: string } }>(
      'mutation($input: CreateCollaborationGroupInput!) { createCollaborationGroup(input: $input) { id } }',
      { input: { name: `待删除组织${run}`, kind: 'SCHOOL_DISTRICT', leadSchoolId: lead!.id } },
      token,
    );
    const id = created.createCollaborationGroup.id;
    await page.goto(`${base}/admin/groups/${encodeURIComponent(id)}`);
    await page.getByTestId('delete').click();
    await page.getByTestId('confirm-delete').click();
    await page.waitForURL(/\/admin\/groups$/);
    const gone = await gql<{ collaborationGroup: unknown }>(
      'query($id: ID!) { collaborationGroup(id: $id) { id } }',
      { id },
      token,
    );
    expect(gone.collaborationGroup).toBeNull();
  });
});

/** Opens the first row's link of a list and waits for its detail page. */
async function openFirst(rowAttribute: string, linkColumn: number, path: string): Promise<string> {
  await page.locator(`tr[${rowAttribute}] td:nth-child(${linkColumn}) a`).first().click();
  await page.waitForURL(new RegExp(`/admin/${path}/[^/?]+$`));
  await page.getByTestId('record-name').waitFor();
  return openedId();
}

describe('trusteeships', () => {
  it('lists, filters by mode against the API, exports, and shows one with its activities', async () => {
    await page.goto(`${base}/admin/trusteeships`);
    await expect.poll(shownTotal).toBe(await count('trusteeships', 'TrusteeshipFilter'));
    await screenshot('trusteeships');
    await exportFile('trusteeships');

    await choose('filter-status', '进行中');
    await page.waitForURL(/status=ACTIVE/);
    await expect.poll(shownTotal).toBe(await count('trusteeships', 'TrusteeshipFilter', { status: 'ACTIVE' }));

    const id = await openFirst('data-trusteeship-id', 3, 'trusteeships');
    const { trusteeship } = await gql<{ trusteeship: { activities: { totalCount: number } } }>(
      'query($id: ID!) { trusteeship(id: $id) { activities { totalCount } } }',
      { id },
      token,
    );
    await expect
      .poll(() => page.locator('[data-testid=activity-table] tr.ant-table-row').count())
      .toBe(Math.min(trusteeship.activities.totalCount, 100));
    await screenshot('trusteeship');
  });

  it('lets the partner’s district approve a group leader’s pending proposal with a comment', async () => {
    // demo-group proposes a pairing with a school of its own district it does not reach yet
    const leader = await login('demo-group');
    const reached = await gql<{ schools: { nodes: { id: string }[] } }>(
      '{ schools(first: 100) { nodes { id } } }',
      {},
      leader,
    );
    const { me } = await gql<{ me: { grants: { role: string; school: { id: string } | null }[] } }>(
      '{ me { grants { role school { id } } } }',
      {},
      leader,
    );
    const lead = me.grants.find((g) => g.role === 'GROUP_LEADER')!.school!.id;
    const mine = new Set(reached.schools.nodes.map((n) => n.id));
    const partner = (await districtSchools()).find((s) => !mine.has(s.id))!;
    const { createTrusteeship } = await gql<{ createTrusteeship: { id: string; approval: string } }>(
      'mutation($i: CreateTrusteeshipInput!) { createTrusteeship(input: $i) { id approval } }',
      { i: { leadSchoolId: lead, partnerSchoolId: partner.id, mode: 'PAIRING', startDate: await today() } },
      leader,
    );
    expect(createTrusteeship.approval).toBe('PENDING');

    await page.goto(`${base}/admin/trusteeships/${encodeURIComponent(createTrusteeship.id)}`);
    await expect.poll(() => page.getByTestId('approval').first().textContent()).toBe('待审批');
    await screenshot('trusteeship-pending');
    await page.getByTestId('approve').click();
    await page.getByTestId('decision-comment').fill(`同意结对（${run}）`);
    await page.getByTestId('decision-ok').click();
    await expect.poll(() => page.getByTestId('approval').first().textContent()).toBe('已批准');
    expect(await page.getByTestId('approve').count()).toBe(0);
    const { trusteeship } = await gql<{ trusteeship: { approval: string; decisionComment: string } }>(
      'query($id: ID!) { trusteeship(id: $id) { approval decisionComment } }',
      { id: createTrusteeship.id },
      token,
    );
    expect(trusteeship).toEqual({ approval: 'APPROVED', decisionComment: `同意结对（${run}）` });
    // the group leader, proposer, never gets the buttons
    expect(
      (
        await gql<{ viewerCan: boolean }>(
          'query($id: ID!) { viewerCan(action: TRUSTEESHIP_APPROVE, id: $id) }',
          { id: createTrusteeship.id },
          leader,
        )
      ).viewerCan,
    ).toBe(false);
  });
});

describe('exchanges', () => {
  it('lists exchanges matching the API, exports them, and ends one after the confirm', async () => {
    await page.goto(`${base}/admin/exchanges`);
    await expect.poll(shownTotal).toBe(await count('teacherExchanges', 'TeacherExchangeFilter'));
    await screenshot('exchanges');
    await exportFile('exchanges');

    await choose('filter-kind', '支教');
    await page.waitForURL(/kind=SUPPORT_TEACHING/);
    await expect
      .poll(shownTotal)
      .toBe(await count('teacherExchanges', 'TeacherExchangeFilter', { kind: 'SUPPORT_TEACHING' }));

    // An exchange of our own, open-ended, to end through the page.
    const schools = await districtSchools();
    const teachers = await gql<{ teachers: { nodes: { id: string; school: { id: string } }[] } }>(
      'query($filter: TeacherFilter) { teachers(filter: $filter, first: 1) { nodes { id school { id } } } }',
      { filter: { schoolId: schools[2]!.id } },
      token,
    );
    const teacher = teachers.teachers.nodes[0]!;
    const created = await gql<{ createTeacherExchange: { id: string } }>(
      'mutation($input: CreateTeacherExchangeInput!) { createTeacherExchange(input: $input) { id } }',
      {
        input: { teacherId: teacher.id, toSchoolId: schools[3]!.id, kind: 'SUPPORT_TEACHING', startDate: '2031-01-05' },
      },
      token,
    );
    const id = created.createTeacherExchange.id;
    await page.goto(`${base}/admin/exchanges/${encodeURIComponent(id)}`);
    await page.getByTestId('record-name').waitFor();
    await screenshot('exchange');
    await page.getByTestId('end').click();
    await page.getByTestId('end-date').fill('2031-01-01');
    await page.getByTestId('confirm-end').click();
    await page.getByText('结束日期不能早于开始日期').waitFor();
    await page.getByTestId('end-date').fill('2031-06-30');
    await page.getByTestId('confirm-end').click();
    await page.getByText('已结束').first().waitFor();
    const ended = await gql<{ teacherExchange: { endDate: string } }>(
      'query($id: ID!) { teacherExchange(id: $id) { endDate } }',
      { id },
      token,
    );
    expect(ended.teacherExchange.endDate).toBe('2031-06-30');

    await page.getByTestId('delete').click();
    await page.getByTestId('confirm-delete').click();
    await page.waitForURL(/\/admin\/exchanges$/);
  });

  it('shows a school of another district’s proposal as 待确认, and confirms one and declines another', async () => {
    // A school staff account of another district proposes one of our teachers into its school.
    const city = await login('demo-city');
    const me = await gql<{ me: { grants: { district: { id: string } | null }[] } }>(
      '{ me { grants { district { id } } } }',
      {},
      token,
    );
    const ours = me.me.grants[0]!.district!.id;
    const elsewhere = await gql<{ schools: { nodes: { id: string; district: { id: string } }[] } }>(
      '{ schools(first: 100) { nodes { id district { id } } } }',
      {},
      city,
    );
    const away = elsewhere.schools.nodes.find((n) => n.district.id !== ours)!;
    const proposerName = `e2e-proposer-${run}`;
    await gql(
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      {
        i: {
          username: proposerName,
          displayName: '外区学校',
          password: 'a-long-enough-password',
          grants: [{ role: 'SCHOOL_STAFF', schoolId: away.id }],
        },
      },
      city,
    );
    const proposer = (
      await gql<{ login: { token: string } }>(
        'mutation($u: String!) { login(username: $u, password: "a-long-enough-password") { token } }',
        { u: proposerName.toUpperCase() },
      )
    ).login.token;
    const [school] = await districtSchools();
    const propose = async (n: number) => {
      const teacher = await gql<{ createTeacher: { id: string } }>(
        `mutation($input: CreateTeacherInput!) { createTeacher(input: $input) { id } }`,
        {
          input: {
            schoolId: school!.id,
            staffNumber: `E2E-P${n}-${run}`,
            name: `交流提议教师${n}`,
            gender: 'MALE',
            degree: 'BACHELOR',
          },
        },
        token,
      );
      const made = await gql<{ createTeacherExchange: { id: string; consent: string } }>(
        'mutation($i: CreateTeacherExchangeInput!) { createTeacherExchange(input: $i) { id consent } }',
        {
          i: {
            teacherId: teacher.createTeacher.id,
            toSchoolId: away.id,
            kind: 'SUPPORT_TEACHING',
            startDate: '2032-03-01',
          },
        },
        proposer,
      );
      expect(made.createTeacherExchange.consent).toBe('PROPOSED');
      return made.createTeacherExchange.id;
    };
    const consent = async (id: string) =>
      (
        await gql<{ teacherExchange: { consent: string } }>(
          'query($id: ID!) { teacherExchange(id: $id) { consent } }',
          { id },
          token,
        )
      ).teacherExchange.consent;

    const first = await propose(1);
    await page.goto(`${base}/admin/exchanges/${encodeURIComponent(first)}`);
    await expect.poll(() => page.getByTestId('exchange-consent').textContent()).toBe('待确认');
    await screenshot('exchange-proposed');
    await page.getByTestId('exchange-confirm').click();
    await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('exchange-consent').textContent()).toBe('已确认');
    expect(await consent(first)).toBe('CONFIRMED');
    await expect.poll(() => page.getByTestId('exchange-confirm').count()).toBe(0);

    const second = await propose(2);
    await page.goto(`${base}/admin/exchanges/${encodeURIComponent(second)}`);
    await page.getByTestId('exchange-decline').click();
    await page.locator('.ant-modal:visible .ant-btn-dangerous').click();
    await page.getByText('请填写拒绝理由（1–500 字）').waitFor();
    await page.getByTestId('exchange-decline-comment').fill('该教师本学期任毕业班');
    await page.locator('.ant-modal:visible .ant-btn-dangerous').click();
    await expect.poll(() => page.getByTestId('exchange-consent').textContent()).toBe('已拒绝');
    await page.getByText('该教师本学期任毕业班').first().waitFor();
    expect(await consent(second)).toBe('DECLINED');
  });
});

describe('researchers', () => {
  it('lists researchers matching the API, exports them, and shows assignments with missing months', async () => {
    await page.goto(`${base}/admin/researchers`);
    await expect.poll(shownTotal).toBe(await count('researchers', 'ResearcherFilter'));
    await screenshot('researchers');
    await exportFile('researchers');

    // The programme's rule: researchers attached to no town-seat school today.
    await choose('filter-without-town-seat', '今日未包挂任何镇驻地学校');
    await page.waitForURL(/withoutTownSeat=true/);
    const day = await today();
    const rule = await gql<{ researchersWithoutTownSeatSchool: { totalCount: number } }>(
      'query($day: Date) { researchersWithoutTownSeatSchool(activeOn: $day, first: 1) { totalCount } }',
      { day },
      token,
    );
    await expect.poll(shownTotal).toBe(rule.researchersWithoutTownSeatSchool.totalCount);
    await exportFile('researchers-without-town-seat');
    await page.getByTestId('clear-filters').click();
    await page.waitForURL(/\/admin\/researchers$/);

    const id = await openFirst('data-researcher-id', 1, 'researchers');
    const { researcher } = await gql<{ researcher: { assignments: { totalCount: number } } }>(
      'query($id: ID!) { researcher(id: $id) { assignments { totalCount } } }',
      { id },
      token,
    );
    await expect
      .poll(() => page.locator('[data-testid=assignment-table] tr.ant-table-row').count())
      .toBe(researcher.assignments.totalCount);
    await screenshot('researcher');
  });
});

/**
 * New records through their forms, as a district admin would make them: each form first
 * refuses something on the client (the message under the field, the form still open), then
 * saves, lands on the new record's page, and the API holds what was entered. The schools are
 * ones no other test of this file touches; the exchange is for the teacher created here.
 */
describe('creating records', () => {
  let schools: { id: string; name: string }[] = [];
  const teacher = { id: '', name: `新教师${run}`, staffNumber: `NEW-${run}` };
  /** The GraphQL operations the console sent, by name: a client refusal sends none. */
  const sent: string[] = [];

  beforeAll(async () => {
    schools = (await districtSchools()).slice(5, 8);
    expect(schools).toHaveLength(3);
    page.on('request', (request) => {
      if (request.method() !== 'POST' || !request.url().endsWith('/graphql')) return;
      const body = request.postDataJSON() as { operationName?: string } | null;
      if (body?.operationName) sent.push(body.operationName);
    });
  });

  /** The form kept open with `message` under `field`, and `operation` never sent to the server. */
  async function refused(field: string, message: string, operation: string): Promise<void> {
    await expect.poll(() => fieldError(field).textContent()).toBe(message);
    expect(sent).not.toContain(operation);
  }

  it('creates a teacher: a bad staff number is refused under the field, a good one lands on the teacher', async () => {
    await page.goto(`${base}/admin/teachers`);
    await page.getByTestId('create').click();
    await page.getByTestId('teacher-form').waitFor();
    await choose('#schoolId', schools[0]!.name, true);
    await page.locator('#staffNumber').fill('工号 1');
    await page.locator('#name').fill(teacher.name);
    await choose('#gender', '女');
    await choose('#degree', '研究生');
    await page.locator('#subject').fill('科学');
    await page.getByTestId('save').click();
    await refused('staffNumber', '工号须为 1–32 位字母、数字或连字符', 'TeacherFormCreate');
    await screenshot('teacher-create-refused');

    await page.locator('#staffNumber').fill(teacher.staffNumber);
    await page.getByTestId('save').click();
    await page.waitForURL(/\/admin\/teachers\/[^/?]+$/);
    teacher.id = openedId();
    expect(sent).toContain('TeacherFormCreate');
    await expect.poll(() => page.getByTestId('record-name').textContent()).toBe(teacher.name);
    const { teacher: saved } = await gql<{ teacher: Record<string, unknown> }>(
      'query($id: ID!) { teacher(id: $id) { staffNumber name gender degree subject isFullTime title school { id } } }',
      { id: teacher.id },
      token,
    );
    expect(saved).toEqual({
      staffNumber: teacher.staffNumber,
      name: teacher.name,
      gender: 'FEMALE',
      degree: 'POSTGRADUATE',
      subject: '科学',
      isFullTime: true,
      title: 'UNRANKED',
      school: { id: schools[0]!.id },
    });
  });

  it('creates an exchange for that teacher: the teacher’s own school is refused as the receiving one', async () => {
    await page.goto(`${base}/admin/exchanges`);
    await page.getByTestId('create').click();
    await page.getByTestId('exchange-form').waitFor();
    await choose('#teacherId', teacher.staffNumber, true);
    await choose('#toSchoolId', schools[0]!.name, true);
    await page.locator('#startDate').fill('2031-09-01');
    await page.getByTestId('save').click();
    await refused('toSchoolId', '接收学校须不同于派出学校', 'ExchangeFormCreate');

    await choose('#toSchoolId', schools[1]!.name, true);
    await choose('#kind', '支教');
    await page.getByTestId('save').click();
    await page.waitForURL(/\/admin\/exchanges\/[^/?]+$/);
    const id = openedId();
    await expect.poll(() => page.getByTestId('record-name').textContent()).toBe(`${teacher.name} · 支教`);
    await screenshot('exchange-created');
    const { teacherExchange } = await gql<{ teacherExchange: Record<string, unknown> }>(
      `query($id: ID!) { teacherExchange(id: $id) {
        kind startDate endDate teacher { id } fromSchool { id } toSchool { id } } }`,
      { id },
      token,
    );
    expect(teacherExchange).toEqual({
      kind: 'SUPPORT_TEACHING',
      startDate: '2031-09-01',
      endDate: null,
      teacher: { id: teacher.id },
      fromSchool: { id: schools[0]!.id },
      toSchool: { id: schools[1]!.id },
    });
  });

  it('creates a trusteeship (a school cannot partner itself) and records an activity on it', async () => {
    const [lead, partner] = [schools[1]!, schools[2]!];
    await page.goto(`${base}/admin/trusteeships`);
    await page.getByTestId('create').click();
    await page.getByTestId('trusteeship-form').waitFor();
    await choose('#leadSchoolId', lead.name, true);
    await choose('#partnerSchoolId', lead.name, true);
    await choose('#mode', '携手结对');
    await page.locator('#startDate').fill('2025-09-01');
    await choose('#measures', '联合教研');
    await page.keyboard.press('Escape');
    await page.getByTestId('save').click();
    await refused('partnerSchoolId', '托管学校不能是龙头校本身', 'TrusteeshipFormCreate');
    await screenshot('trusteeship-create-refused');

    await choose('#partnerSchoolId', partner.name, true);
    const agreementRef = `济教帮〔2025〕${run}号`;
    await page.locator('#agreementRef').fill(agreementRef);
    await page.getByTestId('save').click();
    await page.waitForURL(/\/admin\/trusteeships\/[^/?]+$/);
    const id = openedId();
    await expect.poll(() => page.getByTestId('record-name').textContent()).toBe(`${lead.name} → ${partner.name}`);
    const created = await gql<{ trusteeship: Record<string, unknown> }>(
      `query($id: ID!) { trusteeship(id: $id) {
        mode status measures startDate agreementRef leadSchool { id } partnerSchool { id } } }`,
      { id },
      token,
    );
    expect(created.trusteeship).toEqual({
      mode: 'PAIRING',
      status: 'ACTIVE',
      measures: ['JOINT_RESEARCH'],
      startDate: '2025-09-01',
      agreementRef,
      leadSchool: { id: lead.id },
      partnerSchool: { id: partner.id },
    });

    // An activity: a one-character account is refused, then a real one is listed.
    await page.getByTestId('record-activity').click();
    await page.getByTestId('activity-form').waitFor();
    await page.locator('#heldOn').fill('2025-10-15');
    await page.locator('#description').fill('短');
    await page.getByTestId('save').click();
    await refused('description', '内容须为 2–5000 字', 'TrusteeshipDetailRecordActivity');
    const description = `两校数学组联合教研，听评课 3 节（${run}）`;
    await page.locator('#description').fill(description);
    await page.getByTestId('save').click();
    await page.getByText('已记录').first().waitFor();
    await expect
      .poll(() => page.locator('[data-testid=activity-table] tr.ant-table-row').allTextContents())
      .toEqual([expect.stringContaining(description)]);
    await screenshot('trusteeship-created');
    const { trusteeship } = await gql<{ trusteeship: { activities: { nodes: unknown[] } } }>(
      'query($id: ID!) { trusteeship(id: $id) { activities { nodes { measure heldOn description } } } }',
      { id },
      token,
    );
    expect(trusteeship.activities.nodes).toEqual([{ measure: 'JOINT_RESEARCH', heldOn: '2025-10-15', description }]);
  });

  it('creates a district researcher: without a district it is refused under the field', async () => {
    const { school } = await gql<{ school: { district: { id: string; name: string } } }>(
      'query($id: ID!) { school(id: $id) { district { id name } } }',
      { id: schools[0]!.id },
      token,
    );
    const { district } = school;
    const name = `新教研员${run}`;
    await page.goto(`${base}/admin/researchers`);
    await page.getByTestId('create').click();
    await page.getByTestId('researcher-form').waitFor();
    await page.locator('#name').fill(name);
    await page.locator('#subject').fill('物理');
    await page.getByTestId('save').click();
    await refused('districtId', '区县教研员须选择所属区县', 'ResearcherFormCreate');

    await choose('#districtId', district.name, true);
    await page.getByTestId('save').click();
    await page.waitForURL(/\/admin\/researchers\/[^/?]+$/);
    const id = openedId();
    await expect.poll(() => page.getByTestId('record-name').textContent()).toBe(name);
    await screenshot('researcher-created');
    const { researcher } = await gql<{ researcher: Record<string, unknown> }>(
      'query($id: ID!) { researcher(id: $id) { name subject level district { id } } }',
      { id },
      token,
    );
    expect(researcher).toEqual({ name, subject: '物理', level: 'DISTRICT', district: { id: district.id } });
  });
});

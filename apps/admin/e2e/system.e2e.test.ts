/**
 * Users, grants and the audit log, as a district admin (商河县) in the built console.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { api, chooseOption, launchBrowser, readXlsx, screenshots, signIn, type Browser } from '@zhuji/testing/e2e';
import type { Page } from 'playwright-core';

const base = inject('base');
const { gql, login, today } = api(base);
const shots = screenshots('admin');
let browser: Browser;
let page: Page;

/** Picks an option of an antd Select after typing into it (server-side search). */
async function pick(testId: string, text: string): Promise<void> {
  await chooseOption(page, page.getByTestId(testId), text, { search: true });
}

beforeAll(async () => {
  browser = await launchBrowser();
  page = browser.page;
  await page.goto(`${base}/admin/login`);
  await signIn(page, 'demo-district');
});

afterAll(async () => {
  await browser?.close();
});

describe('users and grants', () => {
  const username = `e2e-staff-${Date.now().toString(36)}`;
  let userId = '';

  it('shows the system menu (users, audit log) to a district admin', async () => {
    await page.getByTestId('nav-users').waitFor();
    expect(await page.getByTestId('nav-audit').count()).toBe(1);
  });

  it('creates a school staff account with its grant, refusing a short password first', async () => {
    await page.getByTestId('nav-users').click();
    await page.waitForURL(/\/admin\/users$/);
    await page.locator('[data-testid=total][data-loading=false]').waitFor();
    await shots.take(page, 'users');

    await page.getByTestId('create-user').click();
    await page.locator('#username').fill(username);
    await page.locator('#displayName').fill('端到端测试');
    await page.locator('#password').fill('short');
    await page.getByTestId('grant-role').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '学校管理员' })
      .click();
    await pick('grant-school', '玉皇庙镇中心小学');
    await page.getByTestId('create-user-submit').click();
    await page.getByText('初始密码至少 12 位').waitFor();

    await page.locator('#password').fill('a-long-enough-password');
    await page.getByTestId('create-user-submit').click();
    await page.waitForURL(/\/admin\/users\/[^/]+$/);
    userId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    await expect.poll(() => page.getByTestId('user-name').textContent()).toContain(username);
    expect(await page.locator('tr[data-grant-id]').count()).toBe(1);
  });

  it('adds a second grant and revokes it after confirming', async () => {
    await page.getByTestId('grant-role').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '教研员' }).click();
    await pick('grant-school', '玉皇庙镇中心小学');
    await page.getByTestId('add-grant').click();
    await expect.poll(() => page.locator('tr[data-grant-id]').count()).toBe(2);

    await page.getByTestId('revoke-grant').last().click();
    await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await expect.poll(() => page.locator('tr[data-grant-id]').count()).toBe(1);
    const token = await login('demo-district');
    const { node } = await gql<{ node: { grants: { role: string }[] } }>(
      'query($id: ID!) { node(id: $id) { ... on User { grants { role } } } }',
      { id: userId },
      token,
    );
    expect(node.grants.map((g) => g.role)).toEqual(['SCHOOL_STAFF']);
  });

  it('deactivates the account after confirming, and the new account can no longer sign in', async () => {
    await page.getByTestId('toggle-active').click();
    await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await page.locator('[data-testid=user-status][data-active=false]').waitFor();
    await page.getByTestId('audit-trail').waitFor();
    await shots.take(page, 'user');
    await expect(
      gql('mutation($u: String!) { login(username: $u, password: "a-long-enough-password") { token } }', {
        u: username,
      }),
    ).rejects.toThrow(/UNAUTHENTICATED|FORBIDDEN|BAD_USER_INPUT/);
  });

  it('says so when an account leaves the district admin’s reach, and then shows it as beyond reach', async () => {
    // An account of the district, open on its page, to which the city adds a grant elsewhere.
    const district = await login('demo-district');
    const city = await login('demo-city');
    const me = await gql<{ me: { grants: { district: { id: string } | null }[] } }>(
      '{ me { grants { district { id } } } }',
      {},
      district,
    );
    const ours = me.me.grants[0]!.district!.id;
    const { schools } = await gql<{ schools: { nodes: { id: string; district: { id: string } }[] } }>(
      '{ schools(first: 100) { nodes { id district { id } } } }',
      {},
      city,
    );
    const own = schools.nodes.find((s) => s.district.id === ours)!;
    const elsewhere = schools.nodes.find((s) => s.district.id !== ours)!;
    const made = await gql<{ createUser: { id: string } }>(
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      {
        i: {
          username: `${username}-reach`,
          displayName: '跨区账号',
          password: 'a-long-enough-password',
          grants: [{ role: 'SCHOOL_STAFF', schoolId: own.id }],
        },
      },
      district,
    );
    const id = made.createUser.id;
    await page.goto(`${base}/admin/users/${encodeURIComponent(id)}`);
    await page.getByTestId('toggle-active').waitFor();
    await gql(
      'mutation($u: ID!, $s: ID!) { grantRole(userId: $u, grant: { role: SCHOOL_STAFF, schoolId: $s }) { id } }',
      { u: id, s: elsewhere.id },
      city,
    );
    await page.getByTestId('toggle-active').click();
    await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await page.getByText('该账号不在您的管理范围内', { exact: false }).first().waitFor();
    const still = await gql<{ node: { isActive: boolean } }>(
      'query($id: ID!) { node(id: $id) { ... on User { isActive } } }',
      { id },
      city,
    );
    expect(still.node.isActive).toBe(true);
    await page.reload();
    await page.getByText('未找到该用户，或不在您的管理范围内').waitFor();
    await shots.take(page, 'user-out-of-reach');
  });

  it('finds the changes in the audit log, filtered by record type through the URL', async () => {
    await page.goto(`${base}/admin/audit?recordType=User&username=demo-district`);
    const rows = page.locator('[data-testid=audit-table] tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
    const types = await page
      .locator('[data-testid=audit-table] tbody tr.ant-table-row td:nth-child(4)')
      .allTextContents();
    expect(new Set(types)).toEqual(new Set(['用户']));
    await shots.take(page, 'audit');

    // The export carries the same filter: every row is a User entry.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出 Excel/ }).click();
    const file = join(shots.dir, 'audit.xlsx');
    await (await download).saveAs(file);
    const [headings, ...lines] = await readXlsx(file);
    expect(headings).toContain('记录类型');
    expect(lines.length).toBe(Number(await page.getByTestId('total').getAttribute('data-count')));
    expect(new Set(lines.map((r) => r[headings!.indexOf('记录类型')]))).toEqual(new Set(['User']));
  });
});

describe('bulk import', () => {
  let token = '';
  let schoolCode = '';
  let schoolId = '';

  const teacherCount = async () => {
    const { teachers } = await gql<{ teachers: { totalCount: number } }>(
      'query($s: ID!) { teachers(filter: { schoolId: $s }, first: 1) { totalCount } }',
      { s: schoolId },
      token,
    );
    return teachers.totalCount;
  };

  /** A roster as a district keeps it: Chinese headings, Chinese enum values. */
  const roster = (name: string, rows: string[][]) => {
    const file = join(shots.dir, name);
    const lines = [['学校标识码', '工号', '姓名', '性别', '学历', '任教学科'], ...rows];
    writeFileSync(file, lines.map((r) => r.join(',')).join('\n') + '\n');
    return file;
  };

  beforeAll(async () => {
    token = await login('demo-district');
    const { schools } = await gql<{ schools: { nodes: { id: string; code: string }[] } }>(
      '{ schools(filter: { search: "玉皇庙镇中心小学" }, first: 1) { nodes { id code } } }',
      {},
      token,
    );
    schoolCode = schools.nodes[0]!.code;
    schoolId = schools.nodes[0]!.id;
  });

  it('offers the template, reports every bad row of a check, and writes nothing', async () => {
    await page.goto(`${base}/admin/import`);
    await page.getByTestId('import-kind').getByText('教师').click();
    const download = page.waitForEvent('download');
    await page.getByTestId('template-xlsx').click();
    const template = join(shots.dir, 'teachers-template.xlsx');
    await (await download).saveAs(template);
    expect(readFileSync(template).subarray(0, 2).toString()).toBe('PK');

    const before = await teacherCount();
    const bad = roster('teachers-bad.csv', [
      [schoolCode, 'E2E001', '李明', '男', '本科', '数学'],
      [schoolCode, 'E2E002', '王芳', '女', '博士后', '语文'],
    ]);
    await page.locator('input[type=file]').setInputFiles(bad);
    await page.getByTestId('import-check').click();
    const report = page.locator('[data-testid=import-report]');
    await report.waitFor();
    expect(await report.getAttribute('data-errors')).toBe('1');
    const cells = await page.locator('[data-testid=import-errors] tbody tr.ant-table-row td').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['3', '学历', '博士后']);
    expect(await page.getByTestId('import-run').isDisabled()).toBe(true);
    await shots.take(page, 'import-report');
    expect(await teacherCount()).toBe(before);
  });

  it('imports a clean file after its check, and a second import changes nothing', async () => {
    const before = await teacherCount();
    const good = roster('teachers-good.csv', [
      [schoolCode, 'E2E001', '李明', '男', '本科', '数学'],
      [schoolCode, 'E2E002', '王芳', '女', '研究生', '语文'],
    ]);
    await page.locator('input[type=file]').setInputFiles(good);
    await page.getByTestId('import-check').click();
    await page.locator('[data-testid=import-report]').waitFor();
    await page.locator('[data-testid=import-report][data-errors="0"]').waitFor();
    await page.getByTestId('import-run').click();
    await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await page.getByText('导入完成').first().waitFor();
    expect(await teacherCount()).toBe(before + 2);

    await page.getByTestId('import-check').click();
    await expect.poll(() => page.locator('.ant-statistic').nth(3).textContent()).toContain('2');
    expect(await teacherCount()).toBe(before + 2);
  });
});

describe('the school calendar', () => {
  type Calendar = { schoolCalendar: { isDefault: boolean; months: { month: string; term: boolean }[] } };
  const calendarOf = async (schoolYear: number, token: string) =>
    (
      await gql<Calendar>(
        'query($y: Int) { schoolCalendar(schoolYear: $y) { isDefault months { month term } } }',
        { y: schoolYear },
        token,
      )
    ).schoolCalendar;

  it('shows a district admin the calendar read-only', async () => {
    await page.goto(`${base}/admin/calendar`);
    await page.getByTestId('read-only').waitFor();
    expect(await page.locator('[data-testid=calendar-month]').count()).toBe(12);
    expect(await page.getByTestId('calendar-save').count()).toBe(0);
    expect(await page.locator('[data-testid=calendar-month] button[role=switch]:not([disabled])').count()).toBe(0);
    // The default holidays (February, August) are shown as such.
    const holidays = await page
      .locator('[data-testid=calendar-month][data-term=false]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-month')!.slice(5)));
    const day = await today();
    const schoolYear = Number(day.slice(0, 4)) - (Number(day.slice(5, 7)) >= 9 ? 0 : 1);
    const server = await calendarOf(schoolYear, await login('demo-city'));
    expect(holidays).toEqual(server.months.filter((m) => !m.term).map((m) => m.month.slice(5)));
    await shots.take(page, 'calendar-read-only');
  });

  it('lets the city admin make a month of next school year a holiday, and saves it', async () => {
    const city = await launchBrowser();
    try {
      const p = city.page;
      await p.goto(`${base}/admin/login`);
      await signIn(p, 'demo-city');
      const day = await today();
      // Next school year: no month of it has ended, so no verdict or missing month moves.
      const next = Number(day.slice(0, 4)) + (Number(day.slice(5, 7)) >= 9 ? 1 : 0);
      await p.goto(`${base}/admin/calendar?year=${next}`);
      const september = p.locator(`[data-testid=calendar-month][data-month="${next}-09"]`);
      await september.waitFor();
      expect(await september.getAttribute('data-term')).toBe('true');
      expect(await p.getByTestId('calendar-save').isDisabled()).toBe(true);
      await september.getByRole('switch').click();
      expect(await september.getAttribute('data-term')).toBe('false');
      await p.getByTestId('calendar-save').click();
      const token = await login('demo-city');
      await expect
        .poll(async () => (await calendarOf(next, token)).months.find((m) => m.month === `${next}-09`)?.term)
        .toBe(false);
      const saved = await calendarOf(next, token);
      expect(saved.isDefault).toBe(false);
      expect(saved.months.filter((m) => !m.term).map((m) => m.month)).toEqual([
        `${next}-09`,
        `${next + 1}-02`,
        `${next + 1}-08`,
      ]);
      await p.reload();
      await p.locator(`[data-testid=calendar-month][data-month="${next}-09"][data-term=false]`).waitFor();
      await shots.take(p, 'calendar-city');
    } finally {
      await city.close();
    }
  });
});

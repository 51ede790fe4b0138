/**
 * The built console, served by the built server on a fresh PostgreSQL database with the
 * small demo seed (started once for all e2e files by packages/testing's global setup),
 * driven in headless Chromium (Debian's package) at 1280×800. Screenshots go to
 * apps/admin/test-results/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { api, launchBrowser, screenshots, signIn as signInAs, type Browser } from '@zhuji/testing/e2e';
import type { Page } from 'playwright-core';

const base = inject('base');
const { gql, login: apiLogin, defaultPeriod } = api(base);
const shots = screenshots('admin');
const RESULTS = shots.dir;
let browser: Browser;
let page: Page;

async function schoolCount(token: string, filter: Record<string, unknown> = {}): Promise<number> {
  const data = await gql<{ schools: { totalCount: number } }>(
    'query($filter: SchoolFilter) { schools(filter: $filter, first: 1) { totalCount } }',
    { filter },
    token,
  );
  return data.schools.totalCount;
}

async function screenshot(name: string): Promise<void> {
  await shots.take(page, name);
}

/** The count the list shows once it has loaded. */
async function shownTotal(): Promise<number> {
  const total = page.locator('[data-testid=total][data-count][data-loading=false]');
  await total.waitFor();
  return Number(await total.getAttribute('data-count'));
}

/** Waits for the list to show `expected` (the URL changes before the new page arrives). */
async function expectTotal(expected: number): Promise<void> {
  await expect.poll(shownTotal).toBe(expected);
}

async function rowIds(): Promise<string[]> {
  await page.locator('tr[data-school-id]').first().waitFor();
  return page
    .locator('tr[data-school-id]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-school-id') ?? ''));
}

const signIn = (username: string) => signInAs(page, username);

beforeAll(async () => {
  browser = await launchBrowser();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
});

describe('admin console', () => {
  let districtToken = '';
  let schoolId = '';

  it('signs a district admin in and shows only that district’s schools', async () => {
    districtToken = await apiLogin('demo-district');
    const expectedTotal = await schoolCount(districtToken);
    expect(expectedTotal).toBeGreaterThan(20);

    await page.goto(`${base}/admin/schools`);
    await page.waitForURL(/\/admin\/login\?next=%2Fschools/);
    await screenshot('login');
    await signIn('demo-district');
    expect(new URL(page.url()).pathname).toBe('/admin/schools');

    await expect.poll(() => page.getByTestId('viewer-scope').textContent()).toContain('商河县');
    await expectTotal(expectedTotal);
    const districts = await page.locator('tr[data-school-id] td:nth-child(3)').allTextContents();
    expect(districts).toHaveLength(20);
    expect(new Set(districts)).toEqual(new Set(['商河县']));
    await screenshot('schools');
  });

  it('pages with the keyset cursor in the URL, and back', async () => {
    const first = await rowIds();
    await page.getByTestId('next').click();
    await page.waitForURL(/[?&]after=/);
    await expect.poll(async () => (await rowIds())[0]).not.toBe(first[0]);
    await shownTotal();
    const second = await rowIds();
    expect(second).toHaveLength(20);
    expect(second.filter((id) => first.includes(id))).toEqual([]);

    // A shared link reproduces the page.
    await page.goto(page.url());
    await shownTotal();
    expect(await rowIds()).toEqual(second);

    await page.getByTestId('previous').click();
    await page.waitForURL(/[?&]before=/);
    await expect.poll(rowIds).toEqual(first);
  });

  it('filters by stage and town seat, matching the API’s count for the same filter', async () => {
    await page.getByTestId('filter-stage').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="小学"]').click();
    await page.waitForURL(/stage=PRIMARY/);
    expect(page.url()).not.toMatch(/before=|after=/);
    await expectTotal(await schoolCount(districtToken, { stage: 'PRIMARY' }));

    await page.getByTestId('filter-town-seat').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="是"]').click();
    await page.waitForURL(/townSeat=true/);
    const expected = await schoolCount(districtToken, { stage: 'PRIMARY', isTownSeat: true });
    expect(expected).toBeGreaterThan(0);
    await expectTotal(expected);
    const stages = await page.locator('tr[data-school-id] td:nth-child(5)').allTextContents();
    expect(stages.length).toBe(Math.min(expected, 20));
    expect(new Set(stages)).toEqual(new Set(['小学']));
  });

  it('exports the filtered table to an .xlsx file', async () => {
    const download = page.waitForEvent('download');
    await page.getByTestId('export').click();
    const file = join(RESULTS, 'schools.xlsx');
    await (await download).saveAs(file);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK'); // a zip, as xlsx files are
  });

  it('opens a school, refuses an invalid code on the client, saves a new student count and audits it', async () => {
    const link = page.locator('tr[data-school-id] td:nth-child(2) a').first();
    const name = await link.textContent();
    await link.click();
    await page.waitForURL(/\/admin\/schools\/[^/?]+$/);
    schoolId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    await expect.poll(() => page.getByTestId('school-name').textContent()).toBe(name);
    await page.getByTestId('save').waitFor();

    await page.locator('#code').fill('123');
    await page.getByTestId('save').click();
    await page.getByText('学校标识码须为 10 位数字').waitFor();
    await page
      .getByRole('button', { name: '重 置' })
      .or(page.getByRole('button', { name: '重置' }))
      .click();

    const before = Number(await page.locator('#studentCount').inputValue());
    const after = before + 7;
    await page.locator('#studentCount').fill(String(after));
    await page.getByTestId('save').click();
    await page.getByText('已保存').waitFor();
    await screenshot('school');

    const saved = await gql<{ school: { studentCount: number } }>(
      'query($id: ID!) { school(id: $id) { studentCount } }',
      { id: schoolId },
      districtToken,
    );
    expect(saved.school.studentCount).toBe(after);
    const audit = await gql<{
      auditEntries: { nodes: { action: string; username: string; changes: Record<string, unknown> }[] };
    }>(
      'query($id: ID!) { auditEntries(filter: { recordId: $id }, first: 20) { nodes { action username changes } } }',
      { id: schoolId },
      districtToken,
    );
    expect(audit.auditEntries.nodes).toContainEqual(
      expect.objectContaining({
        action: 'UPDATE',
        username: 'demo-district',
        changes: { studentCount: { before, after } },
      }),
    );
  });

  it('sends the user to sign-in with a message when the session is over', async () => {
    await page.evaluate(() => localStorage.setItem('zhuji.admin.token', 'no-longer-valid'));
    await page.goto(`${base}/admin/schools`);
    await page.getByTestId('expired').waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    expect(await page.evaluate(() => localStorage.getItem('zhuji.admin.token'))).toBeNull();
  });

  it('shows a city admin the programme dashboard, each district linking to its towns', async () => {
    await page.goto(`${base}/admin/login`);
    await signIn('demo-city');
    expect(new URL(page.url()).pathname).toMatch(/^\/admin\/?$/);
    const cityToken = await apiLogin('demo-city');
    // The dashboard opens on the period the server picks (the latest year with assessments).
    const period = await defaultPeriod(cityToken);
    const { programmeSummary } = await gql<{ programmeSummary: { townCount: number; districts: unknown[] } }>(
      'query($p: String!) { programmeSummary(period: $p) { townCount districts { townCount } } }',
      { p: period },
      cityToken,
    );
    await page.getByTestId('headline').waitFor();
    await expect.poll(() => page.getByTestId('district-link').count()).toBe(programmeSummary.districts.length);
    expect(programmeSummary.districts.length).toBeGreaterThan(1);
    await expect.poll(() => page.locator('[data-testid=goal-table] tbody tr.ant-table-row').count()).toBe(6);
    await screenshot('dashboard');

    await page.getByText('English', { exact: true }).click();
    await page.getByText(`Strong Towns programme overview (${period})`).waitFor();
    await screenshot('dashboard-en');

    const districtLink = page.getByTestId('district-link').first();
    await districtLink.click();
    await page.waitForURL(/\/admin\/towns\?districtId=/);
    const districtId = new URL(page.url()).searchParams.get('districtId')!;
    const district = await gql<{ programmeSummary: { townCount: number } }>(
      'query($d: ID!, $p: String!) { programmeSummary(period: $p, districtId: $d) { townCount } }',
      { d: districtId, p: period },
      cityToken,
    );
    await expectTotal(district.programmeSummary.townCount);
  });
});

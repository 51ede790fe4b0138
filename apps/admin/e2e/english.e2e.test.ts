/**
 * The console in English, as a district admin switches it in the header: the main screens
 * (dashboard, schools, a teacher, plan review, town goals, users) render their frame in
 * English (menu, titles, table headings, labels, buttons; the records' own names stay as
 * entered), each saved as en-*.png. The switch back to 中文 is checked at the end.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { api, launchBrowser, screenshots, signIn, type Browser } from '@zhuji/testing/e2e';
import type { Page } from 'playwright-core';

const base = inject('base');
const { gql, login, defaultPeriod } = api(base);
const shots = screenshots('admin');
let browser: Browser;
let page: Page;
let token = '';

/**
 * Where a screen's own words are (not the records' data): menu, card and table headings,
 * field labels, tabs, buttons, placeholders, pager. The language switch's 中文 is excluded:
 * it names the other language in that language.
 */
const CHROME = [
  '.ant-menu-title-content',
  '.ant-menu-item-group-title',
  '.ant-card-head-title',
  'thead th',
  '.ant-descriptions-item-label',
  '.ant-form-item-label',
  '.ant-tabs-tab',
  'button',
  '.ant-select-selection-placeholder',
  'input[placeholder]',
  '.ant-statistic-title',
  '[data-testid=total]',
  '.ant-empty-description',
  '[data-testid=town-seats] .ant-tag',
].join(', ');

const HAN = /[\u3400-\u9fff]/;

/**
 * The chrome texts that still hold Chinese characters once the records' own names (`data`,
 * e.g. a town named in a card's title) are taken out, with the element that carries them.
 */
async function chineseChrome(data: readonly string[] = []): Promise<string[]> {
  const texts = await page
    .locator(CHROME)
    .evaluateAll((elements) =>
      elements.map((e) => [e.tagName.toLowerCase(), (e.getAttribute('placeholder') ?? e.textContent ?? '').trim()]),
    );
  // Longest first: a school's name holds its town's.
  const names = [...data].sort((a, b) => b.length - a.length);
  return texts
    .filter(([, text]) => HAN.test(names.reduce((rest, name) => rest.replaceAll(name, ''), text!)))
    .map(([tag, text]) => `${tag}: ${text}`);
}

/**
 * Waits for the given English texts, checks that no chrome is Chinese (apart from `data`),
 * and saves the screen as en-<name>.png.
 */
async function englishScreen(name: string, texts: readonly string[], data: readonly string[] = []): Promise<void> {
  for (const text of texts) await page.getByText(text, { exact: true }).first().waitFor();
  await expect.poll(() => chineseChrome(data)).toEqual([]);
  await shots.take(page, `en-${name}`);
}

beforeAll(async () => {
  token = await login('demo-district');
  browser = await launchBrowser();
  page = browser.page;
  await page.goto(`${base}/admin/login`);
  await signIn(page, 'demo-district');
  await page.getByTestId('headline').waitFor();
});

afterAll(async () => {
  await browser?.close();
});

describe('the console in English', () => {
  it('switches the header to English and shows the dashboard in it', async () => {
    await page.getByText('English', { exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    for (const key of ['schools', 'teachers', 'towns', 'plans', 'users'] as const) {
      await page.getByTestId(`nav-${key}`).waitFor();
    }
    expect(await page.locator('.ant-layout-sider .ant-menu-title-content').allTextContents()).toEqual(
      expect.arrayContaining(['Dashboard', 'Schools', 'Teachers', 'Town goals', 'Town plans', 'Users & grants']),
    );
    const period = await defaultPeriod(token);
    await englishScreen('dashboard', [`Strong Towns programme overview (${period})`, 'By district', 'By goal']);
  });

  it('lists schools in English', async () => {
    await page.getByTestId('nav-schools').click();
    await page.waitForURL(/\/admin\/schools/);
    await page.locator('[data-testid=total][data-loading=false]').waitFor();
    await englishScreen('schools', ['School code', 'Town seat', 'Export to Excel']);
  });

  it('shows a teacher in English', async () => {
    const { teachers } = await gql<{ teachers: { nodes: { id: string }[] } }>(
      '{ teachers(first: 1) { nodes { id } } }',
      {},
      token,
    );
    await page.goto(`${base}/admin/teachers/${encodeURIComponent(teachers.nodes[0]!.id)}`);
    await page.getByTestId('record-name').waitFor();
    await englishScreen('teacher', ['Basics', 'Staff number', 'Audit trail']);
  });

  it('shows a town plan for review in English', async () => {
    const { townPlans } = await gql<{ townPlans: { nodes: { id: string; year: number; town: { name: string } }[] } }>(
      '{ townPlans(first: 1) { nodes { id year town { name } } } }',
      {},
      token,
    );
    const plan = townPlans.nodes[0]!;
    await page.goto(`${base}/admin/plans/${encodeURIComponent(plan.id)}`);
    await page.getByTestId('plan-status').waitFor();
    await englishScreen(
      'plan-review',
      ['Town plans', `${plan.town.name} plan for ${plan.year}`, 'History'],
      [plan.town.name],
    );
  });

  it('shows a town’s goals in English, its seat schools labelled with English stages', async () => {
    const seat = await gql<{ schools: { nodes: { town: { id: string; name: string } }[] } }>(
      '{ schools(filter: { isTownSeat: true }, first: 1) { nodes { town { id name } } } }',
      {},
      token,
    );
    const { town } = seat.schools.nodes[0]!;
    const seats = await gql<{ schools: { nodes: { name: string }[] } }>(
      'query($town: ID!) { schools(filter: { townId: $town, isTownSeat: true }, first: 20) { nodes { name } } }',
      { town: town.id },
      token,
    );
    const names = seats.schools.nodes.map((s) => s.name);
    await page.goto(`${base}/admin/towns/${encodeURIComponent(town.id)}`);
    await expect.poll(() => page.getByTestId('goal-verdict').count()).toBe(6);
    const tags = page.locator('[data-testid=town-seats] .ant-tag');
    await expect.poll(() => tags.count()).toBe(names.length);
    for (const text of await tags.allTextContents()) {
      expect(text).toMatch(/^\S+ \((Kindergarten|Primary|Junior secondary|Nine-year)\)$/);
    }
    await englishScreen('town-goals', ['Town goals', 'Conditions', 'Satisfaction'], [town.name, ...names]);
  });

  it('lists users in English, then switches back to 中文', async () => {
    await page.getByTestId('nav-users').click();
    await page.waitForURL(/\/admin\/users/);
    await page.locator('[data-testid=total][data-loading=false]').waitFor();
    await englishScreen('users', ['Users and grants', 'Username', 'New user']);

    await page.getByText('中文', { exact: true }).click();
    await expect.poll(() => page.getByTestId('nav-users').textContent()).toBe('用户与授权');
    expect(await page.evaluate(() => [document.documentElement.lang, localStorage.getItem('zhuji.language')])).toEqual([
      'zh-CN',
      'zh-CN',
    ]);
  });
});

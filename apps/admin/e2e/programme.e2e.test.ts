/**
 * The programme screens end to end: plan review by a district (return with a comment,
 * approve), the city's dashboard whose figures click through to the records behind them, a
 * town's goals with their inputs, a ledger item's status change, and screenshots of each
 * main screen (apps/admin/test-results/programme-*.png). The plans and the ledger item this
 * file changes are its own, created through the API first.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { api, launchBrowser, screenshots, signIn, type Browser } from '@zhuji/testing/e2e';
import type { Page } from 'playwright-core';

const base = inject('base');
const { gql, login, today, defaultPeriod } = api(base);
const shots = screenshots('admin');
let browser: Browser;
let page: Page;

const SPECIFICS = {
  targets: '镇驻地学校办学条件全面达到省定标准，学业差异率控制在 14% 以内。',
  measures: '1. 城区骨干教师交流轮岗\n2. 每月联合教研',
  responsibilities: '镇党委政府统筹，中心小学校长为第一责任人。',
  expectedOutcomes: '六项行动目标全部达成。',
};

interface PlanState {
  state: string;
  version: number;
  transitions: { toState: string; comment: string | null; username: string | null }[];
}

async function shot(name: string): Promise<void> {
  await shots.take(page, `programme-${name}`);
}

/** The count a list shows once loaded (the URL changes before the new page arrives). */
async function shownTotal(): Promise<number> {
  const total = page.locator('[data-testid=total][data-count][data-loading=false]');
  await total.waitFor();
  return Number(await total.getAttribute('data-count'));
}

async function pick(testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
}

/** Clicks figure `index` of a chart where it is drawn, as a user does. */
/**
 * Clicks a chart's figure where it is drawn, as a user would, until the page leaves for
 * `target`. The dashboard's cards load at their own pace and a chart re-lays itself out
 * when its card grows, so a figure read a moment ago may have moved: read it again and
 * click again rather than trust one pixel.
 */
async function clickFigure(chart: string, index: number, target: RegExp): Promise<void> {
  const el = page.locator(`[data-testid=${chart}][data-ready=true]`);
  for (let attempt = 1; ; attempt++) {
    await el.waitFor();
    const points = JSON.parse((await el.getAttribute('data-points')) ?? '[]') as [number, number][];
    const point = points[index];
    if (!point) throw new Error(`${chart} has no figure ${index}: ${JSON.stringify(points)}`);
    await el.click({ position: { x: point[0], y: point[1] } });
    const left = await page.waitForURL(target, { timeout: 3_000 }).then(
      () => true,
      () => false,
    );
    if (left) return;
    if (attempt === 5) throw new Error(`clicking figure ${index} of ${chart} did not lead to ${target}`);
  }
}

async function planOf(id: string, token: string): Promise<PlanState> {
  const data = await gql<{ townPlan: PlanState }>(
    'query($id: ID!) { townPlan(id: $id) { state version transitions { toState comment username } } }',
    { id },
    token,
  );
  return data.townPlan;
}

/** A submitted plan of the district's town for a year no seed plan uses. */
async function submittedPlan(token: string, townId: string, year: number): Promise<string> {
  const created = await gql<{ createTownPlan: { id: string; version: number } }>(
    'mutation($i: CreateTownPlanInput!) { createTownPlan(input: $i) { id version } }',
    { i: { townId, year, ...SPECIFICS } },
    token,
  );
  const { id, version } = created.createTownPlan;
  await gql(
    'mutation($id: ID!, $v: Int!) { submitTownPlan(id: $id, expectedVersion: $v) { id } }',
    { id, v: version },
    token,
  );
  return id;
}

beforeAll(async () => {
  browser = await launchBrowser();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
});

describe('programme screens', () => {
  let districtToken = '';
  let cityToken = '';
  let returnId = '';
  let approveId = '';
  let townId = '';

  beforeAll(async () => {
    districtToken = await login('demo-district');
    cityToken = await login('demo-city');
    // The town of one of the district's town-seat schools (the towns list itself is not scoped).
    const seats = await gql<{ schools: { nodes: { town: { id: string } }[] } }>(
      '{ schools(filter: { isTownSeat: true }, first: 1) { nodes { town { id } } } }',
      {},
      districtToken,
    );
    townId = seats.schools.nodes[0]!.town.id;
    returnId = await submittedPlan(districtToken, townId, 2030);
    approveId = await submittedPlan(districtToken, townId, 2031);
  });

  it('lets a district return a submitted plan with a comment, recorded in its history', async () => {
    await page.goto(`${base}/admin/login?next=${encodeURIComponent('/plans?status=SUBMITTED&year=2030')}`);
    await signIn(page, 'demo-district');
    await page.waitForURL(/\/admin\/plans\?/);
    const expected = await gql<{ townPlans: { totalCount: number } }>(
      '{ townPlans(filter: { state: SUBMITTED, year: 2030 }, first: 1) { totalCount } }',
      {},
      districtToken,
    );
    await expect.poll(shownTotal).toBe(expected.townPlans.totalCount);
    await page.locator(`tr[data-plan-id="${returnId}"]`).waitFor();
    await shot('plans');

    await page.locator(`tr[data-plan-id="${returnId}"] a`).first().click();
    await page.waitForURL(/\/admin\/plans\/[^/?]+$/);
    await expect.poll(() => page.getByTestId('plan-status').getAttribute('data-status')).toBe('SUBMITTED');
    for (const key of Object.keys(SPECIFICS)) await page.getByTestId(`specific-${key}`).waitFor();
    await shot('plan-review');

    await page.getByTestId('plan-return').click();
    // The dialog's form must be there before its OK is pressed: a click during the opening
    // animation on a loaded CI machine validated nothing and showed no message.
    await page.getByTestId('review-comment').waitFor();
    await page.getByTestId('review-confirm').click();
    await page.getByText('退回须填写修改意见').waitFor(); // refused on the client, nothing sent
    expect((await planOf(returnId, districtToken)).state).toBe('SUBMITTED');

    const comment = '请补充镇驻地学校骨干教师交流轮岗的具体人数和时间安排。';
    await page.getByTestId('review-comment').fill(comment);
    await page.getByTestId('review-confirm').click();
    await expect.poll(() => page.getByTestId('plan-status').getAttribute('data-status')).toBe('RETURNED');
    const entry = page.locator('[data-testid=history-entry][data-to=RETURNED]');
    await expect.poll(() => entry.textContent()).toContain(comment);
    await expect.poll(() => page.getByTestId('plan-return').count()).toBe(0);

    const saved = await planOf(returnId, districtToken);
    expect(saved.state).toBe('RETURNED');
    expect(saved.transitions.at(-1)).toEqual({ toState: 'RETURNED', comment, username: 'demo-district' });
  });

  it('approves another submitted plan', async () => {
    await page.goto(`${base}/admin/plans?status=SUBMITTED&year=2031`);
    await page.locator(`tr[data-plan-id="${approveId}"]`).click(); // the whole row opens the plan
    await page.waitForURL(new RegExp(`/admin/plans/${encodeURIComponent(approveId)}$`));
    await page.getByTestId('plan-approve').click();
    await expect.poll(() => page.getByTestId('plan-status').getAttribute('data-status')).toBe('APPROVED');
    await page.locator('[data-testid=history-entry][data-to=APPROVED]').waitFor();
    const saved = await planOf(approveId, districtToken);
    expect(saved.state).toBe('APPROVED');
    expect(saved.transitions.at(-1)).toMatchObject({ toState: 'APPROVED', username: 'demo-district' });
  });

  it('updates a ledger item’s status, refusing on the client what the server would', async () => {
    const school = await gql<{ schools: { nodes: { id: string }[] } }>(
      '{ schools(filter: { isTownSeat: true }, first: 1) { nodes { id } } }',
      {},
      districtToken,
    );
    const created = await gql<{ createRectificationItem: { id: string } }>(
      'mutation($i: CreateRectificationItemInput!) { createRectificationItem(input: $i) { id } }',
      {
        i: {
          schoolId: school.schools.nodes[0]!.id,
          standardItem: 'FUNCTIONAL_ROOMS',
          problem: '音乐教室面积不足，未达省定标准',
          fundSource: 'DISTRICT',
          fundAmount: '86000',
          // Next August: not overdue on any programme day.
          deadline: `${Number((await today()).slice(0, 4)) + 1}-08-31`,
          owner: '学校后勤处',
          measures: '改造闲置教室并配齐器材',
        },
      },
      districtToken,
    );
    const id = created.createRectificationItem.id;
    await page.goto(`${base}/admin/ledger/${encodeURIComponent(id)}`);
    await expect.poll(() => page.getByTestId('item-status').getAttribute('data-status')).toBe('OPEN');

    await pick('status-select', '已完成');
    await page.getByTestId('status-save').click();
    await page.getByText('完成整改须填写佐证说明').waitFor();

    await pick('status-select', '整改中');
    await page.getByTestId('status-note').fill('已完成设计，进入施工');
    await page.getByTestId('status-save').click();
    await expect.poll(() => page.getByTestId('item-status').getAttribute('data-status')).toBe('IN_PROGRESS');
    await page.locator('[data-testid=status-entry][data-to=IN_PROGRESS]').waitFor();
    await shot('ledger-item');

    const saved = await gql<{
      rectificationItem: { status: string; statusHistory: { toStatus: string; note: string; username: string }[] };
    }>(
      'query($id: ID!) { rectificationItem(id: $id) { status statusHistory { toStatus note username } } }',
      { id },
      districtToken,
    );
    expect(saved.rectificationItem.status).toBe('IN_PROGRESS');
    expect(saved.rectificationItem.statusHistory.at(-1)).toEqual({
      toStatus: 'IN_PROGRESS',
      note: '已完成设计，进入施工',
      username: 'demo-district',
    });
  });

  it('shows the city the dashboard, each figure landing on the records behind it', async () => {
    await page.evaluate(() => localStorage.removeItem('zhuji.admin.token'));
    await page.goto(`${base}/admin/login`);
    await signIn(page, 'demo-city');
    // The dashboard opens on the period the server picks (the latest year with assessments).
    const year = Number(await defaultPeriod(cityToken));
    const { programmeSummary: summary } = await gql<{
      programmeSummary: {
        townCount: number;
        districts: { district: { id: string }; townCount: number }[];
        goals: { goal: string; townsMeeting: number }[];
      };
    }>(
      'query($p: String!) { programmeSummary(period: $p) { townCount districts { district { id } townCount } goals { goal townsMeeting } } }',
      { p: String(year) },
      cityToken,
    );
    await page.getByTestId('headline').waitFor();
    for (const chart of ['chart-trend', 'chart-districts', 'chart-goals', 'chart-plans', 'chart-staffing'])
      await page.locator(`[data-testid=${chart}][data-ready=true]`).waitFor();
    await shot('dashboard');

    // A district's bar: its programme towns.
    await clickFigure('chart-districts', 1, /\/admin\/towns\?districtId=/);
    const districtId = new URL(page.url()).searchParams.get('districtId');
    expect(districtId).toBe(summary.districts[1]!.district.id);
    await expect.poll(shownTotal).toBe(summary.districts[1]!.townCount);
    await page.goBack();

    // A goal's bar: the towns falling short of it (the chart follows the plan's order of goals).
    const order = ['CONDITIONS', 'QUALITY', 'STAFFING', 'ENVIRONMENT', 'SUPPORT', 'SATISFACTION'];
    const weakest = [...summary.goals].sort((a, b) => a.townsMeeting - b.townsMeeting)[0]!;
    await clickFigure('chart-goals', order.indexOf(weakest.goal), new RegExp(`/admin/towns\\?failing=${weakest.goal}`));
    await expect.poll(shownTotal).toBe(summary.townCount - weakest.townsMeeting);
    expect(await page.locator('tr[data-town-id]').count()).toBe(Math.min(20, summary.townCount - weakest.townsMeeting));
    await shot('towns');
    await page.goBack();

    // Plans by state: the bar of a state this year's plans are in (the period in review is
    // usually a past year, whose plans are filed or approved; a state with no plans has no bar).
    const states = ['DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'FILED'];
    const byState = await gql<Record<string, { totalCount: number }>>(
      `query($y: Int!) { ${states.map((s) => `${s}: townPlans(filter: { state: ${s}, year: $y }, first: 1) { totalCount }`).join(' ')} }`,
      { y: year },
      cityToken,
    );
    const shown = states.findIndex((s) => byState[s]!.totalCount > 0);
    expect(shown, `no plans for ${year}`).toBeGreaterThanOrEqual(0);
    await clickFigure('chart-plans', shown, new RegExp(`/admin/plans\\?status=${states[shown]}&year=${year}`));
    await expect.poll(shownTotal).toBe(byState[states[shown]!]!.totalCount);
    await page.goBack();

    // Overdue ledger items.
    const overdue = await gql<{ rectificationItems: { totalCount: number } }>(
      '{ rectificationItems(filter: { overdue: true }, first: 1) { totalCount } }',
      {},
      cityToken,
    );
    await page.getByTestId('overdue-link').click();
    await page.waitForURL(/\/admin\/ledger\?overdue=true/);
    await expect.poll(shownTotal).toBe(overdue.rectificationItems.totalCount);
    await shot('ledger');

    // A range of deadlines, kept in the URL and shown in the picker: the rows the API counts for it.
    const lastYear = Number((await today()).slice(0, 4)) - 1;
    const from = `${lastYear}-01-01`;
    const to = `${lastYear}-12-31`;
    const due = await gql<{ rectificationItems: { totalCount: number } }>(
      'query($f: Date, $t: Date) { rectificationItems(filter: { deadlineFrom: $f, deadlineTo: $t }, first: 1) { totalCount } }',
      { f: from, t: to },
      cityToken,
    );
    await page.goto(`${base}/admin/ledger?deadlineFrom=${from}&deadlineTo=${to}`);
    await expect.poll(shownTotal).toBe(due.rectificationItems.totalCount);
    const picker = page.locator('[data-testid=filter-deadline] input');
    expect([await picker.nth(0).inputValue(), await picker.nth(1).inputValue()]).toEqual([from, to]);
  });

  it('shows a town’s six goals, each with what was measured against what', async () => {
    const attainment = await gql<{
      goalAttainment: { town: { name: string }; goals: { goal: string; inputs: unknown[] }[] };
    }>(
      'query($t: ID!) { goalAttainment(townId: $t) { town { name } goals { goal inputs { name } } } }',
      { t: townId },
      cityToken,
    );
    await page.goto(`${base}/admin/towns/${encodeURIComponent(townId)}`);
    await expect.poll(() => page.getByTestId('town-name').textContent()).toBe(attainment.goalAttainment.town.name);
    await expect.poll(() => page.getByTestId('goal-verdict').count()).toBe(6);
    const tables = page.getByTestId('goal-inputs');
    await expect.poll(() => tables.count()).toBe(6);
    for (const [i, goal] of attainment.goalAttainment.goals.entries()) {
      expect(await page.getByTestId('goal-verdict').nth(i).getAttribute('data-goal')).toBe(goal.goal);
      expect(await tables.nth(i).locator('tbody tr.ant-table-row').count()).toBe(goal.inputs.length);
    }
    await page.getByTestId('town-seats').waitFor();
    await shot('town-goals');
  });

  it('lists assessments and shows one with its indicators', async () => {
    await page.goto(`${base}/admin/assessments?subjectKind=TOWN`);
    const expected = await gql<{ assessments: { totalCount: number } }>(
      '{ assessments(filter: { subjectKind: TOWN }, first: 1) { totalCount } }',
      {},
      cityToken,
    );
    await expect.poll(shownTotal).toBe(expected.assessments.totalCount);
    await shot('assessments');
    await page.getByTestId('assessment-link').first().click();
    await page.waitForURL(/\/admin\/assessments\/[^/?]+$/);
    await page.locator('[data-testid=indicator-table] tbody tr.ant-table-row').first().waitFor();
    await shot('assessment');
  });
});

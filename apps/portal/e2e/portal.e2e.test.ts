/**
 * The built portal (and, for the plan review, the built console), served by the built server
 * on a fresh PostgreSQL database with the small demo seed (started once by packages/testing's
 * global setup), driven in headless Chromium at phone (390×844) and desktop (1280×800) sizes.
 * Screenshots go to apps/portal/test-results/.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { api, DESKTOP, launchBrowser, PHONE, screenshots, signIn, type Browser } from '@zhuji/testing/e2e';
import type { Page } from 'playwright-core';

const base = inject('base');
const { gql, login, today: programmeToday } = api(base);
// The day the product runs on (ZHUJI_TODAY, see packages/testing): every date below derives from it.
const today = await programmeToday();
const thisYear = Number(today.slice(0, 4));
const shots = screenshots('portal');
const SIZES = { phone: PHONE, desktop: DESKTOP } as const;
const open: Browser[] = [];

afterAll(async () => {
  for (const b of open) await b.close();
});

async function browserAt(size: keyof typeof SIZES): Promise<Browser> {
  const b = await launchBrowser(SIZES[size], { isMobile: size === 'phone' });
  open.push(b);
  return b;
}

/** Opens a portal path, signing in on the way when asked to. */
async function portal(page: Page, path: string, username?: string): Promise<void> {
  await page.goto(`${base}/portal${path}`);
  if (username) {
    await page.waitForURL(/\/portal\/login/);
    await signIn(page, username);
  }
}

async function schoolIdsFor(username: string): Promise<string[]> {
  const token = await login(username);
  const data = await gql<{ schools: { nodes: { id: string }[] } }>(
    '{ schools(first: 100) { nodes { id } } }',
    {},
    token,
  );
  return data.schools.nodes.map((s) => s.id);
}

describe.each(['phone', 'desktop'] as const)('a group leader on a %s', (size) => {
  it('sees only the schools of their group, with staffing, ledger and goals', async () => {
    const { page } = await browserAt(size);
    const mine = await schoolIdsFor('demo-group');
    const district = await schoolIdsFor('demo-district');
    expect(mine.length).toBeGreaterThan(1);
    const outside = district.find((id) => !mine.includes(id))!;
    expect(outside).toBeTruthy();

    await portal(page, '/', 'demo-group');
    await page.getByTestId('home').waitFor();
    await expect.poll(() => page.getByTestId('viewer-scope').first().textContent()).toContain('集团校长');
    await shots.take(page, `group-home-${size}`);

    await page.getByTestId('nav-schools').click();
    await page.getByTestId('school-card').first().waitFor();
    const shown = await page
      .getByTestId('school-card')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-school-id')));
    expect(new Set(shown)).toEqual(new Set(mine));
    await page.getByTestId('town-goals').first().locator('.ant-tag').first().waitFor();
    await shots.take(page, `group-schools-${size}`);

    await page.getByTestId('nav-collaboration').click();
    await page.getByTestId('trusteeship').first().waitFor();
    await shots.take(page, `group-collaboration-${size}`);
    await page.getByTestId('record-activity').click();
    await page.getByTestId('activity-description').waitFor();
    await shots.take(page, `group-activity-form-${size}`);

    // A school of the same district outside the group reads as absent.
    await portal(page, `/schools/${encodeURIComponent(outside)}`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByTestId('school-name').count()).toBe(0);
    await portal(page, `/schools/${encodeURIComponent(mine[0]!)}`);
    await page.getByTestId('school-name').waitFor();
    await shots.take(page, `group-school-${size}`);
  });
});

describe('a group leader’s partners by mode (issue 12): managed through a full trusteeship, read through a pairing', () => {
  it('reads a pairing partner’s teachers masked and may write nothing there; manages a full-trusteeship partner', async () => {
    const token = await login('demo-group');
    const { trusteeships } = await gql<{
      trusteeships: { nodes: { mode: string; approval: string; status: string; partnerSchool: { id: string } }[] };
    }>(
      '{ trusteeships(first: 50, filter: { approval: APPROVED, status: ACTIVE }) { nodes { mode approval status partnerSchool { id } } } }',
      {},
      token,
    );
    const managed = trusteeships.nodes.find((n) => n.mode === 'FULL_TRUSTEESHIP')!.partnerSchool.id;
    const readOnly = trusteeships.nodes.find((n) => n.mode === 'PAIRING')!.partnerSchool.id;
    expect(managed && readOnly).toBeTruthy();
    const can = async (action: string, id: string) =>
      (
        await gql<{ viewerCan: boolean }>(
          'query($a: ViewerAction!, $id: ID) { viewerCan(action: $a, id: $id) }',
          { a: action, id },
          token,
        )
      ).viewerCan;
    expect(await can('SCHOOL_UPDATE', managed)).toBe(true);
    expect(await can('TEACHER_READ_PERSONAL', managed)).toBe(true);
    expect(await can('SCHOOL_UPDATE', readOnly)).toBe(false);
    expect(await can('TEACHER_READ_PERSONAL', readOnly)).toBe(false);

    // the read-only partner's page: teachers listed, phones masked
    const { page } = await browserAt('phone');
    await portal(page, `/schools/${encodeURIComponent(readOnly)}`, 'demo-group');
    await page.getByTestId('school-name').waitFor();
    await page.getByRole('tab', { name: /^教师（/ }).click();
    await page.getByTestId('teachers').waitFor();
    const text = (await page.getByTestId('teachers').textContent()) ?? '';
    expect(text).toMatch(/1\d{2}\*{4}\d{4}/);
    expect(text).not.toMatch(/1\d{10}/);

    // and the server refuses every write there, while the managed partner accepts one
    const teacher = await gql<{ school: { teachers: { nodes: { id: string }[] } } }>(
      'query($s: ID!) { school(id: $s) { teachers(first: 1) { nodes { id } } } }',
      { s: readOnly },
      token,
    );
    const refused = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: 'mutation($id: ID!) { updateTeacher(id: $id, input: { subject: "越权" }) { id } }',
        variables: { id: teacher.school.teachers.nodes[0]!.id },
      }),
    });
    const body = (await refused.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { updateSchool } = await gql<{ updateSchool: { id: string } }>(
      'mutation($id: ID!) { updateSchool(id: $id, input: { runsSchoolBus: true }) { id } }',
      { id: managed },
      token,
    );
    expect(updateSchool.id).toBe(managed);
  });
});

describe('a group leader on a phone', () => {
  it('records a trusteeship activity, kept as a draft across a reload and a dropped connection, and sees it listed', async () => {
    const { page, context } = await browserAt('phone');
    await portal(page, '/collaboration', 'demo-group');
    const card = page.getByTestId('trusteeship').first();
    await card.waitFor();
    const partner = (await card.locator('.ant-card-head-title').textContent())!;
    const link = card.getByTestId('trusteeship-record-activity');
    const trusteeshipId = new URL((await link.getAttribute('href'))!, base).searchParams.get('trusteeship')!;
    await link.click();
    await page.waitForURL(/\/portal\/collaboration\/activity/);

    // Opened from the trusteeship: it is preselected, today is the date, only the text is left.
    await expect.poll(() => page.getByTestId('activity-trusteeship').textContent()).toContain(partner);
    expect(await page.locator('#heldOn').inputValue()).toBe(today);
    await expect.poll(() => page.getByTestId('activity-save').isEnabled()).toBe(true);

    // The server's rules are checked before anything is sent.
    await page.getByTestId('activity-save').click();
    await expect.poll(() => page.locator('#description_help').textContent()).toContain('内容须为 2–5000 字');
    await page.locator('#heldOn').fill('2000-01-01');
    await expect.poll(() => page.locator('#heldOn_help').textContent()).toContain('不能早于开始日期');
    await page.locator('#heldOn').fill(today);

    const text = `骨干教师到${partner}上示范课并集体备课（${Date.now()}）`;
    await page.getByTestId('activity-measure').getByText('联合教研').click();
    await page.locator('#description').fill(text);
    await page.reload();
    await page.getByTestId('draft-restored').waitFor();
    expect(await page.locator('#description').inputValue()).toBe(text);
    await shots.take(page, 'group-record-activity-phone');

    await context.setOffline(true);
    await page.getByTestId('activity-save').click();
    await page.getByTestId('save-offline').waitFor();
    await context.setOffline(false);
    await page.reload();
    await page.getByTestId('draft-restored').waitFor();
    expect(await page.locator('#description').inputValue()).toBe(text);

    await page.getByTestId('activity-save').click();
    await page.waitForURL(/\/portal\/collaboration$/);
    const listed = page
      .getByTestId('trusteeship')
      .filter({ hasText: partner })
      .getByTestId('activity')
      .filter({ hasText: text });
    await listed.waitFor();
    expect(await listed.textContent()).toContain(`${today} · 联合教研`);

    const token = await login('demo-group');
    const saved = await gql<{
      node: { activities: { nodes: { heldOn: string; measure: string; description: string }[] } };
    }>(
      'query($id: ID!) { node(id: $id) { ... on Trusteeship { activities(last: 100) { nodes { heldOn measure description } } } } }',
      { id: trusteeshipId },
      token,
    );
    expect(saved.node.activities.nodes).toContainEqual({ heldOn: today, measure: 'JOINT_RESEARCH', description: text });
    // Saved, the draft is gone: the form opens empty again.
    await portal(page, `/collaboration/activity?trusteeship=${encodeURIComponent(trusteeshipId)}`);
    await page.locator('#description').waitFor();
    expect(await page.locator('#description').inputValue()).toBe('');
    expect(await page.getByTestId('draft-restored').count()).toBe(0);
  });

  it('does not let the partner school record its lead school’s activities', async () => {
    const { page } = await browserAt('phone');
    await portal(page, '/collaboration/activity', 'demo-school');
    await page.getByTestId('activity-not-allowed').waitFor();
    expect(await page.getByTestId('activity-save').isDisabled()).toBe(true);
  });
});

describe('a school drafts, submits and, after the district returns it in the console, resubmits its plan', () => {
  let planId = '';
  const year = thisYear + 1;
  const text = {
    targets: `${year} 年镇驻地学校与城区优质学校学业差异率控制在 0.12 以内，满意度 96%`,
    measures: '1. 包挂教研员每月到校联合教研\n2. 年底前补齐功能室',
    responsibilities: '镇党委政府统筹；中心小学校长为第一责任人',
    expectedOutcomes: '年底六项目标全部达成',
  };

  it('keeps a typed draft across a reload and a dropped connection, and shows a conflicting edit', async () => {
    const { page, context } = await browserAt('phone');
    await portal(page, '/login', undefined);
    await signIn(page, 'demo-school');
    await page.getByTestId('home').waitFor();
    await shots.take(page, 'school-home-phone');

    await page.getByTestId('nav-plans').click();
    await page.getByTestId(`plan-create-${year}`).click();
    await page.waitForURL(/\/portal\/plans\/[^/]+$/);
    planId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    await expect.poll(() => page.getByTestId('plan-status').getAttribute('data-status')).toBe('DRAFT');

    await page.locator('#targets').fill(text.targets);
    await page.reload();
    await page.getByTestId('draft-restored').waitFor();
    expect(await page.locator('#targets').inputValue()).toBe(text.targets);

    // Offline: the save fails, the user is told, and the draft stays on the device.
    await context.setOffline(true);
    await page.getByTestId('plan-save').click();
    await page.getByTestId('save-offline').waitFor();
    await context.setOffline(false);
    await page.reload();
    await page.getByTestId('draft-restored').waitFor();
    expect(await page.locator('#targets').inputValue()).toBe(text.targets);

    // Someone else saves the plan meanwhile: saving shows both versions instead of overwriting.
    const token = await login('demo-school');
    const current = await gql<{ node: { version: number } }>(
      'query($id: ID!) { node(id: $id) { ... on TownPlan { version } } }',
      { id: planId },
      token,
    );
    await gql(
      'mutation($id: ID!, $v: Int!) { updateTownPlan(id: $id, expectedVersion: $v, input: { targets: "另一位同事的目标" }) { version } }',
      { id: planId, v: current.node.version },
      token,
    );
    await page.getByTestId('plan-save').click();
    await page.getByTestId('conflict').waitFor();
    expect(await page.getByTestId('conflict-mine').first().textContent()).toContain(text.targets);
    expect(await page.getByTestId('conflict-theirs').first().textContent()).toContain('另一位同事的目标');
    await shots.take(page, 'school-plan-conflict-phone');
    await page.getByTestId('conflict-keep-mine').click();

    for (const field of ['measures', 'responsibilities', 'expectedOutcomes'] as const) {
      await page.locator(`#${field}`).fill(text[field]);
    }
    await shots.take(page, 'school-plan-phone');
    await page.getByTestId('plan-submit').click();
    await expect.poll(() => page.getByTestId('plan-status').getAttribute('data-status')).toBe('SUBMITTED');
    const saved = await gql<{ node: { targets: string; state: string } }>(
      'query($id: ID!) { node(id: $id) { ... on TownPlan { targets state } } }',
      { id: planId },
      token,
    );
    expect(saved.node).toEqual({ targets: text.targets, state: 'SUBMITTED' });
    // The draft is gone once saved: a reload shows the server's plan without a notice.
    await page.reload();
    await page.getByTestId('plan-status').waitFor();
    expect(await page.getByTestId('draft-restored').count()).toBe(0);
  });

  it('is returned with a comment in the admin console', async () => {
    const { page } = await browserAt('desktop');
    await page.goto(`${base}/admin/login`);
    await signIn(page, 'demo-district');
    await page.goto(`${base}/admin/plans/${encodeURIComponent(planId)}`);
    await page.getByTestId('plan-return').click();
    // The dialog mounts its form as it opens: type once the field holds what was typed, as a
    // person would, rather than into a field that a slow machine is still replacing.
    const comment = page.getByTestId('review-comment');
    const text = '目标需补充本地就读比例，请修改后重新提交';
    await expect
      .poll(async () => {
        await comment.fill(text);
        return comment.inputValue();
      })
      .toBe(text);
    await page.getByTestId('review-confirm').click();
    // Either the plan is returned or the console says why not (a field error or a message).
    const outcome = page
      .locator('[data-testid=plan-status][data-status=RETURNED], .ant-form-item-explain-error, .ant-message-notice')
      .first();
    await outcome.waitFor({ timeout: 30_000 });
    expect(await outcome.getAttribute('data-status'), (await outcome.textContent()) ?? '').toBe('RETURNED');
  });

  it('shows the district’s comment on the phone, and the revised plan is resubmitted', async () => {
    const page = open[open.length - 2]!.page; // the school's phone from the first step
    await page.reload();
    await expect.poll(() => page.getByTestId('plan-status').getAttribute('data-status')).toBe('RETURNED');
    expect(await page.getByTestId('plan-return-comment').textContent()).toBe(
      '目标需补充本地就读比例，请修改后重新提交',
    );
    await page.goto(`${base}/portal/`);
    await page.locator('[data-testid=attention-item][data-kind=planReturned]').waitFor();
    await page.locator('[data-testid=attention-item][data-kind=planReturned] a').click();
    await page.waitForURL(/\/portal\/plans\//);
    await page.locator('#targets').fill(`${text.targets}；户籍儿童本地就读比例较上年提高 2 个百分点`);
    await shots.take(page, 'school-plan-returned-phone');
    await page.getByTestId('plan-submit').click();
    await expect.poll(() => page.getByTestId('plan-status').getAttribute('data-status')).toBe('SUBMITTED');
    const token = await login('demo-school');
    const plan = await gql<{ node: { state: string; targets: string; transitions: { toState: string }[] } }>(
      'query($id: ID!) { node(id: $id) { ... on TownPlan { state targets transitions { toState } } } }',
      { id: planId },
      token,
    );
    expect(plan.node.state).toBe('SUBMITTED');
    expect(plan.node.targets).toContain('本地就读比例');
    expect(plan.node.transitions.map((t) => t.toState)).toEqual(['SUBMITTED', 'RETURNED', 'SUBMITTED']);
  });
});

describe('a school closing a ledger item on a phone', () => {
  it('is refused when a colleague changed the status meanwhile, and sees both versions', async () => {
    // An open item of the school's own, so the test does not depend on the seed's ledger.
    const school = await login('demo-school');
    const [schoolId] = await schoolIdsFor('demo-school');
    const created = await gql<{ createRectificationItem: { id: string } }>(
      `mutation($i: CreateRectificationItemInput!) { createRectificationItem(input: $i) { id } }`,
      {
        i: {
          schoolId,
          problem: '食堂排烟设施老化',
          standardItem: 'CANTEEN',
          measures: '更换排烟管道与风机',
          owner: '总务处',
          deadline: `${thisYear + 1}-06-30`,
          fundSource: 'DISTRICT',
        },
      },
      school,
    );
    const itemId = created.createRectificationItem.id;
    const { page } = await browserAt('phone');
    await portal(page, `/ledger/${encodeURIComponent(itemId)}`, 'demo-school');
    await expect.poll(() => page.getByTestId('ledger-status').getAttribute('data-status')).toBe('OPEN');

    // The district bureau starts the work while the school's screen still says OPEN.
    const colleague = await login('demo-district');
    await gql(
      'mutation($id: ID!) { changeRectificationStatus(id: $id, input: { status: IN_PROGRESS, expectedStatus: OPEN, evidence: "区县已拨付维修资金", note: "同事推进" }) { status } }',
      { id: itemId },
      colleague,
    );

    await page.getByText('已完成', { exact: true }).click();
    await page.getByTestId('ledger-evidence').fill('排烟设施已更换并验收，照片存档于总务处');
    await page.getByTestId('ledger-save').click();
    await page.getByTestId('conflict').waitFor();
    const status = page.getByTestId('conflict-field-status');
    expect(await status.getByTestId('conflict-mine').textContent()).toContain('已完成');
    expect(await status.getByTestId('conflict-theirs').textContent()).toContain('整改中');
    const evidence = page.getByTestId('conflict-field-evidence');
    expect(await evidence.getByTestId('conflict-mine').textContent()).toContain('排烟设施已更换并验收');
    expect(await evidence.getByTestId('conflict-theirs').textContent()).toContain('区县已拨付维修资金');
    await shots.take(page, 'school-ledger-conflict-phone');

    // Nothing was overwritten: the colleague's change stands, with one transition in the history.
    const item = async () =>
      (
        await gql<{ rectificationItem: { status: string; evidence: string; statusHistory: { toStatus: string }[] } }>(
          'query($id: ID!) { rectificationItem(id: $id) { status evidence statusHistory { toStatus } } }',
          { id: itemId },
          school,
        )
      ).rectificationItem;
    const after = await item();
    expect(after.status).toBe('IN_PROGRESS');
    expect(after.evidence).toBe('区县已拨付维修资金');
    expect(after.statusHistory.map((h) => h.toStatus).at(-1)).toBe('IN_PROGRESS');
    const transitions = after.statusHistory.length;

    // Choosing their own version knowingly, the school's change goes over the current one.
    await page.getByTestId('conflict-keep-mine').click();
    await page.getByTestId('ledger-save').click();
    await expect.poll(() => page.getByTestId('ledger-status').getAttribute('data-status')).toBe('DONE');
    const closed = await item();
    expect(closed).toMatchObject({ status: 'DONE', evidence: '排烟设施已更换并验收，照片存档于总务处' });
    expect(closed.statusHistory).toHaveLength(transitions + 1);
  });
});

describe('a researcher on a phone', () => {
  it('records a joint research session for a missing month, and the month disappears', async () => {
    const current = today.slice(0, 7);
    const token = await login('demo-researcher');
    const [y0, m0] = current.split('-').map(Number) as [number, number];
    const from = new Date(Date.UTC(y0, m0 - 12, 1)).toISOString().slice(0, 10);
    const { me } = await gql<{
      me: {
        researcher: {
          assignments: { nodes: { school: { name: string }; dueMonth: string | null; missingMonths: string[] }[] };
        };
      };
    }>(
      `query($d: Date!, $f: Date!) { me { researcher { assignments(activeOn: $d, first: 20) {
        nodes { school { name } dueMonth missingMonths(from: $f, to: $d) } } } } }`,
      { d: today, f: from },
      token,
    );
    const assignments = me.researcher.assignments.nodes;
    const due = assignments.filter((a) => a.dueMonth);
    // The server calls only the month in progress due, and only while nothing is recorded for it;
    // missing months are ended ones.
    for (const a of due) expect(a.dueMonth).toBe(current);
    for (const a of assignments) expect(a.missingMonths.every((m) => m < current)).toBe(true);
    // The demo seed leaves this researcher a genuinely missed month within the last year
    // (apps/server/src/db/seed/research.ts); without one this test has nothing to record.
    expect(assignments.flatMap((a) => a.missingMonths).length, 'a missed month in the demo').toBeGreaterThan(0);

    const { page } = await browserAt('phone');
    await portal(page, '/', 'demo-researcher');
    const missing = page.locator('[data-testid=attention-item][data-kind=missingMonth]');
    await missing.first().waitFor();
    // The month in progress has not ended: never listed as missed, only as due.
    expect(
      await page.locator(`[data-testid=attention-item][data-kind=missingMonth][data-month="${current}"]`).count(),
    ).toBe(0);
    // (Home also lists colleagues' assignments at the same schools, so at least the researcher's own.)
    expect(
      await page.locator(`[data-testid=attention-item][data-kind=dueMonth][data-month="${current}"]`).count(),
    ).toBeGreaterThanOrEqual(due.length);
    await shots.take(page, 'researcher-home-phone');

    await page.getByTestId('nav-research').click();
    const month = page.locator('[data-testid=missing-month]').first();
    await month.waitFor();
    // Missing months are ended ones (缺); the month in progress shows as 待开展 where it is due.
    expect(await page.locator(`[data-testid=missing-month][data-month="${current}"]`).count()).toBe(0);
    const dueTags = page.locator(`[data-testid=due-month][data-month="${current}"]`);
    expect(await dueTags.count()).toBe(due.length);
    for (const a of due) {
      const tag = page.locator(`[data-testid=due-month][data-school="${a.school.name}"]`);
      expect(await tag.textContent()).toContain('待开展');
      expect(await tag.textContent()).not.toContain('缺');
    }
    const [monthValue, school] = [(await month.getAttribute('data-month'))!, await month.getAttribute('data-school')];
    expect(monthValue < current).toBe(true);
    const before = await page.locator('[data-testid=missing-month]').count();
    // The school that needs a session is preselected; today is the default date.
    expect(await page.getByTestId('session-school').textContent()).toContain(school);
    expect(await page.locator('#heldOn').inputValue()).toBe(today);
    // A day inside that ended month, never after today: its last day (within the assignment
    // even when it began mid-month).
    const [y, m] = monthValue.split('-').map(Number) as [number, number];
    const heldOn = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    await page.locator('#heldOn').fill(heldOn);
    await page.locator('#topic').fill('习作单元集体备课');
    await shots.take(page, 'researcher-record-phone');
    await page.getByTestId('session-save').click();
    await expect
      .poll(() =>
        page.locator(`[data-testid=missing-month][data-month="${monthValue}"][data-school="${school}"]`).count(),
      )
      .toBe(0);
    expect(await page.locator('[data-testid=missing-month]').count()).toBe(before - 1);
    const held = await gql<{ jointResearchSessions: { nodes: { topic: string }[] } }>(
      'query($d: Date!) { jointResearchSessions(filter: { heldFrom: $d, heldTo: $d }) { nodes { topic } } }',
      { d: heldOn },
      token,
    );
    expect(held.jointResearchSessions.nodes.map((s) => s.topic)).toContain('习作单元集体备课');
  });
});

describe.each(['phone', 'desktop'] as const)('the main screens on a %s', (size) => {
  it('shows each role’s screens (screenshots)', async () => {
    const { page } = await browserAt(size);
    await portal(page, '/', 'demo-school');
    await shots.take(page, `login-redirect-home-${size}`);
    await page.getByTestId('home').waitFor();
    await page.getByTestId('nav-ledger').click();
    await page.getByTestId('ledger-total').waitFor();
    await shots.take(page, `school-ledger-${size}`);
    const first = page.getByTestId('ledger-item').locator('a').first();
    if (await first.count()) {
      await first.click();
      await page.getByTestId('ledger-save').waitFor();
      await shots.take(page, `school-ledger-item-${size}`);
    }
    await page.getByTestId('nav-plans').click();
    await page.getByTestId('plan-list').waitFor();
    await shots.take(page, `school-plans-${size}`);
    await page.getByTestId('nav-schools').click();
    await page.getByTestId('school-card').first().locator('a').first().click();
    await page.getByTestId('school-name').waitFor();
    await shots.take(page, `school-record-${size}`);
    await page.getByRole('tab').nth(1).click();
    await page.getByTestId('teachers').waitFor();
    await shots.take(page, `school-teachers-${size}`);
    // Indicators read by name and in people's units, not as the API's keys and fractions.
    await page.getByRole('tab', { name: '评价' }).click();
    const indicator = page.getByTestId('assessment-indicator').first();
    await indicator.waitFor();
    const kind = (await indicator.getAttribute('data-kind'))!;
    expect(await indicator.textContent()).not.toContain(kind);
    expect(await page.getByTestId('assessment-indicator').allTextContents()).toContainEqual(
      expect.stringMatching(/^家长满意度: \d+(\.\d)?%$/),
    );
    await shots.take(page, `school-assessments-${size}`);
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/portal\/login/);
    await shots.take(page, `login-${size}`);
    await signIn(page, 'demo-researcher');
    await page.getByTestId('nav-research').click();
    await page.getByTestId('assignment').first().waitFor();
    await shots.take(page, `researcher-research-${size}`);
  });
});

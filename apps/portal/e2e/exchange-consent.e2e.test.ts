/**
 * An exchange proposed by a school of another district for one of the school's teachers, in
 * the built portal on a phone: the proposer sees it 待确认 with nothing to answer; the
 * teacher's own school sees it on its home page, confirms it (已确认) and declines a second
 * one with a reason, refused first without one. Both are checked through the API.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { api, launchBrowser, PHONE, screenshots, signIn, type Browser } from '@zhuji/testing/e2e';

const base = inject('base');
const { gql, login } = api(base);
const shots = screenshots('portal');
const run = Date.now().toString(36);
const PROPOSER_PASSWORD = 'a-long-enough-password';
let browser: Browser;
const proposals: string[] = [];
let proposer = '';

async function consent(id: string, token: string): Promise<string> {
  const r = await gql<{ teacherExchange: { consent: string } }>(
    'query($id: ID!) { teacherExchange(id: $id) { consent } }',
    { id },
    token,
  );
  return r.teacherExchange.consent;
}

beforeAll(async () => {
  const city = await login('demo-city');
  const school = await login('demo-school');
  const me = await gql<{ me: { grants: { school: { id: string; district: { id: string } } | null }[] } }>(
    '{ me { grants { school { id district { id } } } } }',
    {},
    school,
  );
  const own = me.me.grants[0]!.school!;
  const all = await gql<{ schools: { nodes: { id: string; district: { id: string } }[] } }>(
    '{ schools(first: 100) { nodes { id district { id } } } }',
    {},
    city,
  );
  const away = all.schools.nodes.find((s) => s.district.id !== own.district.id)!;
  proposer = `e2e-portal-proposer-${run}`;
  await gql(
    'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
    {
      i: {
        username: proposer,
        displayName: '外区学校管理员',
        password: PROPOSER_PASSWORD,
        grants: [{ role: 'SCHOOL_STAFF', schoolId: away.id }],
      },
    },
    city,
  );
  const proposerToken = (
    await gql<{ login: { token: string } }>(
      'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      {
        u: proposer,
        p: PROPOSER_PASSWORD,
      },
    )
  ).login.token;
  for (const n of [1, 2]) {
    const teacher = await gql<{ createTeacher: { id: string } }>(
      'mutation($i: CreateTeacherInput!) { createTeacher(input: $i) { id } }',
      {
        i: {
          schoolId: own.id,
          staffNumber: `E2E-X${n}-${run}`,
          name: `提议教师${n}`,
          gender: 'FEMALE',
          degree: 'BACHELOR',
        },
      },
      school,
    );
    const made = await gql<{ createTeacherExchange: { id: string; consent: string } }>(
      'mutation($i: CreateTeacherExchangeInput!) { createTeacherExchange(input: $i) { id consent } }',
      { i: { teacherId: teacher.createTeacher.id, toSchoolId: away.id, kind: 'ROTATION', startDate: '2032-09-01' } },
      proposerToken,
    );
    expect(made.createTeacherExchange.consent).toBe('PROPOSED');
    proposals.push(made.createTeacherExchange.id);
  }
  browser = await launchBrowser(PHONE);
});
afterAll(() => browser?.close());

const item = (id: string) => browser.page.locator(`[data-testid=exchange-proposal][data-exchange-id="${id}"]`);

describe('exchange consent in the portal', () => {
  it('shows the proposer its proposals as 待确认, with nothing to confirm', async () => {
    const page = browser.page;
    await page.goto(`${base}/portal/`);
    await page.locator('#username').fill(proposer);
    await page.locator('#password').fill(PROPOSER_PASSWORD);
    await page.locator('button[type=submit]').click();
    await page.getByTestId('home').waitFor();
    await item(proposals[0]!).waitFor();
    expect(await item(proposals[0]!).getByTestId('exchange-consent').textContent()).toBe('待确认');
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('exchange-confirm').count()).toBe(0);
    expect(await page.getByTestId('exchange-decline').count()).toBe(0);
    await page.evaluate(() => window.localStorage.clear());
    await browser.context.clearCookies();
  });

  it('lets the teacher’s own school confirm one and decline the other with a reason', async () => {
    const page = browser.page;
    await page.goto(`${base}/portal/login`);
    await signIn(page, 'demo-school');
    await page.getByTestId('home').waitFor();
    const [first, second] = proposals as [string, string];
    await item(first).getByTestId('exchange-confirm').waitFor();
    await shots.take(page, 'exchange-proposals-phone');
    await item(first).getByTestId('exchange-confirm').click();
    await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await expect.poll(() => item(first).getByTestId('exchange-consent').count()).toBe(0);
    const school = await login('demo-school');
    expect(await consent(first, school)).toBe('CONFIRMED');

    await item(second).getByTestId('exchange-decline').click();
    await page.locator('.ant-modal:visible .ant-btn-dangerous').click();
    await page.getByText('请填写拒绝理由（1–500 字）').waitFor();
    await page.getByTestId('exchange-decline-comment').fill('本学期该教师任毕业班');
    await page.locator('.ant-modal:visible .ant-btn-dangerous').click();
    await expect.poll(() => item(second).getByTestId('exchange-consent').textContent()).toBe('已拒绝');
    expect(await consent(second, school)).toBe('DECLINED');
    expect(await item(second).getByTestId('exchange-decline').count()).toBe(0);
  });
});

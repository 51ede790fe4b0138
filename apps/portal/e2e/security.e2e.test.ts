/**
 * The security headers (apps/server/src/http/security-headers.ts) on the built consoles and
 * the GraphiQL explorer, in headless Chromium: each page carries them, and still works under
 * its Content-Security-Policy with not one violation reported (a CSP that broke antd's styles
 * or the explorer's start-up would show here first). In the portal's suite because its
 * product is the one built with both consoles.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, launchBrowser, signIn, type Browser } from '@zhuji/testing/e2e';
import type { Page, Response } from 'playwright-core';

const base = inject('base');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser(DESKTOP);
  page = browser.page;
  // Every CSP violation the page reports, from the first script on.
  await browser.context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
});
afterAll(() => browser.close());

const violations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

function expectHeaders(res: Response | null) {
  expect(res?.status()).toBe(200);
  const h = res!.headers();
  expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(h['content-security-policy']).toContain("script-src 'self'");
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['x-frame-options']).toBe('DENY');
  expect(h['referrer-policy']).toBe('no-referrer');
}

describe('security headers in the browser', () => {
  it('the admin console carries them and signs in and shows its dashboard with no CSP violation', async () => {
    expectHeaders(await page.goto(`${base}/admin/`));
    await page.locator('#username').waitFor();
    await signIn(page, 'demo-city');
    await page.locator('.ant-layout').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await violations()).toEqual([]);
  });

  it('the school portal carries them and signs in with no CSP violation', async () => {
    expectHeaders(await page.goto(`${base}/portal/`));
    await page.locator('#username').waitFor();
    await signIn(page, 'demo-school');
    await page.waitForLoadState('networkidle');
    expect(await violations()).toEqual([]);
  });

  it('the GraphiQL explorer carries them and runs a query with no CSP violation', async () => {
    expectHeaders(await page.goto(`${base}/graphql`));
    await page.locator('.graphiql-container').waitFor();
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => page.locator('.result-window').innerText()).toContain('totalCount');
    expect(await violations()).toEqual([]);
  });
});

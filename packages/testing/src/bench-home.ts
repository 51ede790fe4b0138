/**
 * The portal home screen's time to show data on a phone (390×844, touch) in headless
 * Chromium: from navigation to the first "needs attention" figures rendered from the server's
 * answer, median of 5 cold loads (a fresh browser profile each, the session token already
 * stored so sign-in is not timed). Runs the built server on a fresh database with the small
 * demo seed, as the e2e tests do; or against BASE=http://host:port when given.
 *
 *   npm run bench:home [-- --user demo-school --runs 5]
 */
import { parseArgs } from 'node:util';
import { api, launchBrowser, PHONE, startProduct } from './e2e';

const { values } = parseArgs({
  options: {
    user: { type: 'string', default: 'demo-school' },
    runs: { type: 'string', default: '5' },
  },
});
const runs = Number(values.runs);

const product = process.env.BASE
  ? { base: process.env.BASE, stop: async () => undefined }
  : await startProduct({ name: 'bench_home', builds: ['apps/server/dist/main.js', 'apps/portal/dist/index.html'] });
try {
  const token = await api(product.base).login(values.user!);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const browser = await launchBrowser(PHONE, { isMobile: true });
    try {
      const { page } = browser;
      // Store the session on the portal's origin before timing (a cheap static file).
      await page.goto(`${product.base}/portal/favicon-does-not-exist`);
      await page.evaluate((t) => localStorage.setItem('zhuji.portal.token', t), token);
      const started = Date.now();
      await page.goto(`${product.base}/portal/`);
      await page.locator('[data-testid=attention-count]').waitFor({ timeout: 60_000 });
      times.push(Date.now() - started);
    } finally {
      await browser.close();
    }
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(`portal home, ${values.user}, phone ${PHONE.width}×${PHONE.height}: runs ${times.join(', ')} ms`);
  console.log(`median time to show data: ${median} ms (of ${runs} cold loads)`);
} finally {
  await product.stop();
}

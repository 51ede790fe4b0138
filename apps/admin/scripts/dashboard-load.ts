/**
 * The dashboard's time to show data in headless Chromium: from navigation start to the
 * headline figure and every chart drawn (each chart's `data-ready`, set by ECharts'
 * `finished` event), median of 5 cold loads (a fresh browser profile each, so the route's
 * chunks are fetched as on a first visit).
 *
 *   npm run bench:dashboard                         # starts the built product on a fresh demo database
 *   ZHUJI_URL=http://127.0.0.1:4000 npm run bench:dashboard   # measures a running server
 *
 * Build first (`npx turbo run build --filter=@zhuji/server --filter=@zhuji/admin`).
 * RUNS=n changes the number of loads.
 */
import { launchBrowser, signIn, startProduct, type Product } from '@zhuji/testing/e2e';

const RUNS = Number(process.env.RUNS ?? 5);
const CHARTS = ['chart-trend', 'chart-districts', 'chart-goals', 'chart-plans', 'chart-staffing'];

/** Runs in the page before its own scripts: notes the moment everything the dashboard shows is there. */
function watchForData(charts: string[]): void {
  const ready = () =>
    document.querySelector('[data-testid=headline]') !== null &&
    charts.every((c) => document.querySelector(`[data-testid=${c}][data-ready=true]`) !== null);
  const w = window as unknown as { __headlineAt?: number };
  const observer = new MutationObserver(() => {
    if (w.__headlineAt === undefined && document.querySelector('[data-testid=headline]')) w.__headlineAt = performance.now();
    if (ready()) {
      (window as unknown as { __dashboardReady: number }).__dashboardReady = performance.now();
      observer.disconnect();
    }
  });
  document.addEventListener('DOMContentLoaded', () =>
    observer.observe(document.body, { subtree: true, childList: true, attributes: true }),
  );
}

async function main(): Promise<void> {
  let product: Product | undefined;
  const base = process.env.ZHUJI_URL ?? (product = await startProduct({ name: 'dashboard_bench' })).base;
  try {
    // Sign in once through the form, as demo-city; every measured load reuses that session.
    const login = await launchBrowser();
    await login.page.goto(`${base}/admin/login`);
    await signIn(login.page, 'demo-city');
    const token = await login.page.evaluate(() => localStorage.getItem('zhuji.admin.token'));
    await login.close();
    if (!token) throw new Error('signing in left no session token');

    const times: number[] = [];
    const headlines: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const browser = await launchBrowser();
      await browser.context.addInitScript((t) => localStorage.setItem('zhuji.admin.token', t), token);
      await browser.context.addInitScript(watchForData, CHARTS);
      await browser.page.goto(`${base}/admin/`);
      await browser.page.waitForFunction(() => 'window' in globalThis && '__dashboardReady' in window, null, {
        timeout: 60_000,
      });
      const [headline, ms] = await browser.page.evaluate(() => {
        const w = window as unknown as { __dashboardReady: number; __headlineAt: number };
        return [w.__headlineAt, w.__dashboardReady] as const;
      });
      times.push(ms);
      headlines.push(headline);
      console.log(`run ${run}: headline ${headline.toFixed(0)} ms, all charts ${ms.toFixed(0)} ms`);
      await browser.close();
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const headline = [...headlines].sort((a, b) => a - b)[Math.floor(headlines.length / 2)]!;
    console.log(`headline figure shown, median: ${headline.toFixed(0)} ms`);
    console.log(
      `dashboard time to show data (navigation start → headline and ${CHARTS.length} charts drawn), ` +
        `median of ${RUNS} cold loads: ${median.toFixed(0)} ms (min ${sorted[0]!.toFixed(0)}, max ${sorted.at(-1)!.toFixed(0)}) against ${base}`,
    );
  } finally {
    await product?.stop();
  }
}

await main();

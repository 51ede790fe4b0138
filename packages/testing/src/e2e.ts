/**
 * The real product for end-to-end tests: the built server (apps/server/dist) serving the
 * built clients, on a fresh PostgreSQL database (or, with `database: 'embedded'`, the
 * embedded PGlite database `npm start` gives a newcomer) seeded with the small demo data,
 * driven in headless Chromium (Debian's package). Nothing here is mocked.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type {} from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** http://127.0.0.1:<port> of the built server an app's e2e files share (global-setup.ts) */
    base: string;
  }
}

export const ROOT = resolve(import.meta.dirname, '../../..');
export const PASSWORD = 'zhuji-demo';
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The programme day the e2e product runs on (ZHUJI_TODAY): the demo seed, the server's checks
 * and, through the `today` field, both clients agree on it whatever the machine's date, so a
 * test never passes in November and fails in December. E2E_TODAY moves it (any YYYY-MM-DD),
 * to try the suites on an awkward day. Tests read dates from the API, not from this constant,
 * where they can.
 */
export const E2E_TODAY = process.env.E2E_TODAY ?? '2026-11-18';
if (!/^\d{4}-\d{2}-\d{2}$/.test(E2E_TODAY)) throw new Error(`E2E_TODAY must be YYYY-MM-DD, not ${E2E_TODAY}`);

/** The sizes the clients are tested at: the console's minimum and a phone. */
export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

/** Where the product keeps its data: PostgreSQL, or the embedded default (no DATABASE_URL). */
export type E2EDatabase = 'postgres' | 'embedded';

export interface Product {
  base: string;
  stop(): Promise<void>;
}

function databaseUrl(name: string): string {
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

/** Starts the built server on a new database and waits until /readyz says it is ready. */
export async function startProduct(options: {
  name: string;
  builds?: string[];
  database?: E2EDatabase;
}): Promise<Product> {
  const builds = options.builds ?? ['apps/server/dist/main.js', 'apps/admin/dist/index.html'];
  for (const file of builds) {
    if (!existsSync(join(ROOT, file))) throw new Error(`${file} is missing: build it first (turbo's test task does)`);
  }
  const embedded = options.database === 'embedded';
  const dbName = `zhuji_e2e_${options.name.replace(/\W/g, '_')}_${process.pid}`;
  const dataDir = embedded ? mkdtempSync(join(tmpdir(), 'zhuji-e2e-pglite-')) : undefined;
  const database: NodeJS.ProcessEnv = dataDir ? { DATA_DIR: dataDir } : { DATABASE_URL: databaseUrl(dbName) };
  if (!embedded) {
    await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await adminQuery(`CREATE DATABASE ${dbName}`);
  }
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL; // unset means the embedded database: only `database` decides
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let log = '';
  const server: ChildProcess = spawn(process.execPath, [join(ROOT, 'apps/server/dist/main.js')], {
    cwd: ROOT,
    env: {
      ...env,
      ...database,
      NODE_ENV: 'development', // demo accounts are refused in production
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_ON_START: 'true',
      SEED_SCALE: 'small',
      LOG_LEVEL: 'warn',
      ZHUJI_TODAY: E2E_TODAY,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const deadline = Date.now() + 200_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}):\n${log}`);
    const ready = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`the server was not ready in time:\n${log}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    base,
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise((r) => server.once('exit', r));
        server.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (server.exitCode === null) server.kill('SIGKILL');
      }
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      else await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
    },
  };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** A fresh headless Chromium profile (its own localStorage) at the given viewport. */
export async function launchBrowser(
  viewport: { width: number; height: number } = DESKTOP,
  options: { isMobile?: boolean } = {},
): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'zhuji-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport,
    isMobile: options.isMobile ?? false,
    hasTouch: options.isMobile ?? false,
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A GraphQL client for the test's own checks against the same server. */
export function api(base: string) {
  async function gql<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data as T;
  }
  async function login(username: string): Promise<string> {
    const data = await gql<{ login: { token: string } }>(
      'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      { u: username, p: PASSWORD },
    );
    return data.login.token;
  }
  /** The programme day the server runs on (its `today` field), for dates a test types or expects. */
  async function today(): Promise<string> {
    return (await gql<{ today: string }>('{ today }')).today;
  }
  /** The period the dashboard and town lists default to: the latest year with assessments. */
  async function defaultPeriod(token: string): Promise<string> {
    return (await gql<{ programmeSummary: { period: string } }>('{ programmeSummary { period } }', {}, token))
      .programmeSummary.period;
  }
  return { gql, login, today, defaultPeriod };
}

/** Where an app's screenshots go (a test artifact): apps/<app>/test-results/. */
export function screenshots(app: 'admin' | 'portal') {
  const dir = join(ROOT, `apps/${app}/test-results`);
  mkdirSync(dir, { recursive: true });
  return {
    dir,
    async take(page: Page, name: string): Promise<string> {
      const path = join(dir, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
  };
}

/** Fills the shared sign-in form (packages/client LoginPage) and waits to leave it. */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
}

/** Opens a downloaded .xlsx as a user would in Excel: the first sheet's rows as text cells. */
export async function readXlsx(file: string): Promise<string[][]> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow((row) => {
    const values = row.values as unknown[];
    rows.push(values.slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
  });
  return rows;
}

/**
 * Picks the option labelled `text` in an antd Select, as a user does: open it, type to
 * search when asked (the pickers search on the server), click the option. `text` must be a
 * whole part of the label, the name or an item of its note ("X小学（商河县·…）"), so
 * "X小学" never picks "X小学分校". On a loaded machine the dropdown can close or re-render while it
 * animates in, leaving the option hidden for good: the whole gesture is then tried again
 * from a closed select rather than waited on.
 */
export async function chooseOption(
  page: Page,
  select: Locator,
  text: string,
  options: { search?: boolean } = {},
): Promise<void> {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const label = new RegExp(`(?:^|[\\s（(·])${escaped}(?:$|[\\s（(）)·])`);
  for (let attempt = 1; ; attempt++) {
    await select.click();
    const list = await page.locator(':focus[aria-controls]').getAttribute('aria-controls');
    if (options.search) {
      // a retry may find the last try's text still in the search box
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(text);
    }
    const option = page
      .locator(`.ant-select-dropdown:has([id="${list}"]) .ant-select-item-option`)
      .filter({ hasText: label })
      .first();
    try {
      await option.click({ timeout: 10_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
      await page.locator(`.ant-select-dropdown:has([id="${list}"])`).waitFor({ state: 'hidden' });
    }
  }
}

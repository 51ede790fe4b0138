import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../test/harness.js';
import { createApp, type App } from '../app.js';
import { insertAccount } from '../modules/user/bootstrap.js';
import { Role } from '../auth/viewer.js';

/**
 * A PostgreSQL outage is 503 SERVICE_UNAVAILABLE with Retry-After, never a 500, and the
 * server recovers when the database is back. The test runs a PostgreSQL cluster of its own
 * (initdb + pg_ctl on a free port) and stops that one: the shared server is never touched.
 */
const BIN = (() => {
  const root = '/usr/lib/postgresql';
  const version = existsSync(root) ? readdirSync(root).sort().at(-1) : undefined;
  return version ? path.join(root, version, 'bin') : undefined;
})();

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** initdb refuses to run as root; the cluster then belongs to the postgres account. */
function asOwner(cmd: string, args: string[]): string {
  const asRoot = process.getuid?.() === 0;
  return execFileSync(asRoot ? 'runuser' : cmd, asRoot ? ['-u', 'postgres', '--', cmd, ...args] : args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe.skipIf(!BIN)('when PostgreSQL is down', () => {
  let dir: string;
  let port: number;
  let app: App;
  let url: string;
  let token: string;
  const pgCtl = (...args: string[]) => asOwner(path.join(BIN!, 'pg_ctl'), ['-D', path.join(dir, 'data'), ...args]);
  const startCluster = () =>
    pgCtl('-w', '-l', path.join(dir, 'log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, 'start');
  const stopCluster = () => pgCtl('-w', '-m', 'immediate', 'stop');

  const gql = async (query: string, auth?: string) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
      body: JSON.stringify({ query }),
    });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as any };
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'zhuji-outage-'));
    chmodSync(dir, 0o755);
    if (process.getuid?.() === 0) {
      const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
      chownSync(dir, id('-u'), id('-g'));
    }
    port = await freePort();
    asOwner(path.join(BIN!, 'initdb'), ['-D', path.join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync']);
    startCluster();
    const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
    await admin.connect();
    await admin.query('CREATE DATABASE zhuji');
    await admin.end();
    const config = testConfig({ DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/zhuji` });
    app = await createApp(config, { logger: pino({ level: 'silent' }) });
    url = `http://127.0.0.1:${await app.listen()}/graphql`;
    await app.ds.transaction((em) =>
      insertAccount(em, {
        username: 'outage-admin',
        displayName: 'x',
        password: 'correct-horse-battery',
        grants: [{ role: Role.CITY_ADMIN }],
      }),
    );
    const login = await gql(
      'mutation { login(username: "outage-admin", password: "correct-horse-battery") { token } }',
    );
    token = login.body.data.login.token;
  }, 120_000);

  afterAll(async () => {
    await app?.close().catch(() => undefined);
    try {
      stopCluster();
    } catch {
      // already stopped
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 SERVICE_UNAVAILABLE with Retry-After, then recovers', async () => {
    const before = await gql('{ schools(first: 1) { totalCount } }', token);
    expect(before.status).toBe(200);

    stopCluster();
    // Signed in: the viewer's session is read before any resolver runs.
    const signedIn = await gql('{ schools(first: 1) { totalCount } }', token);
    expect(signedIn.status).toBe(503);
    expect(signedIn.retryAfter).toMatch(/^\d+$/);
    expect(signedIn.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(JSON.stringify(signedIn.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack/);
    // Anonymous: the resolver's own query fails.
    const anonymous = await gql(
      'mutation { login(username: "outage-admin", password: "correct-horse-battery") { token } }',
    );
    expect(anonymous.status).toBe(503);
    expect(anonymous.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    // A file route, too.
    const base = url.replace(/\/graphql$/, '');
    const exported = await fetch(`${base}/api/export/schools.csv`, { headers: { authorization: `Bearer ${token}` } });
    expect(exported.status).toBe(503);
    expect(exported.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await exported.json()) as any).errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect((await fetch(`${base}/readyz`)).status).toBe(503);

    startCluster();
    let after = await gql('{ schools(first: 1) { totalCount } }', token);
    for (let i = 0; i < 20 && after.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 250));
      after = await gql('{ schools(first: 1) { totalCount } }', token);
    }
    expect(after.status).toBe(200);
  }, 60_000);
});

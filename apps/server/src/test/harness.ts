import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DataSource, Logger as TypeormLogger } from 'typeorm';
import { pino, type Logger } from 'pino';
import { loadConfig, type Config } from '../config.js';
import { createApp, type App } from '../app.js';
import { createDataSource } from '../db/data-source.js';
import { seed, type SeedOptions } from '../db/seed/seed.js';
import { adminUrl, databaseUrl, templateName } from './databases.js';

/** Counts SQL statements, for tests that prove relations are batched. */
export class StatementCounter implements TypeormLogger {
  count = 0;
  statements: string[] = [];
  logQuery(query: string) {
    this.count++;
    this.statements.push(query);
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
  reset() {
    this.count = 0;
    this.statements = [];
  }
}

/**
 * The day every server test runs on unless it pins another (`env: { ZHUJI_TODAY }` or
 * `setToday`): tests never depend on the machine's calendar, so they pass on any date and
 * under `faketime`. A Wednesday in term, mid-month, in the programme's second year.
 */
export const TEST_TODAY = '2026-11-18';

/** The configuration every test server runs with, over `env`. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    SEED_ON_START: 'false',
    // Production refuses a pinned day, so production-mode tests keep the real one.
    ...(env.NODE_ENV === 'production' ? {} : { ZHUJI_TODAY: TEST_TODAY }),
    ...env,
  });
}

export interface GqlResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> & { code?: string } }[];
  status: number;
}

export interface TestApp {
  app: App;
  ds: DataSource;
  config: Config;
  statements: StatementCounter;
  url: string;
  /** the test database, for tools run as separate processes (CLIs) */
  databaseUrl: string;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GqlResult<T>>;
  /** today on the app's programme clock */
  today(): string;
  /** runs the app as if it were `day` from now on (the programme clock, as ZHUJI_TODAY pins it) */
  setToday(day: string): void;
  /** signs in and returns the bearer token */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A real server on a real PostgreSQL database cloned from the migrated template, reached
 * over HTTP exactly as clients reach it. `seed` loads the demo data first, dated relative to
 * the app's today (pass `env: { ZHUJI_TODAY }` for a fixed day).
 */
export async function startTestApp(
  options: { seed?: SeedOptions['scale']; env?: Record<string, string>; logger?: Logger } = {},
): Promise<TestApp> {
  const name = `${templateName()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName()}"`);
  await admin.end();

  const config = testConfig(options.env);
  const statements = new StatementCounter();
  const ds = createDataSource({
    databaseUrl: databaseUrl(name),
    logger: statements,
    statementTimeoutMs: config.db.statementTimeoutMs,
    idleInTransactionTimeoutMs: config.db.idleInTransactionTimeoutMs,
  });
  await ds.initialize();
  // Seeded for the app's own day (ZHUJI_TODAY in `env` pins it), as the app seeds itself.
  if (options.seed) await seed(ds, { scale: options.seed, anchor: config.clock.today() });

  const app = await createApp(config, { ds, logger: options.logger ?? pino({ level: 'silent' }) });
  const port = await app.listen();
  const url = `http://127.0.0.1:${port}/graphql`;

  const gql: TestApp['gql'] = async (query, variables, token) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { ...((await res.json()) as object), status: res.status };
  };

  return {
    app,
    ds,
    config,
    statements,
    url,
    databaseUrl: databaseUrl(name),
    gql,
    today: () => config.clock.today(),
    setToday: (day) => config.clock.pin(day),
    async login(username, password = 'zhuji-demo') {
      const r = await gql<{ login: { token: string } }>(
        'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
        { u: username, p: password },
      );
      if (!r.data?.login) throw new Error(`login ${username} failed: ${JSON.stringify(r.errors)}`);
      return r.data.login.token;
    },
    async close() {
      await app.close();
      await ds.destroy();
      const a = new pg.Client({ connectionString: adminUrl() });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    },
  };
}

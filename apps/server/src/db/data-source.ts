import 'reflect-metadata';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { DataSource, type DataSourceOptions, type Logger } from 'typeorm';
import { entities } from './entities.js';
import { migrations } from './migrations/index.js';
import { SnakeNamingStrategy } from './naming.js';
import { createPGliteDriver } from './pglite-driver.js';

export type DatabaseKind = 'postgres' | 'pglite';

export interface DatabaseOptions {
  /** PostgreSQL; when absent, the embedded PGlite database in `dataDir` */
  databaseUrl?: string;
  /** PGlite data directory; `memory://` keeps it in memory (tests) */
  dataDir?: string;
  logger?: Logger;
  poolSize?: number;
  /**
   * PostgreSQL session settings for every pooled connection, in ms (0 or absent: none):
   * a runaway statement, or a transaction a request left open, is cut by the database.
   */
  statementTimeoutMs?: number;
  idleInTransactionTimeoutMs?: number;
}

export function databaseKind(options: DatabaseOptions): DatabaseKind {
  return options.databaseUrl ? 'postgres' : 'pglite';
}

export function dataSourceOptions(options: DatabaseOptions): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    entities,
    migrations,
    migrationsRun: false,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    // Extensions are created by migrations, never implicitly at connect. gen_random_uuid()
    // is built into PostgreSQL 13+ and PGlite, so no uuid-ossp is needed anywhere.
    installExtensions: false,
    uuidExtension: 'pgcrypto' as const,
    namingStrategy: new SnakeNamingStrategy(),
    logger: options.logger,
    logging: options.logger ? ['query' as const, 'error' as const] : false,
  };
  if (options.databaseUrl) {
    return {
      ...common,
      url: options.databaseUrl,
      poolSize: options.poolSize ?? 10,
      applicationName: 'zhuji',
      // node-postgres sends these as startup parameters of each connection; a request that
      // cannot get a connection within 10 s fails (503) rather than queueing for ever.
      extra: {
        ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
        ...(options.idleInTransactionTimeoutMs
          ? { idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs }
          : {}),
        connectionTimeoutMillis: 10_000,
      },
    };
  }
  const dataDir = options.dataDir ?? path.resolve('.data/pglite');
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  return { ...common, driver: createPGliteDriver(dataDir), database: 'postgres' };
}

export function createDataSource(options: DatabaseOptions): DataSource {
  return new DataSource(dataSourceOptions(options));
}

/** Pending migrations, for /readyz: ready means reachable and fully migrated. */
export async function pendingMigrationCount(ds: DataSource): Promise<number> {
  const applied = new Set<string>(
    (await ds.query(`SELECT name FROM migrations`).catch(() => [] as { name: string }[])).map(
      (r: { name: string }) => r.name,
    ),
  );
  return ds.migrations.filter((m) => !applied.has(m.name!)).length;
}

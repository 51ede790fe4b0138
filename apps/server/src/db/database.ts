import type { DataSource } from 'typeorm';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { createDataSource, databaseKind } from './data-source.js';

/** Opens the configured database and applies pending migrations (the schema's only path). */
/**
 * `requestTimeouts: false` for the command-line tools (seed, migrate, import), whose long
 * statements are the work itself, not a runaway request.
 */
export async function openDatabase(
  config: Config,
  logger: Logger,
  options: { requestTimeouts?: boolean } = {},
): Promise<DataSource> {
  const timeouts = options.requestTimeouts ?? true;
  const kind = databaseKind(config);
  if (kind === 'postgres') {
    // Migrations run on connections of their own, without the request timeouts: a long
    // migration is not a runaway statement.
    const migrator = createDataSource({ databaseUrl: config.databaseUrl, poolSize: 1 });
    await migrator.initialize();
    try {
      const applied = await migrator.runMigrations({ transaction: 'each' });
      if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, 'applied migrations');
    } finally {
      await migrator.destroy();
    }
  }
  const ds = createDataSource({
    databaseUrl: config.databaseUrl,
    dataDir: `${config.dataDir}/pglite`,
    statementTimeoutMs: timeouts ? config.db.statementTimeoutMs : 0,
    idleInTransactionTimeoutMs: timeouts ? config.db.idleInTransactionTimeoutMs : 0,
  });
  await ds.initialize();
  logger.info(
    kind === 'postgres'
      ? { database: 'postgres', url: redactUrl(config.databaseUrl!) }
      : { database: 'pglite', dataDir: `${config.dataDir}/pglite` },
    kind === 'postgres'
      ? 'using PostgreSQL from DATABASE_URL'
      : 'DATABASE_URL unset: using the embedded PGlite database',
  );
  if (kind === 'pglite') {
    const applied = await ds.runMigrations({ transaction: 'each' });
    if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, 'applied migrations');
  }
  return ds;
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}

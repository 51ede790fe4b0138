import type { DataSource } from 'typeorm';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { createDataSource, databaseKind } from './data-source.js';

/** Opens the configured database and applies pending migrations (the schema's only path). */
export async function openDatabase(config: Config, logger: Logger): Promise<DataSource> {
  const kind = databaseKind(config);
  const ds = createDataSource({ databaseUrl: config.databaseUrl, dataDir: `${config.dataDir}/pglite` });
  await ds.initialize();
  logger.info(
    kind === 'postgres'
      ? { database: 'postgres', url: redactUrl(config.databaseUrl!) }
      : { database: 'pglite', dataDir: `${config.dataDir}/pglite` },
    kind === 'postgres'
      ? 'using PostgreSQL from DATABASE_URL'
      : 'DATABASE_URL unset: using the embedded PGlite database',
  );
  const applied = await ds.runMigrations({ transaction: 'each' });
  if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, 'applied migrations');
  return ds;
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}

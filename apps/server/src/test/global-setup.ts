import 'reflect-metadata';
import pg from 'pg';
import { createDataSource } from '../db/data-source.js';
import { adminUrl, databaseUrl, templateName } from './databases.js';

/**
 * Migrates one template database per run; each test file then clones it with
 * CREATE DATABASE … TEMPLATE (milliseconds) instead of migrating again.
 */
export async function setup(): Promise<() => Promise<void>> {
  const template = templateName();
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${template}"`);
  await admin.query(`CREATE DATABASE "${template}"`);
  const ds = createDataSource({ databaseUrl: databaseUrl(template) });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  process.env.ZHUJI_TEST_TEMPLATE = template;

  return async () => {
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `${template}%`,
    ]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.end();
  };
}

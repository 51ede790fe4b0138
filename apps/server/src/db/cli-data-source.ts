/**
 * The data source the TypeORM CLI uses (migration:generate, migration:generate --check).
 * It needs a real PostgreSQL: DATABASE_URL, or the local default below.
 */
import { createDataSource } from './data-source.js';

export default createDataSource({
  databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/zhuji_dev',
});

import { randomUUID } from 'node:crypto';
/**
 * Bulk import from the command line, through the same service, scope and audit as the API:
 *   ZHUJI_PASSWORD=… npm run import --workspace @zhuji/server -- schools|teachers|memberships|trusteeships <file> [--dry-run] --as <username>
 * Signs in as <username> (the password from ZHUJI_PASSWORD, never argv, which `ps` shows),
 * so the import obeys that account's scope and the audit log names them. The format is
 * taken from the file's first bytes (.xlsx or CSV); `--charset gb18030` for non-UTF-8 CSV.
 * Prints the report as JSON; exits 0 when every row is valid, 65 (data error) otherwise.
 */
import 'reflect-metadata';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { GraphQLError } from 'graphql';
import { loadConfig } from '../config.js';
import { createContext } from '../context.js';
import { openDatabase } from '../db/database.js';
import { createLogger } from '../logger.js';
import { createServices } from '../services.js';
import { ImportService } from '../modules/import/import.service.js';
import { IMPORT_KINDS, type ImportKind } from '../modules/import/import.columns.js';

const usage =
  'usage: ZHUJI_PASSWORD=… npm run import --workspace @zhuji/server -- schools|teachers|memberships|trusteeships <file> [--dry-run] [--charset gb18030] --as <username>';
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'dry-run': { type: 'boolean', default: false },
    as: { type: 'string' },
    charset: { type: 'string', default: 'utf-8' },
  },
});
const [kind, file] = positionals;
const password = process.env.ZHUJI_PASSWORD;
if (!(IMPORT_KINDS as readonly string[]).includes(kind ?? '') || !file || !values.as || !password) {
  console.error(usage);
  process.exit(64);
}

const config = loadConfig();
const logger = createLogger(config.logLevel);
const ds = await openDatabase(config, logger, { requestTimeouts: false });
try {
  const services = createServices(ds, config);
  const { token } = await services.auth.login(values.as, password, 'cli');
  const viewer = await services.auth.viewerFromToken(token);
  const ctx = createContext({
    requestId: `cli-import-${randomUUID()}`,
    logger,
    clientAddress: 'cli',
    viewer,
    config,
    ds,
    services,
  });
  const report = await new ImportService().importFile(ctx, kind as ImportKind, resolve(file), {
    dryRun: values['dry-run'],
    charset: values.charset,
  });
  console.log(JSON.stringify(report, null, 2));
  if (report.errorCount > 0) process.exitCode = 65;
} catch (error) {
  if (!(error instanceof GraphQLError)) throw error;
  console.error(`${error.message} / ${String(error.extensions.messageZh ?? '')}`);
  process.exitCode = error.extensions.code === 'UNAUTHENTICATED' ? 77 : 1;
} finally {
  await ds.destroy();
}

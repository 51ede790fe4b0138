/**
 * `npm run db:seed -- [--scale city|province|small] [--reset]`: loads the demo data into the
 * configured database (DATABASE_URL, or the embedded PGlite one under DATA_DIR), after
 * applying any pending migrations, dated relative to today in Jinan (ZHUJI_TODAY to pick
 * another day).
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import type { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../../config.js';
import { createLogger } from '../../logger.js';
import { AuditEntry } from '../../modules/audit/audit.entity.js';
import { District } from '../../modules/district/district.entity.js';
import { School } from '../../modules/school/school.entity.js';
import { Teacher } from '../../modules/teacher/teacher.entity.js';
import { Town } from '../../modules/town/town.entity.js';
import { AuthSession, RoleGrant, User } from '../../modules/user/user.entity.js';
import { openDatabase } from '../database.js';
import { DEMO_PASSWORD } from './accounts.js';
import type { Scale } from './plan.js';
import { seed } from './seed.js';

const USAGE = 'usage: npm run db:seed -- [--scale city|province|small] [--reset]';
const SCALES: readonly Scale[] = ['city', 'province', 'small'];

/** What `--reset` empties: the seeded records, sessions and the audit trail (CASCADE: and whatever points at them). */
const RESET_ENTITIES = [District, Town, School, Teacher, User, RoleGrant, AuthSession, AuditEntry];
/** The tables the seed writes; any row in them means the database is not empty. */
const SEEDED_ENTITIES = [District, Town, School, Teacher, User, RoleGrant];

class UsageError extends Error {}

function parseOptions(): { scale: Scale; reset: boolean } {
  let values;
  try {
    ({ values } = parseArgs({
      options: { scale: { type: 'string', default: 'city' }, reset: { type: 'boolean', default: false } },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const scale = SCALES.find((s) => s === values.scale);
  if (!scale) throw new UsageError(`--scale must be one of ${SCALES.join(', ')}, not "${values.scale}"\n${USAGE}`);
  return { scale, reset: values.reset };
}

async function reset(ds: DataSource): Promise<void> {
  const tables = RESET_ENTITIES.map((e) => `"${ds.getMetadata(e).tableName}"`);
  await ds.query(`TRUNCATE ${tables.join(', ')} CASCADE`);
}

async function holdsData(ds: DataSource): Promise<boolean> {
  for (const entity of SEEDED_ENTITIES) if (await ds.getRepository(entity).exists()) return true;
  return false;
}

async function main(): Promise<number> {
  const options = parseOptions();
  const config = loadConfig();
  if (config.nodeEnv === 'production') {
    console.error('Refusing to load demo data: NODE_ENV=production.');
    return 1;
  }
  const logger = createLogger(config.logLevel);
  const ds = await openDatabase(config, logger, { requestTimeouts: false });
  try {
    if (options.reset) {
      await reset(ds);
    } else if (await holdsData(ds)) {
      console.error('The database already holds data; run with --reset to replace it with the demo data.');
      return 1;
    }
    const anchor = config.clock.today();
    const report = await seed(ds, { scale: options.scale, logger, anchor });
    console.log(
      `Seeded ${options.scale} scale for ${anchor} in ${report.ms} ms: ${report.districts} districts, ${report.towns} towns, ` +
        `${report.schools} schools, ${report.teachers} teachers, ${report.users} demo users (password "${DEMO_PASSWORD}"); ` +
        `${report.groups} groups (${report.memberships} memberships), ${report.trusteeships} trusteeships ` +
        `(${report.trusteeshipActivities} activities), ${report.exchanges} teacher exchanges, ${report.researchers} researchers ` +
        `(${report.researcherAssignments} assignments, ${report.researchSessions} joint research sessions); ` +
        `${report.rectificationItems} rectification items (${report.rectificationChanges} status changes), ` +
        `${report.townPlans} town plans (${report.townPlanTransitions} transitions), ${report.assessments} assessments ` +
        `(${report.assessmentIndicators} indicators).`,
    );
    return 0;
  } finally {
    await ds.destroy();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  if (!(error instanceof UsageError || error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exitCode = error instanceof ConfigError ? 78 : 64; // EX_CONFIG, EX_USAGE
}

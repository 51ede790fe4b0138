import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';
import { Clock, isCalendarDay } from './common/clock.js';

/**
 * Every environment variable the server reads, parsed and validated in one place.
 * A bad value stops the process with a message naming the variable, never a late crash.
 */
const serverRoot = path.resolve(import.meta.dirname, '..');

/**
 * One TRUSTED_PROXIES entry: an IP address, a CIDR range, or one of express's names for a
 * range (`loopback`, `linklocal`, `uniquelocal`).
 */
function isProxyEntry(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [ip = '', prefix, ...rest] = entry.split('/');
  const version = isIP(ip);
  if (!version || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  // 0 asks the OS for any free port (tests)
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .refine(
      (v) => /^postgres(ql)?:\/\/\S+$/.test(v),
      'must be a postgres:// URL, e.g. postgres://postgres@127.0.0.1:5432/zhuji',
    )
    .optional(),
  DATA_DIR: z.string().min(1).default(path.join(serverRoot, '.data')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_ON_START: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  SEED_SCALE: z.enum(['city', 'province', 'small']).default('city'),
  MAX_PAGE_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  OPERATIONS_ALLOWLIST: z.string().min(1).optional(),
  TOKEN_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(8 * 60),
  // Yearly due date of town plans (MM-DD): the plan of year Y is due on Y-MM-DD, inclusive.
  PLAN_DUE_MONTH_DAY: z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be MM-DD, e.g. 03-29')
    .refine(
      (v) =>
        !Number.isNaN(Date.parse(`2023-${v}T00:00:00Z`)) &&
        new Date(`2023-${v}T00:00:00Z`).toISOString().slice(5, 10) === v,
      'must be a day that exists every year, e.g. 03-29',
    )
    .default('03-29'),
  // The programme's thresholds (行动目标): configuration, not constants in code.
  GOAL_ACADEMIC_DIFFERENCE_MAX: z.coerce.number().min(0).max(1).default(0.15),
  GOAL_SATISFACTION_MIN: z.coerce.number().min(0).max(1).default(0.95),
  GOAL_ENVIRONMENT_SCORE_MIN: z.coerce.number().min(0).max(100).default(85),
  PROGRAMME_TARGET_SHARE: z.coerce.number().min(0).max(1).default(0.8),
  // Peers whose X-Forwarded-For is believed (comma-separated); none by default, so a client
  // cannot pick the address its sign-in attempts are counted against.
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((e) => e.trim())
        .filter(Boolean),
    )
    .refine(
      (entries) => entries.every(isProxyEntry),
      'must be comma-separated IP addresses or CIDR ranges (or loopback, linklocal, uniquelocal), e.g. 10.0.0.5,10.1.0.0/16',
    ),
  // Prometheus scrapes /metrics with this bearer token…
  METRICS_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
  // …or on this port of its own (bind it where only the scraper reaches; 0: any free port).
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  // Bounded work (docs/ARCHITECTURE.md, Limits): PostgreSQL cuts a statement, or a
  // transaction left idle, after these many milliseconds (0: never); set per connection.
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(0).default(60_000),
  // Wall-clock limits of one file import and one export, in seconds.
  IMPORT_MAX_SECONDS: z.coerce.number().int().min(1).default(300),
  EXPORT_MAX_SECONDS: z.coerce.number().int().min(1).default(600),
  // Run the whole product, seed included, as if it were this day (demos, support, tests).
  ZHUJI_TODAY: z.string().refine(isCalendarDay, 'must be a calendar day YYYY-MM-DD, e.g. 2027-03-01').optional(),
});

export type Config = {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  host: string;
  /** unset: the embedded PGlite database under dataDir */
  databaseUrl?: string;
  dataDir: string;
  logLevel: string;
  /** seed demo data into an empty database at start; never in production */
  seedOnStart: boolean;
  seedScale: 'city' | 'province' | 'small';
  maxPageSize: number;
  /** HMAC key for tokens; a random one per process outside production */
  jwtSecret: Uint8Array;
  tokenTtlMinutes: number;
  /** persisted-query manifest; when set, only the operations it lists are accepted */
  operationsAllowlist?: string;
  /** thresholds of the six goals and the city's target share of towns meeting all */
  goals: { academicDifferenceMax: number; satisfactionMin: number; environmentScoreMin: number; targetShare: number };
  /** programme: town plans of year Y are due on `${Y}-${planDueMonthDay}` (the 2023 plan set 03-29) */
  planDueMonthDay: string;
  /** the programme clock: today in Jinan, or the day ZHUJI_TODAY pins */
  clock: Clock;
  /** express `trust proxy` entries; empty: X-Forwarded-For is ignored and the peer is the client */
  trustedProxies: string[];
  /**
   * Who may read /metrics: a bearer token, a port of its own (then the main port has no
   * /metrics), both, or neither (open outside production, refused in production).
   */
  metrics: { token?: string; port?: number };
  /** PostgreSQL session timeouts for the server's connections, in ms (0: none) */
  db: { statementTimeoutMs: number; idleInTransactionTimeoutMs: number };
  /** wall-clock limits, in seconds, of one import and one export */
  importMaxSeconds: number;
  exportMaxSeconds: number;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  if (isProduction && e.SEED_ON_START) {
    throw new ConfigError(
      'Invalid environment configuration:\n  SEED_ON_START: demo data is never loaded when NODE_ENV=production',
    );
  }
  if (isProduction && e.ZHUJI_TODAY) {
    throw new ConfigError(
      'Invalid environment configuration:\n  ZHUJI_TODAY: the day cannot be pinned when NODE_ENV=production',
    );
  }
  if (isProduction && !e.JWT_SECRET) {
    throw new ConfigError(
      'Invalid environment configuration:\n  JWT_SECRET: required when NODE_ENV=production (32+ characters)',
    );
  }
  if (e.METRICS_PORT !== undefined && e.METRICS_PORT !== 0 && e.METRICS_PORT === e.PORT) {
    throw new ConfigError(
      'Invalid environment configuration:\n  METRICS_PORT: must differ from PORT (the metrics listener is a server of its own)',
    );
  }
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
    seedOnStart: isProduction ? false : (e.SEED_ON_START ?? true),
    seedScale: e.SEED_SCALE,
    maxPageSize: e.MAX_PAGE_SIZE,
    jwtSecret: e.JWT_SECRET ? new TextEncoder().encode(e.JWT_SECRET) : randomBytes(32),
    tokenTtlMinutes: e.TOKEN_TTL_MINUTES,
    operationsAllowlist: e.OPERATIONS_ALLOWLIST,
    planDueMonthDay: e.PLAN_DUE_MONTH_DAY,
    clock: new Clock(e.ZHUJI_TODAY),
    trustedProxies: e.TRUSTED_PROXIES,
    metrics: { token: e.METRICS_TOKEN, port: e.METRICS_PORT },
    db: {
      statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
      idleInTransactionTimeoutMs: e.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
    importMaxSeconds: e.IMPORT_MAX_SECONDS,
    exportMaxSeconds: e.EXPORT_MAX_SECONDS,
    goals: {
      academicDifferenceMax: e.GOAL_ACADEMIC_DIFFERENCE_MAX,
      satisfactionMin: e.GOAL_SATISFACTION_MIN,
      environmentScoreMin: e.GOAL_ENVIRONMENT_SCORE_MIN,
      targetShare: e.PROGRAMME_TARGET_SHARE,
    },
  };
}

import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { ApolloServerPlugin } from '@apollo/server';
import type { DataSource } from 'typeorm';
import { getOperationAST } from 'graphql';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Context } from '../context.js';
import type { Config } from '../config.js';

/**
 * Prometheus metrics at GET /metrics (text exposition format):
 *
 * - default process metrics (`zhuji_process_cpu_seconds_total`, `zhuji_nodejs_heap_size_used_bytes`,
 *   event-loop lag, …)
 * - `zhuji_http_requests_total{method,route,status}`: every HTTP request (GraphQL, exports, probes)
 * - `zhuji_graphql_requests_total{operation,outcome}`: each GraphQL operation, `outcome` = `success` | `error`
 * - `zhuji_graphql_request_duration_seconds{operation}`: histogram of GraphQL operation latency
 * - `zhuji_graphql_errors_total{code}`: errors sent to clients, by `extensions.code`
 * - `zhuji_db_pool_connections{state}`: database pool, `state` = `total` | `idle` | `waiting`
 *   (pg's Pool counters; the embedded PGlite database has one serialised session: 1 / 0 / 0)
 *
 * Who may read them (config.metrics): with `METRICS_TOKEN`, only a request bearing it; with
 * `METRICS_PORT`, only that port's own listener serves /metrics (the main port answers 404),
 * so the port can be bound where only the scraper reaches; with both, the port and the token.
 * With neither, /metrics is open outside production (a developer's curl) and refused in
 * production (403), because request counts, operation names and heap sizes help whoever
 * probes the server and the bureau's network is not ours to assume.
 *
 * Every app owns its Registry (tests build several apps in one process). The Apollo plugin
 * finds the app's metrics through the request context's DataSource, which is per app.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly httpRequests = new Counter({
    name: 'zhuji_http_requests_total',
    help: 'HTTP requests by method, route group and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly graphqlRequests = new Counter({
    name: 'zhuji_graphql_requests_total',
    help: 'GraphQL operations by operation name and outcome (success: no errors; error: any error)',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly graphqlDuration = new Histogram({
    name: 'zhuji_graphql_request_duration_seconds',
    help: 'GraphQL operation latency in seconds, by operation name',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly graphqlErrors = new Counter({
    name: 'zhuji_graphql_errors_total',
    help: 'Errors in GraphQL responses by extensions.code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  /** operation names seen so far: a client inventing names cannot grow the series without bound */
  private readonly operations = new Set<string>();

  constructor(ds: DataSource) {
    collectDefaultMetrics({ register: this.registry, prefix: 'zhuji_' });
    new Gauge({
      name: 'zhuji_db_pool_connections',
      help: 'Database connections: total, idle, and clients waiting for one',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const pool = poolStats(ds);
        this.set({ state: 'total' }, pool.total);
        this.set({ state: 'idle' }, pool.idle);
        this.set({ state: 'waiting' }, pool.waiting);
      },
    });
  }

  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) return 'invalid';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_NAMES) return 'other';
    this.operations.add(name);
    return name;
  }
}

const MAX_OPERATION_NAMES = 500;

/** pg.Pool counters when the driver has them; PGlite's single serialised session otherwise. */
export function poolStats(ds: DataSource): { total: number; idle: number; waiting: number } {
  const pool = (
    ds.driver as unknown as { master?: { totalCount?: unknown; idleCount?: unknown; waitingCount?: unknown } }
  ).master;
  if (pool && typeof pool.totalCount === 'number') {
    return {
      total: pool.totalCount,
      idle: typeof pool.idleCount === 'number' ? pool.idleCount : 0,
      waiting: typeof pool.waitingCount === 'number' ? pool.waitingCount : 0,
    };
  }
  return { total: ds.isInitialized ? 1 : 0, idle: 0, waiting: 0 };
}

const byDataSource = new WeakMap<DataSource, Metrics>();

export function metricsFor(ds: DataSource): Metrics | undefined {
  return byDataSource.get(ds);
}

function routeGroup(path: string): string {
  if (path === '/graphql' || path.startsWith('/graphql/'))
    return path.startsWith('/graphql/explorer') ? 'explorer' : 'graphql';
  if (path.startsWith('/api/export')) return 'export';
  if (path.startsWith('/api/import')) return 'import';
  if (path === '/healthz' || path === '/readyz' || path === '/metrics') return path.slice(1);
  return 'other';
}

function refuse(res: Response, status: number, code: string, message: string, messageZh: string) {
  if (status === 401) res.setHeader('www-authenticate', 'Bearer realm="metrics"');
  res.status(status).json({ errors: [{ message, extensions: { code, messageZh } }] });
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** The /metrics handler with its gate (see Metrics above for the rule). */
function metricsEndpoint(metrics: Metrics, config: Config) {
  const token = config.metrics.token ? digest(config.metrics.token) : undefined;
  const openWithoutToken = config.metrics.port !== undefined || config.nodeEnv !== 'production';
  return async (req: Request, res: Response, next: NextFunction) => {
    if (token) {
      const given = req.headers.authorization?.match(/^Bearer\s+(\S+)$/)?.[1];
      // Digests compared in constant time: neither the token's length nor its prefix leaks.
      if (!given || !timingSafeEqual(digest(given), token)) {
        refuse(res, 401, 'UNAUTHENTICATED', 'Send the metrics token as a bearer token', '请携带监控令牌（Bearer）');
        return;
      }
    } else if (!openWithoutToken) {
      refuse(
        res,
        403,
        'FORBIDDEN',
        'Metrics are off in production until METRICS_TOKEN or METRICS_PORT is set',
        '生产环境需配置 METRICS_TOKEN 或 METRICS_PORT 才能读取监控指标',
      );
      return;
    }
    try {
      const body = await metrics.registry.metrics();
      res.setHeader('content-type', metrics.registry.contentType);
      res.setHeader('cache-control', 'no-store');
      res.send(body);
    } catch (error) {
      next(error);
    }
  };
}

/**
 * Operations endpoints (/metrics) and the HTTP request counter. Returns the metrics-only app
 * when METRICS_PORT is set, for the caller to listen on that port.
 */
export function mountOperations(app: Express, ds: DataSource, config: Config): Express | undefined {
  const metrics = new Metrics(ds);
  byDataSource.set(ds, metrics);

  app.use((req: Request, res: Response, next: NextFunction) => {
    const route = routeGroup(req.path); // now: mounted routers rewrite req.path later
    res.on('finish', () => {
      metrics.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  });

  const endpoint = metricsEndpoint(metrics, config);
  if (config.metrics.port === undefined) {
    app.get('/metrics', endpoint);
    return undefined;
  }
  const metricsApp = express();
  metricsApp.disable('x-powered-by');
  metricsApp.get('/metrics', endpoint);
  return metricsApp;
}

/** Counts and times every GraphQL operation and counts errors by code. */
export function metricsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const metrics = contextValue?.ds ? metricsFor(contextValue.ds) : undefined;
      if (!metrics) return;
      const started = process.hrtime.bigint();
      let operation = 'anonymous';
      let failed = false;
      return {
        async didResolveOperation({ operationName }) {
          operation = metrics.operationLabel(operationName);
        },
        async didEncounterErrors({ errors, request, document }) {
          // Operations that fail validation never resolve: name them from the document.
          if (operation === 'anonymous') {
            const name = request.operationName ?? (document ? getOperationAST(document)?.name?.value : undefined);
            operation = metrics.operationLabel(name);
          }
          failed = true;
          for (const error of errors) {
            const code = error.extensions?.code;
            metrics.graphqlErrors.inc({ code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR' });
          }
        },
        async willSendResponse({ response }) {
          if (response.body.kind === 'single' && response.body.singleResult.errors?.length) failed = true;
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          metrics.graphqlDuration.observe({ operation }, seconds);
          metrics.graphqlRequests.inc({ operation, outcome: failed ? 'error' : 'success' });
        },
      };
    },
  };
}

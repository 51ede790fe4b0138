import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import express, { type Express, type Request } from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import http from 'node:http';
import type { DataSource } from 'typeorm';
import type { Config } from './config.js';
import { createContext, type Context } from './context.js';
import { createSchema } from './schema.js';
import { createServices, type Services } from './services.js';
import { openDatabase } from './db/database.js';
import { pendingMigrationCount } from './db/data-source.js';
import { createLogger, type Logger } from './logger.js';
import { errorLoggingPlugin, formatError, httpStatusPlugin } from './common/format-error.js';
import { pinoHttp } from 'pino-http';
import { seedIfEmpty } from './db/seed/seed.js';
import { batchCost, LIMITS, limitsPlugin, tooComplex, validationRules } from './common/limits.js';
import { isDatabaseUnavailable } from './common/db-errors.js';
import { serviceUnavailable } from './common/errors.js';
import { importRoutes } from './modules/import/import.routes.js';
import { exportRoutes } from './modules/export/export.routes.js';
import { sendErrors } from './modules/export/export.sinks.js';
import { metricsPlugin, mountOperations } from './ops/operations.js';
import { graphqlHttpRoutes } from './ops/graphql-http.js';
import { securityHeaders } from './http/security-headers.js';

export interface App {
  express: Express;
  httpServer: http.Server;
  /** the /metrics listener when METRICS_PORT is set; listen() starts it too */
  metricsServer?: http.Server;
  ds: DataSource;
  services: Services;
  logger: Logger;
  /** listens on config.port (0: any free port) and resolves with the bound port */
  listen(): Promise<number>;
  close(): Promise<void>;
}

function bearer(req: Request): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
}

/**
 * Builds the whole server (database, schema, HTTP routes) without listening, so tests
 * drive exactly what production runs. No side effects at import.
 */
export async function createApp(config: Config, options: { ds?: DataSource; logger?: Logger } = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const ds = options.ds ?? (await openDatabase(config, logger));
  if (!options.ds && config.seedOnStart) {
    await seedIfEmpty(ds, { scale: config.seedScale, logger, anchor: config.clock.today() });
  }
  const services = createServices(ds, config);
  const schema = await createSchema();

  const app = express();
  app.disable('x-powered-by');
  // X-Forwarded-For is believed only from the proxies named in TRUSTED_PROXIES (none by
  // default): req.ip is what sign-in attempts are counted against, and from anyone else the
  // header is whatever an attacker wants it to be.
  app.set('trust proxy', config.trustedProxies.length ? config.trustedProxies : false);
  app.use(securityHeaders());
  const httpServer = http.createServer(app);

  const apollo = new ApolloServer<Context>({
    schema,
    formatError: formatError({ metadatas: () => ds.entityMetadatas }),
    includeStacktraceInErrorResponses: false,
    // Anonymous introspection is refused in production by limitsPlugin, not here, so
    // signed-in data teams keep their tooling.
    introspection: true,
    csrfPrevention: true,
    allowBatchedHttpRequests: true,
    // main.ts owns the signals: Apollo's own handler re-raises SIGTERM once Apollo has
    // stopped, killing the process before app.close() has closed the database, which left
    // the embedded database unclosed on every Ctrl-C or stop.
    stopOnTerminationSignals: false,
    validationRules,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      errorLoggingPlugin(logger, { metadatas: () => ds.entityMetadatas }),
      httpStatusPlugin(),
      metricsPlugin(),
      limitsPlugin(schema, {
        production: config.nodeEnv === 'production',
        operationsAllowlist: config.operationsAllowlist,
      }),
    ],
  });
  await apollo.start();

  // One structured line per request, and a request id on every line the request logs
  // (req.log is a child logger); clients get the same id back in x-request-id.
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = (typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) && given) || randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
      // req.log binds only reqId, so lines a resolver logs stay small and still carry the id.
      quietReqLogger: true,
    }),
  );

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await ds.query('SELECT 1');
      const pending = await pendingMigrationCount(ds);
      if (pending > 0) {
        res.status(503).json({ status: 'migrating', pendingMigrations: pending });
        return;
      }
      res.json({ status: 'ready' });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'database unreachable' });
    }
  });

  const metricsApp = mountOperations(app, ds, config);
  const metricsServer = metricsApp ? http.createServer(metricsApp) : undefined;
  app.use('/api/import', importRoutes({ config, ds, services }));
  app.use('/api/export', exportRoutes({ config, ds, services, schema }));

  // GraphQL over HTTP (docs/DATA-TEAMS.md): a browser's GET /graphql gets the bundled
  // schema explorer (assets under /graphql/explorer/, no internet needed); GETs accepting a
  // GraphQL media type are queries, exempt from Apollo's CSRF preflight rule (why: see
  // ops/graphql-http.ts); bare simple GETs stay refused.
  app.use('/graphql', graphqlHttpRoutes());

  app.use(
    '/graphql',
    express.json({ limit: LIMITS.maxBodyBytes }),
    (req, res, next) => {
      if (Array.isArray(req.body) && req.body.length > LIMITS.maxBatch) {
        res.status(400).json({
          errors: [
            {
              message: `A batch may hold at most ${LIMITS.maxBatch} operations`,
              extensions: {
                code: 'BAD_REQUEST',
                limit: LIMITS.maxBatch,
                messageZh: `批量请求最多 ${LIMITS.maxBatch} 个操作`,
              },
            },
          ],
        });
        return;
      }
      if (Array.isArray(req.body)) {
        const cost = batchCost(schema, req.body);
        if (cost > LIMITS.maxCost) {
          const { message, extensions } = tooComplex(cost, true);
          const { http: _http, ...rest } = extensions;
          res.status(400).json({ errors: [{ message, extensions: rest }] });
          return;
        }
      }
      next();
    },
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        // An unreachable database is answered 503 with Retry-After, not 500, also when it
        // fails here, before any resolver runs.
        const viewer = await services.auth.viewerFromToken(bearer(req)).catch((error: unknown) => {
          throw isDatabaseUnavailable(error) ? serviceUnavailable() : error;
        });
        return createContext({
          httpBatch: Array.isArray(req.body),
          requestId: String(req.id),
          logger: req.log,
          clientAddress: req.ip ?? 'unknown',
          viewer,
          config,
          ds,
          services,
        });
      },
    }),
  );

  // The clients, when built: the admin console (apps/admin) under /admin and the school portal
  // (apps/portal) under /portal. Static files, and index.html for their client-side routes
  // (/admin/schools/…), so each shares this origin with /graphql and /api. Resolved from this
  // file, which sits in src/ or dist/ alike. Hashed assets are cached for good; index.html
  // never, so a new build shows at the next load.
  {
    const { existsSync } = await import('node:fs');
    const { resolve, join } = await import('node:path');
    for (const client of ['admin', 'portal']) {
      const dist = resolve(import.meta.dirname, `../../${client}/dist`);
      if (!existsSync(join(dist, 'index.html'))) continue;
      const index = join(dist, 'index.html');
      app.use(`/${client}/assets`, express.static(join(dist, 'assets'), { immutable: true, maxAge: '1y' }));
      app.use(`/${client}`, express.static(dist, { index: false }));
      app.get(new RegExp(`^/${client}(/(?!assets/).*)?$`), (_req, res) => {
        res.setHeader('cache-control', 'no-cache');
        res.sendFile(index);
      });
    }
  }

  // Malformed or oversized bodies get a GraphQL-shaped error, not an HTML page.
  app.use(
    (error: { status?: number; type?: string }, req: Request, res: express.Response, next: express.NextFunction) => {
      // A route that met an outage before answering (export, import): 503 with Retry-After.
      if (isDatabaseUnavailable(error) && !res.headersSent) return sendErrors(res, req, [serviceUnavailable()]);
      if (!error?.status) return next(error);
      const tooLarge = error.type === 'entity.too.large';
      res.status(error.status).json({
        errors: [
          {
            message: tooLarge ? `Request body exceeds ${LIMITS.maxBodyBytes} bytes` : 'Malformed request body',
            extensions: { code: 'BAD_REQUEST', messageZh: tooLarge ? '请求体过大' : '请求体格式错误' },
          },
        ],
      });
    },
  );

  return {
    express: app,
    httpServer,
    metricsServer,
    ds,
    services,
    logger,
    listen: async () => {
      const listen = (server: http.Server, port: number) =>
        new Promise<number>((resolve, reject) => {
          server.once('error', reject);
          server.listen(port, config.host, () => {
            const address = server.address();
            resolve(typeof address === 'object' && address ? address.port : port);
          });
        });
      if (metricsServer) {
        const port = await listen(metricsServer, config.metrics.port!);
        logger.info({ port }, 'metrics listening on a port of their own');
      }
      return listen(httpServer, config.port);
    },
    close: async () => {
      await apollo.stop();
      if (metricsServer?.listening) await new Promise<void>((r) => metricsServer.close(() => r()));
      if (httpServer.listening) await new Promise<void>((r) => httpServer.close(() => r()));
      if (!options.ds && ds.isInitialized) await ds.destroy();
    },
  };
}

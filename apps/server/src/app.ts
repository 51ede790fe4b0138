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
import { formatError } from './common/format-error.js';
import { seedIfEmpty } from './db/seed/seed.js';

export interface App {
  express: Express;
  httpServer: http.Server;
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
  if (!options.ds && config.seedOnStart) await seedIfEmpty(ds, { scale: config.seedScale, logger });
  const services = createServices(ds, config);
  const schema = await createSchema();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  const httpServer = http.createServer(app);

  const apollo = new ApolloServer<Context>({
    schema,
    formatError: formatError(logger),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    csrfPrevention: true,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

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

  app.use(
    '/graphql',
    (req, res, next) => {
      const requestId = (typeof req.headers['x-request-id'] === 'string' && req.headers['x-request-id'].slice(0, 64)) || randomUUID();
      res.locals.requestId = requestId;
      res.setHeader('x-request-id', requestId);
      next();
    },
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const viewer = await services.auth.viewerFromToken(bearer(req));
        return createContext({
          requestId: res.locals.requestId as string,
          clientAddress: req.ip ?? 'unknown',
          viewer,
          config,
          ds,
          services,
        });
      },
    }),
  );

  return {
    express: app,
    httpServer,
    ds,
    services,
    logger,
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          const address = httpServer.address();
          resolve(typeof address === 'object' && address ? address.port : config.port);
        });
      }),
    close: async () => {
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((r) => httpServer.close(() => r()));
      if (!options.ds && ds.isInitialized) await ds.destroy();
    },
  };
}

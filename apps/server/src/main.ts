import 'reflect-metadata';
import { ConfigError, loadConfig } from './config.js';
import { createApp } from './app.js';

const startedAt = performance.now();
let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78); // EX_CONFIG
  }
  throw error;
}

const app = await createApp(config);
const port = await app.listen();
app.logger.info(
  { port, graphql: `http://localhost:${port}/graphql`, startupMs: Math.round(performance.now() - startedAt) },
  'Zhuji is listening',
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.logger.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}

import { pino, type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'zhuji-server' },
    // Personal data must never reach the logs, whatever a resolver logs.
    redact: ['req.headers.authorization', '*.password', '*.idNumber', '*.phone', '*.birthDate'],
  });
}
export type { Logger };

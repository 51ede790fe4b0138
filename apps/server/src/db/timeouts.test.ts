import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.js';
import { translateDatabaseError } from '../common/db-errors.js';

/** The server's PostgreSQL connections carry the configured session timeouts (config.ts). */
describe('database session timeouts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { DB_STATEMENT_TIMEOUT_MS: '300', DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '2000' } });
  });
  afterAll(() => t.close());

  it('sets statement_timeout and idle_in_transaction_session_timeout on every connection', async () => {
    expect((await t.ds.query('SHOW statement_timeout'))[0].statement_timeout).toBe('300ms');
    expect((await t.ds.query('SHOW idle_in_transaction_session_timeout'))[0].idle_in_transaction_session_timeout).toBe(
      '2s',
    );
  });

  it('cuts a runaway statement, which the client is told as SERVICE_UNAVAILABLE, not an internal error', async () => {
    const error = await t.ds.query('SELECT pg_sleep(2)').catch((e: unknown) => e);
    expect((error as { code?: string }).code ?? (error as { driverError?: { code?: string } }).driverError?.code).toBe(
      '57014',
    );
    expect(translateDatabaseError(error, t.ds.entityMetadatas)?.extensions.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('defaults to 30 s and 60 s', async () => {
    const d = await startTestApp();
    try {
      expect(d.config.db).toEqual({ statementTimeoutMs: 30_000, idleInTransactionTimeoutMs: 60_000 });
      expect((await d.ds.query('SHOW statement_timeout'))[0].statement_timeout).toBe('30s');
    } finally {
      await d.close();
    }
  });
});

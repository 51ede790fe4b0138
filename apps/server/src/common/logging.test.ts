import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.js';
import { cityAdminToken } from '../test/fixtures.js';

describe('logs and request ids', () => {
  let t: TestApp;
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });

  beforeAll(async () => {
    t = await startTestApp({ logger: pino({ level: 'info' }, sink) });
  });
  afterAll(() => t.close());

  it('answers an unexpected failure with a masked error whose request id finds the full log line', async () => {
    const token = await cityAdminToken(t);
    // Break the database under the server: the next audit query fails in SQL.
    await t.ds.query('ALTER TABLE audit_entry RENAME TO audit_entry_gone');
    const r = await t.gql('{ auditEntries(first: 1) { totalCount } }', {}, token);
    await t.ds.query('ALTER TABLE audit_entry_gone RENAME TO audit_entry');
    const error = r.errors![0]!;
    expect(error.message).toBe('Internal server error');
    // A real bug, with no data to send, is the one error answered 5xx.
    expect(r.status).toBe(500);
    expect(JSON.stringify(r)).not.toMatch(/audit_entry|relation|SELECT/);
    const requestId = error.extensions!.requestId as string;
    const logged = lines.find((l) => l.msg === 'unexpected error');
    expect(logged).toMatchObject({ reqId: requestId });
    expect(JSON.stringify(logged)).toMatch(/audit_entry/);
    expect(lines.some((l) => l.reqId === requestId && l.msg === 'request errored')).toBe(true);
  });

  it('keeps a well-formed x-request-id from the caller and replaces a bad one', async () => {
    const ok = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'abc-123' },
      body: '{"query":"{ __typename }"}',
    });
    expect(ok.headers.get('x-request-id')).toBe('abc-123');
    const bad = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'no spaces <allowed>' },
      body: '{"query":"{ __typename }"}',
    });
    expect(bad.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

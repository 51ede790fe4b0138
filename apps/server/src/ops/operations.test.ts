import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.js';

describe('operations: metrics, explorer', () => {
  let t: TestApp;
  let origin: string;

  beforeAll(async () => {
    t = await startTestApp();
    origin = t.url.replace(/\/graphql$/, '');
  });
  afterAll(() => t.close());

  const metrics = async () => {
    const res = await fetch(`${origin}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text();
  };
  const sample = (text: string, series: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line === undefined ? undefined : Number(line.slice(series.length + 1));
  };

  it('exposes process, GraphQL and database metrics in the Prometheus text format', async () => {
    await t.gql('query Districts { districts(first: 1) { totalCount } }');
    await t.gql('query Districts { districts(first: 1) { totalCount } }');
    await t.gql('query Broken { nope }');
    await t.gql('query Big { districts(first: 1000) { totalCount } }');
    const text = await metrics();
    expect(text).toContain('zhuji_process_cpu_seconds_total');
    expect(text).toContain('zhuji_nodejs_heap_size_used_bytes');
    expect(sample(text, 'zhuji_graphql_requests_total{operation="Districts",outcome="success"}')).toBe(2);
    expect(sample(text, 'zhuji_graphql_requests_total{operation="Big",outcome="error"}')).toBe(1);
    expect(sample(text, 'zhuji_graphql_requests_total{operation="Broken",outcome="error"}')).toBe(1);
    expect(sample(text, 'zhuji_graphql_request_duration_seconds_count{operation="Districts"}')).toBe(2);
    expect(sample(text, 'zhuji_graphql_errors_total{code="BAD_USER_INPUT"}')).toBe(1);
    expect(sample(text, 'zhuji_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
    expect(sample(text, 'zhuji_db_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'zhuji_db_pool_connections{state="waiting"}')).toBe(0);
    expect(text).toMatch(/zhuji_http_requests_total\{method="POST",route="graphql",status="200"\} \d+/);
  });

  it('keeps each app its own registry', async () => {
    const other = await startTestApp();
    try {
      const res = await fetch(`${other.url.replace(/\/graphql$/, '')}/metrics`);
      expect(await res.text()).not.toContain('operation="Districts"');
    } finally {
      await other.close();
    }
  });

  it('serves the bundled explorer to browsers, with every asset from this server', async () => {
    const res = await fetch(t.url, {
      headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('GraphiQL');
    expect(html).not.toMatch(/https?:\/\//);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets).toHaveLength(4);
    for (const asset of assets) {
      expect(asset.startsWith('/graphql/explorer/')).toBe(true);
      const a = await fetch(`${origin}${asset}`);
      expect(a.status, asset).toBe(200);
      expect((await a.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  });

  it('answers GET queries (no preflight header needed) and refuses mutations over GET', async () => {
    const q = await fetch(`${t.url}?query=${encodeURIComponent('{ districts(first: 1) { totalCount } }')}`, {
      headers: { accept: 'application/graphql-response+json' },
    });
    expect(q.status).toBe(200);
    expect(q.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(((await q.json()) as any).data.districts.totalCount).toBeTypeOf('number');
    const m = await fetch(`${t.url}?query=${encodeURIComponent('mutation { logout }')}`, {
      headers: { accept: 'application/graphql-response+json' },
    });
    expect(m.status).toBe(405);
  });
});

describe('graceful shutdown', () => {
  it('finishes in-flight requests, then refuses new connections', async () => {
    const t = await startTestApp();
    const origin = t.url.replace(/\/graphql$/, '');
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    t.app.express.get('/test-slow', (_req, res) => {
      started();
      setTimeout(() => res.json({ done: true }), 400);
    });
    const slow = fetch(`${origin}/test-slow`);
    await running;
    const closing = t.app.close();
    const res = await slow;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ done: true });
    await closing;
    await expect(fetch(`${origin}/healthz`)).rejects.toThrow();
    await t.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.js';

describe('operations: metrics, explorer, security headers', () => {
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
    expect(assets).toHaveLength(5);
    for (const asset of assets) {
      expect(asset.startsWith('/graphql/explorer/')).toBe(true);
      const a = await fetch(`${origin}${asset}`);
      expect(a.status, asset).toBe(200);
      expect((await a.arrayBuffer()).byteLength).toBeGreaterThan(500);
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

  const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

  // The consoles' pages exist only once built (the admin e2e suite checks them, built, in
  // Chromium: security.e2e.test.ts); helmet runs before every route, so what holds for these
  // holds for them.
  it.each([
    '/graphql',
    '/graphql/explorer/start.js',
    '/graphql/explorer/graphiql.min.js',
    '/api/import/templates/schools.csv',
  ])('sends CSP, frame-ancestors none, nosniff and no-referrer on %s', async (path) => {
    const res = await fetch(`${origin}${path}`, { headers: html });
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    // TLS and HSTS belong to the bureau's proxy (see http/security-headers.ts).
    expect(res.headers.get('strict-transport-security')).toBeNull();
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  it('serves the explorer with no inline script, so the CSP need not allow one', async () => {
    const page = await (await fetch(t.url, { headers: html })).text();
    const scripts = [...page.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/src="\/graphql\/explorer\//);
      expect(body!.trim()).toBe('');
    }
  });
});

describe('who may read /metrics', () => {
  const scrape = (origin: string, token?: string) =>
    fetch(`${origin}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const originOf = (t: TestApp) => t.url.replace(/\/graphql$/, '');

  it('wants METRICS_TOKEN as a bearer token when it is set', async () => {
    const token = 'metrics-token-of-at-least-24-chars';
    const t = await startTestApp({ env: { METRICS_TOKEN: token } });
    try {
      const none = await scrape(originOf(t));
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await none.text()).not.toContain('zhuji_');
      expect((await scrape(originOf(t), `${token}x`)).status).toBe(401);
      expect((await scrape(originOf(t), token.slice(0, -1))).status).toBe(401);
      // A user's session token is not a metrics token.
      expect((await scrape(originOf(t), 'eyJhbGciOiJIUzI1NiJ9.e30.x')).status).toBe(401);
      const ok = await scrape(originOf(t), token);
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('zhuji_http_requests_total');
    } finally {
      await t.close();
    }
  });

  it('serves /metrics only on METRICS_PORT when that is set', async () => {
    const t = await startTestApp({ env: { METRICS_PORT: '0' } });
    try {
      expect((await scrape(originOf(t))).status).toBe(404);
      const address = t.app.metricsServer!.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const res = await scrape(`http://127.0.0.1:${port}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('zhuji_process_cpu_seconds_total');
      // The metrics port serves nothing else.
      expect((await fetch(`http://127.0.0.1:${port}/graphql`)).status).toBe(404);
    } finally {
      await t.close();
    }
  });

  it('refuses /metrics in production when neither is set', async () => {
    const t = await startTestApp({ env: { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) } });
    try {
      const res = await scrape(originOf(t));
      expect(res.status).toBe(403);
      expect(await res.text()).toMatch(/METRICS_TOKEN or METRICS_PORT/);
    } finally {
      await t.close();
    }
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

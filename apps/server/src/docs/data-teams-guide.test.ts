import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.js';

/**
 * Runs every ```graphql example of docs/DATA-TEAMS.md against the small demo seed as the
 * demo analyst: each must answer without errors and with data, so the guide never goes
 * stale. A `# variables: {...}` comment gives variables; `"$town:<search>"` stands for the id
 * of the first town the search finds (ids differ per database).
 */
const GUIDE = path.resolve(import.meta.dirname, '../../../../docs/DATA-TEAMS.md');
const examples = [...readFileSync(GUIDE, 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);

const nameOf = (query: string, index: number) =>
  /(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? `example ${index + 1}`;

/** true when some list or value in `data` is non-empty */
function hasContent(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0 && value.some(hasContent);
  if (typeof value === 'object') return Object.values(value).some(hasContent);
  return true;
}

describe('docs/DATA-TEAMS.md examples', () => {
  let t: TestApp;
  let analyst: string;

  beforeAll(async () => {
    // The guide's examples name fixed days and years (period "2026", deadlines in 2027): seed
    // the demo for the day they were written against, not for whatever day the suite runs.
    t = await startTestApp({ seed: 'small', env: { ZHUJI_TODAY: '2026-12-03' } });
    analyst = await t.login('demo-analyst');
  });
  afterAll(() => t.close());

  it('has the examples the guide promises', () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
  });

  async function resolveVariables(query: string): Promise<Record<string, unknown>> {
    const line = /^# variables: (.*)$/m.exec(query)?.[1];
    if (!line) return {};
    const variables = JSON.parse(line) as Record<string, unknown>;
    for (const [key, value] of Object.entries(variables)) {
      const ref = typeof value === 'string' ? /^\$town:(.+)$/.exec(value) : null;
      if (!ref) continue;
      const r = await t.gql<{ towns: { nodes: { id: string }[] } }>(
        'query($s: String!) { towns(first: 1, filter: { search: $s }) { nodes { id } } }',
        { s: ref[1] },
        analyst,
      );
      const id = r.data?.towns.nodes[0]?.id;
      if (!id) throw new Error(`no town matches ${ref[1]}`);
      variables[key] = id;
    }
    return variables;
  }

  it.each(examples.map((q, i) => [nameOf(q, i), q] as const))('%s runs on the demo data', async (_name, query) => {
    const r = await t.gql(query, await resolveVariables(query), analyst);
    expect(r.errors).toBeUndefined();
    expect(r.status).toBe(200);
    expect(hasContent(r.data)).toBe(true);
    // Every root answers something: a non-empty list or connection (nodes), not zero rows.
    for (const root of Object.values(r.data ?? {})) {
      const rows = Array.isArray(root) ? root : (root as { nodes?: unknown[] } | null)?.nodes;
      if (rows !== undefined) expect(rows.length).toBeGreaterThan(0);
      expect(hasContent(root)).toBe(true);
    }
  });
});

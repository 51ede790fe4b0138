import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../harness.js';
import { cityAdminToken } from '../fixtures.js';
import { fuzzCases, introspect, printOutcome, runFuzz, sample, worldIds, type FuzzCase } from './fuzz.js';

/**
 * Hostile values in every argument of every root query and mutation (fuzz.ts). `npm test`
 * runs a deterministic sample; `npm run fuzz --workspace @zhuji/server` runs every case
 * (FUZZ_FULL=1) and prints the counts.
 */
const FULL = process.env.FUZZ_FULL === '1';
const SAMPLE = Number(process.env.FUZZ_SAMPLE ?? 150);

describe('fuzz: hostile values in every argument', () => {
  let t: TestApp;
  let token: string;
  let cases: FuzzCase[];

  beforeAll(async () => {
    t = await startTestApp({ seed: 'small' });
    token = await cityAdminToken(t, 'fuzz-city');
    cases = fuzzCases(await introspect(t, token), await worldIds(t, token));
  }, 120_000);
  afterAll(() => t?.close());

  it(
    FULL ? 'runs every case' : `runs a deterministic sample of ${SAMPLE} cases`,
    async () => {
      expect(cases.length).toBeGreaterThan(2_000);
      const chosen = FULL ? cases : sample(cases, SAMPLE);
      let n = 0;
      const outcome = await runFuzz(t, () => cityAdminToken(t, `fuzz-city-${++n}`), chosen);
      printOutcome(outcome, FULL ? 'full' : 'sample');
      expect(outcome.failures).toEqual([]);
      expect(outcome.serverErrors).toBe(0);
      expect(outcome.internalErrors).toBe(0);
      expect(outcome.partialWrites).toBe(0);
    },
    FULL ? 3_600_000 : 120_000,
  );
});

import { defineConfig } from 'vitest/config';
import e2e from './vitest.e2e.config.ts';

/**
 * One e2e file again, on the embedded database `npm start` gives a newcomer (no
 * DATABASE_URL): the rest of the e2e suite runs on PostgreSQL only, and enum arrays once
 * worked there and failed here. (Spread, not mergeConfig, which would add to `include`.)
 */
export default defineConfig({
  ...e2e,
  test: {
    ...e2e.test,
    name: 'portal-embedded',
    include: ['e2e/portal.e2e.test.ts'],
    env: { ZHUJI_E2E_DATABASE: 'embedded' },
  },
});

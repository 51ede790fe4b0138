import { defineConfig } from 'vitest/config';

/** The end-to-end test: headless Chromium on the built portal, served by the built server. */
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    name: 'portal',
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['../../packages/testing/src/global-setup.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    // A shared CI machine can take seconds to answer a page's query: polls wait for what a
    // user would wait for instead of vitest's one-second default.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});

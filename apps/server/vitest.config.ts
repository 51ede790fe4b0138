import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql must load once, or "Cannot use GraphQLSchema from another module or realm".
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['./src/test/global-setup.ts'],
    // One process per file: PGlite allows one instance per process, and each file gets
    // its own database cloned from the migrated template.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

import type { CodegenConfig } from '@graphql-codegen/cli';
import { clientPreset } from '../../packages/graphql/codegen.shared.ts';

/**
 * Types for every operation and fragment in src/, generated from the committed contract
 * (packages/graphql/schema.graphql) into src/gql/ (gitignored), configured as both clients
 * are (packages/graphql/codegen.shared.ts). turbo runs `codegen` before build, typecheck,
 * lint and test, so a schema change that breaks the portal fails its typecheck.
 */
const config: CodegenConfig = {
  schema: '../../packages/graphql/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: { './src/gql/': clientPreset },
};

export default config;

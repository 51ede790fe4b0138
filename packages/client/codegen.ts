import type { CodegenConfig } from '@graphql-codegen/cli';
import { clientPreset } from '../graphql/codegen.shared.ts';

/** Types for the shared components' own operations (sign-in, the viewer's scope). */
const config: CodegenConfig = {
  schema: '../graphql/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: { './src/gql/': clientPreset },
};

export default config;

import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types for every operation and fragment in src/, generated from the committed contract
 * (packages/graphql/schema.graphql) into src/gql/ (gitignored). turbo runs `codegen`
 * before build, typecheck, lint and test, so a schema change that breaks the console fails
 * its typecheck.
 */
const config: CodegenConfig = {
  schema: '../../packages/graphql/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: { unmaskFunctionName: 'getFragmentData' } },
      config: {
        // Runtime objects, so selects can list an enum's values from the schema.
        enumType: 'const',
        useTypeImports: true,
        strictScalars: true,
        scalars: {
          DateTimeISO: 'string',
          LocalDate: 'string',
          Date: 'string',
          JSONObject: 'Record<string, unknown>',
        },
      },
    },
  },
};

export default config;

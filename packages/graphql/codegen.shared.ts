import type { Types } from '@graphql-codegen/plugin-helpers';

/**
 * The one place the clients' generated types are configured (apps/admin, apps/portal and
 * packages/client each generate into their own src/gql/ from schema.graphql with this).
 * Enums are `const` objects with string-literal types, so an enum value from one client's
 * generated file is assignable to another's: shared components and both apps agree on
 * SchoolStage, Role, … without importing each other's generated code. Scalars are mapped
 * here once, strictly: a new scalar fails codegen until it is mapped.
 */
export const clientPreset: Types.ConfiguredOutput = {
  preset: 'client',
  presetConfig: { fragmentMasking: { unmaskFunctionName: 'getFragmentData' } },
  config: {
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
};

// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/src/gql/**', '**/.data/**', '**/coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      // type-graphql and TypeORM need classes that are only referenced through decorators.
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  // One programme clock (apps/server/src/common/clock.ts): "now" and "today in Jinan" come
  // from it, never from the system clock or PostgreSQL's CURRENT_DATE, so ZHUJI_TODAY and
  // tests can move the day and a browser elsewhere agrees with the server's checks.
  // The clients' rule code takes today from the server's `today` field.
  {
    files: ['apps/server/src/**/*.ts', 'packages/client/src/**/*.{ts,tsx}', 'apps/*/src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', 'apps/server/src/test/**', 'apps/server/src/db/seed/cli.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Read the programme clock (config.clock.now(), or the server\'s `today` in clients), not the system clock.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Read the programme clock (config.clock.now()), not Date.now(); for durations use performance.now().',
        },
        // Timestamps (created_at, updated_at) may keep the database's now(); a day may not.
        {
          selector: 'Literal[value=/CURRENT_DATE/i]',
          message: 'A business day comes from the programme clock, passed as a parameter, not from SQL CURRENT_DATE.',
        },
        {
          selector: 'TemplateElement[value.raw=/CURRENT_DATE/i]',
          message: 'A business day comes from the programme clock, passed as a parameter, not from SQL CURRENT_DATE.',
        },
      ],
    },
  },
  // The React clients: browser globals and the rules of hooks.
  {
    files: ['apps/admin/src/**/*.{ts,tsx}', 'apps/portal/src/**/*.{ts,tsx}', 'packages/client/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);

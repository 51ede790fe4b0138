import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The server workspace pins react 18 at the repository root (its GraphiQL page); the console
// uses react 19 from its own node_modules. Point every import of react at the console's copy
// and inline the libraries that import it, so the tests render with one React, as the
// bundle does (vite.config.ts dedupes).
const own = (name: string) => fileURLToPath(new URL(`./node_modules/${name}`, import.meta.url));

export default defineConfig({
  resolve: {
    // antd and rc components ship ES modules under "module": take those, so the aliases apply.
    mainFields: ['module', 'main'],
    alias: [
      { find: /^graphql$/, replacement: 'graphql/index.js' },
      { find: /^react$/, replacement: own('react/index.js') },
      { find: /^react\/(.*)$/, replacement: `${own('react')}/$1` },
      { find: /^react-dom$/, replacement: own('react-dom/index.js') },
      { find: /^react-dom\/(.*)$/, replacement: `${own('react-dom')}/$1` },
      // react-i18next's shim is CommonJS (it would require the root's react); React 19 has the hook.
      { find: /^use-sync-external-store\/shim(\/index\.js)?$/, replacement: own('react/index.js') },
    ],
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    server: {
      deps: { inline: [/antd/, /@ant-design/, /@rc-component/, /rc-/, /react-i18next/, /@apollo\/client/] },
    },
  },
});

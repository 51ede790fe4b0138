import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // antd and rc components ship ES modules under "module".
    mainFields: ['module', 'main'],
    // graphql must load once (STACK.md).
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    server: {
      deps: {
        inline: [/antd/, /@ant-design/, /@rc-component/, /rc-/, /react-i18next/, /@apollo\/client/, /@zhuji\/client/],
      },
    },
  },
});

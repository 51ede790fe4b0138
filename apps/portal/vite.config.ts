import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const api = process.env.ZHUJI_API ?? 'http://localhost:4000';

export default defineConfig({
  // Served by the server under /portal/ (apps/server/src/app.ts), same origin as /graphql.
  base: '/portal/',
  plugins: [react()],
  resolve: {
    // graphql must load once (STACK.md). React 19 is at the root (the server keeps its own
    // React 18 for the GraphiQL page in apps/server/node_modules); dedupe guards the bundle.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
    dedupe: ['react', 'react-dom'],
  },
  server: {
    port: 5174,
    proxy: { '/graphql': api, '/api': api },
  },
  build: {
    chunkSizeWarningLimit: 1200,
  },
});

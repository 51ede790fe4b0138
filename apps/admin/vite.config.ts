import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const api = process.env.ZHUJI_API ?? 'http://localhost:4000';

export default defineConfig({
  // Served by the server under /admin/ (apps/server/src/app.ts), same origin as /graphql.
  base: '/admin/',
  plugins: [react()],
  resolve: {
    // graphql must load once (STACK.md); react is deduped because the server workspace
    // pins react 18 at the root for its GraphiQL page while the console uses react 19.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
    dedupe: ['react', 'react-dom'],
  },
  server: {
    proxy: { '/graphql': api, '/api': api },
  },
  build: {
    chunkSizeWarningLimit: 1200,
  },
});

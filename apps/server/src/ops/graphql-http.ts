import { createRequire } from 'node:module';
import path from 'node:path';
import { Router, type Request } from 'express';

/**
 * What /graphql does before Apollo sees a request (GraphQL over HTTP and the explorer):
 *
 * - `GET /graphql` from a browser (its Accept prefers text/html over the GraphQL media
 *   types) answers the schema explorer: GraphiQL 3 with React 18, served by this server from
 *   node_modules under `/graphql/explorer/`, so it works with no internet access.
 * - GETs that accept a GraphQL media type are queries (mutations over GET: 405 from Apollo).
 */
const require = createRequire(import.meta.url);
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

/** the explorer's assets: URL name → file in node_modules */
const ASSETS: Record<string, string> = {
  'react.production.min.js': path.join(packageDir('react'), 'umd/react.production.min.js'),
  'react-dom.production.min.js': path.join(packageDir('react-dom'), 'umd/react-dom.production.min.js'),
  'graphiql.min.js': path.join(packageDir('graphiql'), 'graphiql.min.js'),
  'graphiql.min.css': path.join(packageDir('graphiql'), 'graphiql.min.css'),
};

const DEFAULT_QUERY = `# 筑基 GraphQL：先登录，把 token 填进下方 Headers，例如 {"Authorization": "Bearer <token>"}
# Sign in first, then put the token in Headers below: {"Authorization": "Bearer <token>"}
#
# mutation { login(username: "demo-analyst", password: "zhuji-demo") { token } }

{
  districts(first: 20) {
    totalCount
    nodes { name kind }
  }
}
`;

/**
 * The explorer's start-up script, served as a file of its own: the Content-Security-Policy
 * (http/security-headers.ts) allows scripts from this origin only, never inline ones.
 */
export function explorerScript(): string {
  const config = JSON.stringify({ defaultQuery: DEFAULT_QUERY });
  return `const config = ${config};
const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultQuery: config.defaultQuery,
    defaultHeaders: '{"Authorization": "Bearer "}',
    shouldPersistHeaders: true,
    isHeadersEditorEnabled: true,
  }),
);
`;
}

/** The explorer page: every asset URL is relative to this server (no CDN), no inline script. */
export function explorerHtml(): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>筑基 GraphQL 浏览器 / Zhuji GraphQL explorer</title>
<link rel="stylesheet" href="/graphql/explorer/graphiql.min.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">正在加载 GraphiQL… / Loading GraphiQL…</div>
<script src="/graphql/explorer/react.production.min.js"></script>
<script src="/graphql/explorer/react-dom.production.min.js"></script>
<script src="/graphql/explorer/graphiql.min.js"></script>
<script src="/graphql/explorer/start.js"></script>
</body>
</html>
`;
}

/** A browser asking for a page, not a client asking for a GraphQL response. */
function wantsHtml(req: Request): boolean {
  return req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html';
}

export function graphqlHttpRoutes(): Router {
  const router = Router();
  const html = explorerHtml();
  const script = explorerScript();

  for (const [name, file] of Object.entries(ASSETS)) {
    router.get(`/explorer/${name}`, (_req, res) => {
      res.sendFile(file, { maxAge: '1d', immutable: false });
    });
  }

  router.get('/explorer/start.js', (_req, res) => {
    res.type('text/javascript').setHeader('cache-control', 'no-cache');
    res.send(script);
  });

  router.get('/', (req, res, next) => {
    if (wantsHtml(req)) {
      res.type('html').setHeader('cache-control', 'no-cache');
      res.send(html);
      return;
    }
    // GraphQL over HTTP: a GET query is a plain request with no body. Apollo's CSRF
    // prevention refuses such "simple" requests unless they carry a preflight header. We
    // waive that for GETs that explicitly accept a GraphQL response (Accept names
    // application/graphql-response+json or application/json), as GraphQL-over-HTTP clients
    // and the spec's audit send them; other simple GETs (an <img>, a bare link) stay refused.
    // Safe because the server has no ambient credential (no cookies; the token travels in
    // Authorization, which a cross-site page cannot add without a CORS preflight), so a
    // forged GET runs as anonymous, and Apollo refuses mutations over GET regardless.
    if (/application\/(graphql-response\+)?json/i.test(req.headers.accept ?? '')) {
      req.headers['apollo-require-preflight'] = 'graphql-over-http-get';
    }
    next();
  });

  return router;
}

#!/usr/bin/env node
/**
 * Gzip sizes of a built client's chunks, per route: what the first load costs (the entry and
 * everything it imports statically), then what each lazily loaded screen adds on top.
 * Works for any Vite app in this repo: node packages/testing/src/bundle-sizes.mjs apps/portal [apps/admin …]
 * Routes are named from src/app/router.tsx (`path: '…'` / `index: true` beside its `import('…/Page')`).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '../../..');
const apps = process.argv.slice(2);
if (apps.length === 0) {
  console.error('usage: bundle-sizes.mjs <app dir> [more app dirs]   e.g. apps/portal apps/admin');
  process.exit(2);
}

const kb = (n) => `${(n / 1024).toFixed(1).padStart(7)} kB`;

function report(appDir) {
  const dir = resolve(ROOT, appDir);
  const dist = join(dir, 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${appDir}/dist is missing: build it first`);
  const assets = join(dist, 'assets');
  const files = readdirSync(assets);
  const text = new Map(files.map((f) => [f, readFileSync(join(assets, f))]));
  const gz = new Map([...text].map(([f, buf]) => [f, gzipSync(buf, { level: 9 }).length]));

  const staticImports = (file) =>
    [...text.get(file).toString().matchAll(/(?:import|export)\s*(?:[\w${},*\s]+from\s*)?["'`]\.\/([^"'`]+\.js)["'`]/g)].map(
      (m) => m[1],
    );
  const dynamicImports = (file) =>
    [...text.get(file).toString().matchAll(/import\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)/g)].map((m) => m[1]);
  const closure = (start, seen = new Set()) => {
    for (const f of start) {
      if (seen.has(f) || !text.has(f)) continue;
      seen.add(f);
      closure(staticImports(f), seen);
    }
    return seen;
  };

  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entryFiles = [...html.matchAll(/(?:src|href)="[^"]*\/assets\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const initial = closure(entryFiles);
  for (const f of entryFiles) if (f.endsWith('.css')) initial.add(f);
  const size = (set) => [...set].reduce((sum, f) => sum + (gz.get(f) ?? 0), 0);

  // Lazy chunks: everything any chunk imports dynamically.
  const lazy = new Set();
  for (const f of files) if (f.endsWith('.js')) for (const d of dynamicImports(f)) lazy.add(d);

  // Route names from the router's lazy imports.
  const routes = new Map();
  const routerFile = join(dir, 'src/app/router.tsx');
  if (existsSync(routerFile)) {
    const source = readFileSync(routerFile, 'utf8');
    for (const m of source.matchAll(/(?:path:\s*'([^']*)'|index:\s*true)[\s\S]*?import\('([^']+)'\)\)/g)) {
      const path = m[1] === undefined ? '/' : m[1].startsWith('/') ? m[1] : `/${m[1]}`;
      // the chunk is named after the imported module (…/HomePage, @zhuji/client/ui)
      const name = basename(m[2]);
      routes.set(name, [...(routes.get(name) ?? []), path]);
    }
  }

  console.log(`\n${appDir}: gzip sizes (level 9)`);
  console.log(`${kb(size(initial))}  first load (entry + static imports: ${initial.size} files)`);
  const rows = [];
  for (const chunk of lazy) {
    const extra = new Set([...closure([chunk])].filter((f) => !initial.has(f)));
    const name = basename(chunk).replace(/-[\w-]{8}\.js$/, '');
    rows.push({ name, routes: routes.get(name) ?? [], extra: size(extra), own: gz.get(chunk) ?? 0, files: extra.size });
  }
  rows.sort((a, b) => (a.routes[0] ?? '~' + a.name).localeCompare(b.routes[0] ?? '~' + b.name));
  console.log(`${'route'.padEnd(28)} ${'chunk'.padEnd(24)} ${'adds'.padStart(10)} ${'own'.padStart(10)}  files`);
  for (const r of rows) {
    console.log(
      `${(r.routes.join(' ') || '(shared)').padEnd(28)} ${r.name.padEnd(24)} ${kb(r.extra)} ${kb(r.own)}  ${r.files}`,
    );
  }
  const total = [...gz.values()].reduce((a, b) => a + b, 0);
  console.log(`${kb(total)}  all assets (${files.length} files)`);
}

for (const app of apps) report(app);

/**
 * The hostile requests of issue 13, measured: for each, the HTTP status and error code, the
 * wall time, the server's CPU time and its peak RSS above idle (sampled every 5 ms):
 *   npm run bench:hostile --workspace @zhuji/server
 *   BENCH_SERVER_ROOT=/tmp/before/apps/server npm run bench:hostile --workspace @zhuji/server
 * The second form runs an older checkout's server (extract one with
 * `git archive <commit> | tar -x -C /tmp/before` and link node_modules) to measure
 * "before"; this script copies bench/hostile-server.ts into it. A request still running
 * after BENCH_TIMEOUT_S (60) is reported as such and its server killed; BENCH_ONLY=<text>
 * runs only the cases whose name holds it. Uses
 * TEST_DATABASE_URL (or the local trust-auth server) for `zhuji_bench_hostile`, seeded
 * once at the small scale.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeflateRaw, crc32 } from 'node:zlib';
import pg from 'pg';
import { SCHOOL_COLUMNS } from '../src/modules/import/import.columns.js';

const ROOT = process.env.BENCH_SERVER_ROOT ?? join(import.meta.dirname, '..');
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_S ?? 60) * 1000;
const DB = 'zhuji_bench_hostile';
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbUrl = new URL(adminUrl);
dbUrl.pathname = `/${DB}`;
const MB = 1024 * 1024;

interface Server {
  child: ChildProcess;
  base: string;
  token: string;
  ask<T>(type: string): Promise<T>;
}

async function startServer(): Promise<Server> {
  const script = join(ROOT, 'bench', 'hostile-server.ts');
  if (!existsSync(script)) copyFileSync(join(import.meta.dirname, 'hostile-server.ts'), script);
  const child = fork(script, {
    cwd: ROOT,
    execArgv: ['--import', '@oxc-node/core/register', '--expose-gc'],
    env: { ...process.env, DATABASE_URL: dbUrl.toString(), NODE_ENV: 'test', ZHUJI_TODAY: '2026-11-18' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const [ready] = (await once(child, 'message')) as [{ port: number; token: string }];
  return {
    child,
    base: `http://127.0.0.1:${ready.port}`,
    token: ready.token,
    async ask<T>(type: string) {
      const reply = once(child, 'message');
      child.send({ type });
      return (await reply)[0] as T;
    },
  };
}

/** A zip archive with `entries`, each a generator of chunks, deflated as they are made. */
async function zip(path: string, entries: { name: string; chunks: () => Iterable<Buffer> }[]): Promise<number> {
  const out = createWriteStream(path);
  let offset = 0;
  const write = async (b: Buffer) => {
    offset += b.length;
    if (!out.write(b)) await once(out, 'drain');
  };
  const central: Buffer[] = [];
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const start = offset;
    // sizes and CRC follow the data (bit 3), as streaming writers do
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0008, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(name.length, 26);
    await write(local);
    await write(name);
    let crc = 0;
    let size = 0;
    let compressed = 0;
    const deflate = createDeflateRaw({ level: 9 });
    const drained = (async () => {
      for await (const c of deflate as AsyncIterable<Buffer>) {
        compressed += c.length;
        await write(c);
      }
    })();
    for (const chunk of entry.chunks()) {
      crc = crc32(chunk, crc);
      size += chunk.length;
      if (!deflate.write(chunk)) await once(deflate, 'drain');
    }
    deflate.end();
    await drained;
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc >>> 0, 4);
    descriptor.writeUInt32LE(compressed >>> 0, 8);
    descriptor.writeUInt32LE(size >>> 0, 12);
    await write(descriptor);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0008, 8);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(crc >>> 0, 16);
    cd.writeUInt32LE(compressed >>> 0, 20);
    cd.writeUInt32LE(size >>> 0, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(start, 42);
    central.push(cd, name);
  }
  const cdStart = offset;
  for (const b of central) await write(b);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(offset - cdStart, 12);
  end.writeUInt32LE(cdStart, 16);
  await write(end);
  out.end();
  await once(out, 'close');
  return offset;
}

const XLSX_FRAME = [
  {
    name: '[Content_Types].xml',
    text: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
  },
  {
    name: '_rels/.rels',
    text: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  },
  {
    name: 'xl/workbook.xml',
    text: '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="导入" sheetId="1" r:id="rId1"/></sheets></workbook>',
  },
  {
    name: 'xl/_rels/workbook.xml.rels',
    text: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
  },
];
const text = (s: string) => () => [Buffer.from(s)];

function* repeat(head: string, body: (i: number) => string, tail: string, bytes: number): Iterable<Buffer> {
  yield Buffer.from(head);
  let size = 0;
  for (let i = 0; size < bytes; i += 1000) {
    let chunk = '';
    for (let j = i; j < i + 1000; j++) chunk += body(j);
    size += chunk.length;
    yield Buffer.from(chunk);
  }
  yield Buffer.from(tail);
}

/** A workbook whose one sheet inflates to `mb` megabytes of rows (the 10.6 MB → 3.7 GB bomb, scaled). */
async function inflatingXlsx(path: string, mb: number): Promise<number> {
  const heading = SCHOOL_COLUMNS.map(
    (c, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${c.zh}</t></is></c>`,
  ).join('');
  const sheet = () =>
    repeat(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${heading}</row>`,
      // the template's headings, then one blank row repeated, number and all: exceljs reads
      // every copy, blank rows skipped the row cap, and it deflates about 1000:1
      () => '<row r="2"><c r="A2"/></row>',
      '</sheetData></worksheet>',
      mb * MB,
    );
  return zip(path, [
    ...XLSX_FRAME.map((e) => ({ name: e.name, chunks: text(e.text) })),
    {
      name: 'xl/sharedStrings.xml',
      chunks: text(
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>',
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', chunks: sheet },
  ]);
}

/** A workbook whose shared strings inflate to `mb` megabytes of distinct strings. */
async function sharedStringsXlsx(path: string, mb: number): Promise<number> {
  const filler = 'x'.repeat(200);
  return zip(path, [
    ...XLSX_FRAME.map((e) => ({ name: e.name, chunks: text(e.text) })),
    {
      name: 'xl/sharedStrings.xml',
      chunks: () =>
        repeat(
          '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
          (i) => `<si><t>${i}${filler}</t></si>`,
          '</sst>',
          mb * MB,
        ),
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      chunks: text(
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>',
      ),
    },
  ]);
}

interface Result {
  name: string;
  status: string;
  code: string;
  wallMs: number;
  cpuMs: number;
  peakAboveIdleMb: number;
}

const ONLY = process.env.BENCH_ONLY;

async function measure(name: string, send: (s: Server) => Promise<{ status: number; body: string }>): Promise<Result> {
  if (ONLY && !name.includes(ONLY))
    return { name, status: 'skipped', code: '', wallMs: 0, cpuMs: 0, peakAboveIdleMb: 0 };
  const server = await startServer();
  try {
    const idle = await server.ask<{ rss: number }>('reset');
    const before = await server.ask<{ cpuMs: number }>('read');
    const start = performance.now();
    const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), TIMEOUT_MS).unref());
    const answer = await Promise.race([send(server).catch((e: Error) => ({ status: 0, body: e.message })), timeout]);
    const wallMs = performance.now() - start;
    const after = await server.ask<{ cpuMs: number; peakRss: number }>('read');
    let code = '';
    if (answer !== 'timeout') {
      try {
        const parsed = JSON.parse(answer.body);
        const first = Array.isArray(parsed) ? parsed[0] : parsed;
        const error = first?.errors?.[0];
        code = error?.extensions?.code ?? (error?.message ? `report: ${String(error.message).slice(0, 50)}` : 'ok');
      } catch {
        code = answer.body.slice(0, 40);
      }
    }
    return {
      name,
      status: answer === 'timeout' ? `still running after ${TIMEOUT_MS / 1000} s` : String(answer.status),
      code,
      wallMs: Math.round(wallMs),
      cpuMs: Math.round(after.cpuMs - before.cpuMs),
      peakAboveIdleMb: Math.round((after.peakRss - idle.rss) / MB),
    };
  } finally {
    server.child.kill('SIGKILL');
  }
}

const upload = (s: Server, kind: string, body: Buffer, type: string) =>
  fetch(`${s.base}/api/import/${kind}?dryRun=true`, {
    method: 'POST',
    headers: { 'content-type': type, authorization: `Bearer ${s.token}` },
    body,
  }).then(async (r) => ({ status: r.status, body: await r.text() }));

const gql = (s: Server, body: unknown) =>
  fetch(`${s.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}` },
    body: JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, body: await r.text() }));

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function main() {
  await withAdmin(async (c) => {
    const { rowCount } = await c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [DB]);
    if (!rowCount) {
      await c.query(`CREATE DATABASE ${DB}`);
      const seedEnv = {
        ...process.env,
        DATABASE_URL: dbUrl.toString(),
        NODE_ENV: 'development',
        ZHUJI_TODAY: '2026-11-18',
      };
      const seeder = fork(join(import.meta.dirname, '..', 'src', 'db', 'seed', 'cli.ts'), ['--scale', 'small'], {
        execArgv: ['--import', '@oxc-node/core/register'],
        env: seedEnv,
        stdio: 'inherit',
      });
      await once(seeder, 'exit');
    }
  });
  const dir = await mkdtemp(join(tmpdir(), 'zhuji-bench-hostile-'));
  const results: Result[] = [];
  try {
    const blankLines = Number(process.env.BENCH_BLANK_LINES ?? 600_000);
    const blank = Buffer.from(`${SCHOOL_COLUMNS.map((c) => c.zh).join(',')}\n${'\n'.repeat(blankLines)}`);
    results.push(
      await measure(`CSV of ${blankLines} blank rows (${(blank.length / MB).toFixed(1)} MB)`, (s) =>
        upload(s, 'schools', blank, 'text/csv'),
      ),
    );

    const inflateMb = Number(process.env.BENCH_INFLATE_MB ?? 2048);
    const bomb = join(dir, 'bomb.xlsx');
    const bombBytes = await inflatingXlsx(bomb, inflateMb);
    const bombFile = await readFile(bomb);
    results.push(
      await measure(`xlsx of ${(bombBytes / MB).toFixed(1)} MB inflating to ${inflateMb} MB`, (s) =>
        upload(s, 'schools', bombFile, XLSX),
      ),
    );

    const sharedMb = Number(process.env.BENCH_SHARED_MB ?? 400);
    const shared = join(dir, 'shared.xlsx');
    const sharedBytes = await sharedStringsXlsx(shared, sharedMb);
    const sharedFile = await readFile(shared);
    results.push(
      await measure(`xlsx of ${(sharedBytes / MB).toFixed(1)} MB with ${sharedMb} MB of shared strings`, (s) =>
        upload(s, 'schools', sharedFile, XLSX),
      ),
    );

    const ids = async (s: Server) => {
      const r = await gql(s, { query: '{ schools(first: 100) { nodes { id } } }' });
      return (JSON.parse(r.body).data.schools.nodes as { id: string }[]).map((n) => n.id);
    };
    const nested = `query($ids: [ID!]!) { nodes(ids: $ids) { ... on School { name town { name district { name } }
      teachers(first: 100) { nodes { name school { name teachers(first: 100) { nodes { name } } } } } } } }`;
    results.push(
      await measure('nodes(ids: [100]) with nested lists', async (s) =>
        gql(s, { query: nested, variables: { ids: await ids(s) } }),
      ),
    );
    results.push(
      await measure('batch of 3 × nodes(ids: [100])', async (s) => {
        const v = { ids: await ids(s) };
        return gql(
          s,
          [1, 2, 3].map(() => ({ query: nested, variables: v })),
        );
      }),
    );
    const summaries = Array.from(
      { length: 15 },
      (_, i) => `s${i}: programmeSummary { townCount towns { period goals { goal } } }`,
    );
    results.push(await measure('15 aliased programmeSummary', (s) => gql(s, { query: `{ ${summaries.join(' ')} }` })));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  console.log(`\nserver: ${ROOT}`);
  console.table(results);
}

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

await main();

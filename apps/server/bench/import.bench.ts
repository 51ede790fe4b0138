/**
 * Times the bulk teacher import end to end (HTTP upload, streaming parse, validation,
 * staging and upsert in batches) on a fresh PostgreSQL database, for several file sizes,
 * and shows that the server's memory stays flat as the file grows:
 *   npm run bench:import --workspace @zhuji/server
 *   BENCH_SIZES=50000,100000,200000 BENCH_HEAP_CAP_MB=128 npm run bench:import --workspace @zhuji/server
 * A script, not a test: nothing is timed against a limit (it only stops if an import
 * fails). Uses TEST_DATABASE_URL (or the local trust-auth server) to create and drop
 * `zhuji_bench_import`.
 *
 * Each size runs in a fresh server process (bench/import-server.ts) on an empty teacher
 * table: a dry run, the first import, and a re-import of the same file (every row
 * unchanged). For each run it prints wall time and rows per second, the CPU seconds spent
 * by the server process and by PostgreSQL (wall time on a shared machine depends on what
 * else runs; the CPU per row does not), and the server's peak RSS and peak V8 heap in use,
 * sampled every 5 ms, next to its RSS when idle before the runs. The largest file then
 * runs again in a server whose V8 heap is capped (BENCH_HEAP_CAP_MB, 128 by default): it
 * could not finish if memory grew with the file. */
import { fork, type ChildProcess } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import pg from 'pg';
import { idNumberCheckChar } from '../src/modules/teacher/id-number.js';
import { TEACHER_COLUMNS } from '../src/modules/import/import.columns.js';

const SIZES = (process.env.BENCH_SIZES ?? process.env.BENCH_ROWS ?? '50000,100000,200000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => n > 0);
/** The largest file runs once more with the server's V8 heap capped (0: not at all). */
const HEAP_CAP_MB = Number(process.env.BENCH_HEAP_CAP_MB ?? 128);
const RUNS: { rows: number; flags: string[]; note: string }[] = [
  ...SIZES.map((rows) => ({ rows, flags: [], note: '' })),
  ...(HEAP_CAP_MB > 0
    ? [
        {
          rows: Math.max(...SIZES),
          flags: [`--max-old-space-size=${HEAP_CAP_MB}`],
          note: ` (heap ≤ ${HEAP_CAP_MB} MB)`,
        },
      ]
    : []),
];
const SCHOOLS = 300; // as bench/import-server.ts creates them
const DB = 'zhuji_bench_import';
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbUrl = new URL(adminUrl);
dbUrl.pathname = `/${DB}`;

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const schoolCode = (i: number) => `3701${String(i).padStart(6, '0')}`;
const DEGREES = ['研究生', '本科', '本科', '本科', '专科', '高中及以下'];
const TITLES = ['正高级', '高级', '一级', '二级', '三级', '未定级'];
const LEVELS = ['无', '无', '无', '县级', '市级', '省级'];
const SUBJECTS = ['语文', '数学', '英语', '物理', '化学', '生物', '历史', '地理', '体育', '音乐', '美术', '信息技术'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';

function teacherLine(i: number): string {
  const birth = `19${60 + (i % 40)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
  const first17 = `370112${birth}${String(i % 1000).padStart(3, '0')}`;
  return [
    schoolCode(i % SCHOOLS),
    `T${String(i).padStart(6, '0')}`,
    `${SURNAMES[i % SURNAMES.length]}老师${i}`,
    i % 3 ? '女' : '男',
    SUBJECTS[i % SUBJECTS.length],
    i % 10 ? '是' : '否',
    DEGREES[i % DEGREES.length],
    TITLES[i % TITLES.length],
    LEVELS[i % LEVELS.length],
    i % 50 ? '否' : '是',
    `20${String(i % 24).padStart(2, '0')}-09-01`,
    first17 + idNumberCheckChar(first17),
    `138${String(i).padStart(8, '0')}`,
    `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`,
  ].join(',');
}

async function writeFile(path: string, rows: number): Promise<number> {
  const out = createWriteStream(path);
  out.write(`${TEACHER_COLUMNS.map((c) => c.zh).join(',')}\n`);
  for (let i = 0; i < rows; i++) if (!out.write(`${teacherLine(i)}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  return (await stat(path)).size;
}

interface Server {
  child: ChildProcess;
  base: string;
  token: string;
  ask<T>(type: string): Promise<T>;
}

async function startServer(flags: string[]): Promise<Server> {
  const child = fork(join(import.meta.dirname, 'import-server.ts'), {
    // BENCH_SERVER_FLAGS adds node flags to the server, e.g. --cpu-prof to profile it
    execArgv: [
      '--expose-gc',
      '--import',
      '@oxc-node/core/register',
      ...flags,
      ...(process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean),
    ],
    env: { ...process.env, DATABASE_URL: dbUrl.toString() },
  });
  const [ready] = (await once(child, 'message')) as [{ port: number; token: string }];
  const ask = async <T>(type: string): Promise<T> => {
    const reply = once(child, 'message');
    child.send({ type });
    return ((await reply) as [T])[0];
  };
  return { child, base: `http://127.0.0.1:${ready.port}`, token: ready.token, ask };
}

/** CPU milliseconds used so far by the PostgreSQL backends serving the bench database. */
async function postgresCpuMs(admin: pg.Client): Promise<number> {
  const { rows } = await admin.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
    [DB],
  );
  const tick = 10; // ms per clock tick (USER_HZ 100 on Linux)
  let total = 0;
  for (const { pid } of rows) {
    const text = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
    if (!text) continue; // not on this machine (remote database): reported as 0
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    total += (Number(fields[11]) + Number(fields[12])) * tick;
  }
  return total;
}

interface Result {
  rows: number;
  mb: number;
  label: string;
  seconds: number;
  serverCpu: number;
  pgCpu: number;
  peakRss: number;
  peakHeap: number;
  idleRss: number;
  report: string;
}

const results: Result[] = [];
await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`));
await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${DB}"`));
const dir = await mkdtemp(join(tmpdir(), 'zhuji-import-bench-'));
try {
  for (const { rows, flags, note } of RUNS) {
    const file = join(dir, `teachers-${rows}.csv`);
    const size = await writeFile(file, rows);
    const server = await startServer(flags);
    const admin = new pg.Client({ connectionString: dbUrl.toString() });
    await admin.connect();
    try {
      await admin.query('DELETE FROM teacher');
      await admin.query('VACUUM ANALYZE teacher');
      await server.ask('reset');
      const idle = await server.ask<{ peakRss: number }>('read');
      for (const [label, dryRun] of [
        ['dry run', true],
        ['first import', false],
        ['re-import, all unchanged', false],
      ] as const) {
        await server.ask('reset');
        const before = await server.ask<{ cpuMs: number }>('read');
        const pgBefore = await postgresCpuMs(admin);
        const start = performance.now();
        const res = await fetch(`${server.base}/api/import/teachers?dryRun=${dryRun}`, {
          method: 'POST',
          headers: { 'content-type': 'text/csv', authorization: `Bearer ${server.token}` },
          body: Readable.toWeb(createReadStream(file)) as ReadableStream,
          duplex: 'half',
        } as RequestInit);
        const report = (await res.json()) as Record<string, unknown>;
        const seconds = (performance.now() - start) / 1000;
        const after = await server.ask<{ cpuMs: number; peakRss: number; peakHeap: number }>('read');
        const pgAfter = await postgresCpuMs(admin);
        if (res.status !== 200) throw new Error(JSON.stringify(report).slice(0, 2000));
        results.push({
          rows,
          mb: size / 1024 / 1024,
          label: label + note,
          seconds,
          serverCpu: (after.cpuMs - before.cpuMs) / 1000,
          pgCpu: (pgAfter - pgBefore) / 1000,
          peakRss: after.peakRss,
          peakHeap: after.peakHeap,
          idleRss: idle.peakRss,
          report: `+${report.inserted} ~${report.updated} =${report.unchanged}`,
        });
        console.error(`${rows} ${label}${note}: ${seconds.toFixed(2)} s, ${Math.round(rows / seconds)} rows/s`);
      }
      const [{ n }] = (await admin.query('SELECT count(*)::int AS n FROM teacher')).rows;
      if (n !== rows) throw new Error(`expected ${rows} teachers, found ${n}`);
    } finally {
      await admin.end();
      server.child.send({ type: 'stop' });
      await once(server.child, 'exit');
      await rm(file, { force: true });
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
  await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`));
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
const head = [
  'teachers',
  'CSV MB',
  'run',
  'wall s',
  'rows/s',
  'server CPU s',
  'PG CPU s',
  'rows per CPU s',
  'idle RSS MB',
  'peak RSS MB',
  'peak heap MB',
  'inserted ~updated =unchanged',
];
const table = results.map((r) => [
  r.rows.toLocaleString('en'),
  r.mb.toFixed(1),
  r.label,
  r.seconds.toFixed(2),
  Math.round(r.rows / r.seconds).toLocaleString('en'),
  r.serverCpu.toFixed(2),
  r.pgCpu.toFixed(2),
  Math.round(r.rows / (r.serverCpu + r.pgCpu)).toLocaleString('en'),
  mb(r.idleRss),
  mb(r.peakRss),
  mb(r.peakHeap),
  r.report,
]);
const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
const line = (cells: string[]) =>
  `| ${cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
console.log(line(head));
console.log(`|${widths.map((w, i) => (i < 3 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const row of table) console.log(line(row));

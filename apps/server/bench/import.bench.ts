/**
 * Times the bulk teacher import end to end (HTTP upload, streaming parse, validation,
 * staging, one upsert) on a fresh PostgreSQL database:
 *   npm run bench:import --workspace @zhuji/server
 * Uses TEST_DATABASE_URL (or the local trust-auth server) to create and drop
 * `zhuji_bench_import`. BENCH_ROWS sets the teacher count (100,000 by default). Prints
 * rows per second and the process's peak RSS (sampled every 10 ms) for a first import,
 * a dry run and a re-import of the same file (every row unchanged).
 */
import 'reflect-metadata';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import pg from 'pg';
import { pino } from 'pino';
import { loadConfig } from '../src/config.js';
import { createApp } from '../src/app.js';
import { cityAdmin, insertAccount } from '../src/modules/user/bootstrap.js';
import { idNumberCheckChar } from '../src/modules/teacher/id-number.js';
import { TEACHER_COLUMNS } from '../src/modules/import/import.columns.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const SCHOOLS = 300;
const DB = 'zhuji_bench_import';
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbUrl = new URL(adminUrl);
dbUrl.pathname = `/${DB}`;

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sql);
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

await admin(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`);
await admin(`CREATE DATABASE "${DB}"`);
const dir = await mkdtemp(join(tmpdir(), 'zhuji-import-bench-'));
const config = loadConfig({
  ...process.env,
  DATABASE_URL: dbUrl.toString(),
  PORT: '0',
  HOST: '127.0.0.1',
  SEED_ON_START: 'false',
  LOG_LEVEL: 'silent',
});
// createApp opens the database and runs every migration
const app = await createApp(config, { logger: pino({ level: 'silent' }) });
try {
  const base = `http://127.0.0.1:${await app.listen()}`;
  const ds = app.ds;
  const [district] = await ds.query(
    `INSERT INTO district (code, name, kind) VALUES ('370112', '基准区', 'DISTRICT') RETURNING id`,
  );
  const [town] = await ds.query(
    `INSERT INTO town (code, name, kind, district_id, in_programme) VALUES ('370112101', '基准镇', 'TOWN', $1, true) RETURNING id`,
    [district.id],
  );
  await ds.query(
    `INSERT INTO school (code, name, stage, locality, town_id, district_id)
     SELECT '3701' || lpad(i::text, 6, '0'), '基准学校' || i, 'PRIMARY', 'RURAL', $1, $2 FROM generate_series(0, ${SCHOOLS - 1}) i`,
    [town.id, district.id],
  );
  const password = 'bench-password-123';
  await ds.transaction((em) => insertAccount(em, cityAdmin('bench-city', password)));
  const { token } = await app.services.auth.login('bench-city', password, '127.0.0.1');

  const file = join(dir, 'teachers.csv');
  const out = createWriteStream(file);
  out.write(`${TEACHER_COLUMNS.map((c) => c.zh).join(',')}\n`);
  for (let i = 0; i < ROWS; i++) if (!out.write(`${teacherLine(i)}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  const size = (await stat(file)).size;
  console.log(`${ROWS} teachers in ${SCHOOLS} schools, CSV ${(size / 1024 / 1024).toFixed(1)} MB`);

  const run = async (label: string, dryRun: boolean) => {
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const start = performance.now();
    const res = await fetch(`${base}/api/import/teachers?dryRun=${dryRun}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
      body: Readable.toWeb(createReadStream(file)) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    const report = (await res.json()) as Record<string, unknown>;
    const ms = performance.now() - start;
    clearInterval(timer);
    if (res.status !== 200) throw new Error(JSON.stringify(report).slice(0, 2000));
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
    console.log(
      `${label.padEnd(28)} ${(ms / 1000).toFixed(2).padStart(6)} s  ${Math.round(ROWS / (ms / 1000))
        .toString()
        .padStart(7)} rows/s  inserted ${report.inserted} updated ${report.updated} unchanged ${report.unchanged}  ` +
        `peak RSS ${mb(peak)} (start ${mb(before)})`,
    );
  };
  await run('dry run (empty database)', true);
  await run('first import', false);
  await run('re-import (all unchanged)', false);
  const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM teacher');
  console.log(`teachers in the database: ${n}`);
} finally {
  await app.close();
  await rm(dir, { recursive: true, force: true });
  await admin(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`);
}

/**
 * Memory of a streamed export: exports BENCH_ROWS (100,000) teachers as CSV and as XLSX over
 * HTTP and prints the process's resident set before and at its peak.
 *
 *   createdb zhuji_export_bench
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/zhuji_export_bench \
 *     node --import @oxc-node/core/register bench/export.bench.ts
 *
 * On an empty database it loads the small demo seed, then tops the teachers up to
 * BENCH_ROWS with one INSERT … SELECT. Server and client run in this one process (the
 * client drops each chunk as it arrives), so the peak is an upper bound for the server.
 */
import 'reflect-metadata';
import { pino } from 'pino';
import { loadConfig } from '../src/config.js';
import { createApp } from '../src/app.js';
import { seed } from '../src/db/seed/seed.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
if (!process.env.DATABASE_URL) {
  console.error('set DATABASE_URL to a PostgreSQL database (an empty one is seeded)');
  process.exit(64);
}
const config = loadConfig({
  ...process.env,
  PORT: '0',
  HOST: '127.0.0.1',
  SEED_ON_START: 'false',
  LOG_LEVEL: 'silent',
});
const app = await createApp(config, { logger: pino({ level: 'silent' }) });
const origin = `http://127.0.0.1:${await app.listen()}`;

const [{ n: schools }] = (await app.ds.query('SELECT count(*)::int AS n FROM school')) as { n: number }[];
if (schools === 0) {
  console.log('seeding the small demo data…');
  await seed(app.ds, { scale: 'small', anchor: config.clock.today() });
}
const [{ n: existing }] = (await app.ds.query('SELECT count(*)::int AS n FROM teacher')) as { n: number }[];
if (existing < ROWS) {
  console.log(`adding ${ROWS - existing} teachers…`);
  await app.ds.query(
    `INSERT INTO teacher (staff_number, name, gender, school_id, degree, id_number, phone, birth_date)
     SELECT 'BENCH' || ($2::int + g), '测试教师' || g, (CASE WHEN g % 2 = 0 THEN 'MALE' ELSE 'FEMALE' END)::gender,
            s.ids[1 + g % array_length(s.ids, 1)], 'BACHELOR', '370102198001011234', '13800001234', '1980-01-01'
     FROM generate_series(1, $1::int) AS g, (SELECT array_agg(id) AS ids FROM school) AS s`,
    [ROWS - existing, existing],
  );
}
const [{ n: total }] = (await app.ds.query('SELECT count(*)::int AS n FROM teacher')) as { n: number }[];

const login = await fetch(`${origin}/graphql`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: 'mutation { login(username: "demo-city", password: "zhuji-demo") { token } }' }),
});
const token = ((await login.json()) as { data: { login: { token: string } } }).data.login.token;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function measure(file: string) {
  global.gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 20);
  const started = performance.now();
  const res = await fetch(`${origin}/api/export/${file}`, { headers: { authorization: `Bearer ${token}` } });
  let bytes = 0;
  let lines = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    if (file.endsWith('.csv')) for (const b of chunk) if (b === 10) lines++;
  }
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${file.padEnd(14)} ${res.status} ${(bytes / 1024 / 1024).toFixed(1)} MB` +
      (lines ? ` ${lines - 1} rows` : '') +
      ` in ${seconds.toFixed(1)} s; RSS ${mb(before.rss)} before, peak ${mb(peakRss)} (+${mb(peakRss - before.rss)});` +
      ` heap used ${mb(before.heapUsed)} before, peak ${mb(peakHeap)}`,
  );
}

console.log(`exporting ${total} teachers (node ${process.version})`);
await measure('teachers.csv');
await measure('teachers.xlsx');
await app.close();

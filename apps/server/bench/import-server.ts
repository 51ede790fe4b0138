/**
 * The server side of bench/import.bench.ts, in its own process so that its memory and CPU
 * are measured apart from the client that generates and uploads the files. Started with
 * IPC by the bench; opens the database (migrating it), creates the bench district, its
 * 300 schools and a city admin when missing, listens on a free port and answers:
 *   { type: 'reset' }  → peaks restart from now; replies { type: 'reset' }
 *   { type: 'read' }   → replies { type: 'stats', peakRss, peakHeap, cpuMs }
 * sampling RSS and the V8 heap in use every 5 ms.
 */
import 'reflect-metadata';
import { pino } from 'pino';
import { loadConfig } from '../src/config.js';
import { createApp } from '../src/app.js';
import { cityAdmin, insertAccount } from '../src/modules/user/bootstrap.js';

export const BENCH_SCHOOLS = 300;
const USER = 'bench-city';
const PASSWORD = 'bench-password-123';

const config = loadConfig({
  ...process.env,
  PORT: '0',
  HOST: '127.0.0.1',
  SEED_ON_START: 'false',
  LOG_LEVEL: 'silent',
});
const app = await createApp(config, { logger: pino({ level: 'silent' }) });
const port = await app.listen();
const ds = app.ds;
const [existing] = await ds.query(`SELECT id FROM district WHERE code = '370112'`);
if (!existing) {
  const [district] = await ds.query(
    `INSERT INTO district (code, name, kind) VALUES ('370112', '基准区', 'DISTRICT') RETURNING id`,
  );
  const [town] = await ds.query(
    `INSERT INTO town (code, name, kind, district_id, in_programme) VALUES ('370112101', '基准镇', 'TOWN', $1, true) RETURNING id`,
    [district.id],
  );
  await ds.query(
    `INSERT INTO school (code, name, stage, locality, town_id, district_id)
     SELECT '3701' || lpad(i::text, 6, '0'), '基准学校' || i, 'PRIMARY', 'RURAL', $1, $2 FROM generate_series(0, ${BENCH_SCHOOLS - 1}) i`,
    [town.id, district.id],
  );
  await ds.transaction((em) => insertAccount(em, cityAdmin(USER, PASSWORD)));
}
const { token } = await app.services.auth.login(USER, PASSWORD, '127.0.0.1');

let peakRss = 0;
let peakHeap = 0;
const sample = () => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
};
const sampler = setInterval(sample, 5);

process.on('message', (msg: { type: string }) => {
  if (msg.type === 'reset') {
    global.gc?.();
    peakRss = peakHeap = 0;
    sample();
    process.send!({ type: 'reset' });
  } else if (msg.type === 'read') {
    sample();
    const cpu = process.cpuUsage();
    process.send!({ type: 'stats', peakRss, peakHeap, cpuMs: (cpu.user + cpu.system) / 1000 });
  } else if (msg.type === 'stop') {
    clearInterval(sampler);
    void app.close().then(() => process.exit(0));
  }
});
process.send!({ type: 'ready', port, token, pid: process.pid });

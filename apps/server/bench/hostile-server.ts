/**
 * The server side of bench/hostile.bench.ts, in a process of its own so its CPU and memory
 * are measured apart from the client building the bombs. Runs the server of the checkout
 * it sits in (the bench copies it into an older checkout to measure "before"). Started with
 * IPC; creates a city admin when missing, listens on a free port and answers
 *   { type: 'reset' } → peaks restart from now    { type: 'read' } → { peakRss, cpuMs, rss }
 */
import 'reflect-metadata';
import { pino } from 'pino';
import { loadConfig } from '../src/config.js';
import { createApp } from '../src/app.js';
import { cityAdmin, insertAccount } from '../src/modules/user/bootstrap.js';

const USER = 'bench-hostile';
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
const [existing] = await app.ds.query(`SELECT id FROM app_user WHERE username = $1`, [USER]);
if (!existing) await app.ds.transaction((em) => insertAccount(em, cityAdmin(USER, PASSWORD)));
const { token } = await app.services.auth.login(USER, PASSWORD, '127.0.0.1');

let peakRss = 0;
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const sampler = setInterval(sample, 5);
process.on('message', (msg: { type: string }) => {
  if (msg.type === 'reset') {
    global.gc?.();
    peakRss = 0;
    sample();
    process.send!({ type: 'reset', rss: process.memoryUsage().rss });
  } else if (msg.type === 'read') {
    sample();
    const cpu = process.cpuUsage();
    process.send!({ type: 'stats', peakRss, rss: process.memoryUsage().rss, cpuMs: (cpu.user + cpu.system) / 1000 });
  } else if (msg.type === 'stop') {
    clearInterval(sampler);
    void app.close().then(() => process.exit(0));
  }
});
process.send!({ type: 'ready', port, token });

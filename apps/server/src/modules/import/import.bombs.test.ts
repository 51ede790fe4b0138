import http from 'node:http';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { buildWorld, cityAdminToken } from '../../test/fixtures.js';
import { SCHOOL_COLUMNS } from './import.columns.js';
import { READER_LIMITS } from './import.reader.js';
import { XLSX_MIME } from './import.routes.js';
import { IMPORT_LIMITS } from './import.service.js';
import { csv, importer } from './import.testkit.js';

/**
 * Import bombs (issue 13, section 4): each file is built here, small, but over the limits
 * this file sets, and must be refused with a typed error within seconds, with nothing
 * written. The limits are restored after every test.
 */
let t: TestApp;
let base: string;
let city: string;
const logs: Record<string, unknown>[] = [];
const post = importer(
  () => base,
  () => city,
);
const HEAD = SCHOOL_COLUMNS.map((c) => c.zh);
/** a zip central directory entry's signature */
const CENTRAL = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
const saved = { ...IMPORT_LIMITS, ...READER_LIMITS };

function schoolRow(n: number): string[] {
  return [
    `370197${String(n).padStart(4, '0')}`,
    `炸弹测试第${n}小学`,
    '小学',
    '乡村',
    '否',
    '370197001',
    `测试路${n}号`,
    '300',
    '12',
    '否',
    '是',
    '否',
    '1990',
  ];
}
const schools = async () => Number((await t.ds.query(`SELECT count(*)::int AS n FROM school`))[0].n);

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  t = await startTestApp({ logger: pino({ level: 'info' }, sink) });
  base = t.url.replace(/\/graphql$/, '');
  city = await cityAdminToken(t);
  await buildWorld(t, city, { districtCode: '370197', schools: 0, teachersPerSchool: 0 });
}, 60_000);

afterAll(() => t?.close());

afterEach(() => {
  Object.assign(IMPORT_LIMITS, { maxRows: saved.maxRows });
  Object.assign(READER_LIMITS, {
    maxUnzippedBytes: saved.maxUnzippedBytes,
    maxSharedStringsBytes: saved.maxSharedStringsBytes,
  });
  t.config.importMaxSeconds = 300;
});

describe('import bombs', () => {
  it('blank rows count toward the row cap: a file of them is refused at once', async () => {
    IMPORT_LIMITS.maxRows = 10_000;
    const body = `${HEAD.join(',')}\n${'\n'.repeat(200_000)}`;
    const { ms, result } = await timed(() => post('schools', body));
    expect(result.status).toBe(422);
    expect(result.body.errors[0].message).toMatch(/more than 10000 rows \(blank rows count\)/);
    expect(ms).toBeLessThan(3_000);
    // …and so do rows of empty cells
    const commas = `${HEAD.join(',')}\n${',,,,\n'.repeat(20_000)}`;
    expect((await post('schools', commas)).body.errors[0].message).toMatch(/blank rows count/);
  });

  it('an xlsx that inflates past the limit is refused before a row is read', async () => {
    READER_LIMITS.maxUnzippedBytes = 1024 * 1024;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('导入');
    ws.addRow(HEAD);
    for (let i = 0; i < 10_000; i++) ws.addRow([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    expect(file.length).toBeLessThan(READER_LIMITS.maxUnzippedBytes / 2);
    const before = await schools();
    const { ms, result } = await timed(() => post('schools', file, { type: XLSX_MIME }));
    expect(result.status).toBe(413);
    expect(result.body.errors[0].extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(result.body.errors[0].message).toMatch(/inflates to more than/);
    expect(ms).toBeLessThan(3_000);
    expect(await schools()).toBe(before);

    // An archive whose directory lies about the inflated sizes is caught by the count.
    const liar = Buffer.from(file);
    for (let at = liar.indexOf(CENTRAL); at >= 0; at = liar.indexOf(CENTRAL, at + 4)) liar.writeUInt32LE(1, at + 24);
    const lied = await post('schools', liar, { type: XLSX_MIME });
    expect(lied.status).toBe(413);
    expect(lied.body.errors[0].message).toMatch(/inflates to more than/);
  });

  it('an xlsx whose shared strings are over the limit is refused', async () => {
    READER_LIMITS.maxSharedStringsBytes = 64 * 1024;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('导入');
    ws.addRow(HEAD);
    for (let i = 0; i < 2_000; i++) ws.addRow([`${i}-${'很长的共享字符串'.repeat(10)}`]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await post('schools', file, { type: XLSX_MIME });
    expect(r.status).toBe(413);
    expect(r.body.errors[0].message).toMatch(/shared strings exceed/);
  });

  it('a formula cell is read as its cached value; one with none is refused naming the cell', async () => {
    const book = async (name: ExcelJS.CellValue) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('导入');
      ws.addRow(HEAD);
      const row = schoolRow(1);
      ws.addRow(row);
      ws.getCell('B2').value = name;
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const cached = await post('schools', await book({ formula: '"公式"&"小学"', result: '公式小学' }), {
      type: XLSX_MIME,
    });
    expect(cached.status, JSON.stringify(cached.body)).toBe(200);
    const [{ name }] = await t.ds.query(`SELECT name FROM school WHERE code = '3701970001'`);
    expect(name).toBe('公式小学');

    const uncached = await post('schools', await book({ formula: '"公式"&"小学"' } as ExcelJS.CellValue), {
      type: XLSX_MIME,
    });
    expect(uncached.status).toBe(422);
    expect(uncached.body.errors[0].message).toMatch(/Cell B2 holds a formula with no saved value/);
    expect(JSON.stringify(uncached.body)).not.toMatch(/object Object/);
  });

  it('reads UTF-16 CSV by its byte-order mark, and says so when the mark is missing', async () => {
    const text = csv([HEAD, schoolRow(2)]);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const r = await post('schools', le);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const [{ name }] = await t.ds.query(`SELECT name FROM school WHERE code = '3701970002'`);
    expect(name).toBe('炸弹测试第2小学');
    const be = Buffer.from(text, 'utf16le').swap16();
    expect((await post('schools', Buffer.concat([Buffer.from([0xfe, 0xff]), be]), { dryRun: true })).status).toBe(200);
    const bare = await post('schools', Buffer.from(text, 'utf16le'));
    expect(bare.status).toBe(422);
    expect(bare.body.errors[0].message).toMatch(/UTF-16 without a byte-order mark/);
  });

  it('the whole import has a wall-clock limit: past it, 413 and everything rolled back', async () => {
    t.config.importMaxSeconds = 0.05;
    const rows = Array.from({ length: 8_000 }, (_, i) => schoolRow(1000 + i));
    const before = await schools();
    const r = await post('schools', csv([HEAD, ...rows]));
    expect(r.status).toBe(413);
    expect(r.body.errors[0].message).toMatch(/took longer than/);
    expect(await schools()).toBe(before);
  });

  it('a client that disconnects stops the import and rolls it back', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => schoolRow(3000 + i));
    const body = csv([HEAD, ...rows]);
    const before = await schools();
    // Another session holds the school table, so the import is surely still running (its
    // upsert waits for the lock) when the client goes.
    const blocker = new pg.Client({ connectionString: t.databaseUrl });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE school IN EXCLUSIVE MODE');
    const req = http.request(new URL(`${base}/api/import/schools?dryRun=false`), {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${city}` },
    });
    req.on('error', () => undefined);
    req.end(body);
    const waiting = async () =>
      Number(
        (
          await blocker.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          )
        ).rows[0].n,
      );
    for (let i = 0; i < 100 && (await waiting()) === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await waiting()).toBe(1);
    req.destroy();
    await new Promise((r) => setTimeout(r, 100));
    await blocker.query('ROLLBACK');
    await blocker.end();
    let stopped = false;
    for (let i = 0; i < 100 && !stopped; i++) {
      stopped = logs.some((l) => String(l.msg).startsWith('import stopped: the client closed the connection'));
      if (!stopped) await new Promise((r) => setTimeout(r, 50));
    }
    expect(stopped).toBe(true);
    expect(await schools()).toBe(before);
  });
});

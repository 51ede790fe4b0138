import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { buildWorld, cityAdminToken, PASSWORD, signInAs, type World } from '../../test/fixtures.js';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { Role } from '../../auth/viewer.js';
import { idNumberCheckChar } from '../teacher/id-number.js';
import { fromGlobalId } from '../../common/global-id.js';
import { SCHOOL_COLUMNS, TEACHER_COLUMNS } from './import.columns.js';
import { XLSX_MIME } from './import.routes.js';
import { IMPORT_LIMITS } from './import.service.js';
import { csv, importer, xlsx, type Report } from './import.testkit.js';

let t: TestApp;
let base: string;
let city: string;
let districtAdmin: string;
let analyst: string;
let a: World;

const TOWN_A = '370198001';
const TOWN_B = '370199001';
const SCHOOL_HEAD = SCHOOL_COLUMNS.map((c) => c.zh);
const TEACHER_HEAD = TEACHER_COLUMNS.map((c) => c.zh);

/** A valid resident ID number born on `birth` (YYYYMMDD). */
function idNo(birth: string, seq: number): string {
  const first = `370112${birth}${String(seq % 1000).padStart(3, '0')}`;
  return first + idNumberCheckChar(first);
}

const schoolCode = (district: 'A' | 'B', n: number) =>
  `${district === 'A' ? '370198' : '370199'}${String(n).padStart(4, '0')}`;

function schoolRow(code: string, n: number, town = TOWN_A, stage = '小学'): string[] {
  return [
    code,
    `测试第${n}小学`,
    stage,
    n === 1 ? '镇区' : '乡村',
    n === 1 ? '是' : '否',
    town,
    `测试镇路${n}号`,
    String(300 + n),
    '12',
    '否',
    '是',
    '否',
    '1990',
  ];
}

function teacherRow(school: string, n: number, degree = '本科'): string[] {
  return [
    school,
    `T${String(n).padStart(4, '0')}`,
    `教师${n}`,
    n % 2 ? '男' : '女',
    '语文',
    '是',
    degree,
    '一级',
    n % 5 ? '无' : '县级',
    '否',
    '2015-09-01',
    idNo('19900101', n),
    '13800000000',
    '1990-01-01',
  ];
}

const post = importer(
  () => base,
  () => city,
);

const count = async (table: 'school' | 'teacher') =>
  Number((await t.ds.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

beforeAll(async () => {
  t = await startTestApp();
  base = t.url.replace(/\/graphql$/, '');
  city = await cityAdminToken(t);
  a = await buildWorld(t, city, { districtCode: '370198', schools: 0, teachersPerSchool: 0 });
  await buildWorld(t, city, { districtCode: '370199', schools: 0, teachersPerSchool: 0 });
  districtAdmin = await signInAs(t, 'district-a', [
    { role: Role.DISTRICT_ADMIN, districtId: fromGlobalId(a.districtId, 'District', 'id') },
  ]);
  analyst = await signInAs(t, 'analyst', [{ role: Role.ANALYST }]);
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe('templates', () => {
  it('publishes CSV and xlsx templates with the Chinese headings and an example row', async () => {
    const c = await fetch(`${base}/api/import/templates/teachers.csv`);
    expect(c.status).toBe(200);
    expect(c.headers.get('content-type')).toMatch(/text\/csv/);
    const text = await c.text();
    expect(text.split('\r\n')[0]).toBe(TEACHER_HEAD.join(','));
    expect(text.split('\r\n')).toHaveLength(3);

    const x = await fetch(`${base}/api/import/templates/schools.xlsx`);
    expect(x.status).toBe(200);
    expect(x.headers.get('content-type')).toContain(XLSX_MIME);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await x.arrayBuffer()) as any);
    const sheet = wb.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(SCHOOL_HEAD);
    expect(sheet.getRow(2).getCell(1).value).toBe('3701120001');
    expect((await fetch(`${base}/api/import/templates/other.csv`)).status).toBe(404);
  });
});

describe('access', () => {
  it('refuses anonymous (401), analysts (403) and other content types (415)', async () => {
    const body = csv([SCHOOL_HEAD, schoolRow(schoolCode('A', 99), 99)]);
    const anon = await post('schools', body, { token: '' });
    expect(anon.status).toBe(401);
    expect((anon.body as any).errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', messageZh: '请先登录' });
    const an = await post('teachers', body, { token: analyst });
    expect(an.status).toBe(403);
    expect((an.body as any).errors[0].extensions.code).toBe('FORBIDDEN');
    const json = await post('schools', '{"a":1}', { type: 'application/json' });
    expect(json.status).toBe(415);
    expect((json.body as any).errors[0].extensions).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(await count('school')).toBe(0);
  });

  it('refuses a body declared larger than the cap with 413 before reading it', async () => {
    const url = new URL(`${base}/api/import/teachers?dryRun=true`);
    const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = http.request(url, {
        method: 'POST',
        headers: {
          'content-type': 'text/csv',
          'content-length': String(65 * 1024 * 1024),
          authorization: `Bearer ${city}`,
        },
      });
      req.on('response', resolve);
      req.on('error', reject);
      req.write('学校标识码,工号\n');
    });
    let text = '';
    for await (const chunk of res) text += chunk;
    expect(res.statusCode).toBe(413);
    expect(JSON.parse(text).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('schools', () => {
  const rows = [1, 2, 3, 4, 5].map((n) => schoolRow(schoolCode('A', n), n));

  it('dry-runs a good CSV: counts what it would insert and writes nothing', async () => {
    const r = await post('schools', csv([SCHOOL_HEAD, ...rows]), { dryRun: true });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ dryRun: true, rows: 5, inserted: 5, updated: 0, unchanged: 0, errors: [] });
    expect(await count('school')).toBe(0);
    expect(
      Number((await t.ds.query(`SELECT count(*)::int AS n FROM audit_entry WHERE record_type = 'SchoolImport'`))[0].n),
    ).toBe(0);
  });

  it('imports a good CSV, readable through GraphQL, with one audit entry', async () => {
    const r = await post('schools', csv([SCHOOL_HEAD, ...rows]));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ dryRun: false, rows: 5, inserted: 5, updated: 0, unchanged: 0 });
    const q = await t.gql(
      '{ schools(first: 10, orderBy: { field: CODE }) { totalCount nodes { code name stage locality isTownSeat studentCount providesLunch foundedYear town { code } } } }',
      {},
      city,
    );
    expect(q.data!.schools.totalCount).toBe(5);
    expect(q.data!.schools.nodes[0]).toEqual({
      code: schoolCode('A', 1),
      name: '测试第1小学',
      stage: 'PRIMARY',
      locality: 'TOWN',
      isTownSeat: true,
      studentCount: 301,
      providesLunch: true,
      foundedYear: 1990,
      town: { code: TOWN_A },
    });
    const audit = await t.ds.query(`SELECT username, changes FROM audit_entry WHERE record_type = 'SchoolImport'`);
    expect(audit).toHaveLength(1);
    expect(audit[0].username).toBe('city');
    expect(audit[0].changes.inserted.after).toBe(5);
  });

  it('re-importing the same file changes nothing; a changed row is an update', async () => {
    const before = await t.ds.query(`SELECT max(updated_at) AS at FROM school`);
    const again = await post('schools', csv([SCHOOL_HEAD, ...rows]));
    expect(again.body).toMatchObject({ rows: 5, inserted: 0, updated: 0, unchanged: 5 });
    expect(await t.ds.query(`SELECT max(updated_at) AS at FROM school`)).toEqual(before);
    const changed = rows.map((r, i) => (i === 2 ? [...r.slice(0, 7), '999', ...r.slice(8)] : r));
    const upd = await post('schools', csv([SCHOOL_HEAD, ...changed]));
    expect(upd.body).toMatchObject({ inserted: 0, updated: 1, unchanged: 4 });
    expect(
      (await t.ds.query(`SELECT student_count FROM school WHERE code = $1`, [schoolCode('A', 3)]))[0].student_count,
    ).toBe(999);
  });

  it('reports every bad row (enum, duplicate, unknown town, format, out of district) and writes nothing', async () => {
    const file = csv([
      SCHOOL_HEAD,
      schoolRow(schoolCode('A', 10), 10),
      schoolRow(schoolCode('A', 11), 11, TOWN_A, '高中'), // row 3: wrong enum
      schoolRow(schoolCode('A', 10), 12), // row 4: duplicate code of row 2
      schoolRow(schoolCode('A', 13), 13, '370100999'), // row 5: no such town
      schoolRow('12345', 14), // row 6: code not 10 digits
      [...schoolRow(schoolCode('A', 15), 15).slice(0, 7), '多', ...schoolRow(schoolCode('A', 15), 15).slice(8)], // row 7
      schoolRow(schoolCode('A', 16), 16, TOWN_B), // row 8: district B (fine for the city, not for A's admin)
    ]);
    const before = await count('school');
    const r = await post('schools', file, { token: districtAdmin });
    expect(r.status).toBe(422);
    expect(r.body.rows).toBe(7);
    expect(r.body.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [3, '学段', '高中'],
      [4, '学校标识码', schoolCode('A', 10)],
      [5, '乡镇代码', '370100999'],
      [6, '学校标识码', '12345'],
      [7, '在校生数', '多'],
      [8, '学校标识码', schoolCode('A', 16)],
    ]);
    expect(r.body.errors[0]).toMatchObject({
      message: '学段 (stage) must be one of KINDERGARTEN, PRIMARY, JUNIOR, NINE_YEAR',
      messageZh: '学段取值无效，应为：幼儿园、小学、初中、九年一贯制',
    });
    expect(r.body.errors[1].messageZh).toBe('学校标识码在文件中重复（首次出现在第 2 行）');
    expect(r.body.errors[3]).toMatchObject({
      message: '学校标识码 (code) must be 10 digits',
      messageZh: '学校标识码须为 10 位数字',
    });
    expect(r.body.errors[5]).toMatchObject({ message: 'school outside your scope', messageZh: '学校不在您的管辖范围' });
    expect(await count('school')).toBe(before);
  });

  it('lets a district admin update their own schools but not move or touch others', async () => {
    // A school of district B exists; A's admin may not update it through a file.
    await post('schools', csv([SCHOOL_HEAD, schoolRow(schoolCode('B', 1), 1, TOWN_B)]));
    const r = await post('schools', csv([SCHOOL_HEAD, schoolRow(schoolCode('B', 1), 1, TOWN_A)]), {
      token: districtAdmin,
    });
    expect(r.status).toBe(422);
    expect(r.body.errors[0]).toMatchObject({ row: 2, column: '学校标识码', messageZh: '学校不在您的管辖范围' });
    const own = await post('schools', csv([SCHOOL_HEAD, schoolRow(schoolCode('A', 1), 1)]), { token: districtAdmin });
    expect(own.body).toMatchObject({ rows: 1, unchanged: 1 });
  });

  it('reports a missing required column and an unknown one on the heading row', async () => {
    const head = SCHOOL_HEAD.filter((h) => h !== '学段').concat('学校类型');
    const r = await post(
      'schools',
      csv([
        head,
        schoolRow(schoolCode('A', 20), 20)
          .filter((_, i) => i !== 2)
          .concat('x'),
      ]),
    );
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([
      expect.objectContaining({
        row: 1,
        column: '学校类型',
        message: 'Unknown column "学校类型"; use the template\'s headings',
      }),
      expect.objectContaining({ row: 1, column: '学段', messageZh: '缺少必填列“学段”' }),
    ]);
  });
});

describe('teachers', () => {
  const schools = [1, 2, 3].map((n) => schoolCode('A', n));
  const header = TEACHER_HEAD;

  it('imports a good xlsx (numeric codes, real dates, English enum names), then re-imports unchanged', async () => {
    const rows: unknown[][] = [];
    for (let i = 1; i <= 30; i++) {
      const r: unknown[] = teacherRow(schools[i % 3]!, i);
      r[0] = Number(r[0]); // Excel stores the code as a number
      r[10] = new Date(Date.UTC(2010 + (i % 10), 8, 1)); // a real date cell
      if (i === 7) r[6] = 'POSTGRADUATE';
      rows.push(r);
    }
    const file = await xlsx(header, rows);
    const dry = await post('teachers', file, { type: XLSX_MIME, dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, rows: 30, inserted: 30, errors: [] });
    expect(await count('teacher')).toBe(0);

    const r = await post('teachers', file, { type: XLSX_MIME });
    expect(r.body).toMatchObject({ rows: 30, inserted: 30, updated: 0, unchanged: 0 });
    const q = await t.gql(
      `{ teachers(first: 50, filter: { search: "T0007" }) { totalCount nodes { staffNumber name gender degree title backboneLevel hireDate idNumber phone birthDate school { code } } } }`,
      {},
      city,
    );
    expect(q.data!.teachers.nodes).toEqual([
      {
        staffNumber: 'T0007',
        name: '教师7',
        gender: 'MALE',
        degree: 'POSTGRADUATE',
        title: 'FIRST',
        backboneLevel: 'NONE',
        hireDate: '2017-09-01',
        idNumber: idNo('19900101', 7),
        phone: '13800000000',
        birthDate: '1990-01-01',
        school: { code: schools[1] },
      },
    ]);
    // the staffing counts (kept by trigger) saw the bulk statement
    const staffing = await t.ds.query(`SELECT sum(full_time)::int AS n FROM school_staffing`);
    expect(staffing[0].n).toBe(30);

    const again = await post('teachers', file, { type: XLSX_MIME });
    expect(again.body).toMatchObject({ rows: 30, inserted: 0, updated: 0, unchanged: 30 });
  });

  it('imports a CSV as a district admin, keeping columns the file leaves out', async () => {
    const head = ['学校标识码', '工号', '姓名', '性别', '学历', '职称'];
    const r = await post(
      'teachers',
      csv([
        head,
        [schools[1]!, 'T0007', '教师7', '男', '研究生', '高级'],
        [schools[0]!, 'X1', '新教师', '女', '专科', ''],
      ]),
      {
        token: districtAdmin,
      },
    );
    expect(r.body).toMatchObject({ rows: 2, inserted: 1, updated: 1, unchanged: 0 });
    const row = (await t.ds.query(`SELECT title, phone, hire_date FROM teacher WHERE staff_number = 'T0007'`))[0];
    expect(row.title).toBe('SENIOR');
    expect(row.phone).toBe('13800000000'); // not in the file: kept
    const fresh = (
      await t.ds.query(`SELECT title, backbone_level, is_full_time FROM teacher WHERE staff_number = 'X1'`)
    )[0];
    expect(fresh).toEqual({ title: 'UNRANKED', backbone_level: 'NONE', is_full_time: true });
  });

  it('reports every bad row and writes nothing', async () => {
    const before = await count('teacher');
    const outside = schoolCode('B', 1);
    const badId = teacherRow(schools[0]!, 105);
    badId[11] = '370112199001011230'; // wrong check digit
    const badDate = teacherRow(schools[0]!, 106);
    badDate[10] = '2015-13-01';
    const noName = teacherRow(schools[0]!, 107);
    noName[2] = '';
    const file = csv([
      header,
      teacherRow(schools[0]!, 101),
      teacherRow(schools[0]!, 102, '中专'), // row 3: wrong enum
      teacherRow(schools[0]!, 101), // row 4: duplicate staff number
      teacherRow(outside, 104), // row 5: school outside district A
      badId, // row 6
      badDate, // row 7
      noName, // row 8
      teacherRow('3799999999', 109), // row 9: no such school
    ]);
    const r = await post('teachers', file, { token: districtAdmin });
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ rows: 8, inserted: 0, updated: 0, errorCount: 7 });
    expect(r.body.errors.map((e) => [e.row, e.column])).toEqual([
      [3, '学历'],
      [4, '工号'],
      [5, '学校标识码'],
      [6, '身份证号'],
      [7, '入职日期'],
      [8, '姓名'],
      [9, '学校标识码'],
    ]);
    expect(r.body.errors[0]).toMatchObject({
      value: '中专',
      messageZh: '学历取值无效，应为：研究生、硕士、博士、本科、专科、大专、高中及以下',
    });
    expect(r.body.errors[1]).toMatchObject({
      value: 'T0101',
      messageZh: '同一学校的工号在文件中重复（首次出现在第 2 行）',
    });
    expect(r.body.errors[2]).toMatchObject({ value: outside, message: 'no such school, or school outside your scope' });
    expect(r.body.errors[3].message).toBe('身份证号 (idNumber) is not a valid 18-digit resident ID number');
    expect(r.body.errors[5]).toMatchObject({ message: '姓名 (name) is required', messageZh: '姓名不能为空' });
    expect(await count('teacher')).toBe(before);
    // the city admin may import into district B's school: that row alone is fine
    const ok = await post('teachers', csv([header, teacherRow(outside, 104)]), { dryRun: true });
    expect(ok.body).toMatchObject({ rows: 1, inserted: 1 });
  });

  it('answers malformed, empty and header-only files with 422 and a file-level error', async () => {
    const good = await xlsx(header, [teacherRow(schools[0]!, 1)]);
    const cases: [string | Buffer, string, RegExp][] = [
      ['not a workbook', XLSX_MIME, /不是有效的 \.xlsx/],
      [good.subarray(0, Math.floor(good.length / 2)), XLSX_MIME, /无法读取 \.xlsx/],
      [good, 'text/csv', /是 \.xlsx 工作簿/],
      [`${header.join(',')}\n"unclosed,T1\n`, 'text/csv', /CSV 文件格式错误/],
      [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'application/octet-stream', /旧版 \.xls/],
      [Buffer.from([0x41, 0x2c, 0xff, 0xfe, 0x0a]), 'text/csv', /不是有效的 utf-8/],
      ['', 'text/csv', /^文件为空$/],
      ['\n\n', 'text/csv', /^文件为空$/],
      [`${header.join(',')}\n`, 'text/csv', /没有数据行/],
    ];
    for (const [body, type, zh] of cases) {
      const r = await post('teachers', body, { type });
      expect(r.status, String(zh)).toBe(422);
      expect(r.body.errors).toHaveLength(1);
      expect(r.body.errors[0].column).toBeNull();
      expect(r.body.errors[0].messageZh).toMatch(zh);
    }
  });

  it('reads GB18030 CSV when the charset says so, and refuses it as UTF-8', async () => {
    const ascii = (x: string) => Buffer.from(x, 'latin1');
    // 张三 in GB18030 is D5 C5 C8 FD; English field names as headings
    const file = Buffer.concat([
      ascii(`schoolCode,staffNumber,name,gender,degree\n${schools[0]},GB1,`),
      Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]),
      ascii(',FEMALE,BACHELOR\n'),
    ]);
    const refused = await post('teachers', file, { dryRun: true });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].messageZh).toMatch(/charset=gb18030/);
    const r = await post('teachers', file, { type: 'text/csv; charset=gb18030' });
    expect(r.body).toMatchObject({ rows: 1, inserted: 1 });
    expect((await t.ds.query(`SELECT name FROM teacher WHERE staff_number = 'GB1'`))[0].name).toBe('张三');
  });

  it('streams a 50 MB file with flat memory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zhuji-import-test-'));
    try {
      const path = join(dir, 'big.csv');
      const out = createWriteStream(path);
      out.write(`${[...header, '备注'].join(',')}\n`);
      const pad = '备'.repeat(200); // an ignored remarks column, as real rosters have
      let rows = 0;
      while (out.bytesWritten + out.writableLength < 50 * 1024 * 1024) {
        rows++;
        if (
          !out.write(
            `${[...teacherRow(schools[rows % 3]!, rows).map((c, i) => (i === 1 ? `B${rows}` : c)), pad].join(',')}\n`,
          )
        )
          await once(out, 'drain');
      }
      out.end();
      await once(out, 'finish');
      const size = (await stat(path)).size;
      expect(size).toBeGreaterThanOrEqual(50 * 1024 * 1024);

      global.gc?.();
      const baseline = process.memoryUsage().rss;
      let peak = baseline;
      const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      const { createReadStream } = await import('node:fs');
      const res = await fetch(`${base}/api/import/teachers?dryRun=true`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${city}` },
        body: Readable.toWeb(createReadStream(path)) as any,
        duplex: 'half',
      } as RequestInit);
      clearInterval(timer);
      const report = (await res.json()) as Report;
      expect(res.status).toBe(200);
      expect(report).toMatchObject({ dryRun: true, rows, inserted: rows, errors: [] });
      const growthMb = (peak - baseline) / 1024 / 1024;
      console.log(`50 MB import: ${rows} rows, ${size} bytes, RSS growth ${growthMb.toFixed(0)} MB`);
      // measured 107–182 MB (V8 heap headroom, the in-process HTTP client); a file held in memory
      // would add 100+ MB as a JS string alone, and far more as parsed rows
      expect(growthMb).toBeLessThan(256);
      expect(await count('teacher')).toBeLessThan(100);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('round trip', () => {
  /** What a district gets from its own export, as bytes. */
  const exported = async (file: string) => {
    const res = await fetch(`${base}/api/export/${file}`, { headers: { authorization: `Bearer ${districtAdmin}` } });
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };

  it('imports a district’s exported school and teacher rosters back unchanged (CSV and xlsx)', async () => {
    for (const [kind, file, type] of [
      ['schools', 'schools.csv', 'text/csv'],
      ['teachers', 'teachers.csv', 'text/csv'],
      ['teachers', 'teachers.xlsx', XLSX_MIME],
    ] as const) {
      const body = await exported(file);
      const r = await post(kind, body, { token: districtAdmin, type, dryRun: true });
      expect(r.body.errors, file).toEqual([]);
      expect(r.body.rows, file).toBeGreaterThan(0);
      expect(r.body, file).toMatchObject({ inserted: 0, updated: 0, unchanged: r.body.rows });
    }
  });

  it('takes the words rosters use: 硕士, 大专, 非骨干, 骨干教师级别', async () => {
    const [school] = (await t.ds.query(`SELECT code FROM school WHERE code LIKE '370198%' ORDER BY code LIMIT 1`)) as {
      code: string;
    }[];
    const r = await post(
      'teachers',
      csv([
        ['学校标识码', '工号', '姓名', '性别', '学历', '骨干教师级别'],
        [school!.code, 'RT01', '赵一', '男', '硕士', '非骨干'],
        [school!.code, 'RT02', '钱二', '女', '大专', '县级'],
      ]),
      { token: districtAdmin, dryRun: true },
    );
    expect(r.body).toMatchObject({ errorCount: 0, rows: 2 });
  });
});

describe('many batches', () => {
  const schools = [1, 2, 3].map((n) => schoolCode('A', n));
  /** school_staffing rows that differ from a count made from scratch */
  const drift = () =>
    t.ds.query(`
      WITH fresh AS (
        SELECT s.id AS school_id,
               count(t.id) FILTER (WHERE t.is_full_time) AS full_time,
               count(t.id) FILTER (WHERE t.is_full_time AND t.backbone_level <> 'NONE') AS backbone,
               count(t.id) FILTER (WHERE t.is_full_time AND t.degree IN ('POSTGRADUATE', 'BACHELOR')) AS bachelor
          FROM school s LEFT JOIN teacher t ON t.school_id = s.id GROUP BY s.id)
      SELECT f.school_id FROM fresh f LEFT JOIN school_staffing c ON c.school_id = f.school_id
       WHERE COALESCE(c.full_time, 0) <> f.full_time OR COALESCE(c.backbone, 0) <> f.backbone
          OR COALESCE(c.bachelor_or_above, 0) <> f.bachelor`);

  it('finds duplicates across batches, upserts batch by batch and keeps the staffing counts exact', async () => {
    const batchRows = IMPORT_LIMITS.batchRows;
    IMPORT_LIMITS.batchRows = 4; // 30 rows: eight statements, each upserting while the next batch is parsed
    try {
      const rows = Array.from({ length: 30 }, (_, i) => teacherRow(schools[i % 3]!, 500 + i));
      const dup = csv([TEACHER_HEAD, ...rows, rows[2]!]);
      const before = await count('teacher');
      const bad = await post('teachers', dup);
      expect(bad.status).toBe(422);
      expect(bad.body.errors).toEqual([
        expect.objectContaining({
          row: 32,
          column: '工号',
          value: 'T0502',
          messageZh: '同一学校的工号在文件中重复（首次出现在第 4 行）',
        }),
      ]);
      expect(await count('teacher')).toBe(before);

      const first = await post('teachers', csv([TEACHER_HEAD, ...rows]));
      expect(first.body).toMatchObject({ rows: 30, inserted: 30, updated: 0, unchanged: 0 });
      // every fifth teacher becomes part-time, every seventh an associate: the triggers see each batch
      const changed = rows.map((r, i) =>
        r.map((c, k) => (k === 5 && i % 5 === 0 ? '否' : k === 6 && i % 7 === 0 ? '专科' : c)),
      );
      const second = await post('teachers', csv([TEACHER_HEAD, ...changed]));
      expect(second.body).toMatchObject({ rows: 30, inserted: 0, updated: 10, unchanged: 20 });
      expect(await drift()).toEqual([]);
      const dry = await post('teachers', csv([TEACHER_HEAD, ...rows]), { dryRun: true });
      expect(dry.body).toMatchObject({ rows: 30, inserted: 0, updated: 10, unchanged: 20 });
    } finally {
      IMPORT_LIMITS.batchRows = batchRows;
    }
  });
});

describe('CLI', () => {
  const script = join(import.meta.dirname, '../../scripts/import.ts');
  const cli = (args: string[]) =>
    promisify(execFile)(process.execPath, ['--import', '@oxc-node/core/register', script, ...args], {
      env: { ...process.env, DATABASE_URL: t.databaseUrl, LOG_LEVEL: 'silent', ZHUJI_PASSWORD: PASSWORD },
    });

  it('imports as a signed-in user with the same report, and exits 65 on bad rows', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zhuji-import-cli-'));
    try {
      const good = join(dir, 'schools.csv');
      await writeFile(good, csv([SCHOOL_HEAD, schoolRow(schoolCode('A', 40), 40), schoolRow(schoolCode('A', 1), 1)]));
      const dry = await cli(['schools', good, '--dry-run', '--as', 'district-a']);
      expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, rows: 2, inserted: 1, unchanged: 1, errors: [] });
      const real = await cli(['schools', good, '--as', 'district-a']);
      expect(JSON.parse(real.stdout)).toMatchObject({ dryRun: false, inserted: 1 });
      const audit = await t.ds.query(
        `SELECT username FROM audit_entry WHERE record_type = 'SchoolImport' ORDER BY at DESC LIMIT 1`,
      );
      expect(audit[0].username).toBe('district-a');

      const bad = join(dir, 'bad.csv');
      await writeFile(bad, csv([SCHOOL_HEAD, schoolRow(schoolCode('B', 41), 41, TOWN_B)]));
      const failed = await cli(['schools', bad, '--as', 'district-a']).catch(
        (e: { code: number; stdout: string }) => e,
      );
      expect(failed).toMatchObject({ code: 65 });
      expect(JSON.parse((failed as { stdout: string }).stdout).errors[0].messageZh).toBe('学校不在您的管辖范围');
      await expect(cli(['schools', good])).rejects.toMatchObject({ code: 64 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { buildWorld, cityAdminToken, signInAs, type World } from '../../test/fixtures.js';
import { parseGlobalId } from '../../common/global-id.js';
import { Role } from '../../auth/viewer.js';
import { idNumberCheckChar } from '../teacher/id-number.js';
import { EXPORT_BATCH, setExportBatchSize } from './export.routes.js';

const dbId = (globalId: string) => parseGlobalId(globalId)!.id;

/** Checks the UTF-8 byte-order mark (Excel needs it for Chinese), then splits the rows. */
async function csv(res: Response): Promise<string[][]> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder()
    .decode(bytes)
    .split('\r\n')
    .filter(Boolean)
    .map((line) => line.split(','));
}

describe('exports', () => {
  let t: TestApp;
  let city: string;
  let district: string;
  let analyst: string;
  let mine: World;
  let base: string;
  const idNumber = '37012619850312123' + idNumberCheckChar('37012619850312123');

  beforeAll(async () => {
    // Three rows per batch: the 11 teachers are read in four keyset batches.
    setExportBatchSize(3);
    t = await startTestApp();
    base = t.url.replace(/\/graphql$/, '/api/export');
    city = await cityAdminToken(t);
    mine = await buildWorld(t, city, { districtCode: '370961', schools: 3, teachersPerSchool: 2 });
    await buildWorld(t, city, { districtCode: '370962', schools: 2, teachersPerSchool: 2 });
    const r = await t.gql(
      'mutation($i: CreateTeacherInput!) { createTeacher(input: $i) { id } }',
      {
        i: {
          staffNumber: 'P1',
          name: '张敏',
          gender: 'FEMALE',
          degree: 'POSTGRADUATE',
          title: 'SENIOR',
          schoolId: mine.schoolIds[0],
          idNumber,
          phone: '13800001234',
          birthDate: '1985-03-12',
        },
      },
      city,
    );
    expect(r.errors).toBeUndefined();
    district = await signInAs(t, 'district', [{ role: Role.DISTRICT_ADMIN, districtId: dbId(mine.districtId) }]);
    analyst = await signInAs(t, 'analyst', [{ role: Role.ANALYST }]);
  });
  afterAll(async () => {
    setExportBatchSize(EXPORT_BATCH);
    await t.close();
  });

  const get = (file: string, token?: string, params: Record<string, unknown> = {}) => {
    const url = new URL(`${base}/${file}`);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, typeof v === 'string' ? v : JSON.stringify(v));
    return fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  };

  const total = async (root: 'schools' | 'teachers', token: string, filter?: object) =>
    (await t.gql<Record<string, { totalCount: number }>>(
      `query($f: ${root === 'schools' ? 'SchoolFilter' : 'TeacherFilter'}) { ${root}(filter: $f) { totalCount } }`,
      { f: filter },
      token,
    ))!.data![root]!.totalCount;

  it('streams the viewer-scoped teachers as CSV with Chinese headings, masked for an analyst', async () => {
    const res = await get('teachers.csv', analyst);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="teachers-.*\.csv"; filename\*=UTF-8''/,
    );
    expect(decodeURIComponent(res.headers.get('content-disposition')!.split("''")[1]!)).toMatch(/^教师名单-/);
    const [head, ...rows] = await csv(res);
    expect(head!.slice(0, 4)).toEqual(['学校标识码', '学校名称', '工号', '姓名']);
    expect(rows).toHaveLength(await total('teachers', analyst));
    expect(rows).toHaveLength(11);
    const zhang = rows.find((r) => r[3] === '张敏')!;
    expect(zhang.slice(4, 9)).toEqual(['女', '', '是', '研究生', '高级']);
    expect(zhang.slice(-3)).toEqual(['370***************', '138****1234', '']);
    // keyset order by name, no duplicates across batches
    const names = rows.map((r) => r[3]!);
    expect(new Set(rows.map((r) => `${r[0]}/${r[2]}`)).size).toBe(rows.length);
    expect([...names].sort()).toEqual(names);
  });

  it("shows personal fields in full to the teacher's district admin, and only their district", async () => {
    const rows = (await csv(await get('teachers.csv', district))).slice(1);
    expect(rows).toHaveLength(await total('teachers', district));
    expect(rows).toHaveLength(7);
    const zhang = rows.find((r) => r[3] === '张敏')!;
    expect(zhang.slice(-3)).toEqual([idNumber, '13800001234', '1985-03-12']);
  });

  it('applies the GraphQL filter and orderBy', async () => {
    const filter = { districtId: mine.districtId, isTownSeat: false };
    const res = await get('schools.csv', analyst, {
      filter,
      orderBy: { field: 'NAME', direction: 'DESC' },
    });
    const [head, ...rows] = await csv(res);
    expect(head!.slice(0, 2)).toEqual(['学校标识码', '学校名称']);
    expect(rows).toHaveLength(await total('schools', analyst, filter));
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r[1])).toEqual(['测试镇第3小学', '测试镇第2小学']);
    expect(rows[0]!.slice(5, 8)).toEqual(['小学', '乡村', '否']);

    const byDegree = await csv(await get('teachers.csv', analyst, { filter: { degree: 'POSTGRADUATE' } }));
    expect(byDegree.slice(1).map((r) => r[3])).toEqual(['张敏']);
  });

  it('writes the same rows as XLSX', async () => {
    const res = await get('teachers.xlsx', district, { filter: { schoolId: mine.schoolIds[0] } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('教师名单');
    const values = sheet.getSheetValues().filter(Boolean) as unknown[][];
    expect(values[0]!.slice(1, 5)).toEqual(['学校标识码', '学校名称', '工号', '姓名']);
    expect(values).toHaveLength(1 + (await total('teachers', district, { schoolId: mine.schoolIds[0] })));
    expect(values.find((r) => r[4] === '张敏')!.slice(-3)).toEqual([idNumber, '13800001234', '1985-03-12']);
  });

  it('refuses anonymous requests with 401', async () => {
    const res = await get('teachers.csv');
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('answers a bad filter with a GraphQL-shaped 400', async () => {
    const notJson = await get('teachers.csv', analyst, { filter: '{degree:' });
    expect(notJson.status).toBe(400);
    const body = (await notJson.json()) as any;
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'filter' }] });
    expect(body.errors[0].extensions.messageZh).toBeTruthy();

    const wrong = (await (
      await get('teachers.csv', analyst, { filter: { degree: 'PHD', colour: 'red' } })
    ).json()) as any;
    expect(wrong.errors[0].extensions.fields.map((f: { path: string }) => f.path)).toEqual([
      'filter.degree',
      'filter.colour',
    ]);
    const badId = await get('schools.csv', analyst, { filter: { districtId: 'nonsense' } });
    expect(badId.status).toBe(400);
    const badOrder = await get('schools.csv', analyst, { orderBy: { field: 'COLOUR' } });
    expect(((await badOrder.json()) as any).errors[0].extensions.fields[0].path).toBe('orderBy.field');
    const tooLong = await get('schools.csv', analyst, { filter: { search: 'x'.repeat(51) } });
    expect(tooLong.status).toBe(400);
  });

  it('answers unknown export names with 404', async () => {
    expect((await get('users.csv', city)).status).toBe(404);
  });
});

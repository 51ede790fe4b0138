import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { buildWorld, cityAdminToken, signInAs, type World } from '../../test/fixtures.js';
import { parseGlobalId } from '../../common/global-id.js';
import { Role } from '../../auth/viewer.js';
import { idNumberCheckChar } from '../teacher/id-number.js';
import { QUERY_EXPORT_DEFAULTS, setQueryExportOptions } from './export-query.route.js';

const dbId = (globalId: string) => parseGlobalId(globalId)!.id;

const GROUPS = `query Groups($filter: CollaborationGroupFilter, $orderBy: CollaborationGroupOrder, $first: Int, $after: String) {
  collaborationGroups(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    nodes { ...GroupRow }
  }
}
fragment GroupRow on CollaborationGroup {
  name kind district { name } leadSchool { name }
  members(first: 20) { nodes { role school { name } } }
}`;
const GROUP_COLUMNS = [
  { path: 'name', heading: '名称' },
  { path: 'kind', heading: '类型' },
  { path: 'district.name', heading: '区县' },
  { path: 'leadSchool.name', heading: '龙头校' },
  { path: 'members.nodes.school.name', heading: '成员校' },
];

const TEACHERS = `query($filter: TeacherFilter) {
  teachers(filter: $filter, orderBy: { field: NAME }) {
    edges { node { name isFullTime idNumber phone birthDate school { name code } } }
  }
}`;
const TEACHER_COLUMNS = ['name', 'school.name', 'school.code', 'isFullTime', 'idNumber', 'phone', 'birthDate'].map(
  (path) => ({
    path,
  }),
);

describe('export of any connection (POST /api/export/query.{csv,xlsx})', () => {
  let t: TestApp;
  let base: string;
  let city: string;
  let district: string;
  let analyst: string;
  let a: World;
  let b: World;
  const idNumber = '37012619850312123' + idNumberCheckChar('37012619850312123');

  const post = (format: 'csv' | 'xlsx', body: unknown, token?: string) =>
    fetch(`${base}/query.${format}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });

  /** The CSV's rows after the heading row, with the byte-order mark Excel needs checked. */
  async function csvRows(res: Response): Promise<{ head: string[]; rows: string[][] }> {
    if (res.status !== 200) throw new Error(`${res.status}: ${await res.text()}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [head, ...rows] = parse(new TextDecoder().decode(bytes), { bom: true }) as string[][];
    return { head: head!, rows };
  }

  async function errorOf(res: Response, status: number) {
    expect(res.status).toBe(status);
    const body = (await res.json()) as { errors: { message: string; extensions: Record<string, any> }[] };
    expect(body.errors[0]!.extensions.requestId).toBeTruthy();
    expect(JSON.stringify(body)).not.toMatch(/ at .*\.ts:\d+/); // no stack
    return body.errors;
  }

  const total = async (query: string, root: string, variables: Record<string, unknown>, token: string) => {
    const r = await t.gql<Record<string, { totalCount: number }>>(query, variables, token);
    expect(r.errors).toBeUndefined();
    return r.data![root]!.totalCount;
  };

  beforeAll(async () => {
    // Three rows a page: every export below walks several keyset pages.
    setQueryExportOptions({ pageSize: 3 });
    t = await startTestApp();
    base = t.url.replace(/\/graphql$/, '/api/export');
    city = await cityAdminToken(t);
    a = await buildWorld(t, city, { districtCode: '370981', schools: 7, teachersPerSchool: 1 });
    b = await buildWorld(t, city, { districtCode: '370982', schools: 3, teachersPerSchool: 1 });
    const group = async (name: string, kind: string, leadSchoolId: string) => {
      const r = await t.gql(
        'mutation($i: CreateCollaborationGroupInput!) { createCollaborationGroup(input: $i) { id } }',
        { i: { name, kind, leadSchoolId } },
        city,
      );
      if (!r.data?.createCollaborationGroup) throw new Error(JSON.stringify(r.errors));
      return r.data.createCollaborationGroup.id as string;
    };
    const kinds = ['EDUCATION_GROUP', 'SCHOOL_DISTRICT', 'DEVELOPMENT_COMMUNITY'];
    for (let i = 0; i < 7; i++) {
      const id = await group(`甲组${i + 1}`, kinds[i % 3]!, a.schoolIds[i]!);
      if (i === 0) {
        for (const schoolId of [a.schoolIds[5], a.schoolIds[6]]) {
          const r = await t.gql(
            'mutation($g: ID!, $i: AddGroupMemberInput!) { addGroupMember(groupId: $g, input: $i) { id } }',
            { g: id, i: { schoolId, role: 'MEMBER', joinedOn: '2024-09-01' } },
            city,
          );
          expect(r.errors).toBeUndefined();
        }
      }
    }
    for (let i = 0; i < 3; i++) await group(`乙组${i + 1}`, kinds[i]!, b.schoolIds[i]!);
    for (let i = 0; i < 4; i++) {
      const r = await t.gql(
        'mutation($i: CreateTrusteeshipInput!) { createTrusteeship(input: $i) { id } }',
        {
          i: {
            leadSchoolId: a.schoolIds[i],
            partnerSchoolId: i < 2 ? b.schoolIds[i] : a.schoolIds[i + 2],
            mode: i % 2 ? 'PAIRING' : 'COUNTERPART_SUPPORT',
            measures: ['JOINT_RESEARCH', 'CULTURE_SUPPORT'],
            startDate: '2024-09-01',
          },
        },
        city,
      );
      if (r.errors) throw new Error(JSON.stringify(r.errors));
    }
    const r = await t.gql(
      'mutation($i: CreateTeacherInput!) { createTeacher(input: $i) { id } }',
      {
        i: {
          staffNumber: 'P1',
          name: '张敏',
          gender: 'FEMALE',
          degree: 'POSTGRADUATE',
          schoolId: a.schoolIds[0],
          idNumber,
          phone: '13800001234',
          birthDate: '1985-03-12',
        },
      },
      city,
    );
    expect(r.errors).toBeUndefined();
    district = await signInAs(t, 'district', [{ role: Role.DISTRICT_ADMIN, districtId: dbId(a.districtId) }]);
    analyst = await signInAs(t, 'analyst', [{ role: Role.ANALYST }]);
  });
  afterAll(async () => {
    setQueryExportOptions(QUERY_EXPORT_DEFAULTS);
    await t.close();
  });

  it("exports a table's filtered, sorted rows with Chinese enum labels and lists joined", async () => {
    const variables = {
      filter: { districtId: a.districtId },
      orderBy: { field: 'NAME', direction: 'DESC' },
      first: 20,
    };
    const { head, rows } = await csvRows(
      await post('csv', { query: GROUPS, variables, columns: GROUP_COLUMNS, title: '协作组织' }, city),
    );
    expect(head).toEqual(['名称', '类型', '区县', '龙头校', '成员校']);
    expect(rows).toHaveLength(await total(GROUPS, 'collaborationGroups', variables, city));
    expect(rows.map((r) => r[0])).toEqual(['甲组7', '甲组6', '甲组5', '甲组4', '甲组3', '甲组2', '甲组1']);
    expect(rows.at(-1)!.slice(0, 4)).toEqual(['甲组1', '教育集团', '测试区370981', '测试镇第1小学']);
    expect(rows.at(-1)![4]!.split('、').sort()).toEqual(['测试镇第6小学', '测试镇第7小学']);
    expect(rows[0]![1]).toBe('教育集团');
    expect(rows[1]![1]).toBe('教育发展共同体');

    const byKind = { filter: { kind: 'SCHOOL_DISTRICT' } };
    const kind = await csvRows(await post('csv', { query: GROUPS, variables: byKind, columns: GROUP_COLUMNS }, city));
    expect(kind.rows).toHaveLength(await total(GROUPS, 'collaborationGroups', byKind, city));
    expect(kind.rows.map((r) => r[0])).toEqual(['乙组2', '甲组2', '甲组5']);
  });

  it('writes XLSX named after the title, headings first', async () => {
    const res = await post(
      'xlsx',
      {
        query: `query($f: TrusteeshipFilter) { trusteeships(filter: $f) { nodes {
          mode status measures startDate leadSchool { name } partnerSchool { name } } } }`,
        variables: { f: { districtId: a.districtId } },
        columns: [
          { path: 'leadSchool.name', heading: '托管校' },
          { path: 'partnerSchool.name', heading: '被托管校' },
          { path: 'mode', heading: '模式' },
          { path: 'measures', heading: '举措' },
          { path: 'startDate', heading: '开始日期' },
        ],
        title: '托管/帮扶',
      },
      district,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="trusteeships-\d{4}-\d\d-\d\d\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("''")[1]!)).toMatch(/^托管\/帮扶-\d{4}-\d\d-\d\d\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('托管 帮扶');
    const values = (sheet.getSheetValues().filter(Boolean) as unknown[][]).map((r) => r.slice(1));
    expect(values[0]).toEqual(['托管校', '被托管校', '模式', '举措', '开始日期']);
    const count = (await t.gql(
      'query($f: TrusteeshipFilter) { trusteeships(filter: $f) { totalCount } }',
      {
        f: { districtId: a.districtId },
      },
      district,
    ))!.data!.trusteeships.totalCount;
    expect(values.slice(1)).toHaveLength(count);
    expect(values.slice(1)).toHaveLength(4);
    expect(
      values
        .slice(1)
        .map((r) => r.slice(2).join('|'))
        .sort(),
    ).toEqual([
      '城乡对口帮扶|联合教研、文化帮扶|2024-09-01',
      '城乡对口帮扶|联合教研、文化帮扶|2024-09-01',
      '携手结对|联合教研、文化帮扶|2024-09-01',
      '携手结对|联合教研、文化帮扶|2024-09-01',
    ]);
  });

  it("a district admin's export holds only their district's rows, as their GraphQL list does", async () => {
    const { rows } = await csvRows(await post('csv', { query: GROUPS, columns: GROUP_COLUMNS }, district));
    expect(rows).toHaveLength(await total(GROUPS, 'collaborationGroups', {}, district));
    expect(rows.map((r) => r[0]).sort()).toEqual(['甲组1', '甲组2', '甲组3', '甲组4', '甲组5', '甲组6', '甲组7']);
    const all = await csvRows(await post('csv', { query: GROUPS, columns: GROUP_COLUMNS }, city));
    expect(all.rows).toHaveLength(10);

    const USERS = 'query { users { totalCount nodes { username isActive grants { role } } } }';
    const columns = [{ path: 'username' }, { path: 'isActive' }, { path: 'grants.role' }];
    const users = await csvRows(await post('csv', { query: USERS, columns }, district));
    expect(users.rows).toHaveLength(await total(USERS, 'users', {}, district));
    expect(users.rows.find((r) => r[0] === 'district')).toEqual(['district', '是', '区县教体局管理员：本区县']);
    const cityUsers = await csvRows(await post('csv', { query: USERS, columns }, city));
    expect(cityUsers.rows).toHaveLength(await total(USERS, 'users', {}, city));
    expect(cityUsers.rows.map((r) => r[0])).toEqual(['analyst', 'city', 'district']);
  });

  it('follows aliases on the connection, its rows and their fields', async () => {
    const { rows } = await csvRows(
      await post(
        'csv',
        {
          query: '{ list: users { rows: edges { row: node { login: username active: isActive } } } }',
          columns: [{ path: 'login' }, { path: 'active' }],
        },
        city,
      ),
    );
    expect(rows).toEqual([
      ['analyst', '是'],
      ['city', '是'],
      ['district', '是'],
    ]);
  });

  it('refuses anonymous requests with 401, and a forbidden list with 403, as JSON', async () => {
    const anonymous = await errorOf(await post('csv', { query: GROUPS, columns: GROUP_COLUMNS }), 401);
    expect(anonymous[0]!.extensions.code).toBe('UNAUTHENTICATED');
    const users = await errorOf(
      await post('xlsx', { query: 'query { users { nodes { username } } }', columns: [{ path: 'username' }] }, analyst),
      403,
    );
    expect(users[0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(users[0]!.extensions.messageZh).toBeTruthy();
  });

  it('masks personal fields exactly as GraphQL does for the viewer, across keyset pages', async () => {
    const graphql = async (token: string) =>
      (await t.gql(TEACHERS, {}, token)).data!.teachers.edges.map(({ node }: { node: Record<string, any> }) => [
        node.name,
        node.school.name,
        node.school.code,
        node.isFullTime ? '是' : '否',
        node.idNumber ?? '',
        node.phone ?? '',
        node.birthDate ?? '',
      ]);
    const analystRows = (await csvRows(await post('csv', { query: TEACHERS, columns: TEACHER_COLUMNS }, analyst))).rows;
    expect(analystRows).toHaveLength(11); // 4 pages of 3
    expect(analystRows).toEqual(await graphql(analyst));
    const zhang = analystRows.find((r) => r[0] === '张敏')!;
    expect(zhang.slice(4)).toEqual(['370***************', '138****1234', '']);

    const districtRows = (await csvRows(await post('csv', { query: TEACHERS, columns: TEACHER_COLUMNS }, district)))
      .rows;
    expect(districtRows).toEqual(await graphql(district));
    expect(districtRows.find((r) => r[0] === '张敏')!.slice(4)).toEqual([idNumber, '13800001234', '1985-03-12']);
    // keyset order by name, nothing repeated or lost between pages
    const names = analystRows.map((r) => r[0]!);
    expect([...names].sort()).toEqual(names);
    expect(new Set(analystRows.map((r) => r.join())).size).toBe(11);
  });

  it('refuses mutations and documents with several operations, writing nothing', async () => {
    const before = await t.ds.query('SELECT count(*)::int AS n FROM collaboration_group');
    const mutation = await errorOf(
      await post(
        'csv',
        {
          query: `mutation($i: CreateCollaborationGroupInput!) { createCollaborationGroup(input: $i) { name } }`,
          variables: { i: { name: '偷偷建的', kind: 'EDUCATION_GROUP', leadSchoolId: a.schoolIds[0] } },
          columns: [{ path: 'name' }],
        },
        city,
      ),
      400,
    );
    expect(mutation[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ constraint: 'queryOnly' }] });
    const two = await errorOf(
      await post('csv', { query: `${GROUPS} query Other { me { id } }`, columns: GROUP_COLUMNS }, city),
      400,
    );
    expect(two[0]!.extensions.fields[0].constraint).toBe('oneOperation');
    expect(await t.ds.query('SELECT count(*)::int AS n FROM collaboration_group')).toEqual(before);

    const notConnection = await errorOf(
      await post('csv', { query: '{ me { username } }', columns: [{ path: 'username' }] }, city),
      400,
    );
    expect(notConnection[0]!.extensions.fields[0].constraint).toBe('oneConnection');
    const twoFields = await errorOf(
      await post('csv', { query: '{ users { nodes { username } } me { id } }', columns: [{ path: 'username' }] }, city),
      400,
    );
    expect(twoFields[0]!.extensions.fields[0].constraint).toBe('oneConnection');
  });

  it('names a bad column path, a bad body, a bad query and bad variables', async () => {
    const paths = await errorOf(
      await post(
        'csv',
        {
          query: GROUPS,
          columns: [
            { path: 'name' },
            { path: 'district.nme' },
            { path: 'district' },
            { path: 'name.first' },
            { path: 'description' },
            { path: 'no such' },
          ],
        },
        city,
      ),
      400,
    );
    expect(paths[0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(paths[0]!.extensions.fields).toEqual([
      expect.objectContaining({ path: 'columns[5].path', constraint: 'path' }),
    ]);
    const resolved = await errorOf(
      await post(
        'csv',
        {
          query: GROUPS,
          columns: [
            { path: 'name' },
            { path: 'district.nme' },
            { path: 'district' },
            { path: 'name.first' },
            { path: 'description' },
          ],
        },
        city,
      ),
      400,
    );
    const fields = resolved[0]!.extensions.fields as { path: string; message: string; messageZh: string }[];
    expect(fields.map((f) => f.path)).toEqual([
      'columns[1].path',
      'columns[2].path',
      'columns[3].path',
      'columns[4].path',
    ]);
    expect(fields[0]!.message).toMatch(/District has no field nme/);
    expect(fields[1]!.message).toMatch(/an object/);
    expect(fields[2]!.message).toMatch(/is a value/);
    expect(fields[3]!.message).toMatch(/description is not selected/);
    expect(fields.every((f) => f.messageZh)).toBe(true);

    const noColumns = await errorOf(await post('csv', { query: GROUPS, columns: [] }, city), 400);
    expect(noColumns[0]!.extensions.fields[0].path).toBe('columns');
    const malformed = await fetch(`${base}/query.csv`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${city}` },
      body: '{"query":',
    });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');

    const syntax = await errorOf(await post('csv', { query: 'query {', columns: [{ path: 'x' }] }, city), 400);
    expect(syntax[0]!.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    const unknown = await errorOf(
      await post('csv', { query: '{ collaborationGroups { nodes { colour } } }', columns: [{ path: 'colour' }] }, city),
      400,
    );
    expect(unknown[0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const variable = await errorOf(
      await post('csv', { query: GROUPS, variables: { filter: { kind: 'CLUB' } }, columns: GROUP_COLUMNS }, city),
      400,
    );
    expect(variable[0]!.extensions.code).toBe('BAD_USER_INPUT');
    const badId = await errorOf(
      await post(
        'csv',
        { query: GROUPS, variables: { filter: { districtId: 'nonsense' } }, columns: GROUP_COLUMNS },
        city,
      ),
      400,
    );
    expect(badId[0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect((await post('csv', { query: GROUPS, columns: GROUP_COLUMNS }, city)).status).toBe(200);
    expect(
      (await fetch(`${base}/query.pdf`, { method: 'POST', headers: { authorization: `Bearer ${city}` } })).status,
    ).toBe(404);
  });

  it('keeps the /graphql limits: depth, cost, nested page size, and a row cap', async () => {
    const deep = await errorOf(
      await post(
        'csv',
        {
          query: `{ collaborationGroups { nodes { name ${'leadSchool { town { district { towns { nodes { '.repeat(3)} name ${'} } } } }'.repeat(3)} } } }`,
          columns: [{ path: 'name' }],
        },
        city,
      ),
      400,
    );
    expect(deep[0]!.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'maxDepth' });

    const nested = `{ collaborationGroups { nodes { name members(first: 100) { nodes {
      group { members(first: 100) { nodes { role school { name code } } } } } } } } }`;
    const tooComplex = await errorOf(await post('csv', { query: nested, columns: [{ path: 'name' }] }, city), 400);
    expect(tooComplex[0]!.extensions.code).toBe('QUERY_TOO_COMPLEX');

    const bigNested = await errorOf(
      await post(
        'csv',
        {
          query: '{ collaborationGroups { nodes { name members(first: 101) { nodes { role } } } } }',
          columns: [{ path: 'name' }],
        },
        city,
      ),
      400,
    );
    expect(bigNested[0]!.extensions.fields[0]).toMatchObject({ path: 'members.first', constraint: 'maxPageSize' });

    // A heavy row shrinks the page instead of failing: 500 groups with 100 members each would cost too much.
    setQueryExportOptions({ pageSize: 500 });
    try {
      const heavy = await csvRows(
        await post(
          'csv',
          {
            query:
              '{ collaborationGroups { nodes { name members(first: 100) { nodes { role school { name code } } } } } }',
            columns: [{ path: 'name' }, { path: 'members.nodes.role' }],
          },
          city,
        ),
      );
      expect(heavy.rows).toHaveLength(10);
      expect(heavy.rows.find((r) => r[0] === '甲组1')![1]).toBe('成员校、成员校');
    } finally {
      setQueryExportOptions({ pageSize: 3 });
    }

    setQueryExportOptions({ maxRows: 9 });
    try {
      const capped = await errorOf(await post('csv', { query: GROUPS, columns: GROUP_COLUMNS }, city), 400);
      expect(capped[0]!.extensions.fields[0]).toMatchObject({ path: 'query', constraint: 'maxRows' });
      expect(capped[0]!.message).toMatch(/10 rows; the limit is 9/);
      expect((await post('csv', { query: GROUPS, columns: GROUP_COLUMNS }, district)).status).toBe(200);
    } finally {
      setQueryExportOptions({ maxRows: QUERY_EXPORT_DEFAULTS.maxRows });
    }
  });

  it('prices the whole export (rows × cost per row) and refuses one over budget before any byte', async () => {
    setQueryExportOptions({ maxCost: 500 });
    try {
      const refused = await errorOf(await post('csv', { query: GROUPS, columns: GROUP_COLUMNS }, city), 400);
      expect(refused[0]!.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 500 });
      expect(refused[0]!.message).toMatch(/10 rows × [\d.]+ per row/);
      // the same rows with fewer nested fields fit
      const flat = await csvRows(
        await post(
          'csv',
          {
            query: GROUPS.replace(/members\(first: 20\) \{[^}]*\{[^}]*\} \} \}/, ''),
            columns: GROUP_COLUMNS.slice(0, 4),
          },
          city,
        ),
      );
      expect(flat.rows).toHaveLength(10);
    } finally {
      setQueryExportOptions({ maxCost: QUERY_EXPORT_DEFAULTS.maxCost });
    }
  });

  it('cuts an export that runs past its wall-clock limit', async () => {
    const seconds = t.config.exportMaxSeconds;
    t.config.exportMaxSeconds = 0;
    try {
      // the headers may or may not have left before the cut: either way no whole file arrives
      await expect(
        post('csv', { query: GROUPS, columns: GROUP_COLUMNS }, city).then((r) => r.text()),
      ).rejects.toThrow();
    } finally {
      t.config.exportMaxSeconds = seconds;
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type GqlResult, type TestApp } from '../test/harness.js';
import { buildWorld, cityAdminToken, nextSchoolCode, PASSWORD, signInAs, type World } from '../test/fixtures.js';
import { parseGlobalId } from '../common/global-id.js';
import { createSchema } from '../schema.js';
import { Role } from './viewer.js';
import {
  ADMINS,
  ALL,
  CITY,
  CITY_WIDE,
  DENIED,
  MANAGES_SCHOOL_1,
  ROLES,
  SEES_SCHOOL_1,
  SIGNED_IN,
  type Ask,
  type MatrixKit,
  type Row,
  type Scope,
  type Who,
} from '../test/matrix-kit.js';
import { MATRIX_MODULES } from '../test/matrix-modules.js';

/**
 * The authorization matrix: every query and mutation, as every role, on a record inside
 * the role's scope and on one outside it, against the real server. A root field with no
 * row here fails the completeness test, so no operation ships without its rules.
 */

/**
 * Allowed: no error and a non-empty answer. Refused: an access error, null, an empty page,
 * or an input reference the viewer cannot see ("no such school": out of scope looks absent).
 */
function verdict(r: GqlResult): 'allow' | 'deny' | string {
  const error = r.errors?.[0];
  const code = error?.extensions?.code;
  const unseen = (error?.extensions?.fields as { constraint?: string }[] | undefined)?.some(
    (f) => f.constraint === 'exists',
  );
  if (code)
    return DENIED.has(code) || (code === 'BAD_USER_INPUT' && unseen) ? 'deny' : `error ${code}: ${error!.message}`;
  const value = Object.values(r.data ?? {})[0] as unknown;
  if (value == null || value === false) return 'deny';
  if (typeof value === 'object' && value !== null && 'totalCount' in value)
    return (value as { totalCount: number }).totalCount > 0 ? 'allow' : 'deny';
  if (Array.isArray(value)) return value.some((v) => v != null) ? 'allow' : 'deny';
  return 'allow';
}

describe('authorization matrix', () => {
  let t: TestApp;
  let city: string;
  let a: World; // district A: the scoped roles live here, on school 0
  let b: World; // district B: out of everyone's scope but the city-wide roles
  const tokens = new Map<Who, string | undefined>();
  const teacherOf = new Map<string, string>();
  let n = 0;
  const uniq = () => `${++n}`;

  const gql = (q: string, v: Record<string, unknown>, token?: string) => t.gql(q, v, token);
  const dbId = (id: string) => parseGlobalId(id)!.id;

  async function emptySchool(world: World): Promise<string> {
    const r = await gql(
      'mutation($i: CreateSchoolInput!) { createSchool(input: $i) { id } }',
      {
        i: {
          code: nextSchoolCode(),
          name: `空学校${uniq()}`,
          stage: 'PRIMARY',
          locality: 'RURAL',
          townId: world.townId,
        },
      },
      city,
    );
    return r.data!.createSchool.id as string;
  }
  async function freshTeacher(schoolId: string): Promise<string> {
    const r = await gql(
      'mutation($i: CreateTeacherInput!) { createTeacher(input: $i) { id } }',
      { i: { staffNumber: `M${uniq()}`, name: '矩阵教师', gender: 'MALE', degree: 'BACHELOR', schoolId } },
      city,
    );
    return r.data!.createTeacher.id as string;
  }
  async function emptyTown(world: World, code: string): Promise<string> {
    const districtCode = world === a ? '370941' : '370942';
    const r = await gql(
      'mutation($i: CreateTownInput!) { createTown(input: $i) { id } }',
      { i: { code: `${districtCode}${code}`, name: `空镇${code}`, kind: 'TOWN', districtId: world.districtId } },
      city,
    );
    return r.data!.createTown.id as string;
  }
  const target = (s: Scope) => (s === 'in' ? a : b);
  async function emptyDistrict(): Promise<string> {
    const d = await gql(
      'mutation($c: String!) { createDistrict(input: { code: $c, name: "待删区", kind: ZONE }) { id } }',
      { c: `39${String(1000 + n++).slice(-4)}` },
      city,
    );
    return d.data!.createDistrict.id as string;
  }

  const rows: Record<string, Row> = {
    // ── public administrative divisions
    districts: {
      run: (tk) => gql('{ districts { totalCount } }', {}, tk),
      allow: { in: ALL, out: ALL },
      scopeFree: true,
    },
    district: {
      run: (tk, s) => gql('query($id: ID!) { district(id: $id) { id } }', { id: target(s).districtId }, tk),
      allow: { in: ALL, out: ALL },
    },
    towns: { run: (tk) => gql('{ towns { totalCount } }', {}, tk), allow: { in: ALL, out: ALL }, scopeFree: true },
    town: {
      run: (tk, s) => gql('query($id: ID!) { town(id: $id) { id } }', { id: target(s).townId }, tk),
      allow: { in: ALL, out: ALL },
    },
    // ── schools and teachers: scoped reads
    schools: {
      run: (tk, s) =>
        gql('query($t: ID!) { schools(filter: { townId: $t }) { totalCount } }', { t: target(s).townId }, tk),
      allow: { in: SEES_SCHOOL_1, out: CITY_WIDE },
    },
    school: {
      run: (tk, s) => gql('query($id: ID!) { school(id: $id) { id } }', { id: target(s).schoolIds[0] }, tk),
      allow: { in: SEES_SCHOOL_1, out: CITY_WIDE },
    },
    teachers: {
      run: (tk, s) =>
        gql(
          'query($id: ID!) { teachers(filter: { schoolId: $id }) { totalCount } }',
          { id: target(s).schoolIds[0] },
          tk,
        ),
      allow: { in: SEES_SCHOOL_1, out: CITY_WIDE },
    },
    teacher: {
      run: (tk, s) =>
        gql('query($id: ID!) { teacher(id: $id) { id } }', { id: teacherOf.get(target(s).schoolIds[0]!) }, tk),
      allow: { in: SEES_SCHOOL_1, out: CITY_WIDE },
    },
    node: {
      run: (tk, s) => gql('query($id: ID!) { node(id: $id) { id } }', { id: target(s).schoolIds[0] }, tk),
      allow: { in: SEES_SCHOOL_1, out: CITY_WIDE },
    },
    nodes: {
      run: (tk, s) => gql('query($id: ID!) { nodes(ids: [$id]) { id } }', { id: target(s).schoolIds[0] }, tk),
      allow: { in: SEES_SCHOOL_1, out: CITY_WIDE },
    },
    // ── the viewer
    me: { run: (tk) => gql('{ me { id } }', {}, tk), allow: { in: SIGNED_IN, out: SIGNED_IN }, scopeFree: true },
    viewerCan: {
      run: (tk, s) =>
        gql('query($id: ID) { viewerCan(action: SCHOOL_UPDATE, id: $id) }', { id: target(s).schoolIds[0] }, tk),
      allow: { in: MANAGES_SCHOOL_1, out: CITY },
    },
    auditEntries: {
      run: (tk) => gql('{ auditEntries(first: 1) { totalCount } }', {}, tk),
      allow: { in: ADMINS, out: ADMINS },
      scopeFree: true,
    },
    login: {
      ask: null, // signing in is no action of the policy
      run: (_tk) =>
        gql('mutation($p: String!) { login(username: "matrix-city", password: $p) { token } }', { p: PASSWORD }),
      allow: { in: ALL, out: ALL },
      scopeFree: true,
    },
    logout: {
      ask: null, // every signed-in viewer may sign out
      run: async (tk) =>
        tk
          ? gql('mutation { logout }', {}, await t.login(`matrix-${roleOf(tk)}`, PASSWORD))
          : gql('mutation { logout }', {}),
      allow: { in: SIGNED_IN, out: SIGNED_IN },
      scopeFree: true,
    },
    // ── writes on divisions
    createDistrict: {
      ask: () => ({ action: 'DISTRICT_CREATE' }),
      run: (tk) =>
        gql(
          'mutation($c: String!) { createDistrict(input: { code: $c, name: "新区", kind: DISTRICT }) { id } }',
          { c: `38${String(1000 + n++).slice(-4)}` },
          tk,
        ),
      allow: { in: CITY, out: CITY },
      scopeFree: true,
    },
    updateDistrict: {
      ask: (s) => ({ action: 'DISTRICT_UPDATE', id: target(s).districtId }),
      run: (tk, s) =>
        gql(
          'mutation($id: ID!) { updateDistrict(id: $id, input: { kind: DISTRICT }) { id } }',
          { id: target(s).districtId },
          tk,
        ),
      allow: { in: CITY, out: CITY },
    },
    deleteDistrict: {
      ask: async () => ({ action: 'DISTRICT_DELETE', id: await emptyDistrict() }),
      run: async (tk) => gql('mutation($id: ID!) { deleteDistrict(id: $id) }', { id: await emptyDistrict() }, tk),
      allow: { in: CITY, out: CITY },
      scopeFree: true,
    },
    createTown: {
      ask: (s) => ({ action: 'TOWN_CREATE', id: target(s).districtId }),
      run: (tk, s) =>
        gql(
          'mutation($i: CreateTownInput!) { createTown(input: $i) { id } }',
          {
            i: {
              code: `${s === 'in' ? '370941' : '370942'}${String(100 + n++).slice(-3)}`,
              name: '新镇',
              kind: 'TOWN',
              districtId: target(s).districtId,
            },
          },
          tk,
        ),
      allow: { in: CITY, out: CITY },
    },
    updateTown: {
      ask: (s) => ({ action: 'TOWN_UPDATE', id: target(s).townId }),
      run: (tk, s) =>
        gql(
          'mutation($id: ID!) { updateTown(id: $id, input: { inProgramme: true }) { id } }',
          { id: target(s).townId },
          tk,
        ),
      allow: { in: ADMINS, out: CITY },
    },
    deleteTown: {
      ask: (s) => ({ action: 'TOWN_DELETE', id: target(s).townId }), // decided by the town's district, as run's empty town
      run: async (tk, s) =>
        gql(
          'mutation($id: ID!) { deleteTown(id: $id) }',
          { id: await emptyTown(target(s), String(200 + n++).slice(-3)) },
          tk,
        ),
      allow: { in: CITY, out: CITY },
    },
    // ── writes on schools and teachers
    createSchool: {
      ask: (s) => ({ action: 'SCHOOL_CREATE', id: target(s).townId }),
      run: (tk, s) =>
        gql(
          'mutation($i: CreateSchoolInput!) { createSchool(input: $i) { id } }',
          {
            i: {
              code: nextSchoolCode(),
              name: '新学校',
              stage: 'PRIMARY',
              locality: 'RURAL',
              townId: target(s).townId,
            },
          },
          tk,
        ),
      allow: { in: ADMINS, out: CITY },
    },
    updateSchool: {
      ask: (s) => ({ action: 'SCHOOL_UPDATE', id: target(s).schoolIds[0] }),
      run: (tk, s) =>
        gql(
          'mutation($id: ID!) { updateSchool(id: $id, input: { studentCount: 500 }) { id } }',
          { id: target(s).schoolIds[0] },
          tk,
        ),
      allow: { in: MANAGES_SCHOOL_1, out: CITY },
    },
    deleteSchool: {
      ask: async (s) => ({ action: 'SCHOOL_DELETE', id: await emptySchool(target(s)) }),
      // An empty school in the scoped roles' district (not their own school, which has teachers).
      run: async (tk, s) =>
        gql('mutation($id: ID!) { deleteSchool(id: $id) }', { id: await emptySchool(target(s)) }, tk),
      allow: { in: ADMINS, out: CITY },
    },
    createTeacher: {
      ask: (s) => ({ action: 'TEACHER_CREATE', id: target(s).schoolIds[0] }),
      run: (tk, s) =>
        gql(
          'mutation($i: CreateTeacherInput!) { createTeacher(input: $i) { id } }',
          {
            i: {
              staffNumber: `N${uniq()}`,
              name: '新教师',
              gender: 'FEMALE',
              degree: 'BACHELOR',
              schoolId: target(s).schoolIds[0],
            },
          },
          tk,
        ),
      allow: { in: MANAGES_SCHOOL_1, out: CITY },
    },
    updateTeacher: {
      ask: (s) => ({ action: 'TEACHER_UPDATE', id: teacherOf.get(target(s).schoolIds[0]!) }),
      run: (tk, s) =>
        gql(
          'mutation($id: ID!) { updateTeacher(id: $id, input: { subject: "数学" }) { id } }',
          { id: teacherOf.get(target(s).schoolIds[0]!) },
          tk,
        ),
      allow: { in: MANAGES_SCHOOL_1, out: CITY },
    },
    deleteTeacher: {
      ask: async (s) => ({ action: 'TEACHER_DELETE', id: await freshTeacher(target(s).schoolIds[0]!) }),
      run: async (tk, s) =>
        gql('mutation($id: ID!) { deleteTeacher(id: $id) }', { id: await freshTeacher(target(s).schoolIds[0]!) }, tk),
      allow: { in: MANAGES_SCHOOL_1, out: CITY },
    },
    createUser: {
      ask: (s) => ({ action: 'USER_MANAGE', id: target(s).schoolIds[1] }), // where the grant lies
      run: (tk, s) =>
        gql(
          'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
          {
            i: {
              username: `u${uniq()}`,
              displayName: '新用户',
              password: 'long-enough-password',
              grants: [{ role: 'SCHOOL_STAFF', schoolId: target(s).schoolIds[1] }],
            },
          },
          tk,
        ),
      allow: { in: ADMINS, out: CITY },
    },
    // ── users and grants
    users: {
      run: (tk, s) =>
        gql('query($q: String!) { users(filter: { search: $q }) { totalCount } }', { q: `target-${s}` }, tk),
      allow: { in: ADMINS, out: CITY },
    },
    grantRole: {
      ask: (s) => ({ action: 'USER_MANAGE', id: targets[s] }),
      run: (tk, s) =>
        gql(
          'mutation($u: ID!, $s: ID!) { grantRole(userId: $u, grant: { role: RESEARCHER, schoolId: $s }) { id } }',
          { u: targets[s], s: target(s).schoolIds[1] },
          tk,
        ),
      allow: { in: ADMINS, out: CITY },
    },
    revokeGrant: {
      ask: (s) => ({ action: 'USER_MANAGE', id: targets[s] }),
      run: async (tk, s) => {
        const g = await gql(
          'mutation($u: ID!, $s: ID!) { grantRole(userId: $u, grant: { role: SCHOOL_STAFF, schoolId: $s }) { id } }',
          { u: targets[s], s: target(s).schoolIds[0] },
          city,
        );
        return gql('mutation($g: ID!) { revokeGrant(grantId: $g) }', { g: g.data!.grantRole.id }, tk);
      },
      allow: { in: ADMINS, out: CITY },
    },
    setUserActive: {
      ask: (s) => ({ action: 'USER_MANAGE', id: targets[s] }),
      run: (tk, s) =>
        gql('mutation($u: ID!) { setUserActive(userId: $u, isActive: true) { id } }', { u: targets[s] }, tk),
      allow: { in: ADMINS, out: CITY },
    },
  };

  const kit: MatrixKit = {
    t: undefined as unknown as TestApp,
    gql,
    city: () => city,
    token: (who) => tokens.get(who),
    a: () => a,
    b: () => b,
    target,
    teacherOf: (schoolId) => teacherOf.get(schoolId)!,
    uniq,
    dbId,
  };
  for (const module of MATRIX_MODULES) {
    for (const [name, row] of Object.entries(module.rows(kit))) {
      if (name in rows) throw new Error(`matrix row ${name} defined twice`);
      rows[name] = row;
    }
  }

  const targets: Record<Scope, string> = { in: '', out: '' };
  const roleByToken = new Map<string, Who>();
  const roleOf = (token: string) => roleByToken.get(token)!;

  beforeAll(async () => {
    t = await startTestApp();
    city = await cityAdminToken(t, 'matrix-setup');
    a = await buildWorld(t, city, { districtCode: '370941', schools: 2, teachersPerSchool: 1 });
    b = await buildWorld(t, city, { districtCode: '370942', schools: 2, teachersPerSchool: 1 });
    for (const w of [a, b]) {
      for (const s of w.schoolIds) {
        const r = await gql(
          'query($id: ID!) { school(id: $id) { teachers(first: 1) { nodes { id } } } }',
          { id: s },
          city,
        );
        teacherOf.set(s, r.data!.school.teachers.nodes[0].id);
      }
    }
    const s1 = dbId(a.schoolIds[0]!);
    const grants: Record<Role, { role: Role; districtId?: string; schoolId?: string }[]> = {
      [Role.CITY_ADMIN]: [{ role: Role.CITY_ADMIN }],
      [Role.DISTRICT_ADMIN]: [{ role: Role.DISTRICT_ADMIN, districtId: dbId(a.districtId) }],
      [Role.GROUP_LEADER]: [{ role: Role.GROUP_LEADER, schoolId: s1 }],
      [Role.SCHOOL_STAFF]: [{ role: Role.SCHOOL_STAFF, schoolId: s1 }],
      [Role.RESEARCHER]: [{ role: Role.RESEARCHER, schoolId: s1 }],
      [Role.ANALYST]: [{ role: Role.ANALYST }],
    };
    tokens.set('anonymous', undefined);
    for (const role of Object.values(Role)) {
      const token = await signInAs(t, `matrix-${role}`, grants[role]);
      tokens.set(role, token);
      roleByToken.set(token, role);
    }
    await signInAs(t, 'matrix-city', [{ role: Role.CITY_ADMIN }]);
    for (const scope of ['in', 'out'] as Scope[]) {
      const r = await gql(
        'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
        {
          i: {
            username: `target-${scope}`,
            displayName: '目标用户',
            password: 'long-enough-password',
            // The out-of-scope account also holds a grant in A: one grant in a district does
            // not put an account in its admin's reach (every grant must lie there).
            grants: [
              { role: 'SCHOOL_STAFF', schoolId: target(scope).schoolIds[1] },
              ...(scope === 'out' ? [{ role: 'SCHOOL_STAFF', schoolId: a.schoolIds[1] }] : []),
            ],
          },
        },
        city,
      );
      targets[scope] = r.data!.createUser.id as string;
    }
    kit.t = t;
    for (const module of MATRIX_MODULES) await module.setup?.(kit);
  });
  afterAll(() => t.close());

  it('has a row for every query and mutation in the schema', async () => {
    const schema = await createSchema();
    const fields = [
      ...Object.keys(schema.getQueryType()!.getFields()),
      ...Object.keys(schema.getMutationType()!.getFields()),
    ];
    const missing = fields.filter((f) => !(f in rows));
    expect(missing, `operations without authorization rows: ${missing.join(', ')}`).toEqual([]);
  });

  it('says for every mutation what a UI asks viewerCan', async () => {
    const schema = await createSchema();
    const unasked = Object.keys(schema.getMutationType()!.getFields()).filter((f) => rows[f]?.ask === undefined);
    expect(unasked, `mutation rows without ask (see test/matrix-kit.ts Row.ask): ${unasked.join(', ')}`).toEqual([]);
  });

  /** viewerCan's answer as 'allow'/'deny'; anything else (an error) fails the comparison. */
  async function viewerCan(ask: Ask, token: string | undefined): Promise<string> {
    const r = await gql(`query($id: ID) { viewerCan(action: ${ask.action}, id: $id) }`, { id: ask.id ?? null }, token);
    if (r.errors) return `error ${JSON.stringify(r.errors)}`;
    return r.data!.viewerCan === true ? 'allow' : 'deny';
  }

  for (const [operation, row] of Object.entries(rows)) {
    for (const scope of (row.scopeFree ? ['in'] : ['in', 'out']) as Scope[]) {
      it(`${operation} (${scope === 'in' ? 'in scope' : 'out of scope'})`, async () => {
        const outcomes: Record<string, string> = {};
        const expected: Record<string, string> = {};
        const told: Record<string, string> = {};
        for (const who of ROLES) {
          if (row.ask) told[who] = await viewerCan(await row.ask(scope), tokens.get(who));
          outcomes[who] = verdict(await row.run(tokens.get(who), scope));
          expected[who] = row.allow[scope].includes(who) ? 'allow' : 'deny';
        }
        expect(outcomes, 'the mutation as each role').toEqual(expected);
        // Parity: what the UI is told is what the server does, role by role.
        if (row.ask) expect(told, 'viewerCan as each role (must match the mutation)').toEqual(outcomes);
      });
    }
  }
});

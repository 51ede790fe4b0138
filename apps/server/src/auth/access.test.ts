import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.js';
import { buildWorld, cityAdminToken, signInAs, type World } from '../test/fixtures.js';
import { parseGlobalId } from '../common/global-id.js';
import { idNumberCheckChar } from '../modules/teacher/id-number.js';
import { LIMITS } from '../common/limits.js';
import { Role } from './viewer.js';
import { ManualClock } from '../test/manual-clock.js';

const dbId = (globalId: string) => parseGlobalId(globalId)!.id;

describe('scoped access', () => {
  let t: TestApp;
  let city: string;
  let mine: World;
  let theirs: World;
  let district: string;
  let school: string;
  let analyst: string;
  let teacherId: string;
  const idNumber = '37012619850312123' + idNumberCheckChar('37012619850312123');

  beforeAll(async () => {
    t = await startTestApp();
    city = await cityAdminToken(t);
    mine = await buildWorld(t, city, { districtCode: '370951', schools: 3, teachersPerSchool: 2 });
    theirs = await buildWorld(t, city, { districtCode: '370952', schools: 2, teachersPerSchool: 2 });
    const created = await t.gql<{ createTeacher: { id: string } }>(
      'mutation($i: CreateTeacherInput!) { createTeacher(input: $i) { id } }',
      {
        i: {
          staffNumber: 'P1',
          name: '张敏',
          gender: 'FEMALE',
          degree: 'BACHELOR',
          schoolId: mine.schoolIds[0],
          idNumber,
          phone: '13800001234',
          birthDate: '1985-03-12',
        },
      },
      city,
    );
    teacherId = created.data!.createTeacher.id;
    district = await signInAs(t, 'district', [{ role: Role.DISTRICT_ADMIN, districtId: dbId(mine.districtId) }]);
    school = await signInAs(t, 'school', [{ role: Role.SCHOOL_STAFF, schoolId: dbId(mine.schoolIds[1]!) }]);
    analyst = await signInAs(t, 'analyst', [{ role: Role.ANALYST }]);
  });
  afterAll(() => t.close());

  const count = async (token?: string) =>
    (
      await t.gql<{ schools: { totalCount: number }; teachers: { totalCount: number } }>(
        '{ schools { totalCount } teachers { totalCount } }',
        {},
        token,
      )
    ).data!;

  it('filters lists and totalCount by scope, in SQL', async () => {
    expect(await count(city)).toEqual({ schools: { totalCount: 5 }, teachers: { totalCount: 11 } });
    expect(await count(analyst)).toEqual({ schools: { totalCount: 5 }, teachers: { totalCount: 11 } });
    expect(await count(district)).toEqual({ schools: { totalCount: 3 }, teachers: { totalCount: 7 } });
    expect(await count(school)).toEqual({ schools: { totalCount: 1 }, teachers: { totalCount: 2 } });
    expect(await count(undefined)).toEqual({ schools: { totalCount: 0 }, teachers: { totalCount: 0 } });
  });

  it('scopes nested connections too', async () => {
    const r = await t.gql<{ district: { schools: { totalCount: number } } }>(
      'query($d: ID!) { district(id: $d) { schools { totalCount } } }',
      { d: theirs.districtId },
      district,
    );
    expect(r.data!.district.schools.totalCount).toBe(0);
  });

  it('answers out-of-scope reads and writes as not found, leaking nothing', async () => {
    const other = theirs.schoolIds[0];
    expect((await t.gql('query($id: ID!) { school(id: $id) { name } }', { id: other }, district)).data).toEqual({
      school: null,
    });
    expect((await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: other }, school)).data).toEqual({
      node: null,
    });
    const write = await t.gql(
      'mutation($id: ID!) { updateSchool(id: $id, input: { name: "改名" }) { id } }',
      { id: other },
      district,
    );
    expect(write.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('forbids a visible record to a role that may not change it', async () => {
    const r = await t.gql(
      'mutation($id: ID!) { updateSchool(id: $id, input: { name: "改名" }) { id } }',
      { id: mine.schoolIds[0] },
      analyst,
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anon = await t.gql('mutation($id: ID!) { deleteTeacher(id: $id) }', { id: teacherId });
    expect(anon.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('masks personal data for the analyst and for schools that do not manage the teacher', async () => {
    const q = 'query($id: ID!) { teacher(id: $id) { idNumber phone birthDate } }';
    expect((await t.gql(q, { id: teacherId }, district)).data).toEqual({
      teacher: { idNumber, phone: '13800001234', birthDate: '1985-03-12' },
    });
    expect((await t.gql(q, { id: teacherId }, analyst)).data).toEqual({
      teacher: { idNumber: '370***************', phone: '138****1234', birthDate: null },
    });
    const list = await t.gql<{ teachers: { nodes: { idNumber: string | null }[] } }>(
      '{ teachers(filter: { search: "张敏" }) { nodes { idNumber } } }',
      {},
      analyst,
    );
    expect(list.data!.teachers.nodes).toEqual([{ idNumber: '370***************' }]);
  });

  it('tells a UI what the viewer may do', async () => {
    const q = 'query($a: ViewerAction!, $id: ID) { viewerCan(action: $a, id: $id) }';
    expect((await t.gql(q, { a: 'SCHOOL_UPDATE', id: mine.schoolIds[0] }, district)).data).toEqual({ viewerCan: true });
    expect((await t.gql(q, { a: 'SCHOOL_UPDATE', id: theirs.schoolIds[0] }, district)).data).toEqual({
      viewerCan: false,
    });
    expect((await t.gql(q, { a: 'SCHOOL_UPDATE', id: mine.schoolIds[1] }, school)).data).toEqual({ viewerCan: true });
    expect((await t.gql(q, { a: 'SCHOOL_DELETE', id: mine.schoolIds[1] }, school)).data).toEqual({ viewerCan: false });
    expect((await t.gql(q, { a: 'DISTRICT_CREATE' }, district)).data).toEqual({ viewerCan: false });
    expect((await t.gql(q, { a: 'DISTRICT_CREATE' }, city)).data).toEqual({ viewerCan: true });
  });

  it('lets a district admin create users only inside their district', async () => {
    const q = 'mutation($i: CreateUserInput!) { createUser(input: $i) { username grants { role school { name } } } }';
    const base = { displayName: '新用户', password: 'a-long-password-1' };
    const ok = await t.gql(
      q,
      { i: { ...base, username: 'staff-1', grants: [{ role: 'SCHOOL_STAFF', schoolId: mine.schoolIds[2] }] } },
      district,
    );
    expect(ok.errors).toBeUndefined();
    const outside = await t.gql(
      q,
      { i: { ...base, username: 'staff-2', grants: [{ role: 'SCHOOL_STAFF', schoolId: theirs.schoolIds[0] }] } },
      district,
    );
    expect(outside.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const escalate = await t.gql(q, { i: { ...base, username: 'boss', grants: [{ role: 'CITY_ADMIN' }] } }, district);
    expect(escalate.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const fromSchool = await t.gql(
      q,
      { i: { ...base, username: 'x-1', grants: [{ role: 'SCHOOL_STAFF', schoolId: mine.schoolIds[1] }] } },
      school,
    );
    expect(fromSchool.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('writes an audit entry with each change, atomically, readable within scope', async () => {
    const q =
      'query($id: ID) { auditEntries(filter: { recordId: $id }) { totalCount nodes { action username recordId changes } } }';
    await t.gql(
      'mutation($id: ID!) { updateSchool(id: $id, input: { studentCount: 321 }) { id } }',
      { id: mine.schoolIds[2] },
      district,
    );
    const entries = await t.gql<{
      auditEntries: { totalCount: number; nodes: { action: string; username: string; changes: unknown }[] };
    }>(q, { id: mine.schoolIds[2] }, district);
    expect(entries.data!.auditEntries.nodes[0]).toMatchObject({
      action: 'UPDATE',
      username: 'district',
      changes: { studentCount: { before: 0, after: 321 } },
    });
    // A failed write (duplicate code) leaves neither the change nor an entry.
    const before = entries.data!.auditEntries.totalCount;
    const code = await t.gql<{ school: { code: string } }>(
      'query($id: ID!) { school(id: $id) { code } }',
      { id: mine.schoolIds[0] },
      city,
    );
    const failed = await t.gql(
      'mutation($id: ID!, $c: String!) { updateSchool(id: $id, input: { code: $c, studentCount: 999 }) { id } }',
      { id: mine.schoolIds[2], c: code.data!.school.code },
      district,
    );
    expect(failed.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const after = await t.gql<{ auditEntries: { totalCount: number } }>(q, { id: mine.schoolIds[2] }, district);
    expect(after.data!.auditEntries.totalCount).toBe(before);
    // Out of scope: the district admin sees no entries about the other district; a school sees none at all.
    const theirsLog = await t.gql<{ auditEntries: { totalCount: number } }>(q, { id: theirs.schoolIds[0] }, district);
    expect(theirsLog.data!.auditEntries.totalCount).toBe(0);
    expect((await t.gql(q, {}, school)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Personal data is recorded as changed, never copied into the log.
    const personal = await t.gql<{ auditEntries: { nodes: { changes: Record<string, unknown> }[] } }>(
      q,
      { id: teacherId },
      city,
    );
    expect(personal.data!.auditEntries.nodes[0]!.changes.idNumber).toEqual({ before: null, after: '***' });
  });

  it('signs out: the token stops working', async () => {
    const token = await signInAs(t, 'leaving', [{ role: Role.ANALYST }]);
    expect((await t.gql('mutation { logout }', {}, token)).data).toEqual({ logout: true });
    const r = await t.gql('{ me { username } }', {}, token);
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(r.status).toBe(401);
  });

  it('deactivating a user ends their sessions; nobody deactivates themselves', async () => {
    const token = await signInAs(t, 'to-disable', [{ role: Role.SCHOOL_STAFF, schoolId: dbId(mine.schoolIds[2]!) }]);
    const me = await t.gql<{ me: { id: string } }>('{ me { id } }', {}, token);
    const r = await t.gql(
      'mutation($u: ID!) { setUserActive(userId: $u, isActive: false) { isActive } }',
      { u: me.data!.me.id },
      district,
    );
    expect(r.data).toEqual({ setUserActive: { isActive: false } });
    expect((await t.gql('{ me { id } }', {}, token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const self = await t.gql<{ me: { id: string } }>('{ me { id } }', {}, district);
    const own = await t.gql(
      'mutation($u: ID!) { setUserActive(userId: $u, isActive: false) { isActive } }',
      { u: self.data!.me.id },
      district,
    );
    expect(own.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    // The district admin who manages the account reads its history: the deactivation is in
    // their audit log although a school staff grant stores no district; the other district's
    // admin does not see it.
    const log = 'query($id: ID) { auditEntries(filter: { recordId: $id }) { nodes { action changes } } }';
    const history = await t.gql<{ auditEntries: { nodes: { action: string; changes: unknown }[] } }>(
      log,
      { id: me.data!.me.id },
      district,
    );
    expect(history.data!.auditEntries.nodes).toContainEqual({
      action: 'UPDATE',
      changes: { isActive: { before: true, after: false } },
    });
    const otherAdmin = await signInAs(t, 'other-district-admin', [
      { role: Role.DISTRICT_ADMIN, districtId: dbId(theirs.districtId) },
    ]);
    const hidden = await t.gql<{ auditEntries: { nodes: unknown[] } }>(log, { id: me.data!.me.id }, otherAdmin);
    expect(hidden.data!.auditEntries.nodes).toEqual([]);
  });

  it('shows a district admin the creation of a school staff account they made', async () => {
    const created = await t.gql<{ createUser: { id: string } }>(
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      {
        i: {
          username: 'audited-staff',
          displayName: '审计',
          password: 'long-enough-password',
          grants: [{ role: 'SCHOOL_STAFF', schoolId: mine.schoolIds[1] }],
        },
      },
      district,
    );
    const history = await t.gql<{ auditEntries: { nodes: { action: string }[] } }>(
      'query($id: ID) { auditEntries(filter: { recordId: $id }) { nodes { action } } }',
      { id: created.data!.createUser.id },
      district,
    );
    expect(history.data!.auditEntries.nodes).toEqual([{ action: 'CREATE' }]);
  });

  // The sign-in policy (modules/user/sign-in-throttle.ts) is tried in depth in sign-in.test.ts;
  // here, that it holds on this server with its other traffic. The clock is stopped so the
  // one-second waits cannot run out between requests.
  it('slows failed sign-ins down per account instead of locking it', async () => {
    const clock = new ManualClock();
    t.config.clock = clock;
    const attempt = () => t.gql('mutation { login(username: "analyst", password: "wrong-password") { token } }');
    for (let i = 0; i < 5; i++) expect((await attempt()).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await attempt()).errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfter: 1 });
    clock.advance(1);
    expect((await attempt()).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('slows failed sign-ins down per address across accounts', async () => {
    const clock = new ManualClock();
    t.config.clock = clock;
    await t.ds.query('DELETE FROM sign_in_throttle');
    const codes: string[] = [];
    for (let i = 0; i < 21; i++) {
      const r = await t.gql('mutation($u: String!) { login(username: $u, password: "wrong-password") { token } }', {
        u: `nobody-${i}`,
      });
      codes.push(r.errors?.[0]?.extensions?.code as string);
    }
    expect(codes.slice(0, 20).every((c) => c === 'UNAUTHENTICATED')).toBe(true);
    expect(codes.at(-1)).toBe('TOO_MANY_REQUESTS');
  });
});

describe('API limits', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    token = await cityAdminToken(t);
  });
  afterAll(() => t.close());

  it('rejects a too-deep query naming the depth limit', async () => {
    const level = (inner: string) => `towns(first: 1) { nodes { district { ${inner} } } }`;
    let deep = 'name';
    for (let i = 0; i < 6; i++) deep = level(deep);
    const r = await t.gql(`{ districts(first: 1) { nodes { ${deep} } } }`, {}, token);
    expect(r.errors?.[0]?.message).toMatch(/depth limit of 16/i);
    expect(r.errors?.[0]?.extensions).toMatchObject({ limit: 'maxDepth' });
  });

  it('rejects too many aliases', async () => {
    const q = `{ ${Array.from({ length: LIMITS.maxAliases + 1 }, (_, i) => `a${i}: districts(first: 1) { totalCount }`).join(' ')} }`;
    const r = await t.gql(q, {}, token);
    expect(r.errors?.[0]?.message).toMatch(/aliases limit of 15/i);
    expect(r.errors?.[0]?.extensions).toMatchObject({ limit: 'maxAliases' });
  });

  it('prices lists by page size and rejects an expensive query with its cost', async () => {
    const q = '{ schools(first: 100) { nodes { teachers(first: 100) { nodes { name school { name } } } } } }';
    const r = await t.gql(q, {}, token);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: LIMITS.maxCost });
    expect(r.errors?.[0]?.extensions?.requestId).toBeTruthy();
  });

  it('caps batches and body size', async () => {
    const batch = Array.from({ length: LIMITS.maxBatch + 1 }, () => ({ query: '{ __typename }' }));
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(batch),
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toMatch(/at most 10/);
    const ok = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(batch.slice(0, 2)),
    });
    expect(await ok.json()).toHaveLength(2);
    const huge = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename } # ${'x'.repeat(LIMITS.maxBodyBytes)}` }),
    });
    expect(huge.status).toBe(413);
  });

  it('keeps CSRF prevention on: a simple GET without a preflight header is refused', async () => {
    const res = await fetch(`${t.url}?query=${encodeURIComponent('{ __typename }')}`);
    expect(res.status).toBe(400);
  });
});

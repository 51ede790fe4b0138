import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { buildWorld, cityAdminToken, PASSWORD, signInAs, type World } from '../../test/fixtures.js';
import { parseGlobalId, toGlobalId } from '../../common/global-id.js';
import { Role } from '../../auth/viewer.js';
import { RoleGrant, User } from './user.entity.js';

const dbId = (globalId: string) => parseGlobalId(globalId)!.id;

const CREATE = 'mutation($i: CreateUserInput!) { createUser(input: $i) { id username grants { id role } } }';
const GRANT = 'mutation($u: ID!, $g: GrantInput!) { grantRole(userId: $u, grant: $g) { id } }';
const REVOKE = 'mutation($g: ID!) { revokeGrant(grantId: $g) }';
const SET_ACTIVE = 'mutation($u: ID!, $a: Boolean!) { setUserActive(userId: $u, isActive: $a) { id isActive } }';
const USERS = 'query($q: String!) { users(filter: { search: $q }) { totalCount nodes { id username } } }';
const NODE = 'query($id: ID!) { node(id: $id) { id } }';
const CAN = 'query($id: ID!) { viewerCan(action: USER_MANAGE, id: $id) }';

/**
 * Accounts as a hostile district admin would try them: every account write and read on an
 * account with one grant in its district and another elsewhere, on city-wide roles, and every
 * grant it could not itself hold.
 */
describe('accounts a district admin reaches', () => {
  let t: TestApp;
  let city: string;
  let mine: World;
  let theirs: World;
  let district: string;
  let districtUserId: string;

  /** An account written directly (as the city admin's earlier work), its global id. */
  async function account(username: string, grants: { role: Role; districtId?: string; schoolId?: string }[]) {
    await signInAs(t, username, grants);
    const user = await t.ds.getRepository(User).findOneByOrFail({ username });
    return toGlobalId('User', user.id);
  }
  const code = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    t = await startTestApp();
    city = await cityAdminToken(t);
    mine = await buildWorld(t, city, { districtCode: '370961', schools: 2, teachersPerSchool: 0 });
    theirs = await buildWorld(t, city, { districtCode: '370962', schools: 2, teachersPerSchool: 0 });
    district = await signInAs(t, 'district-admin', [{ role: Role.DISTRICT_ADMIN, districtId: dbId(mine.districtId) }]);
    districtUserId = (await t.ds.getRepository(User).findOneByOrFail({ username: 'district-admin' })).id;
  });
  afterAll(() => t.close());

  it('cannot see, deactivate, grant to or revoke from a city admin holding one grant in its district', async () => {
    const boss = await account('boss', [
      { role: Role.CITY_ADMIN },
      { role: Role.SCHOOL_STAFF, schoolId: dbId(mine.schoolIds[0]!) },
    ]);
    const staffGrant = await t.ds
      .getRepository(RoleGrant)
      .findOneByOrFail({ userId: dbId(boss), role: Role.SCHOOL_STAFF });
    expect((await t.gql(USERS, { q: 'boss' }, district)).data!.users.totalCount).toBe(0);
    expect((await t.gql(NODE, { id: boss }, district)).data!.node).toBeNull();
    expect(code(await t.gql(SET_ACTIVE, { u: boss, a: false }, district))).toBe('NOT_FOUND');
    expect(
      code(await t.gql(GRANT, { u: boss, g: { role: 'SCHOOL_STAFF', schoolId: mine.schoolIds[1] } }, district)),
    ).toBe('NOT_FOUND');
    expect(code(await t.gql(REVOKE, { g: toGlobalId('RoleGrant', staffGrant.id) }, district))).toBe('NOT_FOUND');
    expect((await t.gql(CAN, { id: boss }, district)).data!.viewerCan).toBe(false);
    // Nothing changed, and the account still signs in.
    expect((await t.ds.getRepository(User).findOneByOrFail({ username: 'boss' })).isActive).toBe(true);
    expect(await t.ds.getRepository(RoleGrant).countBy({ userId: dbId(boss) })).toBe(2);
    await t.login('boss', PASSWORD);
    // The city admin reaches it.
    expect((await t.gql(CAN, { id: boss }, city)).data!.viewerCan).toBe(true);
  });

  it('cannot act on an analyst, nor on an account with a grant in another district', async () => {
    const analyst = await account('analyst-in-mine', [
      { role: Role.ANALYST },
      { role: Role.RESEARCHER, schoolId: dbId(mine.schoolIds[0]!) },
    ]);
    const straddling = await account('straddling', [
      { role: Role.SCHOOL_STAFF, schoolId: dbId(mine.schoolIds[0]!) },
      { role: Role.SCHOOL_STAFF, schoolId: dbId(theirs.schoolIds[0]!) },
    ]);
    const otherAdmin = await account('other-and-mine', [
      { role: Role.DISTRICT_ADMIN, districtId: dbId(theirs.districtId) },
      { role: Role.SCHOOL_STAFF, schoolId: dbId(mine.schoolIds[1]!) },
    ]);
    for (const id of [analyst, straddling, otherAdmin]) {
      expect(code(await t.gql(SET_ACTIVE, { u: id, a: false }, district))).toBe('NOT_FOUND');
      expect((await t.gql(NODE, { id }, district)).data!.node).toBeNull();
    }
    expect((await t.gql(USERS, { q: 'in-mine' }, district)).data!.users.totalCount).toBe(0);
    expect((await t.gql(USERS, { q: 'straddling' }, district)).data!.users.totalCount).toBe(0);
    // Once the grant elsewhere is gone, the account is the district's to manage.
    await t.ds.getRepository(RoleGrant).delete({ userId: dbId(straddling), schoolId: dbId(theirs.schoolIds[0]!) });
    expect((await t.gql(USERS, { q: 'straddling' }, district)).data!.users.totalCount).toBe(1);
    const off = await t.gql(SET_ACTIVE, { u: straddling, a: false }, district);
    expect(off.errors).toBeUndefined();
    expect((await t.gql(CAN, { id: straddling }, district)).data!.viewerCan).toBe(true);
  });

  it('links a district researcher only to an account within its reach', async () => {
    const researcher = await t.gql(
      'mutation($i: CreateResearcherInput!) { createResearcher(input: $i) { id } }',
      { i: { name: '区教研员', level: 'DISTRICT', districtId: mine.districtId, subject: '数学' } },
      district,
    );
    expect(researcher.errors).toBeUndefined();
    const id = researcher.data!.createResearcher.id as string;
    const LINK = 'mutation($id: ID!, $u: ID) { linkResearcherUser(id: $id, userId: $u) { id } }';
    const beyond = await account('researcher-straddling', [
      { role: Role.RESEARCHER, schoolId: dbId(mine.schoolIds[0]!) },
      { role: Role.RESEARCHER, schoolId: dbId(theirs.schoolIds[0]!) },
    ]);
    const refused = await t.gql(LINK, { id, u: beyond }, district);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'userId', constraint: 'exists' }],
    });
    const within = await account('researcher-within', [{ role: Role.RESEARCHER, schoolId: dbId(mine.schoolIds[0]!) }]);
    expect((await t.gql(LINK, { id, u: within }, district)).errors).toBeUndefined();
  });

  it('never grants what it could not do itself, at creation or later', async () => {
    const base = { displayName: '新用户', password: 'a-long-password-1' };
    const refused = [
      [{ role: 'ANALYST' }],
      [{ role: 'CITY_ADMIN' }],
      [{ role: 'DISTRICT_ADMIN', districtId: theirs.districtId }],
      [{ role: 'GROUP_LEADER', schoolId: theirs.schoolIds[0] }],
      [{ role: 'RESEARCHER', schoolId: theirs.schoolIds[1] }],
      [
        { role: 'SCHOOL_STAFF', schoolId: mine.schoolIds[0] },
        { role: 'SCHOOL_STAFF', schoolId: theirs.schoolIds[0] },
      ],
    ];
    for (const [i, grants] of refused.entries()) {
      const r = await t.gql(CREATE, { i: { ...base, username: `refused-${i}`, grants } }, district);
      expect(code(r), JSON.stringify(grants)).toBe('FORBIDDEN');
    }
    expect(await t.ds.getRepository(User).countBy({ username: 'refused-0' })).toBe(0);
    const made = await t.gql(
      CREATE,
      { i: { ...base, username: 'own-staff', grants: [{ role: 'SCHOOL_STAFF', schoolId: mine.schoolIds[0] }] } },
      district,
    );
    expect(made.errors).toBeUndefined();
    const id = made.data!.createUser.id as string;
    for (const g of [
      { role: 'ANALYST' },
      { role: 'CITY_ADMIN' },
      { role: 'DISTRICT_ADMIN', districtId: theirs.districtId },
      { role: 'SCHOOL_STAFF', schoolId: theirs.schoolIds[0] },
    ]) {
      expect(code(await t.gql(GRANT, { u: id, g }, district)), JSON.stringify(g)).toBe('FORBIDDEN');
    }
    expect(await t.ds.getRepository(RoleGrant).countBy({ userId: dbId(id) })).toBe(1);
    const own = await t.gql(GRANT, { u: id, g: { role: 'DISTRICT_ADMIN', districtId: mine.districtId } }, district);
    expect(own.errors).toBeUndefined();
  });

  it("keeps an account's last grant: a district admin deactivates instead, the city admin may revoke it", async () => {
    const made = await t.gql(
      CREATE,
      {
        i: {
          displayName: '一项授权',
          password: 'a-long-password-1',
          username: 'one-grant',
          grants: [{ role: 'SCHOOL_STAFF', schoolId: mine.schoolIds[1] }],
        },
      },
      district,
    );
    const grantId = made.data!.createUser.grants[0].id as string;
    const r = await t.gql(REVOKE, { g: grantId }, district);
    expect(r.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      fields: [{ path: 'grantId', constraint: 'lastGrant' }],
    });
    expect((await t.gql(REVOKE, { g: grantId }, city)).errors).toBeUndefined();
    // With no grant, the account lies in no district: only the city admin sees it.
    expect((await t.gql(USERS, { q: 'one-grant' }, district)).data!.users.totalCount).toBe(0);
    expect((await t.gql(USERS, { q: 'one-grant' }, city)).data!.users.totalCount).toBe(1);
  });

  it('sees itself, but may not change its own account once it holds a grant elsewhere', async () => {
    const me = toGlobalId('User', districtUserId);
    expect((await t.gql(NODE, { id: me }, district)).data!.node).toEqual({ id: me });
    await t.ds.getRepository(RoleGrant).save({
      userId: districtUserId,
      role: Role.SCHOOL_STAFF,
      districtId: null,
      schoolId: dbId(theirs.schoolIds[1]!),
    });
    const r = await t.gql(GRANT, { u: me, g: { role: 'SCHOOL_STAFF', schoolId: mine.schoolIds[1] } }, district);
    expect(code(r)).toBe('FORBIDDEN');
    expect((await t.gql(CAN, { id: me }, district)).data!.viewerCan).toBe(false);
    await t.ds.getRepository(RoleGrant).delete({ userId: districtUserId, schoolId: dbId(theirs.schoolIds[1]!) });
  });
});

describe('usernames without regard to case', () => {
  let t: TestApp;
  let city: string;
  let school: string;

  beforeAll(async () => {
    t = await startTestApp();
    city = await cityAdminToken(t);
    const w = await buildWorld(t, city, { districtCode: '370963', schools: 1, teachersPerSchool: 0 });
    school = w.schoolIds[0]!;
  });
  afterAll(() => t.close());

  const create = (username: string) =>
    t.gql(
      CREATE,
      {
        i: {
          username,
          displayName: username,
          password: PASSWORD,
          grants: [{ role: 'SCHOOL_STAFF', schoolId: school }],
        },
      },
      city,
    );

  it('refuses a username that differs from a taken one only in case, at input.username', async () => {
    expect((await create('Wang-Li')).errors).toBeUndefined();
    for (const clash of ['wang-li', 'WANG-LI', 'wAnG-lI']) {
      const r = await create(clash);
      expect(r.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        fields: [{ path: 'input.username', constraint: 'unique' }],
      });
    }
    expect(await t.ds.getRepository(User).countBy({})).toBe(2);
  });

  it('refuses it in the database too, whatever writes the row', async () => {
    await expect(
      t.ds.getRepository(User).insert({ username: 'CITY', displayName: 'x', passwordHash: 'x' }),
    ).rejects.toMatchObject({ driverError: { constraint: 'UQ_app_user_username_lower' } });
  });

  it('signs in whatever the case typed, as the one account, keeping its name as created', async () => {
    for (const typed of ['wang-li', 'WANG-LI', ' Wang-Li ']) {
      const r = await t.gql(
        'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { viewer { username } } }',
        { u: typed, p: PASSWORD },
      );
      expect(r.errors, typed).toBeUndefined();
      expect(r.data!.login.viewer.username).toBe('Wang-Li');
    }
    const wrong = await t.gql('mutation { login(username: "WANG-LI", password: "wrong-password-x") { token } }');
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('counts sign-in attempts on one counter whatever the case typed', async () => {
    await t.login('WANG-LI', PASSWORD);
    // Five free attempts per account and address; the sixth, typed in yet another case,
    // waits: all six went to one counter.
    const attempt = (u: string) =>
      t.gql('mutation($u: String!) { login(username: $u, password: "wrong-password-x") { token } }', { u });
    for (const u of ['wang-li', 'WANG-LI', 'Wang-Li', 'wang-LI', 'WANG-li']) {
      expect((await attempt(u)).errors?.[0]?.extensions?.code, u).toBe('UNAUTHENTICATED');
    }
    expect((await attempt('wAnG-lI')).errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
  });
});

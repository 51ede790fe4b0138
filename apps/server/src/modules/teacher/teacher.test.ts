import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { buildWorld, cityAdminToken, type World } from '../../test/fixtures.js';
import { idNumberCheckChar, isValidIdNumber } from './id-number.js';

const CREATE =
  'mutation($i: CreateTeacherInput!) { createTeacher(input: $i) { id staffNumber idNumber school { name } } }';

describe('teacher records', () => {
  let t: TestApp;
  let token: string;
  let world: World;

  beforeAll(async () => {
    t = await startTestApp();
    token = await cityAdminToken(t);
    world = await buildWorld(t, token, { districtCode: '370961', schools: 2, teachersPerSchool: 1 });
  });
  afterAll(() => t.close());

  const idNumber = (() => {
    const first17 = '37012619850312123';
    return first17 + idNumberCheckChar(first17);
  })();

  it('validates ID numbers by their check digit and birth date', () => {
    expect(isValidIdNumber(idNumber)).toBe(true);
    expect(isValidIdNumber(idNumber.slice(0, 17) + (idNumber[17] === '1' ? '2' : '1'))).toBe(false);
    expect(isValidIdNumber('370126198502301234')).toBe(false);
  });

  it('keeps staff numbers unique within a school but not across schools', async () => {
    const base = { name: '王老师', gender: 'FEMALE', degree: 'BACHELOR', staffNumber: 'T1' };
    const dup = await t.gql(CREATE, { i: { ...base, schoolId: world.schoolIds[0] } }, token);
    expect(dup.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', fields: [{ path: 'input.staffNumber' }] });
    const elsewhere = await t.gql(CREATE, { i: { ...base, staffNumber: 'T9', schoolId: world.schoolIds[1] } }, token);
    expect(elsewhere.errors).toBeUndefined();
  });

  it('rejects a bad ID number and phone with their field paths', async () => {
    const r = await t.gql(
      CREATE,
      {
        i: {
          name: '李老师',
          gender: 'MALE',
          degree: 'BACHELOR',
          staffNumber: 'T20',
          schoolId: world.schoolIds[0],
          idNumber: '123',
          phone: '12',
        },
      },
      token,
    );
    const paths = (r.errors?.[0]?.extensions?.fields as { path: string }[]).map((f) => f.path).sort();
    expect(paths).toEqual(['input.idNumber', 'input.phone']);
  });

  it("filters teachers by their school's attributes and their own", async () => {
    const r = await t.gql<{ teachers: { totalCount: number } }>(
      'query($d: ID!) { teachers(filter: { districtId: $d, isTownSeat: true, degree: BACHELOR }) { totalCount } }',
      { d: world.districtId },
      token,
    );
    expect(r.data!.teachers.totalCount).toBe(1);
  });
});

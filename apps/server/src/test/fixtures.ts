import { Role } from '../auth/viewer.js';
import { insertAccount } from '../modules/user/bootstrap.js';
import type { TestApp } from './harness.js';

export const PASSWORD = 'correct-horse-battery';

/** Creates an account with the given grants (ids are database ids) and signs it in. */
export async function signInAs(
  t: TestApp,
  username: string,
  grants: { role: Role; districtId?: string | null; schoolId?: string | null }[],
): Promise<string> {
  await t.ds.transaction((em) => insertAccount(em, { username, displayName: username, password: PASSWORD, grants }));
  return t.login(username, PASSWORD);
}

export const cityAdminToken = (t: TestApp, username = 'city') => signInAs(t, username, [{ role: Role.CITY_ADMIN }]);

let codeSeq = 0;
/** A fresh 10-digit school code per call within a test file. */
export function nextSchoolCode(): string {
  codeSeq += 1;
  return `37${String(Date.now() % 1e4).padStart(4, '0')}${String(codeSeq).padStart(4, '0')}`;
}

export interface World {
  districtId: string;
  townId: string;
  schoolIds: string[];
}

/** District → town → schools → teachers, built through the API as a city admin. */
export async function buildWorld(
  t: TestApp,
  token: string,
  opts: { districtCode: string; schools: number; teachersPerSchool: number },
): Promise<World> {
  const d = await t.gql<{ createDistrict: { id: string } }>(
    'mutation($i: CreateDistrictInput!) { createDistrict(input: $i) { id } }',
    { i: { code: opts.districtCode, name: `测试区${opts.districtCode}`, kind: 'DISTRICT' } },
    token,
  );
  const districtId = d.data!.createDistrict.id;
  const tw = await t.gql<{ createTown: { id: string } }>(
    'mutation($i: CreateTownInput!) { createTown(input: $i) { id } }',
    {
      i: {
        code: `${opts.districtCode}001`,
        name: `测试镇${opts.districtCode}`,
        kind: 'TOWN',
        districtId,
        inProgramme: true,
      },
    },
    token,
  );
  const townId = tw.data!.createTown.id;
  const schoolIds: string[] = [];
  for (let s = 0; s < opts.schools; s++) {
    const r = await t.gql<{ createSchool: { id: string } }>(
      'mutation($i: CreateSchoolInput!) { createSchool(input: $i) { id } }',
      {
        i: {
          code: nextSchoolCode(),
          name: `测试镇第${s + 1}小学`,
          stage: 'PRIMARY',
          locality: s === 0 ? 'TOWN' : 'RURAL',
          isTownSeat: s === 0,
          townId,
        },
      },
      token,
    );
    if (!r.data) throw new Error(JSON.stringify(r.errors));
    const schoolId = r.data.createSchool.id;
    schoolIds.push(schoolId);
    for (let i = 0; i < opts.teachersPerSchool; i++) {
      const tr = await t.gql(
        'mutation($i: CreateTeacherInput!) { createTeacher(input: $i) { id } }',
        {
          i: {
            staffNumber: `T${i + 1}`,
            name: `教师${s}-${i}`,
            gender: i % 2 ? 'MALE' : 'FEMALE',
            schoolId,
            degree: 'BACHELOR',
          },
        },
        token,
      );
      if (tr.errors) throw new Error(JSON.stringify(tr.errors));
    }
  }
  return { districtId, townId, schoolIds };
}

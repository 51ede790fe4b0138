import type { EntityManager } from 'typeorm';
import { Role } from '../../auth/viewer.js';
import { SchoolLocality, SchoolStage } from '../../modules/school/school.enums.js';
import { insertAccount, type NewAccount } from '../../modules/user/bootstrap.js';
import type { Division } from './divisions.js';
import type { PlannedSchool } from './schools.js';

/** Every demo account signs in with this; login refuses them all when NODE_ENV=production. */
export const DEMO_PASSWORD = 'zhuji-demo';

/** The demo's district is 商河县, an outer county with eleven 镇. */
export const DEMO_DISTRICT = '370126';
export const DEMO_CITY = 'demo-city';
/** The 商河县 bureau's account: it reviews the district's town plans. */
export const DEMO_DISTRICT_ACCOUNT = 'demo-district';
/** The town-seat school account: it drafts and submits 玉皇庙镇's plans. */
export const DEMO_SCHOOL = 'demo-school';
/** The account linked to a 商河县 researcher whose active assignments are its RESEARCHER grants' schools. */
export const DEMO_RESEARCHER = 'demo-researcher';

const COUNTY_TOWN = '370126001'; // 许商街道
const DEMO_TOWN = '370126107'; // 玉皇庙镇
const RESEARCHER_TOWNS = ['370126107', '370126108', '370126109']; // 玉皇庙镇, 白桥镇, 孙集镇

/** The records the scoped demo accounts hang on. */
export interface DemoScopes {
  districtId: string;
  /** the lead school (龙头校) of the group leader: the county town's largest urban primary school */
  leadSchoolId: string;
  /** the town-seat central primary school of 玉皇庙镇 */
  townSeatSchoolId: string;
  /** the town-seat central primary schools a researcher is attached to (包挂) */
  researcherSchoolIds: string[];
}

export function demoScopes(division: Division, schools: PlannedSchool[]): DemoScopes {
  const primary = schools.filter((s) => s.row.stage === SchoolStage.PRIMARY);
  const lead = primary
    .filter((s) => s.slot.town.code === COUNTY_TOWN && s.row.locality === SchoolLocality.URBAN && !s.row.isTownSeat)
    .sort((a, b) => b.slot.teachers - a.slot.teachers)[0];
  const seatPrimary = (townCode: string) => {
    const school = primary.find((s) => s.row.isTownSeat && s.slot.town.code === townCode);
    if (!school) throw new Error(`the demo needs a town-seat primary school in town ${townCode}`);
    return school.row.id;
  };
  if (!lead) throw new Error(`the demo needs an urban primary school in town ${COUNTY_TOWN}`);
  return {
    districtId: division.district.id,
    leadSchoolId: lead.row.id,
    townSeatSchoolId: seatPrimary(DEMO_TOWN),
    researcherSchoolIds: RESEARCHER_TOWNS.map(seatPrimary),
  };
}

/** One account per role, scoped to 商河县 where the role has a scope. */
function demoAccounts(scopes: DemoScopes): NewAccount[] {
  const account = (username: string, displayName: string, grants: NewAccount['grants']): NewAccount => ({
    username,
    displayName,
    password: DEMO_PASSWORD,
    isDemo: true,
    grants,
  });
  return [
    account(DEMO_CITY, '市教育局演示账号', [{ role: Role.CITY_ADMIN }]),
    account(DEMO_DISTRICT_ACCOUNT, '商河县教体局演示账号', [
      { role: Role.DISTRICT_ADMIN, districtId: scopes.districtId },
    ]),
    account('demo-group', '集团校长演示账号', [{ role: Role.GROUP_LEADER, schoolId: scopes.leadSchoolId }]),
    account(DEMO_SCHOOL, '镇驻地学校演示账号', [{ role: Role.SCHOOL_STAFF, schoolId: scopes.townSeatSchoolId }]),
    account(
      DEMO_RESEARCHER,
      '教研员演示账号',
      scopes.researcherSchoolIds.map((schoolId) => ({ role: Role.RESEARCHER, schoolId })),
    ),
    account('demo-analyst', '数据团队演示账号', [{ role: Role.ANALYST }]),
  ];
}

/** Writes the demo accounts with one precomputed hash (argon2 is slow on purpose); their ids by username. */
export async function insertDemoAccounts(
  em: EntityManager,
  scopes: DemoScopes,
  passwordHash: string,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const a of demoAccounts(scopes)) ids.set(a.username, (await insertAccount(em, a, passwordHash)).id);
  return ids;
}

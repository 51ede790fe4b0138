import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from '../../logger.js';
import { District } from '../../modules/district/district.entity.js';
import { School } from '../../modules/school/school.entity.js';
import { Teacher } from '../../modules/teacher/teacher.entity.js';
import { Town } from '../../modules/town/town.entity.js';
import { hashPassword } from '../../modules/user/auth.service.js';
import { DEMO_DISTRICT, DEMO_PASSWORD, demoScopes, insertDemoAccounts, type DemoScopes } from './accounts.js';
import { BatchInserter, insertRows } from './bulk.js';
import { loadDivisions, type Division } from './divisions.js';
import { PersonalNumbers } from './people.js';
import { planDistrict, type Scale } from './plan.js';
import { SchoolBuilder, type PlannedSchool } from './schools.js';
import { staffOf } from './teachers.js';

export interface SeedOptions {
  /**
   * `city`: Jinan as published; `province`: 16 times that, for benchmarks; `small`: only the
   * town-seat schools and an urban school per stage and district, a handful of teachers each, for tests
   */
  scale: Scale;
  logger?: Logger;
}

export interface SeedReport {
  districts: number;
  towns: number;
  schools: number;
  teachers: number;
  users: number;
  ms: number;
}

/**
 * Loads the demo data: Jinan's real districts and towns, generated schools and teachers
 * (the same content on every run), and one demo account per role. Assumes empty tables.
 * One transaction: a failed seed leaves nothing behind.
 */
export async function seed(ds: DataSource, options: SeedOptions): Promise<SeedReport> {
  const started = performance.now();
  const divisions = loadDivisions();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const districts = divisions.map((d) => d.district);
  const towns = divisions.flatMap((d) => d.towns);
  const counts = await ds.transaction(async (em) => {
    await insertRows(em, District, districts);
    await insertRows(em, Town, towns);
    const { schools, teachers, scopes } = await insertSchools(em, divisions, options);
    const users = await insertDemoAccounts(em, scopes, passwordHash);
    return { districts: districts.length, towns: towns.length, schools, teachers, users };
  });
  return { ...counts, ms: Math.round(performance.now() - started) };
}

/** Seeds only a database without districts; returns null when there was data already. */
export async function seedIfEmpty(ds: DataSource, options: SeedOptions): Promise<SeedReport | null> {
  if (await ds.getRepository(District).exists()) return null;
  const report = await seed(ds, options);
  options.logger?.info({ scale: options.scale, ...report }, 'seeded demo data');
  return report;
}

/** Schools and teachers, district by district; notes the demo accounts' scopes on the way. */
async function insertSchools(
  em: EntityManager,
  divisions: Division[],
  { scale, logger }: SeedOptions,
): Promise<{ schools: number; teachers: number; scopes: DemoScopes }> {
  const builder = new SchoolBuilder(scale);
  const numbers = new PersonalNumbers();
  let schools = 0;
  let teachers = 0;
  let scopes: DemoScopes | undefined;
  for (const division of divisions) {
    const planned = builder.build(division, planDistrict(division, scale));
    const rows = planned.map((p) => p.row);
    await insertRows(em, School, rows);
    teachers += await insertStaff(em, planned, numbers);
    schools += planned.length;
    if (division.district.code === DEMO_DISTRICT) scopes = demoScopes(division, planned);
    logger?.debug({ district: division.district.name, schools: planned.length }, 'seeded district');
  }
  if (!scopes) throw new Error(`the demo district ${DEMO_DISTRICT} is missing from data/counties.csv`);
  return { schools, teachers, scopes };
}

/**
 * One district's teachers, generated school by school and written in batches, so memory
 * stays flat at province scale. Principals are set afterwards: school and teacher point at
 * each other, and the school row must exist first.
 */
async function insertStaff(em: EntityManager, schools: PlannedSchool[], numbers: PersonalNumbers): Promise<number> {
  const teachers = new BatchInserter(em, Teacher);
  const principals: { id: string; principalId: string }[] = [];
  for (const school of schools) {
    const staff = staffOf(school, numbers);
    principals.push({ id: school.row.id, principalId: staff[0]!.id });
    await teachers.add(staff);
  }
  await teachers.flush();
  await setPrincipals(em, principals);
  return teachers.written;
}

async function setPrincipals(em: EntityManager, principals: { id: string; principalId: string }[]): Promise<void> {
  const school = em.connection.getMetadata(School);
  const column = school.findColumnWithPropertyName('principalId')!.databaseName;
  await em.query(
    `UPDATE "${school.tableName}" AS s SET "${column}" = v.principal_id
     FROM unnest($1::uuid[], $2::uuid[]) AS v(id, principal_id) WHERE s.id = v.id`,
    [principals.map((p) => p.id), principals.map((p) => p.principalId)],
  );
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { isValidIdNumber } from '../../modules/teacher/id-number.js';
import { loadDivisions } from './divisions.js';
import { PersonalNumbers } from './people.js';
import { planDistrict } from './plan.js';
import { SchoolBuilder } from './schools.js';
import { staffOf } from './teachers.js';
import { seedIfEmpty } from './seed.js';

const DEMO_USERNAMES = ['demo-city', 'demo-district', 'demo-group', 'demo-school', 'demo-researcher', 'demo-analyst'];

/** Everything generated at small scale, ids left out (they are random by design). */
function generatedContent(): string[] {
  const scale = 'small';
  const builder = new SchoolBuilder(scale);
  const numbers = new PersonalNumbers();
  const withoutIds = (record: object) =>
    JSON.stringify({ ...record, id: undefined, schoolId: undefined, townId: undefined, districtId: undefined });
  return loadDivisions().flatMap((division) =>
    builder
      .build(division, planDistrict(division, scale))
      .flatMap((school) => [withoutIds(school.row), ...staffOf(school, numbers).map(withoutIds)]),
  );
}

describe('demo data generator', () => {
  it('generates the same schools and teachers on every run', () => {
    expect(generatedContent()).toEqual(generatedContent());
  });

  it('sizes the city scale from the published figures', () => {
    const builder = new SchoolBuilder('city');
    const schools = loadDivisions().flatMap((d) => builder.build(d, planDistrict(d, 'city')));
    const teachers = schools.reduce((n, s) => n + s.slot.teachers, 0);
    expect(schools.length).toBeGreaterThan(2_000);
    expect(teachers).toBeGreaterThan(70_000);
    expect(teachers).toBeLessThan(90_000);
    expect(new Set(schools.map((s) => s.row.code)).size).toBe(schools.length);
    expect(new Set(schools.map((s) => s.row.name)).size).toBe(schools.length);
  });
});

describe('seed (small scale)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ seed: 'small' });
  });
  afterAll(() => t.close());

  it('loads every district and town, with the programme towns of DOMAIN.md', async () => {
    const [towns] = await t.ds.query(
      `SELECT count(*)::int AS all, count(*) FILTER (WHERE in_programme)::int AS programme,
              count(*) FILTER (WHERE kind = 'TOWN')::int AS zhen FROM town`,
    );
    expect(towns).toEqual({ all: 164, programme: 78, zhen: 29 });
    expect(await t.ds.query(`SELECT count(*)::int AS n FROM district`)).toEqual([{ n: 13 }]);
  });

  it('gives every programme town its three town-seat schools', async () => {
    const short = await t.ds.query(
      `SELECT t.name FROM town t LEFT JOIN school s ON s.town_id = t.id AND s.is_town_seat
       WHERE t.in_programme GROUP BY t.id, t.name HAVING count(s.id) <> 3`,
    );
    expect(short).toEqual([]);
  });

  it('gives every district an urban baseline for every stage', async () => {
    const rows: { n: number }[] = await t.ds.query(
      `SELECT count(DISTINCT s.stage)::int AS n FROM district d
       LEFT JOIN school s ON s.district_id = d.id AND s.locality = 'URBAN' GROUP BY d.id`,
    );
    expect(rows.map((r) => r.n)).toEqual(Array(13).fill(4));
  });

  it('makes every principal a senior teacher of their own school', async () => {
    const wrong = await t.ds.query(
      `SELECT s.name FROM school s LEFT JOIN teacher p ON p.id = s.principal_id
       WHERE p.school_id IS DISTINCT FROM s.id OR p.title NOT IN ('SENIOR', 'SENIOR_PROFESSOR')`,
    );
    expect(wrong).toEqual([]);
  });

  it('issues valid, unique ID numbers matching birth date and gender, and unique phones', async () => {
    const teachers: { idNumber: string; birthDate: string; gender: string; phone: string }[] = await t.ds.query(
      `SELECT id_number AS "idNumber", to_char(birth_date, 'YYYYMMDD') AS "birthDate", gender, phone FROM teacher`,
    );
    expect(teachers.filter((r) => !isValidIdNumber(r.idNumber))).toEqual([]);
    expect(teachers.filter((r) => r.idNumber.slice(6, 14) !== r.birthDate)).toEqual([]);
    expect(teachers.filter((r) => Number(r.idNumber[16]) % 2 !== (r.gender === 'MALE' ? 1 : 0))).toEqual([]);
    expect(new Set(teachers.map((r) => r.idNumber)).size).toBe(teachers.length);
    expect(teachers.filter((r) => !/^1[3-9]\d{9}$/.test(r.phone))).toEqual([]);
    expect(new Set(teachers.map((r) => r.phone)).size).toBe(teachers.length);
  });

  it('creates demo accounts that sign in with the demo password', async () => {
    for (const username of DEMO_USERNAMES) {
      await expect(t.login(username)).resolves.toEqual(expect.any(String));
    }
  });

  it('seeds only an empty database', async () => {
    await expect(seedIfEmpty(t.ds, { scale: 'small' })).resolves.toBeNull();
  });
});

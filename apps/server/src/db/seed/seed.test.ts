import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { isValidIdNumber } from '../../modules/teacher/id-number.js';
import { DEMO_DISTRICT, DEMO_RESEARCHER, demoScopes, type DemoScopes } from './accounts.js';
import { planCollaboration } from './collaboration.js';
import { planExchanges } from './exchanges.js';
import type { StaffMember } from './network.js';
import { planResearch } from './research.js';
import { addDays, demoCalendar } from './calendar.js';
import { loadDivisions } from './divisions.js';
import { BASE_STAFF_AS_OF, PersonalNumbers } from './people.js';
import { planDistrict } from './plan.js';
import { SchoolBuilder } from './schools.js';
import { staffOf } from './teachers.js';
import { seedIfEmpty } from './seed.js';
import { planStory } from './story.js';
import { planLedger } from './ledger.js';
import { planTownPlans } from './town-plans.js';
import { planAssessments } from './assessments.js';

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

/**
 * Every record planned at small scale for `anchor` (collaboration, exchanges, research,
 * ledger, plans, assessments), ids replaced by school codes and staff numbers.
 */
function networkContent(anchor: string): string {
  const scale = 'small';
  const builder = new SchoolBuilder(scale);
  const numbers = new PersonalNumbers();
  const keys = new Map<string, string>();
  const staff = new Map<string, StaffMember[]>();
  let scopes: DemoScopes | undefined;
  const divisions = loadDivisions();
  const districts = divisions.map((division) => {
    keys.set(division.district.id, division.district.code);
    const schools = builder.build(division, planDistrict(division, scale));
    for (const school of schools) {
      keys.set(school.row.id, school.row.code);
      const members = staffOf(school, numbers).slice(1);
      members.forEach((m) => keys.set(m.id, `${school.row.code}/${m.staffNumber}`));
      staff.set(
        school.row.id,
        members.slice(0, 12).map((m) => ({ id: m.id, schoolId: m.schoolId, name: m.name, subject: m.subject ?? '' })),
      );
    }
    if (division.district.code === DEMO_DISTRICT) scopes = demoScopes(division, schools);
    return { division, schools };
  });
  const story = planStory(divisions);
  const calendar = demoCalendar(anchor);
  const input = {
    scale,
    districts,
    staff,
    scopes: scopes!,
    demoResearcherUserId: 'demo-researcher',
    story,
    calendar,
  } as const;
  const collaboration = planCollaboration(input);
  const actor = { userId: 'demo', username: 'demo' };
  const content = {
    collaboration,
    exchanges: planExchanges(input, collaboration),
    research: planResearch(input),
    ledger: planLedger(input, { schoolId: scopes!.townSeatSchoolId, actor }),
    plans: planTownPlans(input, {
      demoTown: { townId: 'town', actor },
      demoDistrictId: scopes!.districtId,
      district: actor,
      city: actor,
    }),
    assessments: planAssessments(input),
  };
  return JSON.stringify(content).replace(
    /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
    (id) => keys.get(id) ?? 'id',
  );
}

describe('demo data generator', () => {
  it('generates the same schools and teachers on every run', () => {
    expect(generatedContent()).toEqual(generatedContent());
  });

  it('plans the same records on every run for the same anchor day, and other records for another day', () => {
    const first = networkContent('2027-06-15');
    expect(networkContent('2027-06-15')).toEqual(first);
    expect(networkContent('2027-06-16')).not.toEqual(first);
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
  // A day in the latest assessed year's closing weeks: the story's two years are 2025 and 2026.
  const DAY = '2026-12-03';

  beforeAll(async () => {
    t = await startTestApp({ seed: 'small', env: { ZHUJI_TODAY: DAY } });
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

  describe('collaboration records', () => {
    it('has trusteeships of every mode, and relations active on the demo day', async () => {
      const rows: { mode: string; active: number }[] = await t.ds.query(
        `SELECT mode::text AS mode, count(*) FILTER (WHERE start_date <= $1 AND (actual_end_date IS NULL OR actual_end_date >= $1))::int AS active
         FROM trusteeship GROUP BY 1 ORDER BY 1`,
        [DAY],
      );
      expect(rows.map((r) => r.mode)).toEqual(['COUNTERPART_SUPPORT', 'FULL_TRUSTEESHIP', 'GROUP_BRANCH', 'PAIRING']);
      expect(rows.every((r) => r.active > 0)).toBe(true);
      const [ended] = await t.ds.query(`SELECT count(*)::int AS n FROM trusteeship WHERE actual_end_date < $1`, [DAY]);
      expect(ended.n).toBeGreaterThan(0);
    });

    it('leaves some programme town-seat schools without an active trusteeship on purpose', async () => {
      const gaps = await t.ds.query(
        `SELECT s.name FROM school s JOIN town tw ON tw.id = s.town_id
         WHERE s.is_town_seat AND tw.in_programme AND NOT EXISTS (
           SELECT 1 FROM trusteeship x WHERE (x.lead_school_id = s.id OR x.partner_school_id = s.id)
             AND x.start_date <= $1::date AND (x.actual_end_date IS NULL OR x.actual_end_date >= $1::date))`,
        [DAY],
      );
      expect(gaps.length).toBeGreaterThan(0);
    });

    it("makes every group's lead school its one LEAD member, in its district", async () => {
      const wrong = await t.ds.query(
        `SELECT g.name FROM collaboration_group g JOIN school s ON s.id = g.lead_school_id
         WHERE g.district_id <> s.district_id
            OR (SELECT count(*) FROM group_membership m WHERE m.group_id = g.id AND m.role = 'LEAD') <> 1
            OR NOT EXISTS (SELECT 1 FROM group_membership m
                           WHERE m.group_id = g.id AND m.role = 'LEAD' AND m.school_id = g.lead_school_id)`,
      );
      expect(wrong).toEqual([]);
      const [history] = await t.ds.query(
        `SELECT count(*) FILTER (WHERE left_on IS NOT NULL)::int AS ended FROM group_membership`,
      );
      expect(history.ended).toBeGreaterThan(0);
    });

    it('never overlaps exchanges of one teacher, and sends teachers from their own school', async () => {
      const overlapping = await t.ds.query(
        `SELECT a.id FROM teacher_exchange a JOIN teacher_exchange b ON a.teacher_id = b.teacher_id AND a.id < b.id
         WHERE daterange(a.start_date, a.end_date, '[]') && daterange(b.start_date, b.end_date, '[]')`,
      );
      expect(overlapping).toEqual([]);
      const elsewhere = await t.ds.query(
        `SELECT x.id FROM teacher_exchange x JOIN teacher tc ON tc.id = x.teacher_id
         JOIN school f ON f.id = x.from_school_id JOIN school o ON o.id = x.to_school_id
         WHERE tc.school_id <> x.from_school_id OR f.district_id <> x.from_district_id OR o.district_id <> x.to_district_id`,
      );
      expect(elsewhere).toEqual([]);
      const kinds: { kind: string }[] = await t.ds.query(
        `SELECT DISTINCT kind::text AS kind FROM teacher_exchange ORDER BY 1`,
      );
      expect(kinds.map((k) => k.kind)).toEqual(['OUTREACH_TEACHING', 'ROTATION', 'SUPPORT_TEACHING']);
      const [soon] = await t.ds.query(
        `SELECT count(*)::int AS n FROM teacher_exchange WHERE end_date > $1::date AND end_date <= $1::date + 30`,
        [DAY],
      );
      expect(soon.n).toBeGreaterThan(0);
    });

    it("gives demo-group's lead school active trusteeships of 商河县 town-seat schools, demo-school's among them", async () => {
      const partners: { schoolId: string }[] = await t.ds.query(
        `SELECT t.partner_school_id AS "schoolId" FROM app_user u
         JOIN role_grant g ON g.user_id = u.id AND g.role = 'GROUP_LEADER'
         JOIN trusteeship t ON t.lead_school_id = g.school_id
         JOIN school p ON p.id = t.partner_school_id JOIN district d ON d.id = p.district_id
         WHERE u.username = 'demo-group' AND p.is_town_seat AND d.code = $2
           AND t.start_date <= $1 AND (t.actual_end_date IS NULL OR t.actual_end_date >= $1)`,
        [DAY, DEMO_DISTRICT],
      );
      expect(partners.length).toBeGreaterThanOrEqual(2);
      const [school] = await t.ds.query(
        `SELECT g.school_id AS "schoolId" FROM app_user u JOIN role_grant g ON g.user_id = u.id
         WHERE u.username = 'demo-school'`,
      );
      expect(partners).toContainEqual(school);
    });

    it('links demo-researcher to a researcher whose active assignments are its grants, with months missed', async () => {
      const assigned: { schoolId: string }[] = await t.ds.query(
        `SELECT a.school_id AS "schoolId" FROM researcher r JOIN app_user u ON u.id = r.user_id
         JOIN researcher_assignment a ON a.researcher_id = r.id
         JOIN school s ON s.id = a.school_id AND s.is_town_seat
         WHERE u.username = $2 AND a.start_date <= $1 AND (a.end_date IS NULL OR a.end_date >= $1)
         ORDER BY 1`,
        [DAY, DEMO_RESEARCHER],
      );
      const granted: { schoolId: string }[] = await t.ds.query(
        `SELECT g.school_id AS "schoolId" FROM role_grant g JOIN app_user u ON u.id = g.user_id
         WHERE u.username = $1 AND g.role = 'RESEARCHER' ORDER BY 1`,
        [DEMO_RESEARCHER],
      );
      expect(assigned.length).toBeGreaterThanOrEqual(2);
      expect(assigned).toEqual(granted);
      // Ended term months of the past year without a session, per assigned school.
      const missed: { n: number }[] = await t.ds.query(
        `SELECT count(*)::int AS n FROM researcher r JOIN app_user u ON u.id = r.user_id
         JOIN researcher_assignment a ON a.researcher_id = r.id AND a.end_date IS NULL
         CROSS JOIN generate_series(date_trunc('month', $1::date) - interval '12 months',
                                    date_trunc('month', $1::date) - interval '1 month', interval '1 month') AS m(month)
         WHERE u.username = $2 AND extract(month FROM m.month) NOT IN (2, 8) AND NOT EXISTS (
           SELECT 1 FROM joint_research_session j JOIN joint_research_session_school js ON js.session_id = j.id
           WHERE j.researcher_id = r.id AND js.school_id = a.school_id
             AND date_trunc('month', j.held_on::timestamp) = m.month)`,
        [DAY, DEMO_RESEARCHER],
      );
      expect(missed[0]!.n).toBeGreaterThan(0);
      expect(missed[0]!.n).toBeLessThan(12);
    });

    it('has a researcher without an active town-seat assignment, and sessions covering two schools', async () => {
      const breakers = await t.ds.query(
        `SELECT r.name FROM researcher r WHERE NOT EXISTS (
           SELECT 1 FROM researcher_assignment a JOIN school s ON s.id = a.school_id
           WHERE a.researcher_id = r.id AND s.is_town_seat
             AND a.start_date <= $1 AND (a.end_date IS NULL OR a.end_date >= $1))`,
        [DAY],
      );
      expect(breakers.length).toBeGreaterThan(0);
      const [pairs] = await t.ds.query(
        `SELECT count(*)::int AS n FROM (SELECT session_id FROM joint_research_session_school
         GROUP BY session_id HAVING count(*) = 2) p`,
      );
      expect(pairs.n).toBeGreaterThan(0);
      const wrongDistrict = await t.ds.query(
        `SELECT js.session_id FROM joint_research_session_school js JOIN school s ON s.id = js.school_id
         WHERE s.district_id <> js.district_id`,
      );
      expect(wrongDistrict).toEqual([]);
    });
  });

  describe('programme records', () => {
    it('has 2024 to 2026 plans for every programme town, 2026 in every state, some submitted late', async () => {
      const [counts] = await t.ds.query(
        `SELECT count(*)::int AS plans, count(DISTINCT p.town_id)::int AS towns FROM town_plan p
         JOIN town t ON t.id = p.town_id WHERE t.in_programme`,
      );
      expect(counts).toEqual({ plans: 78 * 3, towns: 78 });
      const states: { state: string }[] = await t.ds.query(
        `SELECT DISTINCT state::text AS state FROM town_plan WHERE year = 2026 ORDER BY 1`,
      );
      expect(states.map((s) => s.state)).toEqual(['APPROVED', 'DRAFT', 'FILED', 'RETURNED', 'SUBMITTED']);
      const [earlier] = await t.ds.query(
        `SELECT count(*) FILTER (WHERE state = 'FILED')::float / count(*) AS filed FROM town_plan WHERE year < 2026`,
      );
      expect(earlier.filed).toBeGreaterThan(0.8);
      const [late] = await t.ds.query(
        `SELECT count(*)::int AS n FROM town_plan
         WHERE year = 2026 AND (submitted_at AT TIME ZONE 'Asia/Shanghai')::date > '2026-03-29'`,
      );
      expect(late.n).toBeGreaterThan(0);
    });

    it("records every plan's review steps, and counts them in its version", async () => {
      const wrong = await t.ds.query(
        `SELECT p.id FROM town_plan p LEFT JOIN LATERAL (
           SELECT count(*)::int AS n, (array_agg(x.to_state ORDER BY x.at DESC))[1] AS last
             FROM town_plan_transition x WHERE x.plan_id = p.id) x ON TRUE
         WHERE p.version < 1 + x.n OR (x.n = 0 AND p.state <> 'DRAFT') OR (x.n > 0 AND x.last <> p.state)
            OR (p.state <> 'DRAFT') <> (p.submitted_at IS NOT NULL)`,
      );
      expect(wrong).toEqual([]);
      const [returned] = await t.ds.query(
        `SELECT count(*)::int AS n FROM town_plan_transition WHERE to_state = 'RETURNED' AND comment IS NULL`,
      );
      expect(returned.n).toBe(0);
      const actors: { username: string }[] = await t.ds.query(
        `SELECT DISTINCT username FROM town_plan_transition ORDER BY 1`,
      );
      expect(actors.map((a) => a.username)).toEqual(['demo-city', 'demo-district', 'demo-school', 'seed']);
    });

    it('has a rectification ledger with done, open and overdue items and their history', async () => {
      const rows: { status: string; n: number; overdue: number }[] = await t.ds.query(
        `SELECT status::text AS status, count(*)::int AS n, count(*) FILTER (WHERE deadline < $1)::int AS overdue
         FROM rectification_item GROUP BY 1 ORDER BY 1`,
        [DAY],
      );
      expect(rows.map((r) => r.status)).toEqual(['DONE', 'IN_PROGRESS', 'OPEN']);
      expect(rows.filter((r) => r.status !== 'DONE').reduce((n, r) => n + r.overdue, 0)).toBeGreaterThan(0);
      const unhistoried = await t.ds.query(
        `SELECT i.id FROM rectification_item i WHERE NOT EXISTS (
           SELECT 1 FROM rectification_status_change c WHERE c.item_id = i.id AND c.from_status IS NULL)
         OR i.status <> (SELECT c.to_status FROM rectification_status_change c WHERE c.item_id = i.id
                         ORDER BY c.at DESC LIMIT 1)
         OR (i.status = 'DONE' AND (i.evidence IS NULL OR i.closed_on > $1))`,
        [DAY],
      );
      expect(unhistoried).toEqual([]);
    });

    it('assesses every programme town and its town-seat schools for 2025 and 2026', async () => {
      const rows: { period: string; kind: string; n: number }[] = await t.ds.query(
        `SELECT period, subject_kind::text AS kind, count(*)::int AS n FROM assessment GROUP BY 1, 2 ORDER BY 1, 2`,
      );
      expect(rows).toEqual([
        { period: '2025', kind: 'SCHOOL', n: 78 * 3 },
        { period: '2025', kind: 'TOWN', n: 78 },
        { period: '2026', kind: 'SCHOOL', n: 78 * 3 },
        { period: '2026', kind: 'TOWN', n: 78 },
      ]);
      const [future] = await t.ds.query(`SELECT count(*)::int AS n FROM assessment_indicator WHERE measured_on > $1`, [
        DAY,
      ]);
      expect(future.n).toBe(0);
    });

    it('tells the story through the goal engine: 2026 below the target but close, 2025 lower', async () => {
      // The engine judges the running year up to today: look at it on the demo's day.
      vi.useFakeTimers({ toFake: ['Date'], now: new Date(`${DAY}T12:00:00+08:00`) });
      try {
        const token = await t.login('demo-city');
        const summary = async (period: string) => {
          const r = await t.gql<{
            programmeSummary: {
              townCount: number;
              shareMeetingAll: number;
              goals: { goal: string; townsMeeting: number }[];
              districts: { district: { code: string }; townCount: number; townsMeetingAll: number }[];
            };
          }>(
            `query($p: String) { programmeSummary(period: $p) { townCount shareMeetingAll goals { goal townsMeeting }
               districts { district { code } townCount townsMeetingAll } } }`,
            { p: period },
            token,
          );
          expect(r.errors).toBeUndefined();
          return r.data!.programmeSummary;
        };
        const [before, now] = [await summary('2025'), await summary('2026')];
        expect(now.townCount).toBe(78);
        expect(now.shareMeetingAll).toBeGreaterThan(0.6);
        expect(now.shareMeetingAll).toBeLessThan(0.8);
        expect(before.shareMeetingAll).toBeGreaterThan(0.25);
        expect(before.shareMeetingAll).toBeLessThan(now.shareMeetingAll - 0.2);
        // Every goal fails somewhere; 商河县 has towns meeting all six and towns that do not.
        expect(now.goals.every((g) => g.townsMeeting < 78)).toBe(true);
        const demo = now.districts.find((d) => d.district.code === DEMO_DISTRICT)!;
        expect(demo.townsMeetingAll).toBeGreaterThan(0);
        expect(demo.townsMeetingAll).toBeLessThan(demo.townCount);
      } finally {
        vi.useRealTimers();
      }
    });
  });

  it('seeds only an empty database', async () => {
    await expect(seedIfEmpty(t.ds, { scale: 'small', anchor: DAY })).resolves.toBeNull();
  });
});

/**
 * The demo on any day from 2026 to 2030: the same story, told relative to the day it is
 * seeded for. Each anchor gets its own database; the awkward days are among them (29 February,
 * 1 January, the first day of a school year).
 */
describe.each(['2027-06-15', '2028-02-29', '2029-01-01', '2030-09-01', '2026-12-03'])(
  'seed anchored to %s (small scale)',
  (anchor) => {
    let t: TestApp;
    const cal = demoCalendar(anchor);
    const anchorYear = Number(anchor.slice(0, 4));

    beforeAll(async () => {
      t = await startTestApp({ seed: 'small', env: { ZHUJI_TODAY: anchor } });
    });
    afterAll(() => t.close());

    it('dates nothing after the anchor but what is planned: planned ends, deadlines, an agreement for next term', async () => {
      // Every day and time column the seed writes, found from the schema so a new one is not
      // forgotten; created_at stays database time except where the seed dates the entry.
      const planned = new Set([
        'rectification_item.deadline',
        'trusteeship.planned_end_date',
        'teacher_exchange.end_date',
        'trusteeship.start_date',
      ]);
      const columns: { table: string; column: string; type: string }[] = await t.ds.query(
        `SELECT table_name AS "table", column_name AS "column", data_type AS type FROM information_schema.columns
         WHERE table_schema = 'public' AND data_type IN ('date', 'timestamp with time zone')
           AND table_name NOT IN ('audit_entry', 'auth_session', 'migrations')
           AND (column_name NOT IN ('created_at', 'updated_at')
                OR table_name IN ('rectification_item', 'town_plan', 'assessment', 'assessment_indicator'))`,
      );
      expect(columns.length).toBeGreaterThan(15);
      const late: string[] = [];
      for (const { table, column, type } of columns) {
        if (planned.has(`${table}.${column}`)) continue;
        const day = type === 'date' ? `"${column}"` : `("${column}" AT TIME ZONE 'Asia/Shanghai')::date`;
        const [row] = await t.ds.query(`SELECT count(*)::int AS n FROM "${table}" WHERE ${day} > $1::date`, [anchor]);
        if (row.n) late.push(`${table}.${column}: ${row.n}`);
      }
      expect(late).toEqual([]);
      // Only agreements signed for the next term start later, and they have not run at all.
      const future: { start: string; ended: string | null; activities: number }[] = await t.ds.query(
        `SELECT to_char(t.start_date, 'YYYY-MM-DD') AS start, t.actual_end_date AS ended,
                (SELECT count(*)::int FROM trusteeship_activity a WHERE a.trusteeship_id = t.id) AS activities
         FROM trusteeship t WHERE t.start_date > $1::date`,
        [anchor],
      );
      expect(future.filter((f) => f.start !== cal.nextTermStart || f.ended !== null || f.activities > 0)).toEqual([]);
    });

    it('ages its teachers with the demo: ages and careers counted to the moved school-year start', async () => {
      // A demo started in 2030 with ages frozen at 2025 would have nobody hired in five years.
      const asOf = cal.at(BASE_STAFF_AS_OF);
      const [row] = await t.ds.query(
        `SELECT to_char(max(hire_date), 'YYYY-MM-DD') AS "lastHire",
                min(date_part('year', age($1::date, birth_date)))::int AS youngest,
                max(date_part('year', age($1::date, birth_date)))::int AS oldest
         FROM teacher`,
        [asOf],
      );
      expect(row.lastHire <= asOf && row.lastHire > addDays(asOf, -365)).toBe(true);
      expect([row.youngest, row.oldest]).toEqual([22, 59]);
    });

    it('has the school year in progress: rotations begun this September, exchanges ending within 30 days', async () => {
      const [rows] = await t.ds.query(
        `SELECT count(*) FILTER (WHERE kind = 'ROTATION' AND start_date = $2::date)::int AS rotations,
                count(*) FILTER (WHERE start_date <= $1::date AND end_date > $1::date AND end_date <= $1::date + 30)::int AS soon
         FROM teacher_exchange`,
        [anchor, `${cal.schoolYear}-09-01`],
      );
      expect(rows.rotations).toBeGreaterThan(0);
      expect(rows.soon).toBeGreaterThan(0);
    });

    it('has joint research and trusteeship activities in the weeks before the anchor', async () => {
      const [recent] = await t.ds.query(
        `SELECT (SELECT count(*)::int FROM joint_research_session WHERE held_on BETWEEN $1::date - 28 AND $1::date) AS sessions,
                (SELECT count(*)::int FROM trusteeship_activity WHERE held_on BETWEEN $1::date - 28 AND $1::date) AS activities`,
        [anchor],
      );
      expect(recent.sessions).toBeGreaterThan(10);
      expect(recent.activities).toBeGreaterThan(10);
    });

    it('misses joint research only in past term months: a few, at the demo researcher within the last year too', async () => {
      // Months without a session at a programme town-seat school's open assignment, from its
      // start (or the first month the demo records) to the month before the anchor's.
      const gaps: { username: string | null; month: string }[] = await t.ds.query(
        `SELECT u.username, to_char(m.month, 'YYYY-MM') AS month
         FROM researcher_assignment a JOIN researcher r ON r.id = a.researcher_id LEFT JOIN app_user u ON u.id = r.user_id
         JOIN school s ON s.id = a.school_id AND s.is_town_seat JOIN town tw ON tw.id = s.town_id AND tw.in_programme
         CROSS JOIN LATERAL generate_series(date_trunc('month', greatest(a.start_date, $2::date)),
                                            date_trunc('month', $1::date) - interval '1 month', interval '1 month') AS m(month)
         WHERE a.end_date IS NULL AND NOT EXISTS (
           SELECT 1 FROM joint_research_session j JOIN joint_research_session_school js ON js.session_id = j.id
           WHERE j.researcher_id = r.id AND js.school_id = a.school_id
             AND date_trunc('month', j.held_on::timestamp) = m.month)`,
        [anchor, `${cal.month('2025-01')}-01`],
      );
      // No holiday month goes without a session there: the story misses term months only.
      expect(gaps.filter((g) => /-(02|08)$/.test(g.month))).toEqual([]);
      expect(gaps.length).toBeGreaterThan(0);
      const [towns] = await t.ds.query(`SELECT count(*)::int AS n FROM town WHERE in_programme`);
      expect(gaps.length).toBeLessThan(towns.n);
      const yearAgo = `${anchorYear - 1}${anchor.slice(4, 7)}`;
      expect(gaps.filter((g) => g.username === DEMO_RESEARCHER && g.month >= yearAgo).length).toBeGreaterThan(0);
    });

    it('assesses the two latest assessed years, and has the current plan cycle in every review state', async () => {
      const periods: { period: string }[] = await t.ds.query(`SELECT DISTINCT period FROM assessment ORDER BY 1`);
      expect(periods.map((p) => p.period)).toEqual([String(cal.latestAssessed - 1), String(cal.latestAssessed)]);
      expect(cal.latestAssessed === anchorYear || cal.latestAssessed === anchorYear - 1).toBe(true);
      const states: { state: string }[] = await t.ds.query(
        `SELECT DISTINCT state::text AS state FROM town_plan WHERE year = $1 ORDER BY 1`,
        [cal.planYear],
      );
      expect(states.map((s) => s.state)).toEqual(['APPROVED', 'DRAFT', 'FILED', 'RETURNED', 'SUBMITTED']);
      const [ledger] = await t.ds.query(
        `SELECT count(*) FILTER (WHERE deadline < $1::date)::int AS overdue,
                count(*) FILTER (WHERE deadline BETWEEN $1::date AND $1::date + 30)::int AS "nearlyDue"
         FROM rectification_item WHERE status <> 'DONE'`,
        [anchor],
      );
      expect(ledger.overdue).toBeGreaterThan(0);
      expect(ledger.nearlyDue).toBeGreaterThan(0);
    });

    it('shows some towns meeting all six goals and some not, in the latest completed year and the latest assessed one', async () => {
      // The goal engine judges a running year up to today: look at it on the anchor day.
      vi.useFakeTimers({ toFake: ['Date'], now: new Date(`${anchor}T12:00:00+08:00`) });
      try {
        const token = await t.login('demo-city');
        for (const period of new Set([String(anchorYear - 1), String(cal.latestAssessed)])) {
          const r = await t.gql<{ programmeSummary: { townCount: number; townsMeetingAll: number } }>(
            `query($p: String) { programmeSummary(period: $p) { townCount townsMeetingAll } }`,
            { p: period },
            token,
          );
          expect(r.errors).toBeUndefined();
          const { townCount, townsMeetingAll } = r.data!.programmeSummary;
          expect(townCount).toBe(78);
          expect(townsMeetingAll, period).toBeGreaterThan(townCount * 0.25);
          expect(townsMeetingAll, period).toBeLessThan(townCount * 0.8);
        }
      } finally {
        vi.useRealTimers();
      }
    });
  },
);

import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from '../../logger.js';
import { District } from '../../modules/district/district.entity.js';
import { School } from '../../modules/school/school.entity.js';
import { Teacher } from '../../modules/teacher/teacher.entity.js';
import { Town } from '../../modules/town/town.entity.js';
import { hashPassword } from '../../modules/user/auth.service.js';
import {
  CollaborationGroup,
  GroupMembership,
  Trusteeship,
  TrusteeshipActivity,
} from '../../modules/collaboration/collaboration.entity.js';
import { RelationApproval } from '../../modules/collaboration/collaboration.enums.js';
import { TeacherExchange } from '../../modules/exchange/exchange.entity.js';
import {
  JointResearchSession,
  JointResearchSessionSchool,
  Researcher,
  ResearcherAssignment,
} from '../../modules/research/research.entity.js';
import { SchoolLocality, SchoolStage } from '../../modules/school/school.enums.js';
import {
  DEMO_CITY,
  DEMO_DISTRICT,
  DEMO_DISTRICT_ACCOUNT,
  DEMO_PASSWORD,
  DEMO_SCHOOL,
  DEMO_RESEARCHER,
  demoScopes,
  insertDemoAccounts,
  type DemoScopes,
} from './accounts.js';
import { BatchInserter, insertRows } from './bulk.js';
import { planAssessments } from './assessments.js';
import { demoCalendar } from './calendar.js';
import { planLedger } from './ledger.js';
import { planTownPlans } from './town-plans.js';
import { RectificationItem, RectificationStatusChange } from '../../modules/ledger/ledger.entity.js';
import { TownPlan, TownPlanTransition } from '../../modules/plan/plan.entity.js';
import { Assessment, AssessmentIndicator } from '../../modules/assessment/assessment.entity.js';
import { planCollaboration } from './collaboration.js';
import { loadDivisions, type Division } from './divisions.js';
import { planExchanges } from './exchanges.js';
import { STAFF_SAMPLE, type SeededDistrict, type StaffMember } from './network.js';
import { BASE_STAFF_AS_OF, PersonalNumbers } from './people.js';
import { planDistrict, type Scale } from './plan.js';
import { planResearch } from './research.js';
import { SchoolBuilder, type PlannedSchool } from './schools.js';
import { staffOf, type TeacherRow } from './teachers.js';
import { addTally, emptyTally, fallShort, meetBaseline, type Tally } from './staffing.js';
import { failureOf, planStory, type Story } from './story.js';
import { familyOf } from './network.js';
import { ProgrammeGoal } from '../../modules/goals/goals.types.js';

export interface SeedOptions {
  /**
   * `city`: Jinan as published; `province`: 16 times that, for benchmarks; `small`: only the
   * town-seat schools and an urban school per stage and district, a handful of teachers each, for tests
   */
  scale: Scale;
  /**
   * The day the demo is seeded for, `YYYY-MM-DD`: the app passes `config.clock.today()`
   * (today in Jinan, or ZHUJI_TODAY). Every record is dated relative to it (calendar.ts).
   */
  anchor: string;
  logger?: Logger;
}

export interface SeedReport {
  districts: number;
  towns: number;
  schools: number;
  teachers: number;
  users: number;
  groups: number;
  memberships: number;
  trusteeships: number;
  trusteeshipActivities: number;
  exchanges: number;
  researchers: number;
  researcherAssignments: number;
  researchSessions: number;
  rectificationItems: number;
  rectificationChanges: number;
  townPlans: number;
  townPlanTransitions: number;
  assessments: number;
  assessmentIndicators: number;
  ms: number;
}

/**
 * Loads the demo data: Jinan's real districts and towns, generated schools and teachers
 * (the same content on every run), one demo account per role, and the collaboration
 * records (groups, trusteeships, exchanges, researchers and joint research) and the
 * programme records (rectification ledger, town plans, assessments) dated relative to the
 * anchor day (calendar.ts), all following the story of story.ts: which towns meet which of
 * the six goals in the two latest assessed years. The same (scale, anchor) writes the same
 * content (ids aside, which are random). Assumes empty tables. One transaction: a failed
 * seed leaves nothing behind.
 */
export async function seed(ds: DataSource, options: SeedOptions): Promise<SeedReport> {
  const started = performance.now();
  const divisions = loadDivisions();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const districts = divisions.map((d) => d.district);
  const towns = divisions.flatMap((d) => d.towns);
  const story = planStory(divisions);
  const calendar = demoCalendar(options.anchor);
  const counts = await ds.transaction(async (em) => {
    await insertRows(em, District, districts);
    await insertRows(em, Town, towns);
    const { schools, teachers, scopes, seeded, staff } = await insertSchools(
      em,
      divisions,
      options,
      story,
      calendar.at(BASE_STAFF_AS_OF),
    );
    const accounts = await insertDemoAccounts(em, scopes, passwordHash);
    const collaborationStarted = performance.now();
    const network = {
      scale: options.scale,
      districts: seeded,
      staff,
      scopes,
      demoResearcherUserId: accounts.get(DEMO_RESEARCHER)!,
      story,
      calendar,
    };
    const collaboration = planCollaboration(network);
    const exchanges = planExchanges(network, collaboration);
    const research = planResearch(network);
    const actor = (username: string) => ({ userId: accounts.get(username)!, username });
    const demoTownId = seeded.flatMap((d) => d.schools).find((s) => s.row.id === scopes.townSeatSchoolId)!.row.townId;
    const ledger = planLedger(network, { schoolId: scopes.townSeatSchoolId, actor: actor(DEMO_SCHOOL) });
    const plans = planTownPlans(network, {
      demoTown: { townId: demoTownId, actor: actor(DEMO_SCHOOL) },
      demoDistrictId: scopes.districtId,
      district: actor(DEMO_DISTRICT_ACCOUNT),
      city: actor(DEMO_CITY),
    });
    const assessments = planAssessments(network);
    const planned = performance.now();
    await insertRows(em, CollaborationGroup, collaboration.groups);
    const approved = { approval: RelationApproval.APPROVED };
    await insertRows(
      em,
      GroupMembership,
      collaboration.memberships.map((m) => ({ ...m, ...approved })),
    );
    await insertRows(
      em,
      Trusteeship,
      collaboration.trusteeships.map((t) => ({ ...t, ...approved })),
    );
    await insertRows(em, TrusteeshipActivity, collaboration.activities);
    await insertRows(em, TeacherExchange, exchanges);
    await insertRows(em, Researcher, research.researchers);
    await insertRows(em, ResearcherAssignment, research.assignments);
    await insertRows(em, JointResearchSession, research.sessions);
    await insertRows(em, JointResearchSessionSchool, research.sessionSchools);
    await insertRows(em, RectificationItem, ledger.items);
    await insertRows(em, RectificationStatusChange, ledger.changes);
    await insertRows(em, TownPlan, plans.plans);
    await insertRows(em, TownPlanTransition, plans.transitions);
    await insertRows(em, Assessment, assessments.assessments);
    await insertRows(em, AssessmentIndicator, assessments.indicators);
    options.logger?.debug(
      {
        planMs: Math.round(planned - collaborationStarted),
        insertMs: Math.round(performance.now() - planned),
      },
      'seeded groups, trusteeships, exchanges, joint research, ledger, plans and assessments',
    );
    return {
      districts: districts.length,
      towns: towns.length,
      schools,
      teachers,
      users: accounts.size,
      groups: collaboration.groups.length,
      memberships: collaboration.memberships.length,
      trusteeships: collaboration.trusteeships.length,
      trusteeshipActivities: collaboration.activities.length,
      exchanges: exchanges.length,
      researchers: research.researchers.length,
      researcherAssignments: research.assignments.length,
      researchSessions: research.sessions.length,
      rectificationItems: ledger.items.length,
      rectificationChanges: ledger.changes.length,
      townPlans: plans.plans.length,
      townPlanTransitions: plans.transitions.length,
      assessments: assessments.assessments.length,
      assessmentIndicators: assessments.indicators.length,
    };
  });
  return { ...counts, ms: Math.round(performance.now() - started) };
}

/** Seeds only a database without districts; returns null when there was data already. */
export async function seedIfEmpty(ds: DataSource, options: SeedOptions): Promise<SeedReport | null> {
  if (await ds.getRepository(District).exists()) return null;
  const report = await seed(ds, options);
  options.logger?.info({ scale: options.scale, anchor: options.anchor, ...report }, 'seeded demo data');
  return report;
}

interface InsertedSchools {
  schools: number;
  teachers: number;
  scopes: DemoScopes;
  /** the schools of each district, for the collaboration records */
  seeded: SeededDistrict[];
  /** a sample of each urban and town-seat school's staff, by school id */
  staff: Map<string, StaffMember[]>;
}

/** Schools and teachers, district by district; notes the demo accounts' scopes on the way. */
async function insertSchools(
  em: EntityManager,
  divisions: Division[],
  { scale, logger }: SeedOptions,
  story: Story,
  staffAsOf: string,
): Promise<InsertedSchools> {
  const builder = new SchoolBuilder(scale);
  const numbers = new PersonalNumbers();
  const seeded: SeededDistrict[] = [];
  const staff = new Map<string, StaffMember[]>();
  let schools = 0;
  let teachers = 0;
  let scopes: DemoScopes | undefined;
  for (const division of divisions) {
    const planned = builder.build(division, planDistrict(division, scale));
    const rows = planned.map((p) => p.row);
    await insertRows(em, School, rows);
    teachers += await insertStaff(em, planned, numbers, staff, story, staffAsOf);
    schools += planned.length;
    seeded.push({ division, schools: planned });
    if (division.district.code === DEMO_DISTRICT) scopes = demoScopes(division, planned);
    logger?.debug({ district: division.district.name, schools: planned.length }, 'seeded district');
  }
  if (!scopes) throw new Error(`the demo district ${DEMO_DISTRICT} is missing from data/counties.csv`);
  return { schools, teachers, scopes, seeded, staff };
}

/**
 * One district's teachers, generated school by school and written in batches, so memory
 * stays flat at province scale (only a small sample of urban and town-seat staff is kept,
 * for exchanges). Urban schools come first: they are the district's staffing baseline, which
 * the town-seat schools are then brought up to, or kept below, as the story wants
 * (staffing.ts). Principals are set afterwards: school and teacher point at each other, and
 * the school row must exist first.
 */
async function insertStaff(
  em: EntityManager,
  schools: PlannedSchool[],
  numbers: PersonalNumbers,
  sample: Map<string, StaffMember[]>,
  story: Story,
  staffAsOf: string,
): Promise<number> {
  const teachers = new BatchInserter(em, Teacher);
  const principals: { id: string; principalId: string }[] = [];
  const write = async (school: PlannedSchool, staff: TeacherRow[]) => {
    principals.push({ id: school.row.id, principalId: staff[0]!.id });
    if (school.row.isTownSeat || school.row.locality === SchoolLocality.URBAN) {
      const members = staff.slice(1).filter((t) => t.isFullTime);
      sample.set(
        school.row.id,
        members
          .slice(0, STAFF_SAMPLE)
          .map((t) => ({ id: t.id, schoolId: t.schoolId, name: t.name, subject: t.subject ?? '语文' })),
      );
    }
    await teachers.add(staff);
  };
  const urban = (s: PlannedSchool) => s.row.locality === SchoolLocality.URBAN;
  const baselines = new Map<SchoolStage, Tally>();
  const baseline = (stage: SchoolStage) => baselines.get(stage) ?? baselines.set(stage, emptyTally()).get(stage)!;
  for (const school of schools.filter((s) => urban(s) && !s.row.isTownSeat)) {
    const staff = staffOf(school, numbers, staffAsOf);
    addTally(baseline(school.row.stage), staff);
    await write(school, staff);
  }
  // The county town's own town-seat schools are urban too: raising them raises the baseline.
  const urbanSeats = schools
    .filter((s) => urban(s) && s.row.isTownSeat)
    .map((s) => ({ s, staff: staffOf(s, numbers, staffAsOf) }));
  const withSeats = (stage: SchoolStage) =>
    urbanSeats.filter((u) => u.s.row.stage === stage).reduce((t, u) => addTally(t, u.staff), { ...baseline(stage) });
  for (let changed = true; changed;) {
    changed = false;
    for (const u of urbanSeats) if (meetBaseline(u.staff, u.s.row.stage, withSeats(u.s.row.stage))) changed = true;
  }
  for (const u of urbanSeats) addTally(baseline(u.s.row.stage), u.staff);
  for (const u of urbanSeats) await write(u.s, u.staff);
  for (const school of schools.filter((s) => !urban(s))) {
    const staff = staffOf(school, numbers, staffAsOf);
    if (school.row.isTownSeat) {
      const base = baseline(school.row.stage);
      if (failureOf(story, school.row.townId, ProgrammeGoal.STAFFING, familyOf(school.row.stage))) {
        fallShort(staff, school.row.stage, base);
      } else meetBaseline(staff, school.row.stage, base);
    }
    await write(school, staff);
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

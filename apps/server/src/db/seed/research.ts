import { randomUUID } from 'node:crypto';
import {
  ResearcherLevel,
  type JointResearchSession,
  type JointResearchSessionSchool,
  type Researcher,
  type ResearcherAssignment,
} from '../../modules/research/research.entity.js';
import { SchoolLocality } from '../../modules/school/school.enums.js';
import { Gender } from '../../modules/teacher/teacher.enums.js';
import { DEMO_DISTRICT } from './accounts.js';
import {
  dayBetween,
  isHolidayMonth,
  maxDate,
  minDate,
  monthBounds,
  months,
  type DemoCalendar,
  type Period,
} from './calendar.js';
import { isOuterDistrict } from './divisions.js';
import { personName } from './names.js';
import {
  COUNTERPART_OF,
  districtByCode,
  familyOf,
  outerDistricts,
  supportedBy,
  townSeatPartners,
  type Family,
  type NetworkInput,
  type SeededDistrict,
} from './network.js';
import { Random } from './random.js';
import type { PlannedSchool } from './schools.js';
import { BAIQIAO, failureOf } from './story.js';
import { ProgrammeGoal } from '../../modules/goals/goals.types.js';

export type ResearcherRow = Omit<Researcher, 'createdAt' | 'updatedAt' | 'district' | 'user'>;
export type AssignmentRow = Omit<ResearcherAssignment, 'createdAt' | 'updatedAt' | 'researcher' | 'school'>;
export type SessionRow = Omit<JointResearchSession, 'createdAt' | 'updatedAt' | 'researcher'>;
export type SessionSchoolRow = Omit<JointResearchSessionSchool, 'session' | 'school'>;

export interface Research {
  researchers: ResearcherRow[];
  assignments: AssignmentRow[];
  sessions: SessionRow[];
  sessionSchools: SessionSchoolRow[];
}

/**
 * The months of joint research the demo records: from the first of the two assessed years
 * (story.ts) up to the anchor's month, so SUPPORT can be judged for both, and the months
 * since run on to the anchor day.
 */
export function sessionMonths(cal: DemoCalendar): string[] {
  return months(cal.month('2025-01'), cal.anchor.slice(0, 7));
}

/** 市级教研员: the city's subject researchers. */
const CITY_SUBJECTS = ['语文', '数学', '英语', '物理', '化学', '道德与法治', '科学', '学前教育', '语文', '数学'];
/** 区县教研员: four core subjects each district has, and one more. */
const DISTRICT_SUBJECTS = ['语文', '数学', '英语', '学前教育'];
const EXTRA_SUBJECTS = ['物理', '化学', '道德与法治', '科学', '生物', '历史', '地理'];
/** Districts with a researcher who breaks the programme rule (no active town-seat assignment). */
const RULE_BREAKERS = 3;

const SECONDARY_ONLY = new Set(['物理', '化学', '生物', '历史', '地理']);

/** Which schools a subject's researcher works with. */
function familyFor(subject: string, rng: Random): Family {
  if (subject === '学前教育') return 'kindergarten';
  if (subject === '科学') return 'primary';
  if (SECONDARY_ONLY.has(subject)) return 'secondary';
  return rng.chance(0.6) ? 'primary' : 'secondary';
}

const STAGE_PREFIX: Record<Family, string> = { primary: '小学', secondary: '初中', kindergarten: '' };

// prettier-ignore
const SCHOOL_TOPICS = [
  '大单元教学研讨', '作业设计与评价研讨', '课堂教学诊断与改进', '新课标学习与教学转化', '期中质量分析',
  '学困生帮扶策略研讨', '公开课观摩与评课', '跨学科主题学习研讨', '单元整体教学设计', '命题与试卷讲评研讨',
];
const LAB_TOPICS = ['实验教学研讨', '探究实验设计研讨'];
// prettier-ignore
const KINDERGARTEN_TOPICS = ['区域活动观摩研讨', '幼小衔接课程研讨', '户外自主游戏研讨', '一日生活常规研讨', '游戏化课程设计研讨'];
/** Sessions are held Tuesday to Thursday. */
const MIDWEEK = [2, 3, 4];
const FORMATS = ['听课', '观摩课例', '说课评课', '集体备课', '专题讲座'];

interface Profile {
  row: ResearcherRow;
  family: Family;
  assignments: (AssignmentRow & { school: PlannedSchool })[];
  /** attached as the rules say, or breaking them on purpose: no more town-seat schools */
  fixed?: boolean;
}

/**
 * Researchers, their assignments (包挂) and a year of joint research sessions. City
 * researchers work across the outer districts; a central district's researchers with the
 * outer districts it supports (it has no town-seat schools of its own).
 */
export function planResearch(input: NetworkInput): Research {
  const rng = new Random(`researchers:${input.scale}`);
  const names = new Set<string>();
  const name = () => {
    let n = personName(rng, rng.chance(0.65) ? Gender.FEMALE : Gender.MALE);
    while (names.has(n)) n = personName(rng, rng.chance(0.65) ? Gender.FEMALE : Gender.MALE);
    names.add(n);
    return n;
  };
  const allPartners = outerDistricts(input).flatMap(townSeatPartners);
  const profiles: Profile[] = [];

  CITY_SUBJECTS.forEach((subject, i) => {
    const profile = newProfile(name(), ResearcherLevel.CITY, null, subject, rng);
    // The last one was appointed this term and is attached to no school yet: a rule breaker.
    if (i < CITY_SUBJECTS.length - 1) attach(profile, allPartners, rng, input.calendar);
    else profile.fixed = true;
    profiles.push(profile);
  });

  const breakers = new Set(
    new Random(`researchers:breakers:${input.scale}`)
      .shuffle(input.districts.map((d) => d.division.district.code))
      .slice(0, RULE_BREAKERS),
  );
  for (const district of input.districts) {
    const code = district.division.district.code;
    const targets = isOuterDistrict(district.division.district)
      ? townSeatPartners(district)
      : supportedBy(code).flatMap((outer) => {
          const d = districtByCode(input, outer);
          return d ? townSeatPartners(d) : [];
        });
    const subjects = [...DISTRICT_SUBJECTS, rng.pick(EXTRA_SUBJECTS)];
    subjects.forEach((subject, i) => {
      const profile = newProfile(name(), ResearcherLevel.DISTRICT, district.division.district.id, subject, rng);
      if (code === DEMO_DISTRICT && i === 0) demoResearcher(input, profile, district);
      else if (breakers.has(code) && i === subjects.length - 1) {
        breakRule(profile, district, targets, rng, input.calendar);
        profile.fixed = true;
      } else attach(profile, targets, rng, input.calendar);
      profiles.push(profile);
    });
  }
  coverTownSeats(input, profiles, name, rng);
  const sessionsFrom = sessionMonths(input.calendar);

  const research: Research = {
    researchers: profiles.map((p) => p.row),
    assignments: profiles.flatMap((p) => p.assignments.map(({ school: _, ...row }) => row)),
    sessions: [],
    sessionSchools: [],
  };
  for (const profile of profiles) planSessions(input, profile, sessionsFrom, research);
  return research;
}

function newProfile(
  name: string,
  level: ResearcherLevel,
  districtId: string | null,
  subject: string,
  rng: Random,
): Profile {
  return {
    row: { id: randomUUID(), name, level, districtId, subject, userId: null },
    family: familyFor(subject, rng),
    assignments: [],
  };
}

function assign(profile: Profile, school: PlannedSchool, period: Period): void {
  profile.assignments.push({
    id: randomUUID(),
    researcherId: profile.row.id,
    schoolId: school.row.id,
    districtId: school.row.districtId,
    startDate: period.start,
    endDate: period.end,
    school,
  });
}

/** One to three town-seat schools of the researcher's stage; now and then an earlier one that ended. */
function attach(profile: Profile, targets: PlannedSchool[], rng: Random, cal: DemoCalendar): void {
  const pool = rng.shuffle(targets.filter((s) => familyOf(s.row.stage) === profile.family));
  const count = Math.min(pool.length, rng.int(1, 3));
  const start = cal.at(rng.pick(['2023-09-01', '2023-09-01', '2024-09-01', '2025-09-01']));
  if (count && pool.length > count && start === cal.at('2023-09-01') && rng.chance(0.2)) {
    // Moved from one school to another at the start of the school year of the latest assessed year.
    assign(profile, pool[count]!, { start, end: cal.at('2025-08-31') });
    assign(profile, pool[0]!, { start: cal.at('2025-09-01'), end: null });
    pool.slice(1, count).forEach((s) => assign(profile, s, { start, end: null }));
    return;
  }
  pool.slice(0, count).forEach((s) => assign(profile, s, { start, end: null }));
}

/**
 * A researcher the programme rule flags: attached only to a village or county-town school,
 * or only to a town-seat school they have left.
 */
function breakRule(
  profile: Profile,
  district: SeededDistrict,
  targets: PlannedSchool[],
  rng: Random,
  cal: DemoCalendar,
): void {
  const others = district.schools.filter(
    (s) => !s.row.isTownSeat && familyOf(s.row.stage) === profile.family && s.row.locality !== SchoolLocality.URBAN,
  );
  const fallback = district.schools.filter((s) => !s.row.isTownSeat && familyOf(s.row.stage) === profile.family);
  const nonSeat = others.length ? others : fallback;
  const seats = targets.filter((s) => familyOf(s.row.stage) === profile.family);
  if (nonSeat.length && (rng.chance(0.5) || !seats.length)) {
    assign(profile, rng.pick(nonSeat), { start: cal.at('2024-09-01'), end: null });
  } else if (seats.length) {
    assign(profile, rng.pick(seats), { start: cal.at('2023-09-01'), end: cal.at('2025-08-31') });
  }
}

/**
 * demo-researcher's record: a 商河县 primary Chinese researcher attached to the town-seat
 * primary schools the account's RESEARCHER grants name, after a first year elsewhere. As
 * the story has it (story.ts), the sessions at 白桥镇 skip two term months of the latest
 * assessed year, so the monthly-research gap shows in the demo and that town fails SUPPORT;
 * when the anchor is past that year, 白桥镇 also missed a term month lately (recentMiss), so
 * the researcher's screens show a gap of this year too.
 */
function demoResearcher(input: NetworkInput, profile: Profile, district: SeededDistrict): void {
  const byId = new Map(district.schools.map((s) => [s.row.id, s]));
  const schools = input.scopes.researcherSchoolIds.map((id) => byId.get(id)!);
  profile.row.subject = '语文';
  profile.family = 'primary';
  profile.row.userId = input.demoResearcherUserId;
  const earlier = townSeatPartners(district).find((s) => familyOf(s.row.stage) === 'primary' && !schools.includes(s));
  const cal = input.calendar;
  if (earlier) assign(profile, earlier, { start: cal.at('2023-09-01'), end: cal.at('2024-08-31') });
  schools.forEach((s, i) => assign(profile, s, { start: cal.at(i === 0 ? '2023-09-01' : '2024-09-01'), end: null }));
  profile.fixed = true;
}

/** Roughly monthly sessions per assigned school, some months missed, some covering two schools. */
function planSessions(input: NetworkInput, profile: Profile, sessionMonths: string[], out: Research): void {
  const rng = new Random(`sessions:${input.scale}:${profile.row.name}`);
  const { anchor } = input.calendar;
  for (const month of sessionMonths) {
    const { first, last } = monthBounds(month);
    const held: { school: PlannedSchool; from: string; to: string }[] = [];
    for (const a of profile.assignments) {
      const from = maxDate(first, a.startDate);
      const to = minDate(minDate(last, a.endDate ?? last), anchor);
      if (from > to) continue;
      // Town-seat schools of programme towns miss the months the story says; elsewhere
      // months go without more often in February (Spring Festival) and August (summer
      // holidays), when nothing is owed. The month in progress is due, never missed: the
      // further it has run, the likelier its session has been held already.
      const missed =
        month === anchor.slice(0, 7)
          ? !rng.chance(Number(anchor.slice(8, 10)) / 31)
          : (storyMisses(input, a.school, month) ?? rng.chance(isHolidayMonth(month) ? 0.3 : 0.12));
      if (!missed && !held.some((h) => h.school === a.school)) held.push({ school: a.school, from, to });
    }
    while (held.length) {
      const a = held.shift()!;
      const b = held[0];
      const from = b ? maxDate(a.from, b.from) : a.from;
      const to = b ? minDate(a.to, b.to) : a.to;
      if (b && from <= to && rng.chance(0.3)) {
        held.shift();
        session(profile, [a.school, b.school], dayBetween(rng, from, to, MIDWEEK), rng, out);
      } else {
        session(profile, [a.school], dayBetween(rng, a.from, a.to, MIDWEEK), rng, out);
      }
    }
  }
}

function session(profile: Profile, schools: PlannedSchool[], heldOn: string, rng: Random, out: Research): void {
  const { subject } = profile.row;
  const topics =
    profile.family === 'kindergarten'
      ? KINDERGARTEN_TOPICS
      : ['物理', '化学', '科学', '生物'].includes(subject)
        ? [...SCHOOL_TOPICS, ...LAB_TOPICS]
        : SCHOOL_TOPICS;
  const core = rng.pick(topics);
  const topic =
    profile.family === 'kindergarten' ? `${subject}${core}` : `${STAGE_PREFIX[profile.family]}${subject}${core}`;
  const id = randomUUID();
  const group = profile.family === 'kindergarten' ? '保教' : subject;
  out.sessions.push({
    id,
    heldOn,
    researcherId: profile.row.id,
    subject,
    topic,
    participantCount: schools.length > 1 ? rng.int(16, 40) : rng.int(8, 30),
    participants:
      schools.length > 1
        ? `${schools.map((s) => s.row.name).join('、')}${group}教师`
        : `${schools[0]!.row.name}${group}教研组全体教师`,
    summary: `${rng.pick(FORMATS)}${rng.int(1, 3)}节，围绕“${core}”集中研讨，形成改进建议${rng.int(2, 6)}条。`,
  });
  for (const s of schools) out.sessionSchools.push({ sessionId: id, schoolId: s.row.id, districtId: s.row.districtId });
}

/**
 * Whether the story (story.ts) has a programme town-seat school miss joint research in
 * `month`; undefined for other schools, which miss months at random.
 */
function storyMisses(input: NetworkInput, school: PlannedSchool, month: string): boolean | undefined {
  if (!school.row.isTownSeat || !input.story.has(school.row.townId)) return undefined;
  const f = failureOf(input.story, school.row.townId, ProgrammeGoal.SUPPORT, familyOf(school.row.stage));
  if (f?.how !== 'missed') return false;
  const cal = input.calendar;
  return (
    f.months.some((m) => cal.month(m) === month) ||
    (input.story.get(school.row.townId)!.town.code === BAIQIAO && month === recentMiss(cal))
  );
}

/**
 * 白桥镇's miss of the year after the latest assessed one, when the anchor is in it: the
 * latest term month that ended at least a month before the anchor's month. None in January
 * and February, when no term month of the year has ended.
 */
export function recentMiss(cal: DemoCalendar): string | undefined {
  const first = `${cal.latestAssessed + 1}-01`;
  if (cal.anchor.slice(0, 7) < first) return undefined;
  return months(first, cal.anchor.slice(0, 7))
    .slice(0, -2)
    .reverse()
    .find((month) => !isHolidayMonth(month));
}

/** Where a district has no researcher of a stage, one is appointed for its town-seat schools. */
const APPOINTED_SUBJECT: Record<Family, string> = { primary: '语文', secondary: '数学', kindergarten: '学前教育' };

/**
 * Every town-seat school of a programme town, the county town's included, has a researcher
 * attached from before 2025 on (包挂, DOMAIN.md): where the draws left one without, the least
 * loaded researcher of its stage from its district, the central district supporting it or
 * the city takes it on.
 */
function coverTownSeats(input: NetworkInput, profiles: Profile[], name: () => string, rng: Random): void {
  const from = input.calendar.at('2025-01-01');
  const throughout = (a: AssignmentRow) => a.startDate <= from && a.endDate === null;
  const active = (p: Profile) => p.assignments.filter((a) => a.endDate === null).length;
  for (const district of outerDistricts(input)) {
    const code = district.division.district.code;
    const central = districtByCode(input, COUNTERPART_OF[code] ?? '');
    const districtIds = new Set([district.division.district.id, central?.division.district.id]);
    for (const seat of district.schools.filter((s) => s.row.isTownSeat && input.story.has(s.row.townId))) {
      if (profiles.some((p) => p.assignments.some((a) => a.schoolId === seat.row.id && throughout(a)))) continue;
      const family = familyOf(seat.row.stage);
      const candidates = profiles.filter(
        (p) =>
          !p.fixed &&
          p.family === family &&
          !p.assignments.some((x) => x.schoolId === seat.row.id) &&
          (p.row.level === ResearcherLevel.CITY || districtIds.has(p.row.districtId ?? undefined)),
      );
      let profile = candidates.reduce<Profile | undefined>(
        (best, p) => (!best || active(p) < active(best) ? p : best),
        undefined,
      );
      if (!profile || active(profile) >= 6) {
        profile = newProfile(
          name(),
          ResearcherLevel.DISTRICT,
          district.division.district.id,
          APPOINTED_SUBJECT[family],
          rng,
        );
        profile.family = family;
        profiles.push(profile);
      }
      assign(profile, seat, { start: input.calendar.at('2024-09-01'), end: null });
    }
  }
}

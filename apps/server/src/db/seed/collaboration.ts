import { randomUUID } from 'node:crypto';
import type {
  CollaborationGroup,
  GroupMembership,
  Trusteeship,
  TrusteeshipActivity,
} from '../../modules/collaboration/collaboration.entity.js';
import {
  CollaborationGroupKind,
  GroupMemberRole,
  TrusteeshipMeasure,
  TrusteeshipMode,
} from '../../modules/collaboration/collaboration.enums.js';
import { SchoolLocality, SchoolStage } from '../../modules/school/school.enums.js';
import { Gender } from '../../modules/teacher/teacher.enums.js';
import { DEMO_DISTRICT } from './accounts.js';
import {
  activeOn,
  addDays,
  addMonths,
  addYears,
  dayBetween,
  maxDate,
  monthBounds,
  type DemoCalendar,
  type Period,
} from './calendar.js';
import { isCountySeat } from './divisions.js';
import { personName } from './names.js';
import {
  centralDistricts,
  COUNTERPART_OF,
  districtByCode,
  FAMILIES,
  familyOf,
  outerDistricts,
  ruralSchools,
  townSeatPartners,
  urbanSchools,
  type Family,
  type NetworkInput,
  type SeededDistrict,
} from './network.js';
import { Random, type Weighted } from './random.js';
import type { PlannedSchool } from './schools.js';
import { failureOf } from './story.js';
import { ProgrammeGoal } from '../../modules/goals/goals.types.js';

export type GroupRow = Omit<CollaborationGroup, 'createdAt' | 'updatedAt' | 'leadSchool' | 'district'>;
/** The approval columns: every seeded relation is one the bureaus set up (seed.ts inserts them APPROVED). */
type Approval = 'approval' | 'decidedById' | 'decidedByName' | 'decidedAt' | 'decisionComment';
export type MembershipRow = Omit<GroupMembership, 'createdAt' | 'updatedAt' | 'group' | 'school' | Approval>;
export type TrusteeshipRow = Omit<Trusteeship, 'createdAt' | 'updatedAt' | 'leadSchool' | 'partnerSchool' | Approval>;
export type ActivityRow = Omit<TrusteeshipActivity, 'createdAt' | 'updatedAt' | 'trusteeship'>;

export interface Collaboration {
  groups: GroupRow[];
  memberships: MembershipRow[];
  trusteeships: TrusteeshipRow[];
  activities: ActivityRow[];
}

/**
 * Share of a district's town-seat partners left without any active trusteeship, in towns
 * meant to fail (story.ts); those meant to fail SUPPORT also lead nothing.
 */
const GAP_SHARE = 0.1;
/**
 * The demo group leader's lead school takes the demo school into full trusteeship and
 * three more town-seat primary schools in hand, one relation of each mode it can lead.
 */
const DEMO_MODES = [
  TrusteeshipMode.FULL_TRUSTEESHIP,
  TrusteeshipMode.GROUP_BRANCH,
  TrusteeshipMode.PAIRING,
  TrusteeshipMode.GROUP_BRANCH,
];

/** The first school year the demo covers began on this day of the base calendar (calendar.ts). */
const FIRST_TERM = '2023-09-01';

/**
 * When agreements start: the first weeks of a term, earlier years likelier (the programme's
 * push). Days of the base calendar, as are the other dated literals here: `cal.at()` moves them.
 */
// prettier-ignore
const TERM_STARTS: Weighted<string> = [
  ['2023-09-01', 5], ['2024-02-26', 2], ['2024-09-01', 3], ['2025-02-24', 1], ['2025-09-01', 1.5], ['2026-02-23', 0.5],
];

/** Mode of the relation a district's lead school takes a partner into. */
const MODES: Weighted<TrusteeshipMode> = [
  [TrusteeshipMode.FULL_TRUSTEESHIP, 3],
  [TrusteeshipMode.GROUP_BRANCH, 3],
  [TrusteeshipMode.PAIRING, 4],
];

const AGREEMENT_YEARS: Record<TrusteeshipMode, number> = {
  [TrusteeshipMode.FULL_TRUSTEESHIP]: 3,
  [TrusteeshipMode.GROUP_BRANCH]: 3,
  [TrusteeshipMode.PAIRING]: 2,
  [TrusteeshipMode.COUNTERPART_SUPPORT]: 3,
};

/** Measures agreed: those always agreed for the mode, and those agreed sometimes. */
const MEASURES: Record<TrusteeshipMode, { always: TrusteeshipMeasure[]; sometimes: TrusteeshipMeasure[] }> = {
  [TrusteeshipMode.FULL_TRUSTEESHIP]: {
    always: [TrusteeshipMeasure.SECONDED_LEADERSHIP, TrusteeshipMeasure.JOINT_RESEARCH],
    sometimes: [TrusteeshipMeasure.EXPERIENCE_SHARING, TrusteeshipMeasure.CULTURE_SUPPORT],
  },
  [TrusteeshipMode.GROUP_BRANCH]: {
    always: [TrusteeshipMeasure.JOINT_RESEARCH, TrusteeshipMeasure.EXPERIENCE_SHARING],
    sometimes: [TrusteeshipMeasure.SECONDED_LEADERSHIP, TrusteeshipMeasure.CULTURE_SUPPORT],
  },
  [TrusteeshipMode.PAIRING]: {
    always: [TrusteeshipMeasure.JOINT_RESEARCH],
    sometimes: [TrusteeshipMeasure.EXPERIENCE_SHARING, TrusteeshipMeasure.CULTURE_SUPPORT],
  },
  [TrusteeshipMode.COUNTERPART_SUPPORT]: {
    always: [TrusteeshipMeasure.EXPERIENCE_SHARING],
    sometimes: [TrusteeshipMeasure.JOINT_RESEARCH, TrusteeshipMeasure.CULTURE_SUPPORT],
  },
};

const MODE_NAMES: Record<TrusteeshipMode, string> = {
  [TrusteeshipMode.FULL_TRUSTEESHIP]: '全面托管',
  [TrusteeshipMode.GROUP_BRANCH]: '集团分校',
  [TrusteeshipMode.PAIRING]: '携手结对',
  [TrusteeshipMode.COUNTERPART_SUPPORT]: '城乡对口帮扶',
};

/** Short names in agreement references: 商教发〔2023〕12号; the city's are 济教发. */
const AGREEMENT_PREFIX: Record<string, string> = {
  '370113': '长教发',
  '370114': '章教发',
  '370115': '济阳教发',
  '370116': '莱教发',
  '370117': '钢教发',
  '370124': '平教发',
  '370126': '商教发',
};
const CITY_AGREEMENT_PREFIX = '济教发';

/** Activities are recorded over about the year before the anchor. */
const ACTIVITY_WINDOW_MONTHS = 12;

/**
 * Groups, memberships, trusteeships and their activities for the whole city. Pure and
 * deterministic in content: every draw comes from a stream keyed by scale and district.
 */
export function planCollaboration(input: NetworkInput): Collaboration {
  const out: Collaboration = { groups: [], memberships: [], trusteeships: [], activities: [] };
  const refs = new AgreementRefs(new Random(`agreements:${input.scale}`));
  for (const district of outerDistricts(input)) planOuterDistrict(input, district, refs, out);
  for (const district of centralDistricts(input)) planCentralGroups(input, district, out);
  planActivities(input, out);
  return out;
}

/** 商教发〔2023〕12号: one agreement per district and year lists all its pairings, as bureaus file them. */
class AgreementRefs {
  private readonly numbers = new Map<string, number>();

  constructor(private readonly rng: Random) {}

  ref(prefix: string, start: string): string | null {
    const year = start.slice(0, 4);
    const key = `${prefix}${year}`;
    if (!this.numbers.has(key)) this.numbers.set(key, this.rng.int(3, 48));
    return this.rng.chance(0.08) ? null : `${prefix}〔${year}〕${this.numbers.get(key)}号`;
  }
}

interface DistrictPlan {
  input: NetworkInput;
  district: SeededDistrict;
  rng: Random;
  refs: AgreementRefs;
  out: Collaboration;
  /** the supporting central district's urban schools, by family */
  counterparts: Record<Family, PlannedSchool[]>;
  /** leads of the district's urban groups, by family */
  groupLeads: Map<Family, PlannedSchool>;
}

function planOuterDistrict(input: NetworkInput, district: SeededDistrict, refs: AgreementRefs, out: Collaboration) {
  const code = district.division.district.code;
  const rng = new Random(`trusteeships:${input.scale}:${code}`);
  const central = districtByCode(input, COUNTERPART_OF[code] ?? '');
  const leads = Object.fromEntries(FAMILIES.map((f) => [f, urbanSchools(district, f).slice(0, 3)])) as Record<
    Family,
    PlannedSchool[]
  >;
  const isDemo = code === DEMO_DISTRICT;
  if (isDemo) {
    const demoLead = district.schools.find((s) => s.row.id === input.scopes.leadSchoolId);
    if (!demoLead) throw new Error('the demo lead school must be in the demo district');
    leads.primary = [demoLead, ...leads.primary.filter((s) => s !== demoLead)];
  }
  // Every district's largest urban primary school leads an education group; its largest
  // secondary school a development community in most districts (always in the demo's).
  const groupLeads = new Map<Family, PlannedSchool>();
  if (leads.primary[0]) groupLeads.set('primary', leads.primary[0]);
  if (leads.secondary[0] && (isDemo || rng.chance(0.6))) groupLeads.set('secondary', leads.secondary[0]);
  const plan: DistrictPlan = {
    input,
    district,
    rng,
    refs,
    out,
    groupLeads,
    counterparts: Object.fromEntries(
      FAMILIES.map((f) => [f, central ? urbanSchools(central, f).slice(0, 4) : []]),
    ) as Record<Family, PlannedSchool[]>,
  };

  const partners = rng.shuffle(townSeatPartners(district));
  const demoPartners = isDemo ? demoLeadPartners(input, partners) : [];
  // The gaps land on towns meant to fail (story.ts): first the schools meant to lead nothing
  // (SUPPORT), then other town-seat schools of towns failing in 2026, up to the gap share.
  const gapCount = partners.length >= 4 ? Math.max(1, Math.round(partners.length * GAP_SHARE)) : 0;
  const leadsNothing = partners.filter((p) => leadershipFailure(input, p));
  const failingTowns = partners.filter(
    (p) => !leadsNothing.includes(p) && !demoPartners.includes(p) && input.story.get(p.row.townId)?.category === 'C',
  );
  const gaps = new Set([...leadsNothing, ...failingTowns.slice(0, Math.max(0, gapCount - leadsNothing.length))]);

  for (const partner of partners) {
    if (gaps.has(partner)) {
      lapsedSupport(plan, partner, leads[familyOf(partner.row.stage)]);
      continue;
    }
    const family = familyOf(partner.row.stage);
    if (demoPartners.includes(partner)) {
      supportOf(plan, partner, leads.primary[0]!, DEMO_MODES[demoPartners.indexOf(partner)]!);
      continue;
    }
    const counterpart = plan.counterparts[family];
    if (counterpart.length && rng.chance(0.15)) {
      supportOf(plan, partner, rng.pick(counterpart), TrusteeshipMode.COUNTERPART_SUPPORT);
      continue;
    }
    const pool = leads[family];
    if (!pool.length) continue;
    const lead = rng.weighted(pool.map((s, i) => [s, [4, 2, 1][i]!] as const));
    const mode = rng.weighted(MODES);
    supportOf(plan, partner, lead, mode);
    // Some also get a central-district school's counterpart support beside their county lead.
    if (counterpart.length && rng.chance(0.15)) {
      supportOf(plan, partner, rng.pick(counterpart), TrusteeshipMode.COUNTERPART_SUPPORT, { history: false });
    }
    // Now and then a pairing agreed for next term: PLANNED in the demo.
    if (rng.chance(0.04)) plannedPairing(plan, partner, lead);
  }

  countySeatPairings(
    plan,
    partners.filter((p) => !gaps.has(p)),
  );
  for (const [family, lead] of groupLeads) urbanGroup(plan, lead, family);
  townGroups(plan, gaps);
  seatLeadership(plan, gaps);
}

/** The story's SUPPORT failure that has this school lead nothing (a gap, or a pairing that lapsed in 2025). */
function leadershipFailure(input: NetworkInput, school: PlannedSchool) {
  const f = failureOf(input.story, school.row.townId, ProgrammeGoal.SUPPORT, familyOf(school.row.stage));
  return f && f.how !== 'missed' ? f : undefined;
}

/**
 * 镇域一体 at every town seat: each town-seat school of a programme town leads something
 * all through 2025 and 2026 (SUPPORT's first half), a pairing with a village school of its
 * stage (携手结对, 中心园带村园) where it leads no group or relation yet (at small scale, with
 * no village schools, another town's town-seat school, never a gap). The story's exceptions
 * lead nothing, or led a pairing that lapsed in 2025 and was not renewed.
 */
function seatLeadership(plan: DistrictPlan, gaps: Set<PlannedSchool>): void {
  const { input, district, out } = plan;
  const cal = input.calendar;
  const rng = new Random(`seat-leadership:${input.scale}:${district.division.district.code}`);
  const seats = district.schools.filter((s) => s.row.isTownSeat);
  for (const seat of seats) {
    const family = familyOf(seat.row.stage);
    const villages = ruralSchools(district, family);
    const inTown = villages.filter((v) => v.row.townId === seat.row.townId);
    const pool = inTown.length
      ? inTown
      : villages.length
        ? villages
        : seats.filter((s) => !gaps.has(s) && s.row.townId !== seat.row.townId && familyOf(s.row.stage) === family);
    const failure = leadershipFailure(input, seat);
    if (failure) {
      if (failure.how === 'lapsed' && pool.length) {
        const start = addDays(cal.at(rng.pick(['2023-09-01', '2024-02-26'])), rng.int(0, 20));
        const end = cal.at(rng.pick(['2025-07-15', '2025-08-31']));
        trusteeship(plan, seat, rng.pick(pool), TrusteeshipMode.PAIRING, { start, end }, '结对协议到期，未续签');
      }
      continue;
    }
    if (leadsThroughout(out, seat, cal)) continue;
    if (!pool.length) continue;
    const start = addDays(cal.at(rng.pick(['2023-09-01', '2024-02-26', '2024-09-01'])), rng.int(0, 20));
    const plannedEnd = cal.at(rng.pick(['2026-08-31', '2027-08-31', '2028-08-31']));
    trusteeship(
      plan,
      seat,
      rng.pick(pool),
      TrusteeshipMode.PAIRING,
      { start, end: null },
      null,
      plannedEnd < cal.anchor ? cal.schoolYearEnd(0) : plannedEnd,
    );
  }
}

/** Whether the school leads a relation or a group with members from before the earlier assessed year to the anchor. */
function leadsThroughout(out: Collaboration, school: PlannedSchool, cal: DemoCalendar): boolean {
  const from = cal.at('2025-01-01');
  const covers = (start: string, end: string | null) => start <= from && (end === null || end >= cal.anchor);
  if (out.trusteeships.some((t) => t.leadSchoolId === school.row.id && covers(t.startDate, t.actualEndDate))) {
    return true;
  }
  const groups = new Set(out.groups.filter((g) => g.leadSchoolId === school.row.id).map((g) => g.id));
  return out.memberships.some(
    (m) => groups.has(m.groupId) && m.schoolId !== school.row.id && covers(m.joinedOn, m.leftOn),
  );
}

/** The demo school and a few more town-seat primary schools of 商河县, all led by demo-group's school. */
function demoLeadPartners(input: NetworkInput, partners: PlannedSchool[]): PlannedSchool[] {
  const demoSchool = partners.find((p) => p.row.id === input.scopes.townSeatSchoolId);
  if (!demoSchool) throw new Error('the demo school must be a town-seat school of the demo district');
  const others = partners.filter((p) => p !== demoSchool && p.row.stage === SchoolStage.PRIMARY);
  return [demoSchool, ...others.slice(0, DEMO_MODES.length - 1)];
}

/**
 * The partner's current relation with `lead`, sometimes after an earlier, ended one
 * (history: a pairing that became a full trusteeship, or a break of a term before renewal).
 */
function supportOf(
  plan: DistrictPlan,
  partner: PlannedSchool,
  lead: PlannedSchool,
  wanted: TrusteeshipMode,
  options: { history: boolean } = { history: true },
): void {
  const { rng } = plan;
  const cal = plan.input.calendar;
  // Only a group's lead school opens branch campuses.
  const isGroupLead = [...plan.groupLeads.values()].includes(lead);
  const mode = wanted === TrusteeshipMode.GROUP_BRANCH && !isGroupLead ? TrusteeshipMode.PAIRING : wanted;
  const start = addDays(cal.at(rng.weighted(TERM_STARTS)), rng.int(0, 20));
  if (options.history && start >= cal.at('2024-09-01') && rng.chance(0.4)) {
    const earlierStart = addDays(cal.at(FIRST_TERM), rng.int(0, 20));
    const resumed = rng.chance(0.5) ? addDays(start, -rng.int(120, 180)) : addDays(start, -1);
    const earlierEnd = resumed > addDays(earlierStart, 200) ? resumed : addDays(start, -1);
    const earlierMode = rng.chance(0.3) ? TrusteeshipMode.FULL_TRUSTEESHIP : TrusteeshipMode.PAIRING;
    const note =
      earlierEnd === addDays(start, -1)
        ? earlierMode === mode
          ? '协议期满续签'
          : `协议期满，转为${MODE_NAMES[mode]}`
        : '协议期满后中断一学期，次学期重新签约';
    trusteeship(plan, lead, partner, earlierMode, { start: earlierStart, end: earlierEnd }, note);
  }
  let plannedEnd: string | null = addDays(addYears(start, AGREEMENT_YEARS[mode]), -1);
  // Most agreements that ran out were renewed to the end of a later school year; a few ran on unrenewed.
  if (plannedEnd < cal.anchor && rng.chance(0.85)) plannedEnd = rng.pick([cal.schoolYearEnd(0), cal.schoolYearEnd(1)]);
  if (rng.chance(0.08)) plannedEnd = null;
  trusteeship(plan, lead, partner, mode, { start, end: null }, null, plannedEnd);
}

/**
 * The county town's own town-seat schools are strong (urban) and lift others too: each pairs
 * with a village school of its stage, or, where there is none, with another town-seat school.
 */
function countySeatPairings(plan: DistrictPlan, partners: PlannedSchool[]): void {
  const { rng, district } = plan;
  for (const seat of district.schools.filter((s) => s.row.isTownSeat && s.row.locality !== SchoolLocality.TOWN)) {
    const family = familyOf(seat.row.stage);
    const villages = ruralSchools(district, family);
    const pool = villages.length ? villages : partners.filter((p) => familyOf(p.row.stage) === family);
    if (!pool.length) continue;
    const start = addDays(plan.input.calendar.at(rng.pick(['2023-09-01', '2024-02-26', '2024-09-01'])), rng.int(0, 20));
    const end = plan.input.calendar.schoolYearEnd(0);
    trusteeship(plan, seat, rng.pick(pool), TrusteeshipMode.PAIRING, { start, end: null }, null, end);
  }
}

/** A gap on purpose: no active relation, though often one that lapsed. */
function lapsedSupport(plan: DistrictPlan, partner: PlannedSchool, pool: PlannedSchool[]): void {
  const { rng } = plan;
  const cal = plan.input.calendar;
  if (!pool.length || !rng.chance(0.6)) return;
  const start = addDays(cal.at(FIRST_TERM), rng.int(0, 20));
  const end = cal.at(rng.pick(['2025-01-20', '2025-07-15', '2025-08-31', '2026-01-31']));
  trusteeship(plan, rng.pick(pool), partner, TrusteeshipMode.PAIRING, { start, end }, '协议到期未续签');
}

function plannedPairing(plan: DistrictPlan, partner: PlannedSchool, lead: PlannedSchool): void {
  const pool = urbanSchools(plan.district, familyOf(partner.row.stage)).filter((s) => s !== lead);
  if (!pool.length) return;
  // Agreed for the next term: the one thing here that starts after the anchor (PLANNED).
  const start = plan.input.calendar.nextTermStart;
  trusteeship(plan, plan.rng.pick(pool), partner, TrusteeshipMode.PAIRING, { start, end: null }, '已签约，下学期启动');
}

function trusteeship(
  plan: DistrictPlan,
  lead: PlannedSchool,
  partner: PlannedSchool,
  mode: TrusteeshipMode,
  period: Period,
  notes: string | null,
  plannedEnd: string | null = addDays(addYears(period.start, AGREEMENT_YEARS[mode]), -1),
): void {
  const { rng } = plan;
  const { always, sometimes } = MEASURES[mode];
  const chosen = new Set([...always, ...sometimes.filter(() => rng.chance(0.5))]);
  const prefix =
    mode === TrusteeshipMode.COUNTERPART_SUPPORT
      ? CITY_AGREEMENT_PREFIX
      : (AGREEMENT_PREFIX[plan.district.division.district.code] ?? CITY_AGREEMENT_PREFIX);
  plan.out.trusteeships.push({
    id: randomUUID(),
    leadSchoolId: lead.row.id,
    partnerSchoolId: partner.row.id,
    leadDistrictId: lead.row.districtId,
    partnerDistrictId: partner.row.districtId,
    mode,
    measures: Object.values(TrusteeshipMeasure).filter((m) => chosen.has(m)),
    startDate: period.start,
    plannedEndDate: plannedEnd && plannedEnd >= period.start ? plannedEnd : null,
    actualEndDate: period.end,
    agreementRef: plan.refs.ref(prefix, period.start),
    notes,
  });
}

/**
 * An urban school's education group (小学) or development community (初中): the town-seat
 * schools it takes in hand are members (branch campuses when they are its 集团分校) for as
 * long as the relation runs, so a break shows as leaving and rejoining; a few village
 * schools join too, and one of them left.
 */
function urbanGroup(plan: DistrictPlan, lead: PlannedSchool, family: Family): void {
  const { rng, out } = plan;
  const cal = plan.input.calendar;
  const kind =
    family === 'primary' ? CollaborationGroupKind.EDUCATION_GROUP : CollaborationGroupKind.DEVELOPMENT_COMMUNITY;
  const name =
    kind === CollaborationGroupKind.EDUCATION_GROUP ? `${lead.row.name}教育集团` : `${lead.row.name}城乡教育发展共同体`;
  const members: Omit<MembershipRow, 'id' | 'groupId'>[] = [];

  const byPartner = new Map<string, TrusteeshipRow[]>();
  for (const t of out.trusteeships) {
    if (t.leadSchoolId !== lead.row.id || t.startDate > cal.anchor) continue;
    byPartner.set(t.partnerSchoolId, [...(byPartner.get(t.partnerSchoolId) ?? []), t]);
  }
  for (const [schoolId, relations] of byPartner) {
    for (const stay of stays(relations)) members.push({ schoolId, ...stay });
  }

  const villages = rng.shuffle(ruralSchools(plan.district, family)).slice(0, rng.int(1, 3));
  villages.forEach((village, i) => {
    const joinedOn = joinDate(rng, cal);
    if (i === 0 && rng.chance(0.5)) {
      // Joined in the first term, left at the end of the school year, rejoined the next spring.
      const first = cal.at(FIRST_TERM);
      const firstTerm = dayBetween(rng, first, addDays(first, 30));
      members.push({
        schoolId: village.row.id,
        role: GroupMemberRole.MEMBER,
        joinedOn: firstTerm,
        leftOn: cal.at('2024-08-31'),
      });
      const rejoined = dayBetween(rng, cal.at('2025-03-01'), cal.at('2025-03-07'));
      members.push({ schoolId: village.row.id, role: GroupMemberRole.MEMBER, joinedOn: rejoined, leftOn: null });
    } else {
      const leftOn = rng.chance(0.25) ? cal.at('2025-08-31') : null;
      members.push({ schoolId: village.row.id, role: GroupMemberRole.MEMBER, joinedOn, leftOn });
    }
  });
  addGroup(plan.out, rng, cal, lead, kind, name, members, groupDescription(lead, members.length));
}

/** The membership periods behind a partner's relations with one lead: adjoining ones merge. */
function stays(relations: TrusteeshipRow[]): Pick<MembershipRow, 'role' | 'joinedOn' | 'leftOn'>[] {
  const sorted = [...relations].sort((a, b) => a.startDate.localeCompare(b.startDate));
  const out: Pick<MembershipRow, 'role' | 'joinedOn' | 'leftOn'>[] = [];
  for (const t of sorted) {
    const role = t.mode === TrusteeshipMode.GROUP_BRANCH ? GroupMemberRole.BRANCH_CAMPUS : GroupMemberRole.MEMBER;
    const last = out[out.length - 1];
    if (last && (last.leftOn === null || addDays(last.leftOn, 1) >= t.startDate)) {
      last.leftOn = t.actualEndDate === null || last.leftOn === null ? null : maxDate(last.leftOn, t.actualEndDate);
      last.role = role;
    } else {
      out.push({ role, joinedOn: t.startDate, leftOn: t.actualEndDate });
    }
  }
  return out;
}

/**
 * 镇域一体: in some towns the town-seat school leads a development community or 学区 of
 * the town's other schools. Never led by a gap school, so the gaps stay gaps.
 */
function townGroups(plan: DistrictPlan, gaps: Set<PlannedSchool>): void {
  const { rng, district } = plan;
  for (const town of district.division.towns) {
    if (!town.inProgramme || isCountySeat(town) || !rng.chance(0.4)) continue;
    const schools = district.schools.filter((s) => s.row.townId === town.id);
    const seats = schools.filter((s) => s.row.isTownSeat);
    const lead =
      seats.find((s) => s.row.stage === SchoolStage.NINE_YEAR) ??
      seats.find((s) => s.row.stage === SchoolStage.PRIMARY);
    if (!lead || gaps.has(lead)) continue;
    const others = [
      ...seats.filter((s) => s !== lead),
      ...rng.shuffle(schools.filter((s) => !s.row.isTownSeat && s.row.stage !== SchoolStage.KINDERGARTEN)).slice(0, 4),
      ...rng.shuffle(schools.filter((s) => !s.row.isTownSeat && s.row.stage === SchoolStage.KINDERGARTEN)).slice(0, 2),
    ];
    const members = others.map((s) => ({
      schoolId: s.row.id,
      role: GroupMemberRole.MEMBER,
      joinedOn: joinDate(rng, plan.input.calendar),
      leftOn: null,
    }));
    const community = rng.chance(0.5);
    addGroup(
      plan.out,
      rng,
      plan.input.calendar,
      lead,
      community ? CollaborationGroupKind.DEVELOPMENT_COMMUNITY : CollaborationGroupKind.SCHOOL_DISTRICT,
      community ? `${town.name}教育发展共同体` : `${town.name}学区`,
      members,
      `${lead.row.name}牵头，镇域内学校统一教学管理、教研活动和教师调配。`,
    );
  }
}

/** Central districts: a few education groups of urban schools, 名校 with their branch campuses. */
function planCentralGroups(input: NetworkInput, district: SeededDistrict, out: Collaboration): void {
  const rng = new Random(`groups:${input.scale}:${district.division.district.code}`);
  const nonKindergarten = [...urbanSchools(district, 'primary'), ...urbanSchools(district, 'secondary')];
  for (const family of ['primary', 'secondary'] as const) {
    if (family === 'secondary' && !rng.chance(0.5)) continue;
    const [lead, ...sameFamily] = urbanSchools(district, family);
    if (!lead) continue;
    let candidates = sameFamily.slice(0, 12);
    if (candidates.length < 2) candidates = nonKindergarten.filter((s) => s !== lead);
    const chosen = rng.shuffle(candidates).slice(0, rng.int(2, 4));
    const members = chosen.map((s) => ({
      schoolId: s.row.id,
      role: rng.chance(0.4) ? GroupMemberRole.BRANCH_CAMPUS : GroupMemberRole.MEMBER,
      joinedOn: joinDate(rng, input.calendar),
      leftOn: null,
    }));
    addGroup(
      out,
      rng,
      input.calendar,
      lead,
      CollaborationGroupKind.EDUCATION_GROUP,
      `${lead.row.name}教育集团`,
      members,
      groupDescription(lead, members.length),
    );
  }
}

/** A day in the first three terms the demo covers when a school joined, on a weekday. */
function joinDate(rng: Random, cal: DemoCalendar): string {
  const from = cal.at(rng.pick(['2023-09-01', '2024-02-26', '2024-09-01']));
  return dayBetween(rng, from, addDays(from, 30));
}

function groupDescription(lead: PlannedSchool, members: number): string {
  return `由${lead.row.name}牵头，${members}所成员校实行理念共享、教研共进、师资共育、质量共评。`;
}

function addGroup(
  out: Collaboration,
  rng: Random,
  cal: DemoCalendar,
  lead: PlannedSchool,
  kind: CollaborationGroupKind,
  name: string,
  members: Omit<MembershipRow, 'id' | 'groupId'>[],
  description: string,
): void {
  const id = randomUUID();
  const founded = [joinDate(rng, cal), ...members.map((m) => m.joinedOn)].sort()[0]!;
  out.groups.push({ id, name, kind, leadSchoolId: lead.row.id, districtId: lead.row.districtId, description });
  out.memberships.push(
    {
      id: randomUUID(),
      groupId: id,
      schoolId: lead.row.id,
      role: GroupMemberRole.LEAD,
      joinedOn: founded,
      leftOn: null,
    },
    ...members.filter((m) => m.schoolId !== lead.row.id).map((m) => ({ id: randomUUID(), groupId: id, ...m })),
  );
}

// prettier-ignore
const SUBJECT_WORK = ['同课异构', '集体备课', '单元作业设计研讨', '课堂教学诊断', '新教师汇报课指导', '期中质量分析', '大单元教学设计'];
// prettier-ignore
const SHARING = [
  '开放课堂观摩，成员校教师跟岗学习', '分享课后服务管理经验', '共享校本课程资源包', '举办班主任工作经验交流会',
  '介绍教学常规管理制度', '分享“双减”作业管理做法', '组织两校教师读书分享会', '交流家校共育工作经验',
];
// prettier-ignore
const CULTURE = [
  '协助规划校园文化建设', '联合举办读书节', '送艺术社团展演到校', '共建劳动教育实践基地', '联合开展传统文化进校园活动',
  '协助设计校训与校园标识', '联合举办校园体育节',
];

/**
 * A handful of activities for each trusteeship active on the anchor day, over the year
 * before it, most relations with one in the last four weeks: the demo's recent work.
 */
function planActivities(input: NetworkInput, out: Collaboration): void {
  const { anchor } = input.calendar;
  const windowStart = monthBounds(addMonths(anchor.slice(0, 7), -ACTIVITY_WINDOW_MONTHS)).first;
  const schools = new Map(input.districts.flatMap((d) => d.schools.map((s) => [s.row.id, s] as const)));
  for (const t of out.trusteeships) {
    if (!activeOn({ start: t.startDate, end: t.actualEndDate }, anchor) || !t.measures.length) continue;
    const lead = schools.get(t.leadSchoolId)!;
    const rng = new Random(`activities:${input.scale}:${lead.row.code}:${schools.get(t.partnerSchoolId)!.row.code}`);
    const staff = input.staff.get(t.leadSchoolId) ?? [];
    const from = maxDate(windowStart, t.startDate);
    const recent = maxDate(addDays(anchor, -28), t.startDate);
    const rows = Array.from({ length: rng.int(3, 7) }, (_, i) => {
      const measure = rng.pick(t.measures);
      const since = i === 0 && rng.chance(0.8) ? recent : from;
      return {
        id: randomUUID(),
        trusteeshipId: t.id,
        measure,
        heldOn: dayBetween(rng, since, addDays(anchor, -1)),
        description: activityText(measure, lead, staff, rng),
      };
    });
    out.activities.push(...rows.sort((a, b) => a.heldOn.localeCompare(b.heldOn)));
  }
}

function activityText(
  measure: TrusteeshipMeasure,
  lead: PlannedSchool,
  staff: readonly { name: string; subject: string }[],
  rng: Random,
): string {
  const person = staff.length
    ? rng.pick(staff)
    : { name: personName(rng, rng.chance(0.7) ? Gender.FEMALE : Gender.MALE), subject: '语文' };
  switch (measure) {
    case TrusteeshipMeasure.SECONDED_LEADERSHIP:
      return rng.pick([
        `派驻副校长${person.name}任执行校长`,
        `选派${person.subject}骨干教师${person.name}任教学副校长`,
        `派${person.name}任教导主任，指导教学常规管理`,
        `${person.name}挂职任业务校长一学年`,
      ]);
    case TrusteeshipMeasure.JOINT_RESEARCH:
      return `联合开展${lead.row.stage === SchoolStage.KINDERGARTEN ? '保教活动' : person.subject}${rng.pick(SUBJECT_WORK)}`;
    case TrusteeshipMeasure.EXPERIENCE_SHARING:
      return rng.pick(SHARING);
    case TrusteeshipMeasure.CULTURE_SUPPORT:
      return rng.pick(CULTURE);
  }
}

import { randomUUID } from 'node:crypto';
import { ExchangeConsent, TeacherExchangeKind, type TeacherExchange } from '../../modules/exchange/exchange.entity.js';
import {
  activeOn,
  addDays,
  dayBetween,
  overlaps,
  springTermStart,
  weekday,
  type DemoCalendar,
  type Period,
} from './calendar.js';
import type { Collaboration } from './collaboration.js';
import {
  centralDistricts,
  districtByCode,
  FAMILIES,
  familyOf,
  outerDistricts,
  supportedBy,
  townSeatPartners,
  urbanSchools,
  type Family,
  type NetworkInput,
  type StaffMember,
} from './network.js';
import { Random, type Weighted } from './random.js';
import type { PlannedSchool } from './schools.js';

export type ExchangeRow = Omit<TeacherExchange, 'createdAt' | 'updatedAt' | 'teacher' | 'fromSchool' | 'toSchool'>;

/**
 * Terms a support teacher (支教) serves, begun by the anchor: those of the two school years
 * before the one in progress and the terms of this one so far, and an open-ended posting
 * from this school year now and then.
 */
function supportTerms(cal: DemoCalendar): Period[] {
  const terms: Period[] = [];
  for (const year of cal.schoolYears.slice(-3)) {
    const spring = springTermStart(year + 1);
    terms.push({ start: `${year}-09-01`, end: fridayBefore(addDays(spring, -35)) });
    terms.push({ start: spring, end: `${year + 1}-07-10` });
  }
  terms.push({ start: `${cal.schoolYear}-09-01`, end: null });
  return terms.filter((t) => t.start <= cal.anchor);
}

function fridayBefore(day: string): string {
  while (weekday(day) !== 5) day = addDays(day, -1);
  return day;
}

/** Kindergarten teachers are sent less often than school teachers. */
const FAMILY_WEIGHTS: Weighted<Family> = [
  ['primary', 45],
  ['secondary', 35],
  ['kindergarten', 20],
];

/** How many teachers go where, per district and kind. */
interface Quota {
  rotationsPerYear: number;
  /** town-seat teachers spending a year at an urban school (跟岗交流) */
  reverseRotationsPerYear: number;
  outreach: number;
  support: number;
  /** outreach spells and support terms ending within 30 days after the anchor */
  endingSoon: number;
}

/**
 * Teacher exchanges: urban teachers rotating to town-seat schools for a school year, short
 * outreach spells (送教下乡) and support terms (支教), within each outer district and from
 * each central district to the outer districts it supports. A teacher's exchanges never
 * overlap, and every exchange starts from the teacher's own school.
 */
export function planExchanges(input: NetworkInput, collaboration: Collaboration): ExchangeRow[] {
  const out: ExchangeRow[] = [];
  const partnersOf = activePartners(collaboration, input.calendar.anchor);
  const busy = new Map<string, Period[]>();
  for (const district of outerDistricts(input)) {
    const partners = townSeatPartners(district);
    const n = partners.length;
    plan(input, `exchanges:${input.scale}:${district.division.district.code}`, {
      sources: FAMILIES.flatMap((f) => urbanSchools(district, f)),
      targets: partners,
      partnersOf,
      busy,
      out,
      quota: {
        rotationsPerYear: Math.max(1, Math.round(n / 4)),
        reverseRotationsPerYear: 1,
        outreach: Math.round(n / 3),
        support: Math.round(n / 6),
        endingSoon: 3,
      },
    });
  }
  for (const central of centralDistricts(input)) {
    const targets = supportedBy(central.division.district.code).flatMap((code) => {
      const district = districtByCode(input, code);
      return district ? townSeatPartners(district) : [];
    });
    plan(input, `exchanges:${input.scale}:${central.division.district.code}`, {
      sources: FAMILIES.flatMap((f) => urbanSchools(central, f).slice(0, 12)),
      targets,
      partnersOf,
      busy,
      out,
      quota: { rotationsPerYear: 2, reverseRotationsPerYear: 0, outreach: 4, support: 2, endingSoon: 1 },
    });
  }
  return out;
}

interface Plan {
  sources: PlannedSchool[];
  targets: PlannedSchool[];
  partnersOf: Map<string, string[]>;
  busy: Map<string, Period[]>;
  out: ExchangeRow[];
  quota: Quota;
}

function plan(input: NetworkInput, key: string, p: Plan): void {
  if (!p.targets.length || !p.sources.length) return;
  const rng = new Random(key);
  const targetsById = new Map(p.targets.map((t) => [t.row.id, t]));
  const staffOf = (schools: PlannedSchool[]) => schools.flatMap((s) => input.staff.get(s.row.id) ?? []);
  const byFamily = (schools: PlannedSchool[], family: Family) =>
    schools.filter((s) => familyOf(s.row.stage) === family);
  const schoolOf = new Map([...p.sources, ...p.targets].map((s) => [s.row.id, s]));

  /** A teacher of `from` free for `period`, sent to a school of the same family (a partner of theirs if any). */
  const send = (kind: TeacherExchangeKind, period: Period, from: PlannedSchool[], to: PlannedSchool[]) => {
    const family = rng.weighted(FAMILY_WEIGHTS);
    const pool = staffOf(byFamily(from, family));
    const destinations = byFamily(to, family);
    if (!pool.length || !destinations.length) return;
    for (let attempt = 0; attempt < 8; attempt++) {
      const teacher = rng.pick(pool);
      const periods = p.busy.get(teacher.id) ?? [];
      if (periods.some((q) => overlaps(q, period))) continue;
      const partners = (p.partnersOf.get(teacher.schoolId) ?? []).flatMap((id) => targetsById.get(id) ?? []);
      const sameFamily = byFamily(partners, family);
      const target = sameFamily.length && rng.chance(0.7) ? rng.pick(sameFamily) : rng.pick(destinations);
      if (target.row.id === teacher.schoolId) continue;
      p.busy.set(teacher.id, [...periods, period]);
      p.out.push(exchangeRow(teacher, schoolOf.get(teacher.schoolId)!, target, kind, period));
      return;
    }
  };

  const { quota } = p;
  const cal = input.calendar;
  const { anchor } = cal;
  const terms = supportTerms(cal);
  for (const year of cal.schoolYears) {
    const period = { start: `${year}-09-01`, end: `${year + 1}-07-15` };
    for (let i = 0; i < quota.rotationsPerYear; i++) send(TeacherExchangeKind.ROTATION, period, p.sources, p.targets);
    for (let i = 0; i < quota.reverseRotationsPerYear; i++)
      send(TeacherExchangeKind.ROTATION, period, p.targets, p.sources);
  }
  for (let i = 0; i < quota.outreach; i++) {
    const start = dayBetween(rng, `${cal.schoolYear - 2}-03-01`, addDays(anchor, -20));
    send(TeacherExchangeKind.OUTREACH_TEACHING, { start, end: addDays(start, rng.int(0, 13)) }, p.sources, p.targets);
  }
  for (let i = 0; i < quota.support; i++)
    send(TeacherExchangeKind.SUPPORT_TEACHING, rng.pick(terms), p.sources, p.targets);
  for (let i = 0; i < quota.endingSoon; i++) {
    const end = dayBetween(rng, addDays(anchor, 2), addDays(anchor, 27));
    // A support term begun this term (or, in the holidays, the last one), or a spell begun lately.
    const termStart = cal.termStart < addDays(anchor, -1) ? cal.termStart : null;
    if (rng.chance(0.5) || !termStart) {
      const start = dayBetween(rng, addDays(anchor, -18), addDays(anchor, -1));
      send(TeacherExchangeKind.OUTREACH_TEACHING, { start, end }, p.sources, p.targets);
    } else {
      send(TeacherExchangeKind.SUPPORT_TEACHING, { start: termStart, end }, p.sources, p.targets);
    }
  }
}

/** Partner schools of every lead school's relations active on the anchor day. */
function activePartners(collaboration: Collaboration, anchor: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const t of collaboration.trusteeships) {
    if (!activeOn({ start: t.startDate, end: t.actualEndDate }, anchor)) continue;
    out.set(t.leadSchoolId, [...(out.get(t.leadSchoolId) ?? []), t.partnerSchoolId]);
  }
  return out;
}

function exchangeRow(
  teacher: StaffMember,
  from: PlannedSchool,
  to: PlannedSchool,
  kind: TeacherExchangeKind,
  period: Period,
): ExchangeRow {
  return {
    id: randomUUID(),
    teacherId: teacher.id,
    fromSchoolId: from.row.id,
    toSchoolId: to.row.id,
    fromDistrictId: from.row.districtId,
    toDistrictId: to.row.districtId,
    kind,
    startDate: period.start,
    endDate: period.end,
    // Demo exchanges are arranged by the bureaus and schools that send the teachers.
    consent: ExchangeConsent.CONFIRMED,
    decidedById: null,
    decidedAt: null,
    decisionComment: null,
  };
}

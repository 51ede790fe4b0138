import { addDays } from '../../common/dates.js';
import type { Random } from './random.js';

// Day arithmetic is the programme's (common/dates.ts); the seed re-exports it for its planners.
export { addDays };

/**
 * The demo's programme calendar, anchored to the day the seed runs (its `anchor`: today in
 * Jinan, or the day ZHUJI_TODAY pins), so a demo started on any day looks alive on that day.
 *
 * The story (story.ts) and the history behind it are written once, on a base calendar whose
 * "now" is BASE_AS_OF: the latest assessed year is 2026, the years before it are history.
 * `at()` moves a day of that base calendar by whole years, so that the base's latest assessed
 * year becomes the anchor's latest assessed year: the anchor's own calendar year once its
 * assessment season is over (from BASE_AS_OF's day of the year on, when the last surveys of
 * assessments.ts are entered), the year before otherwise. The base therefore always ends on or
 * before the anchor, at most a year before it; what runs on from there to the anchor (joint
 * research every month, trusteeship activities in the weeks before the anchor, the current
 * school year's exchanges and those ending within 30 days, ledger deadlines coming up, the plan
 * cycle in review) is generated relative to the anchor itself. Nothing is dated after the
 * anchor except what is planned: planned end dates, deadlines, an agreement for next term.
 *
 * History is a fixed depth, not "since the programme began": the demo covers the school year
 * in progress and the three before it, whatever the year, so every anchor seeds the same
 * number of records at the same speed (a 2030 demo does not carry seven years of sessions).
 *
 * Deterministic: the calendar, and so every record, depends only on the anchor day.
 */
export const BASE_AS_OF = '2026-11-28';
const BASE_YEAR = 2026;

/** Months without teaching (Jinan's usual winter and summer holidays): no joint research is owed, none is missed. */
export const HOLIDAY_MONTHS: readonly string[] = ['02', '08'];

export function isHolidayMonth(month: string): boolean {
  return HOLIDAY_MONTHS.includes(month.slice(5, 7));
}

export interface DemoCalendar {
  /** the day the demo is seeded for, `YYYY-MM-DD` */
  readonly anchor: string;
  /** whole years from the base calendar to the anchor's */
  readonly shift: number;
  /** the latest assessed year (一镇一评 period) as a number: the base's 2026 */
  readonly latestAssessed: number;
  /** first calendar year of the school year in progress (school years run 1 September to 31 August) */
  readonly schoolYear: number;
  /** the school years the demo covers: the three before the one in progress, and it */
  readonly schoolYears: readonly number[];
  /** the year of the town plans under review now (一镇一案 cycle) */
  readonly planYear: number;
  /** the first day of the term in progress, or of the last one begun (in the holidays) */
  readonly termStart: string;
  /** the first day of the next term, after the anchor */
  readonly nextTermStart: string;
  /** a day of the base calendar, moved to the anchor's */
  at(baseDay: string): string;
  /** a `YYYY-MM` month of the base calendar, moved to the anchor's */
  month(baseMonth: string): string;
  /** a calendar year of the base calendar, moved to the anchor's */
  year(baseYear: string | number): string;
  /** 31 August of the school year in progress (`offset` 0) or of a later one */
  schoolYearEnd(offset: number): string;
}

/** The calendar of a demo seeded on `anchor` (`YYYY-MM-DD`). */
export function demoCalendar(anchor: string): DemoCalendar {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(anchor)) throw new RangeError(`not a calendar day: ${anchor}`);
  const year = Number(anchor.slice(0, 4));
  const latestAssessed = anchor.slice(5) >= BASE_AS_OF.slice(5) ? year : year - 1;
  const shift = latestAssessed - BASE_YEAR;
  const schoolYear = anchor.slice(5) >= '09-01' ? year : year - 1;
  // A plan's whole review (drafted from January, due 29 March, filed by early summer) fits
  // before June; until then the cycle in review is last year's.
  const planYear = anchor.slice(5) >= '06-01' ? year : year - 1;
  const springTerm = springTermStart(schoolYear + 1);
  return {
    anchor,
    shift,
    latestAssessed,
    schoolYear,
    schoolYears: [schoolYear - 3, schoolYear - 2, schoolYear - 1, schoolYear],
    planYear,
    termStart: anchor >= springTerm ? springTerm : `${schoolYear}-09-01`,
    nextTermStart: anchor >= springTerm ? `${schoolYear + 1}-09-01` : springTerm,
    at: (day) => addYears(day, shift),
    month: (month) => `${Number(month.slice(0, 4)) + shift}${month.slice(4)}`,
    year: (y) => String(Number(y) + shift),
    schoolYearEnd: (offset) => `${schoolYear + 1 + offset}-08-31`,
  };
}

/** The spring term begins on the Monday of 20–26 February (Jinan's usual calendar). */
export function springTermStart(year: number): string {
  let day = `${year}-02-20`;
  while (weekday(day) !== 1) day = addDays(day, 1);
  return day;
}

/** A period of calendar days; `end` is its last day, null while open. */
export interface Period {
  start: string;
  end: string | null;
}

const DAY_MS = 86_400_000;

function toTime(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

/** The same day `years` later (29 February becomes 1 March). */
export function addYears(iso: string, years: number): string {
  return `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`.replace(/-02-29$/, '-03-01');
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / DAY_MS);
}

/** 0 Sunday … 6 Saturday. */
export function weekday(iso: string): number {
  return new Date(toTime(iso)).getUTCDay();
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** Whether the period holds on `day` (start and end included). */
export function activeOn(period: Period, day: string): boolean {
  return period.start <= day && (period.end === null || period.end >= day);
}

/** Whether two periods share at least a day, as the database's `daterange(…, '[]') &&` decides. */
export function overlaps(a: Period, b: Period): boolean {
  return (a.end === null || a.end >= b.start) && (b.end === null || b.end >= a.start);
}

/** A day in [from, to] falling on one of `weekdays` (Monday to Friday unless told); `from` if none does. */
export function dayBetween(
  rng: Random,
  from: string,
  to: string,
  weekdays: readonly number[] = [1, 2, 3, 4, 5],
): string {
  const span = daysBetween(from, to);
  if (span < 0) return from;
  const first = weekday(from);
  const offsets: number[] = [];
  for (let i = 0; i <= span; i++) if (weekdays.includes((first + i) % 7)) offsets.push(i);
  return offsets.length ? addDays(from, rng.pick(offsets)) : from;
}

/** `2025-12` … `2026-11`: the calendar months from `first` to `last`, both included. */
export function months(first: string, last: string): string[] {
  const out: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    out.push(key);
    if (key >= last) return out;
    if (++month > 12) [year, month] = [year + 1, 1];
  }
}

/** The first and last day of a `YYYY-MM` month. */
export function monthBounds(month: string): { first: string; last: string } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`;
  return { first: `${month}-01`, last: addDays(next, -1) };
}

/** `YYYY-MM` moved by whole months. */
export function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

import type { Random } from './random.js';

/**
 * The demo's programme calendar. Collaboration records are dated on a fixed calendar, not
 * relative to the day the seed runs, so every run writes the same content: school years
 * 2023-24 to 2025-26 as history and 2026-27 as the current one. Records that are meant to
 * be running carry no end (an open trusteeship, group membership or researcher assignment),
 * so the demo still has active relations when it is run in later years; what is dated
 * (activities, joint research sessions, exchanges) is written up to DEMO_AS_OF, and
 * "ending soon" exchanges end within 30 days after it.
 */
export const DEMO_AS_OF = '2026-11-28';

/** The programme's first school year began in September 2023. */
export const PROGRAMME_START = '2023-09-01';

/** School years by their first calendar year: 2023 is 2023-09-01 to 2024-08-31. */
export const SCHOOL_YEARS = [2023, 2024, 2025, 2026] as const;

/** A period of calendar days; `end` is its last day, null while open. */
export interface Period {
  start: string;
  end: string | null;
}

const DAY_MS = 86_400_000;

function toTime(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

function fromTime(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return fromTime(toTime(iso) + days * DAY_MS);
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

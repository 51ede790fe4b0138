/**
 * Calendar-day arithmetic on the API's Date scalar (YYYY-MM-DD). Nothing here reads a clock:
 * "today" is the server's programme day (`useToday()`, from the `today` field), passed in, so a
 * browser in another time zone, or a server pinned with ZHUJI_TODAY, gives the same answers as
 * the server's own checks. Arithmetic is in UTC so the viewer's time zone and its daylight
 * saving never shift a day.
 */

const parse = (day: string): Date => new Date(`${day.slice(0, 10)}T00:00:00Z`);
const format = (date: Date): string => date.toISOString().slice(0, 10);

/** `day` moved by `days` (negative for earlier). */
export function addDays(day: string, days: number): string {
  const date = parse(day);
  date.setUTCDate(date.getUTCDate() + days);
  return format(date);
}

/** The first day of the month `months` before the month of `day`. */
export function monthsBefore(day: string, months: number): string {
  const date = parse(`${day.slice(0, 7)}-01`);
  date.setUTCMonth(date.getUTCMonth() - months);
  return format(date);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parse(to).getTime() - parse(from).getTime()) / 86_400_000);
}

/** The calendar year of `day` as a period (YYYY), as the API's `period` arguments take it. */
export const yearOf = (day: string): string => day.slice(0, 4);

/** The month of `day`, YYYY-MM. */
export const monthOf = (day: string): string => day.slice(0, 7);

/** The last day of a month (YYYY-MM). */
export function lastDayOfMonth(month: string): string {
  const date = parse(`${month}-01`);
  date.setUTCMonth(date.getUTCMonth() + 1, 0);
  return format(date);
}

/**
 * A day to preselect for a month (a missing month's link): its 15th, never after today, as
 * the server refuses a record in the future and the month in progress may not have reached
 * its 15th yet.
 */
export function dayInMonth(month: string, today: string): string {
  const day = `${month}-15`;
  return day > today ? today : day;
}

/** The year of `day` and the `count - 1` before it, newest first (period pickers). */
export function recentYears(day: string, count = 5): string[] {
  const year = Number(yearOf(day));
  return Array.from({ length: count }, (_, i) => String(year - i));
}

/**
 * The school year (its starting year: 2026 is 2026-09 to 2027-08) that `day` falls in, as
 * `schoolCalendar(schoolYear)` takes it.
 */
export function schoolYearOf(day: string): number {
  const year = Number(day.slice(0, 4));
  return Number(day.slice(5, 7)) >= 9 ? year : year - 1;
}

/** How many days ahead an ending exchange or a due plan counts as "soon". */
export const SOON_DAYS = 30;

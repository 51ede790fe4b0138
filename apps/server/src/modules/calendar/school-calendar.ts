/**
 * The school calendar's pure rules: which months of a school year are term months, in
 * which monthly joint research is owed (学期月), and which are holidays.
 *
 * A school year begins on 1 September: school year 2026 runs 2026-09 to 2027-08. By default
 * Jinan's winter holiday covers most of February and the summer holiday all of August; those
 * two months owe no joint research. January and July hold term weeks (exams, the start of the
 * summer break), so they are term months. The city admin can store another set of holiday
 * months per school year (`setSchoolCalendar`); a year with nothing stored uses the default.
 */

/** Month numbers (1–12) that are holidays when nothing else is stored. */
export const DEFAULT_HOLIDAY_MONTHS = [2, 8] as const;

/** The school year a `YYYY-MM` month belongs to: September starts a new one. */
export function schoolYearOf(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m >= 9 ? y : y - 1;
}

/** The twelve `YYYY-MM` months of a school year, September first. */
export function schoolYearMonths(schoolYear: number): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const m = ((8 + i) % 12) + 1;
    const y = m >= 9 ? schoolYear : schoolYear + 1;
    return `${y}-${String(m).padStart(2, '0')}`;
  });
}

/** The default holiday months of a school year, as `YYYY-MM`. */
export function defaultHolidayMonths(schoolYear: number): string[] {
  return schoolYearMonths(schoolYear).filter((m) =>
    (DEFAULT_HOLIDAY_MONTHS as readonly number[]).includes(Number(m.slice(5))),
  );
}

/** `YYYY-MM` of a `YYYY-MM-DD` day. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** Every `YYYY-MM` month from `first` to `last`, both included (empty when first > last). */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (let key = first; key <= last;) {
    out.push(key);
    if (++m > 12) [y, m] = [y + 1, 1];
    key = `${y}-${String(m).padStart(2, '0')}`;
  }
  return out;
}

/** The month after a `YYYY-MM` month. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Holiday months by school year; a year not in the map uses the default. */
export type HolidayCalendar = ReadonlyMap<number, readonly string[]>;

export function isHolidayMonth(calendar: HolidayCalendar, month: string): boolean {
  const year = schoolYearOf(month);
  return (calendar.get(year) ?? defaultHolidayMonths(year)).includes(month);
}

/** A period of days; `end` is its last day, null while open. */
export interface DayPeriod {
  start: string;
  end: string | null;
}

/**
 * What monthly joint research an assignment owes within [from, to], judged on `today`:
 * - `owed`: term months of the overlap of [from, to] with the assignment's period that have
 *   ended by today (a partial month at either end of the assignment still counts);
 * - `due`: the month in progress, when it is a term month inside both ranges: it is owed by
 *   its last day, so it is shown as due (待开展), never as missing, until it ends.
 * Holiday months are neither. Months after today's are not asked yet.
 */
export function owedMonths(
  assignment: DayPeriod,
  range: { from: string; to: string },
  today: string,
  calendar: HolidayCalendar,
): { owed: string[]; due: string | null } {
  const start = assignment.start > range.from ? assignment.start : range.from;
  let end = range.to;
  if (assignment.end && assignment.end < end) end = assignment.end;
  if (today < end) end = today;
  if (start > end) return { owed: [], due: null };
  const current = monthOf(today);
  const months = monthsBetween(monthOf(start), monthOf(end)).filter((m) => !isHolidayMonth(calendar, m));
  return { owed: months.filter((m) => m < current), due: months.includes(current) ? current : null };
}

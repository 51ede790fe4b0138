import { isoDay } from '@zhuji/client/format';

/** Calendar-day arithmetic on the API's Date scalar (YYYY-MM-DD), in the viewer's time zone. */
export { isoDay } from '@zhuji/client/format';

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00`);
  date.setDate(date.getDate() + days);
  return isoDay(date);
}

/** The first day of the month `months` before the month of `day`. */
export function monthsBefore(day: string, months: number): string {
  const date = new Date(`${day.slice(0, 7)}-01T00:00:00`);
  date.setMonth(date.getMonth() - months);
  return isoDay(date);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** How many days ahead an ending exchange or a due plan counts as "soon". */
export const SOON_DAYS = 30;

/**
 * Calendar days are the programme's unit: trusteeships, memberships, exchanges and
 * assignments start and end on days, and "today" is today in Jinan, whatever the
 * server's timezone.
 */
export { PROGRAMME_TIME_ZONE } from './clock.js';

/**
 * SQL for "the period [start, end] contains :param", with a null end meaning open-ended.
 * The end day is the last day the relation holds.
 */
export function activeOnSql(startSql: string, endSql: string, param: string): string {
  return `(${startSql} <= :${param} AND (${endSql} IS NULL OR ${endSql} >= :${param}))`;
}

const DAY_MS = 86_400_000;

/** The calendar day `days` after (or before, when negative) a `YYYY-MM-DD` day. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Calendar days are the programme's unit: trusteeships, memberships, exchanges and
 * assignments start and end on days, and "today" is today in Jinan, whatever the
 * server's timezone.
 */
export const PROGRAMME_TIME_ZONE = 'Asia/Shanghai';

/** Today in Jinan as `YYYY-MM-DD`. */
export function today(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: PROGRAMME_TIME_ZONE }).format(now);
}

/**
 * SQL for "the period [start, end] contains :param", with a null end meaning open-ended.
 * The end day is the last day the relation holds.
 */
export function activeOnSql(startSql: string, endSql: string, param: string): string {
  return `(${startSql} <= :${param} AND (${endSql} IS NULL OR ${endSql} >= :${param}))`;
}

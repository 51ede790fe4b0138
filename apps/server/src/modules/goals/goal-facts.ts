import type { DataSource } from 'typeorm';
import { placeholders } from '../../common/sql.js';

/**
 * The raw facts the six goals are judged on, for many town-seat schools at once: one
 * grouped query per kind of fact, whatever the number of towns.
 */

export interface PeriodWindow {
  period: string;
  /** first day of the period */
  start: string;
  /** last day of the period, or today when the period is still running */
  end: string;
  /** today in Jinan: months before today's are complete */
  today: string;
}

export function periodWindow(period: string, today: string): PeriodWindow {
  const start = `${period}-01-01`;
  const last = `${period}-12-31`;
  return { period, start, end: last < today ? last : today, today };
}

export interface LedgerFacts {
  open: number;
  overdue: number;
}

/** Open items, and those past their deadline on the window's last day. */
export async function ledgerFacts(
  ds: DataSource,
  schoolIds: string[],
  window: PeriodWindow,
): Promise<Map<string, LedgerFacts>> {
  if (!schoolIds.length) return new Map();
  const rows: { school_id: string; open: number; overdue: number }[] = await ds.query(
    `SELECT school_id, COUNT(*)::int AS open, (COUNT(*) FILTER (WHERE deadline < $1))::int AS overdue
       FROM rectification_item
      WHERE status <> 'DONE' AND school_id IN (${placeholders(schoolIds, 2)})
      GROUP BY school_id`,
    [window.end, ...schoolIds],
  );
  return new Map(rows.map((r) => [r.school_id, { open: r.open, overdue: r.overdue }]));
}

export interface LeadershipFacts {
  trusteeships: number;
  groupMembers: number;
}

/** Trusteeships the school leads and members of groups it leads, active at any time in the window. */
export async function leadershipFacts(
  ds: DataSource,
  schoolIds: string[],
  window: PeriodWindow,
): Promise<Map<string, LeadershipFacts>> {
  if (!schoolIds.length) return new Map();
  const rows: { school_id: string; trusteeships: number; group_members: number }[] = await ds.query(
    `SELECT s.id AS school_id,
            (SELECT COUNT(*)::int FROM trusteeship t
              WHERE t.lead_school_id = s.id AND t.start_date <= $2 AND (t.actual_end_date IS NULL OR t.actual_end_date >= $1)) AS trusteeships,
            (SELECT COUNT(*)::int FROM group_membership m JOIN collaboration_group g ON g.id = m.group_id
              WHERE g.lead_school_id = s.id AND m.school_id <> s.id
                AND m.joined_on <= $2 AND (m.left_on IS NULL OR m.left_on >= $1)) AS group_members
       FROM school s WHERE s.id IN (${placeholders(schoolIds, 3)})`,
    [window.start, window.end, ...schoolIds],
  );
  return new Map(rows.map((r) => [r.school_id, { trusteeships: r.trusteeships, groupMembers: r.group_members }]));
}

export interface ResearchFacts {
  assignments: number;
  /** assignment-months expected in the window */
  expectedMonths: number;
  /** `YYYY-MM` months (per researcher) with no joint research session for the school */
  missingMonths: string[];
}

/**
 * Joint research is expected every month of every active assignment: a month is missing
 * when the assigned researcher held no session covering the school in it. The month the
 * window ends in counts only once a session is held: a month still running is not yet
 * missed.
 */
export async function researchFacts(
  ds: DataSource,
  schoolIds: string[],
  window: PeriodWindow,
): Promise<Map<string, ResearchFacts>> {
  if (!schoolIds.length) return new Map();
  const list = placeholders(schoolIds, 4);
  const rows: { school_id: string; assignments: number; expected: number; missing: string[] | null }[] = await ds.query(
    `WITH a AS (
       SELECT id, researcher_id, school_id, GREATEST(start_date, $1::date) AS s, LEAST(COALESCE(end_date, $2::date), $2::date) AS e
         FROM researcher_assignment
        WHERE school_id IN (${list}) AND start_date <= $2 AND (end_date IS NULL OR end_date >= $1)),
     months AS (
       SELECT a.id, a.school_id, a.researcher_id, to_char(m, 'YYYY-MM') AS month
         FROM a, generate_series(date_trunc('month', a.s), date_trunc('month', a.e), interval '1 month') AS m),
     held AS (
       SELECT DISTINCT ss.school_id, s.researcher_id, to_char(s.held_on, 'YYYY-MM') AS month
         FROM joint_research_session s JOIN joint_research_session_school ss ON ss.session_id = s.id
        WHERE ss.school_id IN (${list}) AND s.held_on BETWEEN $1 AND $2)
     SELECT months.school_id, COUNT(DISTINCT months.id)::int AS assignments, COUNT(*)::int AS expected,
            array_agg(months.month ORDER BY months.month)
              FILTER (WHERE held.month IS NULL AND months.month < to_char($3::date, 'YYYY-MM')) AS missing
       FROM months LEFT JOIN held
         ON held.school_id = months.school_id AND held.researcher_id = months.researcher_id AND held.month = months.month
      GROUP BY months.school_id`,
    [window.start, window.end, window.today, ...schoolIds],
  );
  return new Map(
    rows.map((r) => [
      r.school_id,
      { assignments: r.assignments, expectedMonths: r.expected, missingMonths: [...new Set(r.missing ?? [])] },
    ]),
  );
}

import type { DataSource } from 'typeorm';
import { placeholders } from '../../common/sql.js';
import { PROGRAMME_TIME_ZONE } from '../../common/clock.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import { assignmentMonths } from '../research/research-months.js';
import type { ResearcherAssignment } from '../research/research.entity.js';

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

/**
 * Items open on the window's last day, and those of them past their deadline then. The
 * status is read from the status history as it stood at the end of that day in Jinan, not
 * from today's status: closing a 2025 item in 2027 does not change the 2025 verdict. An item
 * whose history begins after that day did not exist yet. Every write through the services
 * records history; a row written around them (no history at all) is read by its status.
 */
export async function ledgerFacts(
  ds: DataSource,
  schoolIds: string[],
  window: PeriodWindow,
): Promise<Map<string, LedgerFacts>> {
  if (!schoolIds.length) return new Map();
  const rows: { school_id: string; open: number; overdue: number }[] = await ds.query(
    `SELECT i.school_id, COUNT(*)::int AS open, (COUNT(*) FILTER (WHERE i.deadline < $1))::int AS overdue
       FROM rectification_item i
       LEFT JOIN LATERAL (
         SELECT c.to_status FROM rectification_status_change c
          WHERE c.item_id = i.id AND c.at < (($1::date + 1)::timestamp AT TIME ZONE '${PROGRAMME_TIME_ZONE}')
          ORDER BY c.at DESC, c.id DESC LIMIT 1) then_status ON TRUE
      WHERE i.school_id IN (${placeholders(schoolIds, 2)})
        AND CASE WHEN then_status.to_status IS NOT NULL THEN then_status.to_status <> 'DONE'
                 ELSE i.status <> 'DONE'
                      AND NOT EXISTS (SELECT 1 FROM rectification_status_change h WHERE h.item_id = i.id) END
      GROUP BY i.school_id`,
    [window.end, ...schoolIds],
  );
  return new Map(rows.map((r) => [r.school_id, { open: r.open, overdue: r.overdue }]));
}

export interface LeadershipFacts {
  trusteeships: number;
  groupMembers: number;
}

/** Approved trusteeships the school leads and approved members of groups it leads, active at any time in the window (a proposal counts for nothing). */
export async function leadershipFacts(
  ds: DataSource,
  schoolIds: string[],
  window: PeriodWindow,
): Promise<Map<string, LeadershipFacts>> {
  if (!schoolIds.length) return new Map();
  const rows: { school_id: string; trusteeships: number; group_members: number }[] = await ds.query(
    `SELECT s.id AS school_id,
            (SELECT COUNT(*)::int FROM trusteeship t
              WHERE t.lead_school_id = s.id AND t.approval = 'APPROVED' AND t.start_date <= $2 AND (t.actual_end_date IS NULL OR t.actual_end_date >= $1)) AS trusteeships,
            (SELECT COUNT(*)::int FROM group_membership m JOIN collaboration_group g ON g.id = m.group_id
              WHERE g.lead_school_id = s.id AND m.school_id <> s.id AND m.approval = 'APPROVED'
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
 * Joint research owed by the school's assignments active in the window: a term month that
 * has ended with no session by the assigned researcher is missing (research-months.ts, the
 * same path `missingMonths` reads). Judged as of the window's last day.
 */
export async function researchFacts(
  ds: DataSource,
  calendar: CalendarService,
  schoolIds: string[],
  window: PeriodWindow,
): Promise<Map<string, ResearchFacts>> {
  if (!schoolIds.length) return new Map();
  const assignments: Pick<ResearcherAssignment, 'researcherId' | 'schoolId' | 'startDate' | 'endDate'>[] = (
    await ds.query(
      `SELECT researcher_id, school_id, to_char(start_date, 'YYYY-MM-DD') AS start_date,
              to_char(end_date, 'YYYY-MM-DD') AS end_date
         FROM researcher_assignment
        WHERE school_id IN (${placeholders(schoolIds, 3)}) AND start_date <= $2 AND (end_date IS NULL OR end_date >= $1)`,
      [window.start, window.end, ...schoolIds],
    )
  ).map((r: { researcher_id: string; school_id: string; start_date: string; end_date: string | null }) => ({
    researcherId: r.researcher_id,
    schoolId: r.school_id,
    startDate: r.start_date,
    endDate: r.end_date,
  }));
  const months = await assignmentMonths(
    ds,
    calendar,
    assignments.map((assignment) => ({ assignment, from: window.start, to: window.end })),
    window.today,
  );
  const out = new Map<string, ResearchFacts>();
  assignments.forEach((a, i) => {
    const f = out.get(a.schoolId) ?? { assignments: 0, expectedMonths: 0, missingMonths: [] };
    f.assignments += 1;
    f.expectedMonths += months[i]!.owed;
    f.missingMonths = [...new Set([...f.missingMonths, ...months[i]!.missing])].sort();
    out.set(a.schoolId, f);
  });
  return out;
}

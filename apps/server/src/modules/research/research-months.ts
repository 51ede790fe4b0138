import type { DataSource } from 'typeorm';
import { placeholders } from '../../common/sql.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import { monthOf, nextMonth, owedMonths } from '../calendar/school-calendar.js';
import type { ResearcherAssignment } from './research.entity.js';

/**
 * The one read path for "which months of joint research did an assignment miss", used by
 * `ResearcherAssignment.missingMonths` / `dueMonth` and by the SUPPORT goal alike, so the
 * portal, the console and the verdict can never disagree.
 *
 * A month is missing once it has ended, is a term month of the city's school calendar, lies
 * in the assignment's period and the asked range, and the researcher held no session that
 * included the school in it. The month in progress is `due` until a session is recorded.
 */
export interface MonthsKey {
  assignment: Pick<ResearcherAssignment, 'researcherId' | 'schoolId' | 'startDate' | 'endDate'>;
  from: string;
  to: string;
}

export interface AssignmentMonths {
  /** term months that ended with no session, oldest first */
  missing: string[];
  /** the month in progress while nothing is recorded for it (and it is a term month), else null */
  due: string | null;
  /** term months that have ended in the range, missed or not */
  owed: number;
}

/** Months for many assignments: one statement for sessions held, one for the calendar. */
export async function assignmentMonths(
  ds: DataSource,
  calendar: CalendarService,
  keys: readonly MonthsKey[],
  today: string,
): Promise<AssignmentMonths[]> {
  if (!keys.length) return [];
  const firstDay = keys.reduce((a, k) => (k.from < a ? k.from : a), keys[0]!.from);
  const lastDay = keys.reduce((a, k) => (k.to > a ? k.to : a), keys[0]!.to);
  const holidays = await calendar.holidays(monthOf(firstDay), monthOf(lastDay < today ? lastDay : today));
  const wanted = keys.map((k) =>
    owedMonths({ start: k.assignment.startDate, end: k.assignment.endDate }, k, today, holidays),
  );
  const months = wanted.flatMap((w) => (w.due ? [...w.owed, w.due] : w.owed));
  if (!months.length) return wanted.map((w) => ({ missing: [], due: w.due, owed: w.owed.length }));
  const first = months.reduce((a, b) => (a < b ? a : b));
  const last = months.reduce((a, b) => (a > b ? a : b));
  const researcherIds = [...new Set(keys.map((k) => k.assignment.researcherId))];
  const schoolIds = [...new Set(keys.map((k) => k.assignment.schoolId))];
  const rows: { researcher_id: string; school_id: string; month: string }[] = await ds.query(
    `SELECT DISTINCT s.researcher_id, ss.school_id, to_char(s.held_on, 'YYYY-MM') AS month
       FROM joint_research_session s JOIN joint_research_session_school ss ON ss.session_id = s.id
      WHERE s.held_on >= $1 AND s.held_on < $2
        AND s.researcher_id IN (${placeholders(researcherIds, 3)})
        AND ss.school_id IN (${placeholders(schoolIds, 3 + researcherIds.length)})`,
    [`${first}-01`, `${nextMonth(last)}-01`, ...researcherIds, ...schoolIds],
  );
  const held = new Set(rows.map((r) => `${r.researcher_id}|${r.school_id}|${r.month}`));
  return keys.map((k, i) => {
    const pair = `${k.assignment.researcherId}|${k.assignment.schoolId}`;
    const w = wanted[i]!;
    return {
      missing: w.owed.filter((m) => !held.has(`${pair}|${m}`)),
      due: w.due && !held.has(`${pair}|${w.due}`) ? w.due : null,
      owed: w.owed.length,
    };
  });
}

/**
 * The server's rules for a recorded trusteeship activity (RecordTrusteeshipActivityInput and
 * TrusteeshipActivityService.record), checked by both apps' forms before anything is sent:
 * the day lies within the trusteeship and is not after today; the description is 2–5000
 * characters. Their messages are the shared `activityRule` texts.
 */
export const DESCRIPTION_MIN = 2;
export const DESCRIPTION_MAX = 5000;

export type ActivityDateProblem =
  | { rule: 'beforeStart'; date: string }
  | { rule: 'afterEnd'; date: string }
  | { rule: 'future'; date?: undefined }
  | null;

export function activityDateProblem(
  heldOn: string,
  trusteeship: { startDate: string; actualEndDate?: string | null },
  today: string,
): ActivityDateProblem {
  if (heldOn < trusteeship.startDate) return { rule: 'beforeStart', date: trusteeship.startDate };
  if (trusteeship.actualEndDate && heldOn > trusteeship.actualEndDate) {
    return { rule: 'afterEnd', date: trusteeship.actualEndDate };
  }
  if (heldOn > today) return { rule: 'future' };
  return null;
}

/** The latest day an activity can be recorded on: today, or the day the trusteeship ended. */
export function lastActivityDay(trusteeship: { actualEndDate?: string | null }, today: string): string {
  return trusteeship.actualEndDate && trusteeship.actualEndDate < today ? trusteeship.actualEndDate : today;
}

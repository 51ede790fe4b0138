import { describe, expect, it } from 'vitest';
import { activityDateProblem, lastActivityDay } from './trusteeship-activity';

const running = { startDate: '2026-03-01', actualEndDate: null };
const ended = { startDate: '2025-09-01', actualEndDate: '2026-06-30' };

describe('activityDateProblem, as the server decides it', () => {
  it('takes any day from the start to today of a running trusteeship', () => {
    expect(activityDateProblem('2026-03-01', running, '2026-11-28')).toBeNull();
    expect(activityDateProblem('2026-11-28', running, '2026-11-28')).toBeNull();
  });

  it('refuses a day before the start, after the end, or in the future', () => {
    expect(activityDateProblem('2026-02-28', running, '2026-11-28')).toEqual({
      rule: 'beforeStart',
      date: '2026-03-01',
    });
    expect(activityDateProblem('2026-07-01', ended, '2026-11-28')).toEqual({ rule: 'afterEnd', date: '2026-06-30' });
    expect(activityDateProblem('2026-11-29', running, '2026-11-28')).toEqual({ rule: 'future' });
  });
});

describe('lastActivityDay', () => {
  it('is today while the trusteeship runs and its end day once it has ended', () => {
    expect(lastActivityDay(running, '2026-11-28')).toBe('2026-11-28');
    expect(lastActivityDay(ended, '2026-11-28')).toBe('2026-06-30');
    expect(lastActivityDay({ actualEndDate: '2026-12-31' }, '2026-11-28')).toBe('2026-11-28');
  });
});

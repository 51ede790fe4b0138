import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayInMonth,
  daysBetween,
  lastDayOfMonth,
  monthsBefore,
  recentYears,
  schoolYearOf,
  yearOf,
} from './days';

describe('calendar days, from a given today', () => {
  it('moves across month, year and leap-day edges and counts between days', () => {
    expect(addDays('2026-11-28', 5)).toBe('2026-12-03');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(daysBetween('2026-11-28', '2026-12-28')).toBe(30);
    expect(daysBetween('2026-11-28', '2026-11-01')).toBe(-27);
    expect(daysBetween('2028-02-01', '2028-03-01')).toBe(29);
  });

  it('finds the start of the month a year back, for the missing-months window', () => {
    expect(monthsBefore('2026-11-28', 11)).toBe('2025-12-01');
    expect(monthsBefore('2026-02-15', 2)).toBe('2025-12-01');
    expect(monthsBefore('2027-01-01', 11)).toBe('2026-02-01');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-01');
  });

  it('knows the last day of a month, the year and the school year of a day', () => {
    expect(lastDayOfMonth('2028-02')).toBe('2028-02-29');
    expect(lastDayOfMonth('2027-02')).toBe('2027-02-28');
    expect(lastDayOfMonth('2026-12')).toBe('2026-12-31');
    expect(yearOf('2027-01-01')).toBe('2027');
    expect(recentYears('2027-01-01', 3)).toEqual(['2027', '2026', '2025']);
    expect(schoolYearOf('2026-08-31')).toBe(2025);
    expect(schoolYearOf('2026-09-01')).toBe(2026);
    expect(schoolYearOf('2027-01-01')).toBe(2026);
  });

  it('preselects a day inside a month, never after today', () => {
    expect(dayInMonth('2026-10', '2026-12-03')).toBe('2026-10-15');
    expect(dayInMonth('2026-12', '2026-12-03')).toBe('2026-12-03');
    expect(dayInMonth('2026-12', '2026-12-20')).toBe('2026-12-15');
  });

  it("does not depend on the viewer's time zone", () => {
    // The arithmetic is in UTC: the same answers whatever TZ the test process runs in.
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
  });
});

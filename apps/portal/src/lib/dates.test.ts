import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isoDay, monthsBefore } from './dates';

describe('calendar days', () => {
  it('spells local days as the API does and counts between them', () => {
    expect(isoDay(new Date(2026, 10, 28, 23, 59))).toBe('2026-11-28');
    expect(addDays('2026-11-28', 5)).toBe('2026-12-03');
    expect(daysBetween('2026-11-28', '2026-12-28')).toBe(30);
    expect(daysBetween('2026-11-28', '2026-11-01')).toBe(-27);
  });

  it('finds the start of the month a year back, for the missing-months window', () => {
    expect(monthsBefore('2026-11-28', 11)).toBe('2025-12-01');
    expect(monthsBefore('2026-02-15', 2)).toBe('2025-12-01');
  });
});

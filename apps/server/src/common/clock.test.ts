import { afterEach, describe, expect, it, vi } from 'vitest';
import { Clock, dayInJinan, isCalendarDay } from './clock.js';
import { loadConfig } from '../config.js';

describe('the programme clock', () => {
  afterEach(() => vi.useRealTimers());

  it('is Jinan’s day, not UTC’s: 00:30 on the 1st in Jinan is still the 30th in UTC', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-30T16:30:00Z') });
    expect(new Clock().today()).toBe('2026-12-01');
    vi.setSystemTime(new Date('2026-12-31T16:00:00Z'));
    expect(new Clock().today()).toBe('2027-01-01');
    vi.setSystemTime(new Date('2026-12-31T15:59:59Z'));
    expect(new Clock().today()).toBe('2026-12-31');
    expect(dayInJinan(new Date('2028-02-28T16:00:00Z'))).toBe('2028-02-29');
  });

  it('pins a day and keeps Jinan’s time of day moving, so records written on it stay in order', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-03T01:15:30.250Z') });
    const clock = new Clock('2028-02-29');
    expect(clock.today()).toBe('2028-02-29');
    expect(clock.now().toISOString()).toBe('2028-02-29T01:15:30.250Z'); // 09:15:30 in Jinan
    expect(dayInJinan(clock.now())).toBe('2028-02-29');
    vi.setSystemTime(new Date('2026-12-03T16:30:00Z')); // 00:30 the next day in Jinan
    expect(clock.today()).toBe('2028-02-29');
    clock.pin(undefined);
    expect(clock.today()).toBe('2026-12-04');
  });

  it('accepts only real calendar days', () => {
    for (const ok of ['2028-02-29', '2026-12-31', '2027-01-01']) expect(isCalendarDay(ok)).toBe(true);
    for (const bad of ['2027-02-29', '2026-13-01', '0000-01-01', '2026-1-1', '2026-12-03T00:00', ''])
      expect(isCalendarDay(bad)).toBe(false);
    expect(() => new Clock('2027-02-30')).toThrow(RangeError);
  });

  it('ZHUJI_TODAY is validated, and refused in production', () => {
    expect(loadConfig({ ZHUJI_TODAY: '2027-06-15' }).clock.today()).toBe('2027-06-15');
    expect(() => loadConfig({ ZHUJI_TODAY: '2027-02-29' })).toThrow(/ZHUJI_TODAY: must be a calendar day/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), ZHUJI_TODAY: '2027-06-15' })).toThrow(
      /ZHUJI_TODAY: the day cannot be pinned when NODE_ENV=production/,
    );
    expect(loadConfig({}).clock.pinnedDay).toBeUndefined();
  });
});

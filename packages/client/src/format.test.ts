import { describe, expect, it } from 'vitest';
import { todayInBeijing } from './format';

describe('the programme calendar', () => {
  it('knows today in Beijing', () => {
    expect(todayInBeijing(new Date('2026-11-28T17:00:00Z'))).toBe('2026-11-29');
  });
});

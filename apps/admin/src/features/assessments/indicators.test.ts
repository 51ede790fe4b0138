import { describe, expect, it } from 'vitest';
import { indicatorValue, sourceError } from './indicators';

describe('assessment indicators', () => {
  it('turns an entered percent into the API’s share and checks the server’s bounds', () => {
    expect(indicatorValue('PARENT_SATISFACTION', 96.2)).toEqual({ value: 0.962 });
    expect(indicatorValue('PARENT_SATISFACTION', 101)).toEqual({ error: 'range' });
    expect(indicatorValue('ENVIRONMENT_SCORE', 101)).toEqual({ error: 'range' });
    expect(indicatorValue('STUDY_CLUB_COUNT', 2.5)).toEqual({ error: 'integer' });
    expect(indicatorValue('STUDY_CLUB_COUNT', undefined)).toEqual({ error: 'required' });
  });

  it('wants a source of 2 to 200 characters', () => {
    expect(sourceError(' ')).toBe('required');
    expect(sourceError('a')).toBe('sourceLength');
    expect(sourceError('区县质量监测')).toBeNull();
  });
});

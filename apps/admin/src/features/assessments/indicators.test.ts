import { describe, expect, it } from 'vitest';
import { formatIndicator, indicatorValue, sourceError } from './indicators';

const yesNo = { yes: '是', no: '否' };

describe('assessment indicators', () => {
  it('shows shares in percent, booleans in words', () => {
    expect(formatIndicator('PARENT_SATISFACTION', 0.962, null, yesNo)).toBe('96.2%');
    expect(formatIndicator('ENVIRONMENT_SCORE', 88.5, null, yesNo)).toBe('88.5');
    expect(formatIndicator('CURRICULUM_COMPLETE', null, false, yesNo)).toBe('否');
    expect(formatIndicator('STUDY_CLUB_COUNT', null, null, yesNo)).toBe('—');
  });

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

import { describe, expect, it } from 'vitest';
import { formatIndicator, INDICATOR_TYPE } from './assessment-indicators';
import { sharedEn, sharedZhCN } from './locales';

const yesNo = { yes: '是', no: '否' };

describe('assessment indicators', () => {
  it('shows shares in percent, booleans in words', () => {
    expect(formatIndicator('PARENT_SATISFACTION', 0.962, null, yesNo)).toBe('96.2%');
    expect(formatIndicator('ENVIRONMENT_SCORE', 88.5, null, yesNo)).toBe('88.5');
    expect(formatIndicator('CURRICULUM_COMPLETE', null, false, yesNo)).toBe('否');
    expect(formatIndicator('STUDY_CLUB_COUNT', null, null, yesNo)).toBe('—');
  });

  it('has a name in both languages for every kind, and no name without a kind', () => {
    const kinds = Object.keys(INDICATOR_TYPE).sort();
    expect(Object.keys(sharedZhCN.enums.assessmentIndicator).sort()).toEqual(kinds);
    expect(Object.keys(sharedEn.enums.assessmentIndicator).sort()).toEqual(kinds);
  });
});

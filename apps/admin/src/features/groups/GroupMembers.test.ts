import { describe, expect, it } from 'vitest';
import { GroupMemberRole } from '../../gql/graphql';
import { isCurrent, leadRoleOk } from './GroupMembers';
import { lastTwelveMonths } from '../researchers/ResearcherDetailPage';

describe('membership rules as the server applies them', () => {
  it('lets the lead school, and only it, join as LEAD', () => {
    expect(leadRoleOk('lead', 'lead', GroupMemberRole.Lead)).toBe(true);
    expect(leadRoleOk('lead', 'lead', GroupMemberRole.Member)).toBe(false);
    expect(leadRoleOk('lead', 'other', GroupMemberRole.Lead)).toBe(false);
    expect(leadRoleOk('lead', 'other', GroupMemberRole.BranchCampus)).toBe(true);
  });

  it('counts a membership as current through its last day', () => {
    expect(isCurrent({ leftOn: null }, '2026-11-28')).toBe(true);
    expect(isCurrent({ leftOn: '2026-11-28' }, '2026-11-28')).toBe(true);
    expect(isCurrent({ leftOn: '2026-11-27' }, '2026-11-28')).toBe(false);
  });

  it('never counts a declined proposal as current; a pending one shows (with its state)', () => {
    expect(isCurrent({ leftOn: null, approval: 'DECLINED' }, '2026-11-28')).toBe(false);
    expect(isCurrent({ leftOn: null, approval: 'PENDING' }, '2026-11-28')).toBe(true);
  });
});

describe('lastTwelveMonths', () => {
  it('starts on the first day of the month eleven months back, this month included', () => {
    expect(lastTwelveMonths('2026-11-28')).toEqual({ from: '2025-12-01', to: '2026-11-28' });
    expect(lastTwelveMonths('2026-01-15')).toEqual({ from: '2025-02-01', to: '2026-01-15' });
  });
});

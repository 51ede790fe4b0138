import { describe, expect, it } from 'vitest';
import { checkLength, LIMITS, statusChangeErrors } from './ledger-rules';

describe('ledger rules, as the server enforces them', () => {
  it('checks trimmed lengths', () => {
    expect(checkLength('  ', LIMITS.problem)).toBe('required');
    expect(checkLength('漏', LIMITS.problem)).toBe('length');
    expect(checkLength('漏水', LIMITS.problem)).toBeNull();
    expect(checkLength('x'.repeat(101), LIMITS.owner)).toBe('length');
  });

  it('asks for evidence to close an item, unless the item already has some', () => {
    expect(statusChangeErrors({ status: 'IN_PROGRESS' }, { status: 'DONE' }, '2026-11-28')).toEqual({
      evidence: 'evidenceWhenDone',
    });
    expect(statusChangeErrors({ status: 'IN_PROGRESS', evidence: '验收单' }, { status: 'DONE' }, '2026-11-28')).toEqual(
      {},
    );
  });

  it('refuses a closing day in the future, or on an item not done', () => {
    const item = { status: 'OPEN' as const, evidence: '照片' };
    expect(statusChangeErrors(item, { status: 'DONE', closedOn: '2026-11-29' }, '2026-11-28')).toEqual({
      closedOn: 'closedOnFuture',
    });
    expect(statusChangeErrors(item, { status: 'IN_PROGRESS', closedOn: '2026-11-20' }, '2026-11-28')).toEqual({
      closedOn: 'closedOnOnlyDone',
    });
  });

  it('wants a reason to reopen a done item, and a change of status', () => {
    expect(statusChangeErrors({ status: 'DONE' }, { status: 'OPEN' }, '2026-11-28')).toEqual({ note: 'noteToReopen' });
    expect(statusChangeErrors({ status: 'DONE' }, { status: 'OPEN', note: '复查不合格' }, '2026-11-28')).toEqual({});
    expect(statusChangeErrors({ status: 'OPEN' }, { status: 'OPEN' }, '2026-11-28')).toEqual({ status: 'unchanged' });
  });
});

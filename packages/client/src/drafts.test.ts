import { afterEach, describe, expect, it } from 'vitest';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import {
  clearDraft,
  differingFields,
  draftKey,
  isConflict,
  isNetworkError,
  readDraft,
  resolveDraft,
  writeDraft,
} from './drafts';

type Plan = { targets: string | null; measures: string | null };
const FIELDS = ['targets', 'measures'] as const;
const key = draftKey('town-plan', 'plan-1');

afterEach(() => localStorage.clear());

describe('form drafts in localStorage', () => {
  it('keeps what was typed, with the version it was typed over, across a reload', () => {
    writeDraft<Plan>(key, { targets: '差异率 0.12', measures: null }, 3, new Date('2026-11-28T08:00:00Z'));
    expect(readDraft<Plan>(key)).toEqual({
      values: { targets: '差异率 0.12', measures: null },
      base: 3,
      savedAt: '2026-11-28T08:00:00.000Z',
    });
    expect(readDraft(draftKey('town-plan', 'plan-2'))).toBeNull();
    clearDraft(key);
    expect(readDraft(key)).toBeNull();
  });

  it('ignores a corrupt draft instead of breaking the page', () => {
    localStorage.setItem(key, '{not json');
    expect(readDraft(key)).toBeNull();
    localStorage.setItem(key, JSON.stringify({ nothing: true }));
    expect(readDraft(key)).toBeNull();
  });
});

describe('a draft against the server record', () => {
  const server = { values: { targets: '服务器版本', measures: '措施' }, base: 4 };

  it('restores a draft typed over the current version', () => {
    writeDraft<Plan>(key, { targets: '我的修改', measures: '措施' }, 4);
    expect(resolveDraft(readDraft<Plan>(key), server, FIELDS)).toBe('restore');
  });

  it('shows a conflict when the server record changed since the draft was typed', () => {
    writeDraft<Plan>(key, { targets: '我的修改', measures: '措施' }, 3);
    expect(resolveDraft(readDraft<Plan>(key), server, FIELDS)).toBe('conflict');
  });

  it('drops a draft that says what the server already says, and has nothing without one', () => {
    writeDraft<Plan>(key, { targets: '服务器版本', measures: '措施' }, 2);
    expect(resolveDraft(readDraft<Plan>(key), server, FIELDS)).toBe('discard');
    expect(resolveDraft(null, server, FIELDS)).toBe('none');
  });

  it('lists the fields that differ, treating empty and missing alike', () => {
    expect(differingFields<Plan>({ targets: 'a', measures: '' }, { targets: 'b', measures: null }, FIELDS)).toEqual([
      'targets',
    ]);
  });
});

describe('why a save failed', () => {
  it('tells a lost connection from a refusal', () => {
    expect(isNetworkError(new TypeError('Failed to fetch'))).toBe(true);
    const response = new Response('bad gateway', { status: 502 });
    expect(isNetworkError(new ServerError('Bad gateway', { response, bodyText: 'bad gateway' }))).toBe(true);
    const conflict = new CombinedGraphQLErrors({
      errors: [{ message: 'changed by someone else', extensions: { code: 'CONFLICT' } }],
    });
    expect(isNetworkError(conflict)).toBe(false);
    expect(isConflict(conflict)).toBe(true);
    expect(isConflict(new TypeError('Failed to fetch'))).toBe(false);
  });
});

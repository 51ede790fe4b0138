import type { ErrorLike } from '@apollo/client';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { errorCode } from './errors';

/**
 * Form drafts kept in localStorage as the user types, one per record and form, so nothing
 * typed is lost to a dropped connection or a closed tab. A draft remembers which version of
 * the server record it was typed over (`base`): when the server has moved on since, the
 * draft is a conflict to show, not a value to save over someone else's edit.
 */
export interface Draft<T> {
  values: T;
  /** the server record's version (or updatedAt) the draft was typed over; null for a new record */
  base: string | number | null;
  savedAt: string;
}

const PREFIX = 'zhuji.draft.';

/** `zhuji.draft.<form>.<record id>`: one draft per form and record. */
export function draftKey(form: string, recordId: string): string {
  return `${PREFIX}${form}.${recordId}`;
}

export function readDraft<T>(key: string): Draft<T> | null {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Draft<T>>;
    if (!parsed || typeof parsed !== 'object' || !('values' in parsed) || !parsed.savedAt) return null;
    return { values: parsed.values as T, base: parsed.base ?? null, savedAt: parsed.savedAt };
  } catch {
    return null; // a corrupt draft is not worth a broken page
  }
}

// savedAt is an instant shown as "restored the draft saved at 14:05", not a business day:
// the wall clock is the right source, and the programme clock (a day) could not give it.
// eslint-disable-next-line no-restricted-syntax
export function writeDraft<T>(key: string, values: T, base: Draft<T>['base'], now = new Date()): Draft<T> {
  const draft: Draft<T> = { values, base, savedAt: now.toISOString() };
  try {
    localStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // storage full or disabled: the form still works, only the safety net is gone
  }
  return draft;
}

export function clearDraft(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // nothing to clear
  }
}

/** The fields whose values differ between two versions (empty strings and null are the same). */
export function differingFields<T extends object>(mine: T, theirs: T, fields: readonly (keyof T)[]): (keyof T)[] {
  const norm = (v: unknown) => (v === undefined || v === null || v === '' ? null : JSON.stringify(v));
  return fields.filter((f) => norm(mine[f]) !== norm(theirs[f]));
}

/**
 * What to do with a draft found when a form opens over the server's record:
 * - `none`: no draft, show the server's values;
 * - `restore`: typed over this very version, put it back and say so;
 * - `conflict`: the record changed on the server since; show both and let the user choose;
 * - `discard`: the draft is the same as the server now (saved from another tab).
 */
export type DraftResolution = 'none' | 'restore' | 'conflict' | 'discard';

export function resolveDraft<T extends object>(
  draft: Draft<T> | null,
  server: { values: T; base: Draft<T>['base'] },
  fields: readonly (keyof T)[],
): DraftResolution {
  if (!draft) return 'none';
  if (differingFields(draft.values, server.values, fields).length === 0) return 'discard';
  return draft.base === server.base ? 'restore' : 'conflict';
}

/**
 * A failure to reach the server (offline, connection dropped, gateway down), as opposed to
 * the server refusing the change: the draft must stay and the user be told it did.
 */
export function isNetworkError(error: ErrorLike | null | undefined): boolean {
  if (!error) return false;
  if (CombinedGraphQLErrors.is(error)) return false;
  if (ServerError.is(error)) return error.statusCode >= 500 && !errorCode(error);
  // fetch rejects with a TypeError ("Failed to fetch") when there is no connection.
  return error.name === 'TypeError' || /network|fetch|load failed/i.test(error.message);
}

/** The server refused the write because the record changed since it was read. */
export function isConflict(error: ErrorLike | null | undefined): boolean {
  return errorCode(error) === 'CONFLICT';
}

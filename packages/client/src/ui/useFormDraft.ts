import { useCallback, useEffect, useState } from 'react';
import { clearDraft, differingFields, readDraft, resolveDraft, writeDraft, type Draft } from '../drafts';

export interface DraftConflict<T> {
  mine: T;
  theirs: T;
  /** the server version "theirs" is; saving "mine" goes over it */
  theirBase: Draft<T>['base'];
  fields: (keyof T)[];
}

/**
 * Keeps a form's draft in localStorage while the user types (`record` from onValuesChange)
 * and decides, once the server's record has loaded, whether to restore it, drop it, or show
 * it beside the server's version as a conflict. `base` is the server version the form is
 * editing over: the page sends it as the expected version when saving.
 */
export function useFormDraft<T extends object>(
  key: string | null,
  server: { values: T; base: Draft<T>['base'] } | null,
  fields: readonly (keyof T)[],
) {
  const [opened, setOpened] = useState<{
    key: string;
    initial: T;
    base: Draft<T>['base'];
    restoredAt: string | null;
    conflict: DraftConflict<T> | null;
  } | null>(null);

  // Decided once per record when its server version first arrives (derived state, set while
  // rendering so the form never shows the wrong values for a frame).
  if (key && server && opened?.key !== key) {
    const draft = readDraft<T>(key);
    const resolution = resolveDraft(draft, server, fields);
    setOpened({
      key,
      initial: resolution === 'restore' && draft ? draft.values : server.values,
      base: server.base,
      restoredAt: resolution === 'restore' && draft ? draft.savedAt : null,
      conflict:
        resolution === 'conflict' && draft
          ? {
              mine: draft.values,
              theirs: server.values,
              theirBase: server.base,
              fields: differingFields(draft.values, server.values, fields),
            }
          : null,
    });
  }

  const discard =
    opened && key && server && opened.key === key && readDraft<T>(key) && !opened.restoredAt && !opened.conflict;
  useEffect(() => {
    // A draft that says what the server says (saved from another tab) is only clutter.
    if (discard && key && server && resolveDraft(readDraft<T>(key), server, fields) === 'discard') clearDraft(key);
  }, [discard, key, server, fields]);

  const base = opened?.base ?? null;
  const record = useCallback(
    (values: T) => {
      if (key) writeDraft(key, values, base);
    },
    [key, base],
  );

  const clear = useCallback(() => {
    if (key) clearDraft(key);
    setOpened((o) => (o ? { ...o, restoredAt: null, conflict: null } : o));
  }, [key]);

  /** After a save refused as CONFLICT: show the user's values beside the server's new ones. */
  const showConflict = useCallback(
    (mine: T, theirs: T, theirBase: Draft<T>['base']) => {
      if (key) writeDraft(key, mine, base);
      setOpened((o) =>
        o ? { ...o, conflict: { mine, theirs, theirBase, fields: differingFields(mine, theirs, fields) } } : o,
      );
    },
    [key, base, fields],
  );

  /** Keep my values, now typed over the server's latest version (the next save goes over it). */
  const keepMine = useCallback((): T | null => {
    if (!opened?.conflict) return null;
    const { mine, theirBase } = opened.conflict;
    if (key) writeDraft(key, mine, theirBase);
    setOpened({ ...opened, base: theirBase, conflict: null, restoredAt: null });
    return mine;
  }, [opened, key]);

  /** Take the server's version and drop the draft. */
  const takeTheirs = useCallback((): T | null => {
    if (!opened?.conflict) return null;
    const { theirs, theirBase } = opened.conflict;
    if (key) clearDraft(key);
    setOpened({ ...opened, base: theirBase, conflict: null, restoredAt: null });
    return theirs;
  }, [opened, key]);

  /** A save went through at `base`: the draft is done. */
  const saved = useCallback(
    (base: Draft<T>['base']) => {
      if (key) clearDraft(key);
      setOpened((o) => (o ? { ...o, base, restoredAt: null, conflict: null } : o));
    },
    [key],
  );

  return {
    ready: !!opened && opened.key === key,
    initialValues: opened?.initial ?? null,
    base: opened?.base ?? null,
    restoredAt: opened?.restoredAt ?? null,
    conflict: opened?.conflict ?? null,
    record,
    clear,
    showConflict,
    keepMine,
    takeTheirs,
    saved,
  };
}

import { afterEach, describe, expect, it } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { draftKey, readDraft, writeDraft } from '../drafts';
import { useFormDraft } from './useFormDraft';

type Plan = { targets: string; measures: string };
const FIELDS = ['targets', 'measures'] as const;
const key = draftKey('town-plan', 'p1');

afterEach(() => localStorage.clear());

function open(server: { values: Plan; base: number }) {
  return renderHook(({ s }) => useFormDraft<Plan>(key, s, FIELDS), { initialProps: { s: server } });
}

describe('a form’s draft as the user works', () => {
  it('records typing over the version loaded, restores it on reopening, and clears it once saved', () => {
    const server = { values: { targets: '', measures: '' }, base: 1 };
    const first = open(server);
    expect(first.result.current.initialValues).toEqual(server.values);
    act(() => first.result.current.record({ targets: '我的目标', measures: '' }));
    first.unmount();

    const again = open(server);
    expect(again.result.current.initialValues).toEqual({ targets: '我的目标', measures: '' });
    expect(again.result.current.restoredAt).not.toBeNull();
    act(() => again.result.current.saved(2));
    expect(readDraft(key)).toBeNull();
    expect(again.result.current.base).toBe(2);
  });

  it('shows a draft typed over an older version as a conflict, and keeping mine moves it onto the new version', () => {
    writeDraft<Plan>(key, { targets: '我的目标', measures: '' }, 1);
    const { result } = open({ values: { targets: '同事的目标', measures: '' }, base: 2 });
    expect(result.current.conflict).toMatchObject({
      mine: { targets: '我的目标' },
      theirs: { targets: '同事的目标' },
      fields: ['targets'],
    });
    expect(result.current.initialValues).toEqual({ targets: '同事的目标', measures: '' });
    let kept: Plan | null = null;
    act(() => {
      kept = result.current.keepMine();
    });
    expect(kept).toEqual({ targets: '我的目标', measures: '' });
    expect(result.current.conflict).toBeNull();
    expect(result.current.base).toBe(2); // the next save goes over the colleague's version, knowingly
    expect(readDraft<Plan>(key)?.base).toBe(2);
  });

  it('drops the draft when the user takes the server’s version', () => {
    writeDraft<Plan>(key, { targets: '我的目标', measures: '' }, 1);
    const { result } = open({ values: { targets: '同事的目标', measures: '' }, base: 2 });
    act(() => {
      result.current.takeTheirs();
    });
    expect(readDraft(key)).toBeNull();
    expect(result.current.conflict).toBeNull();
  });
});

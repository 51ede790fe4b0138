import { describe, expect, it } from 'vitest';
import { filterTowns, parseTownListParams, toTownListParams } from './town-list';

const row = (name: string, code: string, failing: string[]) => ({
  meetsAll: failing.length === 0,
  town: { name, code },
  goals: ['CONDITIONS', 'QUALITY', 'STAFFING', 'ENVIRONMENT', 'SUPPORT', 'SATISFACTION'].map((goal) => ({
    goal: goal as never,
    met: !failing.includes(goal),
  })),
});

describe('town goals list state', () => {
  it('reads the dashboard’s links and ignores what it does not know', () => {
    const state = parseTownListParams(new URLSearchParams('failing=STAFFING&districtId=D1&meetsAll=maybe&page=x'));
    expect(state).toMatchObject({ failing: 'STAFFING', districtId: 'D1', page: 1, sort: 'name', size: 20 });
    expect(state.meetsAll).toBeUndefined();
    expect(parseTownListParams(new URLSearchParams('failing=NOPE')).failing).toBeUndefined();
  });

  it('round-trips through the URL, leaving defaults out', () => {
    const params = new URLSearchParams('period=2025&meetsAll=false&sort=goalsMet&size=50&page=2');
    expect(toTownListParams(parseTownListParams(params)).toString()).toBe(params.toString());
    expect(toTownListParams(parseTownListParams(new URLSearchParams())).toString()).toBe('');
  });

  it('keeps the towns failing a goal, or meeting all, and orders the weakest first', () => {
    const rows = [row('乙镇', '2', ['STAFFING']), row('甲镇', '1', []), row('丙镇', '3', ['STAFFING', 'SUPPORT'])];
    const base = parseTownListParams(new URLSearchParams());
    expect(filterTowns(rows, { ...base, failing: 'STAFFING' as never }).map((r) => r.town.code).sort()).toEqual(['2', '3']);
    expect(filterTowns(rows, { ...base, meetsAll: true }).map((r) => r.town.code)).toEqual(['1']);
    expect(filterTowns(rows, { ...base, sort: 'goalsMet' }).map((r) => r.town.code)).toEqual(['3', '2', '1']);
    expect(filterTowns(rows, { ...base, search: '甲' }).map((r) => r.town.code)).toEqual(['1']);
  });
});

import { describe, expect, it } from 'vitest';
import { parseListParams, toListParams } from '../../app/list/list-params';
import { townList, townListFiltered, townListVariables } from './town-list';

const parse = (query: string) => parseListParams(townList, new URLSearchParams(query));

describe('town goals list state', () => {
  it('reads the dashboard’s links and ignores what it does not know', () => {
    const state = parse('failing=STAFFING&districtId=D1&meetsAll=maybe&sort=worst');
    expect(state).toMatchObject({ filters: { failing: 'STAFFING', districtId: 'D1' }, sort: 'name', size: 20 });
    expect(state.filters.meetsAll).toBeUndefined();
    expect(parse('failing=NOPE').filters.failing).toBeUndefined();
  });

  it('round-trips through the URL, cursor included, leaving defaults out', () => {
    const query = 'period=2025&meetsAll=false&sort=goalsMet&size=50&after=abc';
    expect(toListParams(townList, parse(query)).toString()).toBe(query);
    expect(toListParams(townList, parse('')).toString()).toBe('');
  });

  it('asks the server for the programme towns, filtered by verdict, in the chosen order', () => {
    expect(townListVariables(parse('failing=STAFFING&meetsAll=false&search=镇&sort=goalsMet&period=2025'))).toEqual({
      period: '2025',
      filter: { inProgramme: true, failingGoal: 'STAFFING', meetsAll: false, search: '镇' },
      orderBy: { field: 'GOALS_MET', direction: 'ASC' },
    });
    // No year (or a malformed one): the server picks the latest year with assessments.
    expect(townListVariables(parse('period=last'))).toEqual({
      filter: { inProgramme: true },
      orderBy: { field: 'NAME', direction: 'ASC' },
    });
  });

  it('counts the year as the view, not as a filter to clear', () => {
    expect(townListFiltered(parse('period=2025'))).toBe(false);
    expect(townListFiltered(parse('period=2025&meetsAll=true'))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STATE,
  changeView,
  exportPath,
  nextPage,
  parseSchoolListParams,
  previousPage,
  toQueryVariables,
  toSchoolListParams,
} from './school-list-params';

const parse = (query: string) => parseSchoolListParams(new URLSearchParams(query));

describe('schools list state in the URL', () => {
  it('reads a shared link back into exactly the view it was made from', () => {
    const state = parse(
      'search=实验&stage=PRIMARY&locality=RURAL&townSeat=true&districtId=RGlzdHJpY3Q6MQ&sort=STUDENT_COUNT&dir=DESC&size=50&after=abc',
    );
    expect(state).toEqual({
      search: '实验',
      stage: 'PRIMARY',
      locality: 'RURAL',
      isTownSeat: true,
      districtId: 'RGlzdHJpY3Q6MQ',
      sort: 'STUDENT_COUNT',
      direction: 'DESC',
      size: 50,
      after: 'abc',
    });
    expect(parse(toSchoolListParams(state).toString())).toEqual(state);
  });

  it('keeps defaults out of the URL and ignores values the schema does not know', () => {
    expect(toSchoolListParams(DEFAULT_STATE).toString()).toBe('');
    expect(parse('stage=UNIVERSITY&locality=&townSeat=maybe&sort=CREATED_AT&dir=UP&size=1000')).toEqual(DEFAULT_STATE);
  });

  it('keeps townSeat=false, which is a filter, not the absence of one', () => {
    const state = parse('townSeat=false');
    expect(state.isTownSeat).toBe(false);
    expect(toQueryVariables(state).filter).toEqual({ isTownSeat: false });
  });

  it('asks for the next page with first/after and the previous one with last/before', () => {
    const state = { ...DEFAULT_STATE, size: 100 as const };
    expect(toQueryVariables(state)).toEqual({ filter: {}, orderBy: { field: 'NAME', direction: 'ASC' }, first: 100 });
    const next = nextPage(state, 'end');
    expect(toQueryVariables(next)).toMatchObject({ first: 100, after: 'end' });
    const previous = previousPage(next, 'start');
    expect(previous.after).toBeUndefined();
    expect(toQueryVariables(previous)).toMatchObject({ last: 100, before: 'start' });
    expect(toQueryVariables(previous)).not.toHaveProperty('first');
  });

  it('starts again from the first page when the filter, sort or page size changes', () => {
    const paged = nextPage(parse('stage=JUNIOR'), 'cursor');
    const changed = changeView(paged, { sort: 'CODE', stage: undefined });
    expect(changed).toEqual({ ...DEFAULT_STATE, sort: 'CODE' });
    expect(toSchoolListParams(changed).toString()).toBe('sort=CODE');
  });

  it('exports the same filter and order the table shows', () => {
    const url = new URL(exportPath(parse('stage=PRIMARY&townSeat=true&sort=CODE&dir=DESC&after=x')), 'http://h');
    expect(url.pathname).toBe('/api/export/schools.xlsx');
    expect(JSON.parse(url.searchParams.get('filter')!)).toEqual({ stage: 'PRIMARY', isTownSeat: true });
    expect(JSON.parse(url.searchParams.get('orderBy')!)).toEqual({ field: 'CODE', direction: 'DESC' });
  });
});

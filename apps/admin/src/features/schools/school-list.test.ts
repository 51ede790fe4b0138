import { describe, expect, it } from 'vitest';
import { parseListParams } from '../../app/list/list-params';
import { SCHOOL_LIST, exportPath, schoolFilter } from './school-list';

const parse = (query: string) => parseListParams(SCHOOL_LIST, new URLSearchParams(query));

describe('the schools table', () => {
  it('keeps townSeat=false, which is a filter, not the absence of one', () => {
    expect(schoolFilter(parse('townSeat=false'))).toEqual({ isTownSeat: false });
    expect(schoolFilter(parse('townSeat=maybe&stage=UNIVERSITY'))).toEqual({});
  });

  it('exports the same filter and order the table shows', () => {
    const url = new URL(exportPath(parse('stage=PRIMARY&townSeat=true&sort=CODE&dir=DESC&after=x')), 'http://h');
    expect(url.pathname).toBe('/api/export/schools.xlsx');
    expect(JSON.parse(url.searchParams.get('filter')!)).toEqual({ stage: 'PRIMARY', isTownSeat: true });
    expect(JSON.parse(url.searchParams.get('orderBy')!)).toEqual({ field: 'CODE', direction: 'DESC' });
  });
});

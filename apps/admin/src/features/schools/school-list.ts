import { SchoolLocality, SchoolOrderField, SchoolStage, type SchoolFilter, type SchoolOrder } from '../../gql/graphql';
import { defineList, type ListState } from '../../app/list/list-params';

/** The schools table's filters and sorts, as its URL carries them (app/list/list-params.ts). */
export const SCHOOL_LIST = defineList({
  filters: {
    search: { kind: 'string' },
    districtId: { kind: 'id' },
    stage: { kind: 'enum', values: Object.values(SchoolStage) },
    locality: { kind: 'enum', values: Object.values(SchoolLocality) },
    townSeat: { kind: 'boolean' },
  },
  sorts: [SchoolOrderField.Name, SchoolOrderField.Code, SchoolOrderField.StudentCount],
  defaultSort: SchoolOrderField.Name,
});

export type SchoolListState = ListState<(typeof SCHOOL_LIST)['filters'], (typeof SCHOOL_LIST)['sorts'][number]>;

export function schoolFilter({ filters }: SchoolListState): SchoolFilter {
  const filter: SchoolFilter = {};
  if (filters.search) filter.search = filters.search;
  if (filters.districtId) filter.districtId = filters.districtId;
  if (filters.stage) filter.stage = filters.stage;
  if (filters.locality) filter.locality = filters.locality;
  if (filters.townSeat !== undefined) filter.isTownSeat = filters.townSeat;
  return filter;
}

export function schoolOrder(state: SchoolListState): SchoolOrder {
  return { field: state.sort, direction: state.direction };
}

/**
 * The export of exactly what the table shows (all pages). Schools use the server's own
 * roster export (/api/export/schools.xlsx), whose columns match the import template, so a
 * district can edit the file and import it back.
 */
export function exportPath(state: SchoolListState): string {
  const params = new URLSearchParams({
    filter: JSON.stringify(schoolFilter(state)),
    orderBy: JSON.stringify(schoolOrder(state)),
  });
  return `/api/export/schools.xlsx?${params.toString()}`;
}

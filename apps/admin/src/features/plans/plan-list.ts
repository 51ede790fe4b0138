import { TownPlanOrderField, TownPlanState, type TownPlanFilter } from '../../gql/graphql';
import { defineList, type ListState } from '../../app/list/list-params';

/** The plans table's URL: `?status=SUBMITTED&year=2026&districtId=…&late=true&sort=UPDATED_AT&dir=DESC`. */
export const planList = defineList({
  filters: {
    districtId: { kind: 'id' },
    townId: { kind: 'id' },
    status: { kind: 'enum', values: Object.values(TownPlanState) },
    year: { kind: 'string' },
    late: { kind: 'boolean' },
  },
  sorts: [TownPlanOrderField.Year, TownPlanOrderField.UpdatedAt, TownPlanOrderField.CreatedAt],
  defaultSort: TownPlanOrderField.UpdatedAt,
  defaultDirection: 'DESC',
});

export type PlanListState = ListState<typeof planList.filters, (typeof planList.sorts)[number]>;

/** The API's filter for the URL's: `status` is the plan's `state`, a malformed year is dropped. */
export function planFilter(state: Pick<PlanListState, 'filters'>): TownPlanFilter {
  const { districtId, townId, status, year, late } = state.filters;
  const filter: TownPlanFilter = {};
  if (districtId) filter.districtId = districtId;
  if (townId) filter.townId = townId;
  if (status) filter.state = status;
  if (year && /^\d{4}$/.test(year)) filter.year = Number(year);
  if (late !== undefined) filter.late = late;
  return filter;
}

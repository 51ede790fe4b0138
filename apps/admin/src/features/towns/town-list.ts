import {
  OrderDirection,
  ProgrammeGoal,
  TownGoalOrderField,
  type TownGoalFilter,
  type TownGoalOrder,
} from '../../gql/graphql';
import { defineList, type ListState } from '../../app/list/list-params';

/**
 * The town goals table's URL: `?period=2025&districtId=…&meetsAll=false&failing=STAFFING&search=镇&sort=goalsMet`,
 * plus the list kit's size and keyset cursor. The server filters and pages the verdicts
 * (townGoalAttainments), so the table and its export show the same rows.
 */
export const townList = defineList({
  filters: {
    period: { kind: 'string' },
    districtId: { kind: 'id' },
    meetsAll: { kind: 'boolean' },
    failing: { kind: 'enum', values: Object.values(ProgrammeGoal) },
    search: { kind: 'string' },
  },
  sorts: ['name', 'code', 'goalsMet'],
  defaultSort: 'name',
});

export type TownListState = ListState<typeof townList.filters, (typeof townList.sorts)[number]>;

const ORDER_FIELD = {
  name: TownGoalOrderField.Name,
  code: TownGoalOrderField.Code,
  goalsMet: TownGoalOrderField.GoalsMet,
} as const;

/**
 * The year asked about: the URL's when it is one, else undefined, and the server answers for
 * the latest year with assessments (each row says which).
 */
export function townListPeriod(state: TownListState): string | undefined {
  const period = state.filters.period;
  return period && /^\d{4}$/.test(period) ? period : undefined;
}

/** Whether anything beyond the year narrows the list (the year is a view, not a filter). */
export function townListFiltered(state: TownListState): boolean {
  return Object.keys(state.filters).some((k) => k !== 'period');
}

/** The query's variables: programme towns only; `goalsMet` lists the weakest first. */
export function townListVariables(state: TownListState): {
  period?: string;
  filter: TownGoalFilter;
  orderBy: TownGoalOrder;
} {
  const { districtId, meetsAll, failing, search } = state.filters;
  const period = townListPeriod(state);
  return {
    ...(period ? { period } : {}),
    filter: {
      inProgramme: true,
      ...(districtId ? { districtId } : {}),
      ...(meetsAll !== undefined ? { meetsAll } : {}),
      ...(failing ? { failingGoal: failing } : {}),
      ...(search ? { search } : {}),
    },
    orderBy: { field: ORDER_FIELD[state.sort], direction: state.direction ?? OrderDirection.Asc },
  };
}

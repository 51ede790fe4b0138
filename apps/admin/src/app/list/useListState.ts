import { useSearchParams } from 'react-router';
import {
  changeView,
  nextPage,
  parseListParams,
  previousPage,
  toListParams,
  type FilterSpec,
  type Filters,
  type ListSpec,
  type ListState,
  type PageSize,
} from './list-params';
import type { OrderDirection } from '../../gql/graphql';

/** A table's state read from and written to the URL (see list-params.ts). */
export function useListState<F extends Record<string, FilterSpec>, S extends string>(spec: ListSpec<F, S>) {
  const [params, setParams] = useSearchParams();
  const state = parseListParams(spec, params);
  const go = (next: ListState<F, S>) => setParams(toListParams(spec, next));
  return {
    state,
    setFilters: (filters: Filters<F>) => go(changeView(state, { filters })),
    clearFilters: () => go({ ...changeView(state, {}), filters: {} }),
    setSort: (sort: S, direction?: OrderDirection) => go(changeView(state, { sort, direction })),
    setSize: (size: PageSize) => go(changeView(state, { size })),
    next: (endCursor: string) => go(nextPage(state, endCursor)),
    previous: (startCursor: string) => go(previousPage(state, startCursor)),
  };
}

export type ListControls = ReturnType<typeof useListState>;

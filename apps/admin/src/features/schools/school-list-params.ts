import {
  OrderDirection,
  SchoolLocality,
  SchoolOrderField,
  SchoolStage,
  type SchoolFilter,
  type SchoolListPageQueryVariables,
  type SchoolOrder,
} from '../../gql/graphql';

/**
 * The schools list's state lives in the URL search params, so a shared link reproduces the
 * view: filters, sort, page size and the keyset cursor (`after` for the next page, `before`
 * for the previous one). Anything the URL holds that is not valid is ignored, never sent.
 */
export const PAGE_SIZES = [20, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const SORT_FIELDS = [SchoolOrderField.Name, SchoolOrderField.Code, SchoolOrderField.StudentCount] as const;
export type SortField = (typeof SORT_FIELDS)[number];

export interface SchoolListState {
  search?: string;
  stage?: SchoolStage;
  locality?: SchoolLocality;
  isTownSeat?: boolean;
  districtId?: string;
  sort: SortField;
  direction: OrderDirection;
  size: PageSize;
  after?: string;
  before?: string;
}

export const DEFAULT_STATE: SchoolListState = { sort: SchoolOrderField.Name, direction: OrderDirection.Asc, size: 20 };

function oneOf<T extends string | number>(values: readonly T[], raw: string | null): T | undefined {
  return values.find((v) => String(v) === raw);
}

export function parseSchoolListParams(params: URLSearchParams): SchoolListState {
  const state: SchoolListState = {
    sort: oneOf(SORT_FIELDS, params.get('sort')) ?? DEFAULT_STATE.sort,
    direction: oneOf(Object.values(OrderDirection), params.get('dir')) ?? DEFAULT_STATE.direction,
    size: oneOf(PAGE_SIZES, params.get('size')) ?? DEFAULT_STATE.size,
  };
  const search = params.get('search')?.trim();
  if (search) state.search = search;
  const stage = oneOf(Object.values(SchoolStage), params.get('stage'));
  if (stage) state.stage = stage;
  const locality = oneOf(Object.values(SchoolLocality), params.get('locality'));
  if (locality) state.locality = locality;
  const townSeat = params.get('townSeat');
  if (townSeat === 'true' || townSeat === 'false') state.isTownSeat = townSeat === 'true';
  const districtId = params.get('districtId');
  if (districtId) state.districtId = districtId;
  // One direction at a time: `after` wins if a hand-edited link carries both.
  const after = params.get('after');
  const before = params.get('before');
  if (after) state.after = after;
  else if (before) state.before = before;
  return state;
}

export function toSchoolListParams(state: SchoolListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.search) params.set('search', state.search);
  if (state.stage) params.set('stage', state.stage);
  if (state.locality) params.set('locality', state.locality);
  if (state.isTownSeat !== undefined) params.set('townSeat', String(state.isTownSeat));
  if (state.districtId) params.set('districtId', state.districtId);
  if (state.sort !== DEFAULT_STATE.sort) params.set('sort', state.sort);
  if (state.direction !== DEFAULT_STATE.direction) params.set('dir', state.direction);
  if (state.size !== DEFAULT_STATE.size) params.set('size', String(state.size));
  if (state.after) params.set('after', state.after);
  else if (state.before) params.set('before', state.before);
  return params;
}

/** A change of filter, sort or page size starts again from the first page: a cursor belongs to its ordering. */
export function changeView(
  state: SchoolListState,
  change: Partial<Omit<SchoolListState, 'after' | 'before'>>,
): SchoolListState {
  const next: SchoolListState = { ...state, ...change };
  delete next.after;
  delete next.before;
  for (const key of Object.keys(next) as (keyof SchoolListState)[]) if (next[key] === undefined) delete next[key];
  return next;
}

export function nextPage(state: SchoolListState, endCursor: string): SchoolListState {
  const { before: _before, ...rest } = state;
  return { ...rest, after: endCursor };
}

export function previousPage(state: SchoolListState, startCursor: string): SchoolListState {
  const { after: _after, ...rest } = state;
  return { ...rest, before: startCursor };
}

export function schoolFilter(state: SchoolListState): SchoolFilter {
  const filter: SchoolFilter = {};
  if (state.search) filter.search = state.search;
  if (state.stage) filter.stage = state.stage;
  if (state.locality) filter.locality = state.locality;
  if (state.isTownSeat !== undefined) filter.isTownSeat = state.isTownSeat;
  if (state.districtId) filter.districtId = state.districtId;
  return filter;
}

export function schoolOrder(state: SchoolListState): SchoolOrder {
  return { field: state.sort, direction: state.direction };
}

export function toQueryVariables(state: SchoolListState): SchoolListPageQueryVariables {
  const page = state.before
    ? { last: state.size, before: state.before }
    : { first: state.size, ...(state.after ? { after: state.after } : {}) };
  return { filter: schoolFilter(state), orderBy: schoolOrder(state), ...page };
}

/** The export of exactly what the table shows (all pages), as the server's export route takes it. */
export function exportPath(state: SchoolListState): string {
  const params = new URLSearchParams({
    filter: JSON.stringify(schoolFilter(state)),
    orderBy: JSON.stringify(schoolOrder(state)),
  });
  return `/api/export/schools.xlsx?${params.toString()}`;
}

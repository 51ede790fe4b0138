import { OrderDirection } from '../../gql/graphql';

/**
 * Every table's state lives in the URL search params, so a shared link reproduces the view:
 * filters, sort, page size and the keyset cursor (`after` for the next page, `before` for
 * the previous one). A page declares its filters and sorts once (a ListSpec); anything the
 * URL holds that the spec does not accept is ignored, never sent to the server.
 */
export type FilterSpec =
  | { kind: 'string' }
  | { kind: 'id' }
  | { kind: 'boolean' }
  /** a calendar day, `YYYY-MM-DD`, as the API's Date scalar takes it */
  | { kind: 'date' }
  | { kind: 'enum'; values: readonly string[] };

type ValueOf<S extends FilterSpec> = S extends { kind: 'boolean' }
  ? boolean
  : S extends { kind: 'enum'; values: readonly (infer V)[] }
    ? V
    : string;

export type Filters<F extends Record<string, FilterSpec>> = { [K in keyof F]?: ValueOf<F[K]> };

export const PAGE_SIZES = [20, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export interface ListSpec<F extends Record<string, FilterSpec>, S extends string> {
  filters: F;
  sorts: readonly S[];
  defaultSort: S;
  defaultDirection?: OrderDirection;
}

export interface ListState<F extends Record<string, FilterSpec>, S extends string> {
  filters: Filters<F>;
  sort: S;
  direction: OrderDirection;
  size: PageSize;
  after?: string;
  before?: string;
}

/** Declares a table's filters and sorts; the literal types flow into the state. */
export function defineList<const F extends Record<string, FilterSpec>, const S extends string>(
  spec: ListSpec<F, S>,
): ListSpec<F, S> {
  return spec;
}

function oneOf<T extends string | number>(values: readonly T[], raw: string | null): T | undefined {
  return values.find((v) => String(v) === raw);
}

/** A real calendar day: 2026-02-30 is refused, not rolled over to March. */
function isDay(raw: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) return false;
  const date = new Date(`${raw}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === raw;
}

function parseFilter(spec: FilterSpec, raw: string | null): unknown {
  if (raw === null) return undefined;
  switch (spec.kind) {
    case 'date':
      return isDay(raw) ? raw : undefined;
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : undefined;
    case 'enum':
      return oneOf(spec.values, raw);
    default:
      return raw.trim() || undefined;
  }
}

export function parseListParams<F extends Record<string, FilterSpec>, S extends string>(
  spec: ListSpec<F, S>,
  params: URLSearchParams,
): ListState<F, S> {
  const filters: Record<string, unknown> = {};
  for (const [name, filterSpec] of Object.entries(spec.filters)) {
    const value = parseFilter(filterSpec, params.get(name));
    if (value !== undefined) filters[name] = value;
  }
  const state: ListState<F, S> = {
    filters: filters as Filters<F>,
    sort: oneOf(spec.sorts, params.get('sort')) ?? spec.defaultSort,
    direction: oneOf(Object.values(OrderDirection), params.get('dir')) ?? spec.defaultDirection ?? OrderDirection.Asc,
    size: oneOf(PAGE_SIZES, params.get('size')) ?? PAGE_SIZES[0],
  };
  // One direction at a time: `after` wins if a hand-edited link carries both.
  const after = params.get('after');
  const before = params.get('before');
  if (after) state.after = after;
  else if (before) state.before = before;
  return state;
}

export function toListParams<F extends Record<string, FilterSpec>, S extends string>(
  spec: ListSpec<F, S>,
  state: ListState<F, S>,
): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of Object.keys(spec.filters)) {
    const value = state.filters[name];
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  if (state.sort !== spec.defaultSort) params.set('sort', state.sort);
  if (state.direction !== (spec.defaultDirection ?? OrderDirection.Asc)) params.set('dir', state.direction);
  if (state.size !== PAGE_SIZES[0]) params.set('size', String(state.size));
  if (state.after) params.set('after', state.after);
  else if (state.before) params.set('before', state.before);
  return params;
}

/** A change of filter, sort or page size starts again from the first page: a cursor belongs to its ordering. */
export function changeView<F extends Record<string, FilterSpec>, S extends string>(
  state: ListState<F, S>,
  change: { filters?: Filters<F>; sort?: S; direction?: OrderDirection; size?: PageSize },
): ListState<F, S> {
  const filters = { ...state.filters, ...change.filters };
  for (const key of Object.keys(filters)) if (filters[key] === undefined || filters[key] === '') delete filters[key];
  return {
    filters,
    sort: change.sort ?? state.sort,
    direction: change.direction ?? state.direction,
    size: change.size ?? state.size,
  };
}

export function nextPage<T extends { after?: string; before?: string }>(state: T, endCursor: string): T {
  const { before: _before, ...rest } = state;
  return { ...rest, after: endCursor } as T;
}

export function previousPage<T extends { after?: string; before?: string }>(state: T, startCursor: string): T {
  const { after: _after, ...rest } = state;
  return { ...rest, before: startCursor } as T;
}

/** first/after forwards, last/before backwards, as Relay connections take them. */
export function pageVariables(state: {
  size: number;
  after?: string;
  before?: string;
}): { first: number; after?: string } | { last: number; before: string } {
  return state.before
    ? { last: state.size, before: state.before }
    : { first: state.size, ...(state.after ? { after: state.after } : {}) };
}

export function isFiltered(state: { filters: object }): boolean {
  return Object.keys(state.filters).length > 0;
}

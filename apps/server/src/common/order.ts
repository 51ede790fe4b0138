import { OrderDirection } from './connection.js';
import type { SortSpec } from './keyset.js';

/** Maps a record's orderBy input onto the keyset sort, defaulting to its first field. */
export function sortSpec<F extends string>(
  order: { field: F; direction?: OrderDirection } | undefined,
  properties: Record<F, string>,
  fallback: F,
): SortSpec {
  const field = order?.field ?? fallback;
  return { field, property: properties[field], direction: order?.direction ?? OrderDirection.ASC };
}

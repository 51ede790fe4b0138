import DataLoader from 'dataloader';
import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ConnectionArgs, ConnectionResult } from './connection.js';
import { paginateByParent, type SortSpec } from './keyset.js';

/** Loads records by database id, one `WHERE id IN (...)` per tick, in key order. */
export function byIdLoader<T extends ObjectLiteral & { id: string }>(
  ds: DataSource,
  target: EntityTarget<T>,
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await ds
      .getRepository(target)
      .createQueryBuilder('r')
      .whereInIds([...ids])
      .getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

export interface ChildPageRequest {
  /** builds the child query with its filter and the viewer's scope applied */
  query: () => SelectQueryBuilder<ObjectLiteral>;
  parentProperty: string;
  args: ConnectionArgs;
  sort: SortSpec;
  maxPageSize: number;
  /** identifies query + args; parents asking with the same key share one batch */
  key: string;
}

/**
 * Per-request registry of "page of children" loaders (town.schools, school.teachers…).
 * Parents that ask for the same relation with the same arguments are batched into one
 * `paginateByParent` call, so a list of 50 towns costs two statements, not fifty.
 */
export class ChildPageLoaders {
  private readonly loaders = new Map<string, DataLoader<string, ConnectionResult<ObjectLiteral>>>();

  constructor(private readonly ds: DataSource) {}

  load<T extends ObjectLiteral>(parentId: string, req: ChildPageRequest): Promise<ConnectionResult<T>> {
    let loader = this.loaders.get(req.key);
    if (!loader) {
      loader = new DataLoader(async (parentIds) => {
        const pages = await paginateByParent(
          this.ds.manager,
          req.query(),
          req.parentProperty,
          parentIds,
          req.args,
          req.sort,
          req.maxPageSize,
        );
        return parentIds.map((id) => pages.get(id)!);
      });
      this.loaders.set(req.key, loader);
    }
    return loader.load(parentId) as Promise<ConnectionResult<T>>;
  }
}

/**
 * Per-request loaders a feature builds on demand (they may depend on the viewer or on
 * arguments), created once per key and shared by every resolver of the request.
 */
export class NamedLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(key: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = create() as DataLoader<unknown, unknown>;
      this.loaders.set(key, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

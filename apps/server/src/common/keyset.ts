import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from './errors.js';
import { OrderDirection, type ConnectionArgs, type ConnectionResult, type PageInfo } from './connection.js';

/**
 * Keyset ("seek") pagination. A page is `WHERE (sort, id) > (cursor.sort, cursor.id)
 * ORDER BY sort, id LIMIT n+1`: the index on (sort, id) makes page 500 cost what page 1
 * costs, and rows inserted before the cursor never shift later pages (no duplicates, no
 * gaps), which OFFSET cannot promise. Sort columns must be NOT NULL so the row comparison
 * is total; `id` breaks ties.
 */

export const DEFAULT_PAGE_SIZE = 20;

export interface SortSpec {
  /** the orderBy enum value, stored in the cursor so a cursor cannot be replayed under another order */
  field: string;
  /** entity property sorted on (must be NOT NULL) */
  property: string;
  direction: OrderDirection;
}

interface Cursor {
  field: string;
  value: string | number;
  id: string;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.field, c.value, c.id]), 'utf8').toString('base64url');
}

function decodeCursor(raw: string, path: string, sort: SortSpec): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 3) {
      const [field, value, id] = parsed as [unknown, unknown, unknown];
      if (
        typeof field === 'string' &&
        (typeof value === 'string' || typeof value === 'number') &&
        typeof id === 'string'
      ) {
        if (field !== sort.field) {
          throw badInput([
            {
              path,
              message: `cursor was issued for orderBy ${field}, not ${sort.field}`,
              messageZh: '游标与当前排序方式不符',
              constraint: 'cursorOrder',
            },
          ]);
        }
        return { field, value, id };
      }
    }
  } catch (error) {
    if (error instanceof Error && 'extensions' in error) throw error;
  }
  throw badInput([{ path, message: 'is not a valid cursor', messageZh: '游标无效', constraint: 'cursor' }]);
}

export interface PageWindow {
  limit: number;
  forward: boolean;
  after?: Cursor;
  before?: Cursor;
}

export function pageWindow(args: ConnectionArgs, sort: SortSpec, maxPageSize: number): PageWindow {
  const { first, last } = args;
  if (first != null && last != null) {
    throw badInput([
      {
        path: 'last',
        message: 'use either first or last, not both',
        messageZh: 'first 与 last 不能同时使用',
        constraint: 'exclusive',
      },
    ]);
  }
  for (const [path, value] of [
    ['first', first],
    ['last', last],
  ] as const) {
    if (value != null && (value < 0 || value > maxPageSize)) {
      throw badInput([
        {
          path,
          message: `must be between 0 and ${maxPageSize}`,
          messageZh: `每页条数须在 0 到 ${maxPageSize} 之间`,
          constraint: 'maxPageSize',
        },
      ]);
    }
  }
  const forward = last == null;
  return {
    limit: (forward ? first : last) ?? DEFAULT_PAGE_SIZE,
    forward,
    after: args.after ? decodeCursor(args.after, 'after', sort) : undefined,
    before: args.before ? decodeCursor(args.before, 'before', sort) : undefined,
  };
}

function sortValue(row: ObjectLiteral, property: string): string | number {
  const v: unknown = row[property];
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'number' || typeof v === 'string') return v;
  throw new Error(
    `sort property ${property} is ${v === null ? 'null' : typeof v}; keyset sort columns must be NOT NULL`,
  );
}

function cursorOf(row: ObjectLiteral, sort: SortSpec): string {
  return encodeCursor({ field: sort.field, value: sortValue(row, sort.property), id: row.id as string });
}

/** Adds the keyset bounds and the ORDER BY for `window` to `qb` (aliased `alias`). */
function applyWindow<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  sort: SortSpec,
  window: PageWindow,
  columnSql: string,
  idSql: string,
): { orderSql: string; dir: 'ASC' | 'DESC' } {
  const asc = sort.direction === OrderDirection.ASC;
  if (window.after) {
    qb.andWhere(`(${columnSql}, ${idSql}) ${asc ? '>' : '<'} (:afterValue, :afterId)`, {
      afterValue: window.after.value,
      afterId: window.after.id,
    });
  }
  if (window.before) {
    qb.andWhere(`(${columnSql}, ${idSql}) ${asc ? '<' : '>'} (:beforeValue, :beforeId)`, {
      beforeValue: window.before.value,
      beforeId: window.before.id,
    });
  }
  // Walking backwards reads the index in the opposite direction, then reverses the page.
  const queryAsc = asc === window.forward;
  const dir = queryAsc ? 'ASC' : 'DESC';
  void alias;
  return { orderSql: `${columnSql} ${dir}, ${idSql} ${dir}`, dir };
}

function columnSqlOf<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, property: string): string {
  const column = qb.expressionMap.mainAlias!.metadata.findColumnWithPropertyPath(property);
  if (!column) throw new Error(`unknown sort property ${property}`);
  return `${qb.escape(alias)}.${qb.escape(column.databaseName)}`;
}

function finishPage<T>(
  rows: T[],
  sort: SortSpec,
  window: PageWindow,
  count: () => Promise<number>,
  cursor: (row: T) => string = (row) => cursorOf(row as ObjectLiteral, sort),
): ConnectionResult<T> {
  const hasMore = rows.length > window.limit;
  const page = hasMore ? rows.slice(0, window.limit) : rows;
  if (!window.forward) page.reverse();
  const edges = page.map((node) => ({ cursor: cursor(node), node }));
  const pageInfo: PageInfo = {
    hasNextPage: window.forward ? hasMore : Boolean(window.before),
    hasPreviousPage: window.forward ? Boolean(window.after) : hasMore,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
  };
  let counted: Promise<number> | undefined;
  return {
    edges,
    nodes: page,
    pageInfo,
    get totalCount() {
      counted ??= count();
      return counted;
    },
  };
}

/**
 * One page of a root connection. `qb` carries the filters and the viewer's scope; the
 * count (run only if `totalCount` is selected) uses the same filters without the bounds.
 */
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  args: ConnectionArgs,
  sort: SortSpec,
  maxPageSize: number,
): Promise<ConnectionResult<T>> {
  const window = pageWindow(args, sort, maxPageSize);
  const alias = qb.alias;
  const countQb = qb.clone();
  const columnSql = columnSqlOf(qb, alias, sort.property);
  const idSql = columnSqlOf(qb, alias, 'id');
  const { dir } = applyWindow(qb, alias, sort, window, columnSql, idSql);
  const rows =
    window.limit === 0
      ? []
      : await qb
          .orderBy(columnSql, dir)
          .addOrderBy(idSql, dir)
          .limit(window.limit + 1)
          .getMany();
  return finishPage(rows, sort, window, () => countQb.getCount());
}

/**
 * The same page for many parents at once (`town.schools(first: 10)` under 50 towns):
 * one statement ranks each parent's children with ROW_NUMBER() and keeps the first
 * `limit + 1`, a second loads those rows. Statement count stays constant however many
 * parents there are; the DataLoader that calls this groups parents by identical args.
 */
export async function paginateByParent<T extends ObjectLiteral>(
  manager: EntityManager,
  qb: SelectQueryBuilder<T>,
  parentProperty: string,
  parentIds: readonly string[],
  args: ConnectionArgs,
  sort: SortSpec,
  maxPageSize: number,
): Promise<Map<string, ConnectionResult<T>>> {
  const window = pageWindow(args, sort, maxPageSize);
  const alias = qb.alias;
  const parentSql = columnSqlOf(qb, alias, parentProperty);
  const columnSql = columnSqlOf(qb, alias, sort.property);
  const idSql = columnSqlOf(qb, alias, 'id');
  qb.andWhere(`${parentSql} IN (:...parentIds)`, { parentIds });
  const countQb = qb.clone();
  const { orderSql } = applyWindow(qb, alias, sort, window, columnSql, idSql);

  const byParent = new Map<string, T[]>(parentIds.map((id) => [id, []]));
  if (window.limit > 0 && parentIds.length > 0) {
    const inner = qb
      .select(`${idSql}`, 'id')
      .addSelect(`${parentSql}`, 'parent')
      .addSelect(`ROW_NUMBER() OVER (PARTITION BY ${parentSql} ORDER BY ${orderSql})`, 'rn');
    const [innerSql, params] = inner.getQueryAndParameters();
    const ranked: { id: string; parent: string; rn: string }[] = await manager.query(
      `SELECT "id", "parent", "rn" FROM (${innerSql}) ranked WHERE "rn" <= $${params.length + 1} ORDER BY "parent", "rn"`,
      [...params, window.limit + 1],
    );
    if (ranked.length > 0) {
      const target = qb.expressionMap.mainAlias!.target;
      const rows = await manager
        .getRepository<T>(target)
        .createQueryBuilder('r')
        .whereInIds(ranked.map((r) => r.id))
        .getMany();
      const rowById = new Map(rows.map((r) => [r.id as string, r]));
      for (const r of ranked) {
        const row = rowById.get(r.id);
        if (row) byParent.get(r.parent)?.push(row);
      }
    }
  }

  let counts: Promise<Map<string, number>> | undefined;
  const countAll = () =>
    (counts ??= countQb
      .select(parentSql, 'parent')
      .addSelect('COUNT(*)', 'count')
      .groupBy(parentSql)
      .getRawMany<{ parent: string; count: string }>()
      .then((rows) => new Map(rows.map((r) => [r.parent, Number(r.count)]))));

  const result = new Map<string, ConnectionResult<T>>();
  for (const parentId of parentIds) {
    result.set(
      parentId,
      finishPage(byParent.get(parentId) ?? [], sort, window, async () => (await countAll()).get(parentId) ?? 0),
    );
  }
  return result;
}

/** A row's place in an in-memory keyset order: its sort value and the id that breaks ties. */
export interface RowKey {
  value: string | number;
  id: string;
}

/**
 * One page of rows already in memory, for a connection whose filter or sort is computed in
 * TypeScript rather than SQL (goal verdicts are judged by rules over fetched facts). Same
 * cursors and window rules as `paginate`: `(value, id)` seeks past the cursor, so a filter
 * applied before paging stays correct across pages. `compare` orders two sort values; ids
 * break ties by code point.
 */
export function paginateRows<T>(
  rows: readonly T[],
  args: ConnectionArgs,
  sort: SortSpec,
  maxPageSize: number,
  key: (row: T) => RowKey,
  compare: (a: string | number, b: string | number) => number,
): ConnectionResult<T> {
  const window = pageWindow(args, sort, maxPageSize);
  const sign = sort.direction === OrderDirection.ASC ? 1 : -1;
  const order = (a: RowKey, b: RowKey) =>
    sign * (compare(a.value, b.value) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const keyed = rows.map((row) => ({ row, key: key(row) }));
  keyed.sort((a, b) => order(a.key, b.key));
  const inWindow = keyed.filter(
    (k) => (!window.after || order(k.key, window.after) > 0) && (!window.before || order(k.key, window.before) < 0),
  );
  const take =
    window.limit === 0
      ? []
      : window.forward
        ? inWindow.slice(0, window.limit + 1)
        : inWindow.slice(-(window.limit + 1)).reverse();
  const cursorOfRow = new Map(keyed.map((k) => [k.row, encodeCursor({ field: sort.field, ...k.key })]));
  return finishPage(
    take.map((k) => k.row),
    sort,
    window,
    () => Promise.resolve(rows.length),
    (row) => cursorOfRow.get(row)!,
  );
}

import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

/** Rows per statement: larger batches were no faster on PostgreSQL, only hungrier. */
const BATCH_ROWS = 2_000;

/**
 * Bulk INSERTs: `INSERT … SELECT … FROM unnest($1::text[]::uuid[], …)`, one array parameter
 * per column. Twice as fast as multi-row VALUES (whose thousands of parameters the server
 * must parse and plan) and free of the 65535-parameter limit; far faster than `save()`,
 * which writes and reads back row by row. Arrays travel as text[] and are cast by the
 * server, because PGlite cannot serialise arrays of the enum types it does not know.
 * Array columns (`trusteeship.measures`) cannot ride in a two-dimensional array, which
 * unnest would flatten: each value travels as its array literal (`{"A","B"}`) in a text[]
 * and is cast after unnesting. Table, column and type names come from the entity
 * metadata, so the naming strategy stays the one source of truth. Every row must have the
 * keys of the first.
 */
export async function insertRows<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly Partial<T>[],
): Promise<void> {
  if (!rows.length) return;
  const metadata = em.connection.getMetadata(entity);
  const properties = Object.keys(rows[0]!) as (keyof T & string)[];
  const columns = properties.map((p) => {
    const column = metadata.findColumnWithPropertyName(p);
    if (!column) throw new Error(`${metadata.name} has no column for property ${p}`);
    return column;
  });
  const names = columns.map((c) => `"${c.databaseName}"`).join(', ');
  const arrays = columns.map((c, i) => (c.isArray ? `$${i + 1}::text[]` : `$${i + 1}::text[]::${sqlType(c)}[]`));
  const selected = columns.map((c, i) => (c.isArray ? `u.c${i}::${sqlType(c)}[]` : `u.c${i}`));
  const sql =
    `INSERT INTO "${metadata.tableName}" (${names}) SELECT ${selected.join(', ')} ` +
    `FROM unnest(${arrays.join(', ')}) AS u(${columns.map((_, i) => `c${i}`).join(', ')})`;
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const batch = rows.slice(start, start + BATCH_ROWS);
    await em.query(
      sql,
      properties.map((p, i) =>
        columns[i]!.isArray ? batch.map((row) => arrayLiteral(row[p])) : batch.map((row) => row[p]),
      ),
    );
  }
}

/** `['A', 'B']` → `{"A","B"}`, PostgreSQL's text form of an array; null stays null. */
function arrayLiteral(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value)) throw new Error(`expected an array, not ${typeof value}`);
  const quote = (v: unknown) => (v === null ? 'NULL' : `"${String(v).replace(/(["\\])/g, '\\$1')}"`);
  return `{${value.map(quote).join(',')}}`;
}

function sqlType(column: ColumnMetadata): string {
  if (column.type === 'enum') return `"${column.enumName}"`;
  if (typeof column.type !== 'string')
    throw new Error(`${column.propertyName} needs an explicit column type for bulk inserts`);
  return column.type;
}

/** Collects rows and inserts them a batch at a time, so memory stays flat however many come. */
export class BatchInserter<T extends ObjectLiteral> {
  private pending: Partial<T>[] = [];
  written = 0;

  constructor(
    private readonly em: EntityManager,
    private readonly entity: EntityTarget<T>,
  ) {}

  async add(rows: readonly Partial<T>[]): Promise<void> {
    this.pending.push(...rows);
    if (this.pending.length >= BATCH_ROWS) await this.flush();
  }

  async flush(): Promise<void> {
    const rows = this.pending;
    this.pending = [];
    await insertRows(this.em, this.entity, rows);
    this.written += rows.length;
  }
}

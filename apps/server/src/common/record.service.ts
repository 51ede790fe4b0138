import type { DataSource, EntityManager, EntityTarget, SelectQueryBuilder } from 'typeorm';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import type { AuditScope, AuditTrail } from '../modules/audit/audit.trail.js';
import type { BaseRecord } from './base.entity.js';
import { translateWriteError } from './db-errors.js';
import { badInput, notFound } from './errors.js';
import { fromGlobalId } from './global-id.js';

/**
 * What every record's service shares: the scoped read path (so "not yours" and "not
 * there" look the same), global-id handling, and saving with conflict translation and
 * an audit entry. Rules particular to a record live in its own service.
 */
export abstract class RecordService<T extends BaseRecord> {
  abstract readonly typeName: string;
  protected abstract readonly entity: EntityTarget<T>;

  constructor(
    protected readonly ds: DataSource,
    protected readonly config: Config,
  ) {}

  /** The records the viewer may see, aliased `alias`, before any filter. */
  abstract scoped(ctx: Context, alias: string, em?: EntityManager): SelectQueryBuilder<T>;

  /** Where a record sits in the organisation tree, so audit entries can be read by scope. */
  protected abstract auditScope(em: EntityManager, row: T): Promise<AuditScope> | AuditScope;

  protected metadata() {
    return this.ds.getMetadata(this.entity);
  }

  async findVisible(ctx: Context, id: string, em?: EntityManager): Promise<T | null> {
    return this.scoped(ctx, 'r', em).andWhere('r.id = :id', { id }).getOne();
  }

  /** The record behind a global id, or NOT_FOUND when it does not exist or is out of scope. */
  async requireVisible(ctx: Context, globalId: string, path = 'id', em?: EntityManager): Promise<T> {
    const id = fromGlobalId(globalId, this.typeName, path);
    const row = await this.findVisible(ctx, id, em);
    if (!row) throw notFound(this.typeName, globalId);
    return row;
  }

  async getByGlobalId(ctx: Context, globalId: string): Promise<T | null> {
    try {
      return await this.requireVisible(ctx, globalId);
    } catch (error) {
      if ((error as { extensions?: { code?: string } }).extensions?.code === 'NOT_FOUND') return null;
      throw error;
    }
  }

  /**
   * Inserts or updates `row`, translating constraint violations, and records the change
   * (under `scope` when given, else the record's own audit scope).
   */
  protected async persist(
    em: EntityManager,
    audit: AuditTrail,
    row: T,
    before: T | null,
    scope?: AuditScope,
  ): Promise<T> {
    let saved: T;
    try {
      saved = await em.save(this.entity, row);
    } catch (error) {
      throw translateWriteError(error, this.metadata());
    }
    audit.record(
      this.typeName,
      saved.id,
      before ? 'UPDATE' : 'CREATE',
      before,
      saved,
      scope ?? (await this.auditScope(em, saved)),
    );
    return saved;
  }

  protected async remove(em: EntityManager, audit: AuditTrail, row: T): Promise<void> {
    const scope = await this.auditScope(em, row);
    try {
      await em.delete(this.entity, row.id);
    } catch (error) {
      throw translateWriteError(error, this.metadata());
    }
    audit.record(this.typeName, row.id, 'DELETE', row, null, scope);
  }
}

/** Update inputs use null to clear optional fields; required fields may be omitted, never nulled. */
export function rejectNulls(input: object, required: string[], path = 'input'): void {
  const fields = required
    .filter((k) => (input as Record<string, unknown>)[k] === null)
    .map((k) => ({ path: `${path}.${k}`, message: 'cannot be null', messageZh: '不能为空', constraint: 'isNotEmpty' }));
  if (fields.length) throw badInput(fields);
}

/** Copies the defined keys of an update input onto the row (null clears, undefined keeps). */
export function applyChanges<T extends object>(row: T, input: object, skip: string[] = []): T {
  for (const [k, v] of Object.entries(input)) {
    if (v !== undefined && !skip.includes(k)) (row as Record<string, unknown>)[k] = v;
  }
  return row;
}

/** `%` and `_` typed by a user are literal characters, not wildcards. */
export function likePattern(search: string): string {
  return `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

import type { EntityManager } from 'typeorm';
import type { Context } from '../../context.js';
import { AuditEntry } from './audit.entity.js';

export type AuditAction = 'CREATE' | 'UPDATE' | 'DELETE';

export interface AuditScope {
  districtId: string | null;
  schoolId: string | null;
}

interface PendingEntry extends AuditScope {
  recordType: string;
  recordId: string;
  action: AuditAction;
  changes: Record<string, { before: unknown; after: unknown }>;
}

const IGNORED = new Set(['createdAt', 'updatedAt', 'passwordHash']);
/** Personal data is never copied into the audit log; the entry says only that it changed. */
const PERSONAL = new Set(['idNumber', 'phone', 'birthDate']);

function normalise(v: unknown): unknown {
  return v instanceof Date ? v.toISOString() : v === undefined ? null : v;
}

export function diff(before: object | null, after: object | null): PendingEntry['changes'] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const changes: PendingEntry['changes'] = {};
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (
      IGNORED.has(key) ||
      key === 'id' ||
      // relations loaded on an entity are not its fields; arrays (e.g. measures) are
      (typeof a[key] === 'object' && a[key] !== null && !(a[key] instanceof Date) && !Array.isArray(a[key]))
    )
      continue;
    const [x, y] = [normalise(b[key]), normalise(a[key])];
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    changes[key] = PERSONAL.has(key)
      ? { before: x == null ? null : '***', after: y == null ? null : '***' }
      : { before: x, after: y };
  }
  return changes;
}

/**
 * Collects the changes of one transaction and writes them as audit entries inside it,
 * so a change and its audit commit or roll back together.
 */
export class AuditTrail {
  private readonly entries: PendingEntry[] = [];

  record(
    recordType: string,
    recordId: string,
    action: AuditAction,
    before: object | null,
    after: object | null,
    scope: AuditScope,
  ): void {
    // Diff now: the caller may keep mutating the entity after this call.
    this.entries.push({ recordType, recordId, action, changes: diff(before, after), ...scope });
  }

  async flush(em: EntityManager, ctx: Context): Promise<void> {
    if (!this.entries.length) return;
    const rows = this.entries.map((e) =>
      em.create(AuditEntry, {
        ...e,
        userId: ctx.viewer?.userId ?? null,
        username: ctx.viewer?.username ?? null,
        requestId: ctx.requestId,
      }),
    );
    this.entries.length = 0;
    await em.save(AuditEntry, rows, { reload: false });
  }
}

import type { EntityManager } from 'typeorm';
import type { Context } from '../context.js';
import { AuditTrail } from '../modules/audit/audit.trail.js';
import { unauthenticated } from './errors.js';

/**
 * Runs a write in one transaction together with its audit entries: either the change
 * and its audit land, or neither does. Inside `fn`, use only `em` (under PGlite a second
 * connection would wait for this one forever).
 */
export async function inTransaction<T>(
  ctx: Context,
  fn: (em: EntityManager, audit: AuditTrail) => Promise<T>,
): Promise<T> {
  // Every write needs a signed-in viewer; say so before any lookup can answer NOT_FOUND.
  if (!ctx.viewer) throw unauthenticated();
  return ctx.ds.transaction(async (em) => {
    const audit = new AuditTrail();
    const result = await fn(em, audit);
    await audit.flush(em, ctx);
    return result;
  });
}

import type { Context } from '../../context.js';
import { parseGlobalId } from '../../common/global-id.js';
import type { Action } from '../policy.js';
import { decideOn, mayAnywhere, type RecordPolicy } from './decide.js';
import { DISTRICT, SCHOOL, TEACHER, TOWN } from './organisation.js';
import { EXCHANGE } from './exchange.js';
import { GROUP, MEMBERSHIP, TRUSTEESHIP } from './collaboration.js';
import { ASSIGNMENT, RESEARCHER, SESSION } from './research.js';
import { ASSESSMENT, LEDGER_ITEM, PLAN } from './programme.js';
import { USER } from './user.js';

/**
 * The registry of decisions, keyed by record type and action. `viewerCan(action, id)` reads
 * the record through its service's scoped read path (what `node(id)` returns: null when it
 * does not exist or is out of sight) and asks the SAME decision function the mutation's
 * service asks; an action that does not apply to the record type answers false.
 *
 * ── Adding a mutation (or a new action) ─────────────────────────────────────────────────
 *  1. If it is a new action: add it to `Action` and `ROLE_ACTIONS` (policy.ts) and to
 *     `ViewerAction` (viewer-can.resolver.ts).
 *  2. Add a decision for it to the policy of the record it acts on (or, for a create, of the
 *     parent it creates under: a school in a TOWN, a teacher at a SCHOOL…), in this folder.
 *     Needs more than the row (the other end, the town's seat schools)? Load it in `facts`.
 *  3. In the service, right after reading that record through the scoped read path:
 *        await assertMay(ctx, TRUSTEESHIP, 'trusteeship:approve', row, em);
 *     and nothing else (no `assertCan` with a hand-built target).
 *  4. In the module's `*.matrix.ts` row, say what the UI asks:
 *        ask: (s) => ({ action: 'TRUSTEESHIP_APPROVE', id: fixtures[s].trusteeship }),
 *     auth/matrix.test.ts then runs every role, in and out of scope, through both the
 *     mutation and `viewerCan` and fails on any disagreement (and on a mutation row
 *     without `ask`).
 *  5. A new record type: add its policy to RECORD_POLICIES below.
 */
export const RECORD_POLICIES: RecordPolicy<never, unknown, Action>[] = [
  DISTRICT,
  TOWN,
  SCHOOL,
  TEACHER,
  EXCHANGE,
  GROUP,
  MEMBERSHIP,
  TRUSTEESHIP,
  RESEARCHER,
  ASSIGNMENT,
  SESSION,
  LEDGER_ITEM,
  PLAN,
  ASSESSMENT,
  USER,
] as unknown as RecordPolicy<never, unknown, Action>[];

const byType = new Map(RECORD_POLICIES.map((p) => [p.type, p]));

export function policyFor(type: string): RecordPolicy<never, unknown, Action> | undefined {
  return byType.get(type);
}

/**
 * `viewerCan`: without an id, whether the viewer may take the action anywhere; with one,
 * whether on that record (false when the record is unseen or the action does not apply).
 */
export async function viewerMay(ctx: Context, action: Action, globalId?: string | null): Promise<boolean> {
  if (!ctx.viewer) return false;
  if (!globalId) return mayAnywhere(ctx.viewer, action);
  const parsed = parseGlobalId(globalId);
  const policy = parsed && policyFor(parsed.type);
  const service = parsed && ctx.services.byTypeName(parsed.type);
  if (!policy || !service) return false;
  const row = await service.getByGlobalId(ctx, globalId);
  if (!row) return false;
  return decideOn(ctx.viewer, policy, action, await policy.facts(ctx.ds.manager, row as never));
}

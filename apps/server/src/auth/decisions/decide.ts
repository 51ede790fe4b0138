import type { EntityManager } from 'typeorm';
import type { Context } from '../../context.js';
import { AppError, forbidden, unauthenticated } from '../../common/errors.js';
import { can, type Action, type Target } from '../policy.js';
import type { Viewer } from '../viewer.js';

/**
 * One decision per action and record type: "may this viewer do `action` to this record?".
 *
 * A `RecordPolicy` names a Relay type, says which facts a decision needs beyond the row
 * (its school's district, both ends of an exchange, a town's seat schools…) and holds one
 * decision function per action that applies to that type. The mutation's service and
 * `viewerCan(action, id)` both go through `may`/`assertMay` with the same policy, so the
 * button, the question and the write cannot disagree. See registry.ts for the list and for
 * how to add an action.
 */

/** Where something sits in the organisation tree (what policy.ts `can` decides on). */
export type Place = Target;

/**
 * Decides one action on one record's facts; `action` is passed so shared rules can be reused.
 * A refusal is `false`, or the error that says why (a proposal already answered is CONFLICT,
 * "only the teacher's home school may" is a FORBIDDEN with its reason): `viewerCan` reads
 * both as false, the mutation throws the reason.
 */
export type Decision<F> = (viewer: Viewer, facts: F, action: Action) => boolean | AppError;

export interface RecordPolicy<Row, F, A extends Action = Action> {
  /** the Relay type name, as in global ids */
  readonly type: string;
  /** what the decisions need, read with the caller's transaction when there is one */
  facts(em: EntityManager, row: Row): F | Promise<F>;
  /** one decision per action that applies to the type; any other action answers false */
  readonly decide: Readonly<Record<A, Decision<F>>>;
}

/** Declares a record type's decisions; the action keys become the only ones `may` accepts for it. */
export function recordPolicy<Row, F, A extends Action>(policy: RecordPolicy<Row, F, A>): RecordPolicy<Row, F, A> {
  return policy;
}

/** The decision on facts already in hand (for a service that computed them, or a list of them). */
export function decideOn<F, A extends Action>(
  viewer: Viewer | null,
  policy: RecordPolicy<unknown, F, A>,
  action: A,
  facts: F,
): boolean {
  return verdict(viewer, policy, action, facts) === true;
}

/** The decision itself: true, false, or the refusal with its reason. */
function verdict<F, A extends Action>(
  viewer: Viewer | null,
  policy: RecordPolicy<unknown, F, A>,
  action: A,
  facts: F,
): boolean | AppError {
  if (!viewer) return false;
  const decision = (policy.decide as Partial<Record<Action, Decision<F>>>)[action];
  return decision ? decision(viewer, facts, action) : false;
}

/** Throws the decision's own refusal, or the plain one. */
function enforce<F, A extends Action>(ctx: Context, policy: RecordPolicy<unknown, F, A>, action: A, facts: F): void {
  if (!ctx.viewer) throw unauthenticated();
  const answer = verdict(ctx.viewer, policy, action, facts);
  if (answer instanceof AppError) throw answer;
  if (answer !== true) throw refusal(action);
}

/** Throws unless the decision on facts already in hand allows it. */
export function assertOn<F, A extends Action>(
  ctx: Context,
  policy: RecordPolicy<never, F, A>,
  action: A,
  facts: F,
): void {
  enforce(ctx, policy as RecordPolicy<unknown, F, A>, action, facts);
}

/** May the viewer do `action` to `row`? The row must have been read through the scoped read path. */
export async function may<Row, F, A extends Action>(
  ctx: Context,
  policy: RecordPolicy<Row, F, A>,
  action: A,
  row: Row,
  em: EntityManager = ctx.ds.manager,
): Promise<boolean> {
  if (!ctx.viewer) return false;
  return decideOn(ctx.viewer, policy as RecordPolicy<unknown, F, A>, action, await policy.facts(em, row));
}

export function refusal(action: Action) {
  return forbidden(`You may not ${action.replace(':', ' ')} here`, '无权在此范围内执行该操作');
}

/** Throws unless `may`; a mutation calls this right after reading its target (or parent). */
export async function assertMay<Row, F, A extends Action>(
  ctx: Context,
  policy: RecordPolicy<Row, F, A>,
  action: A,
  row: Row,
  em?: EntityManager,
): Promise<void> {
  if (!ctx.viewer) throw unauthenticated();
  enforce(ctx, policy as RecordPolicy<unknown, F, A>, action, await policy.facts(em ?? ctx.ds.manager, row));
}

/** The common decision: the policy table (policy.ts `can`) at the record's place. */
export const atPlace: Decision<Place> = (viewer, place, action) => can(viewer, action, place);

/** Every action in `actions` decided at the record's place. */
export function allAtPlace<A extends Action>(...actions: A[]): Record<A, Decision<Place>> {
  return Object.fromEntries(actions.map((a) => [a, atPlace])) as Record<A, Decision<Place>>;
}

/**
 * Whether the viewer may take `action` anywhere at all: some grant of theirs allows it on
 * its own district or school. `viewerCan(action)` without an id answers this (menus, "New"
 * buttons whose parent is chosen in the form); the mutation then decides on the parent.
 */
export function mayAnywhere(viewer: Viewer | null, action: Action): boolean {
  if (!viewer) return false;
  return viewer.grants.some((g) =>
    can({ ...viewer, grants: [g] }, action, { districtId: g.districtId, schoolId: g.schoolId }),
  );
}

/** For actions on no record (create a district, set the programme calendar): the city's own. */
export function mayCityWide(viewer: Viewer | null, action: Action): boolean {
  return viewer != null && can(viewer, action, {});
}

export function assertMayCityWide(ctx: Context, action: Action): void {
  if (!ctx.viewer) throw unauthenticated();
  if (!mayCityWide(ctx.viewer, action)) throw refusal(action);
}

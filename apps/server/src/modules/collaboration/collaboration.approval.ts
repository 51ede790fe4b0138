import { can, type Action, type Target } from '../../auth/policy.js';
import type { Viewer } from '../../auth/viewer.js';
import type { Config } from '../../config.js';
import { conflict, type AppError } from '../../common/errors.js';
import type { ApprovedRelation } from './collaboration.entity.js';
import { RelationApproval } from './collaboration.enums.js';

/**
 * Reach into a school comes only from someone with authority over it. A relation (a
 * trusteeship, a group membership) created by the city bureau or by the partner (member)
 * school's district bureau is APPROVED at once; anyone else who may set one up (the lead
 * school's group leader, the lead school's district bureau) only proposes it: it is PENDING
 * and reaches nothing until that authority approves it.
 */

/**
 * The fields a new relation starts with: approved (and by whom) when the viewer may take
 * `approveAction` on `partner` (the policy action naming the authority), else pending.
 */
export function initialApproval(
  viewer: Viewer,
  config: Config,
  approveAction: Action,
  partner: Target,
): Pick<ApprovedRelation, 'approval' | 'decidedById' | 'decidedByName' | 'decidedAt' | 'decisionComment'> {
  if (!can(viewer, approveAction, partner)) {
    return {
      approval: RelationApproval.PENDING,
      decidedById: null,
      decidedByName: null,
      decidedAt: null,
      decisionComment: null,
    };
  }
  return {
    approval: RelationApproval.APPROVED,
    decidedById: viewer.userId,
    decidedByName: viewer.displayName,
    decidedAt: config.clock.now(),
    decisionComment: null,
  };
}

/** Why a relation cannot be decided again (null while it is pending): a decision is a fact on record. */
export function alreadyDecided(row: Pick<ApprovedRelation, 'approval' | 'decidedAt'>): AppError | null {
  if (row.approval === RelationApproval.PENDING) return null;
  const was = row.approval === RelationApproval.APPROVED ? 'approved' : 'declined';
  const wasZh = row.approval === RelationApproval.APPROVED ? '批准' : '拒绝';
  return conflict(
    `This relation was already ${was}${row.decidedAt ? ` on ${row.decidedAt.toISOString().slice(0, 10)}` : ''}; a decision cannot be changed`,
    `该关系已被${wasZh}，审批结果不能更改`,
    [{ path: 'id', message: `already ${was}`, messageZh: `已${wasZh}`, constraint: 'alreadyDecided' }],
  );
}

/** Records a decision on a pending relation; a decided one is a fact on record and stays. */
export function applyDecision(
  row: ApprovedRelation,
  viewer: Viewer,
  config: Config,
  decision: RelationApproval.APPROVED | RelationApproval.DECLINED,
  comment: string | null | undefined,
): void {
  const decided = alreadyDecided(row);
  if (decided) throw decided;
  row.approval = decision;
  row.decidedById = viewer.userId;
  row.decidedByName = viewer.displayName;
  row.decidedAt = config.clock.now();
  row.decisionComment = comment?.trim() || null;
}

/** A relation that gives reach must be in force: activities are recorded only on approved ones. */
export function assertApproved(row: ApprovedRelation, what: string, whatZh: string): void {
  const problem = notApproved(row, what, whatZh);
  if (problem) throw problem;
}

/** Why a relation is not in force (null when approved). */
export function notApproved(row: Pick<ApprovedRelation, 'approval'>, what: string, whatZh: string): AppError | null {
  if (row.approval === RelationApproval.APPROVED) return null;
  const pending = row.approval === RelationApproval.PENDING;
  return conflict(
    pending
      ? `This ${what} is pending until the partner school's district approves it`
      : `This ${what} was declined by the partner school's district`,
    pending ? `该${whatZh}尚待受援学校所在区县审批` : `该${whatZh}已被受援学校所在区县拒绝`,
    [
      {
        path: 'id',
        message: pending ? 'pending approval' : 'declined',
        messageZh: pending ? '待审批' : '已拒绝',
        constraint: 'notApproved',
      },
    ],
  );
}

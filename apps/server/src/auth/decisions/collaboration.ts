import type { EntityManager } from 'typeorm';
import {
  CollaborationGroup,
  type GroupMembership,
  type Trusteeship,
} from '../../modules/collaboration/collaboration.entity.js';
import type { RelationApproval } from '../../modules/collaboration/collaboration.enums.js';
import { alreadyDecided, notApproved } from '../../modules/collaboration/collaboration.approval.js';
import { School } from '../../modules/school/school.entity.js';
import { can } from '../policy.js';
import { recordPolicy, type Decision } from './decide.js';
import type { Place } from './decide.js';

/**
 * Groups and trusteeships are run from their lead school (policy.ts: a group leader only
 * from its own lead school, never from a partner it reaches). `partner`/`member` are here
 * for decisions that need the other end. Their scope SQL (which groups and trusteeships a
 * viewer sees) is modules/collaboration/collaboration.scope.ts.
 */
export interface LedFacts {
  lead: Place;
  partner?: Place;
}

/** A relation's two ends and its approval (docs/ACCESS.md: only the partner's authority decides). */
export interface RelationFacts extends LedFacts {
  partner: Place;
  approval: RelationApproval;
  decidedAt: Date | null;
}

const atLead: Decision<LedFacts> = (viewer, f, action) => can(viewer, action, f.lead);

/** Approve or decline: the partner (member) school's authority, while the relation is pending. */
const atPartnerWhilePending: Decision<RelationFacts> = (viewer, f, action) =>
  can(viewer, action, f.partner) && (alreadyDecided(f) ?? true);

/** Activities are recorded from the lead school, on an approved trusteeship only. */
const atLeadWhileApproved: Decision<RelationFacts> = (viewer, f, action) =>
  can(viewer, action, f.lead) && (notApproved(f, 'trusteeship', '托管帮扶关系') ?? true);

export const groupLead = (g: Pick<CollaborationGroup, 'districtId' | 'leadSchoolId'>): Place => ({
  districtId: g.districtId,
  schoolId: g.leadSchoolId,
});

export const GROUP = recordPolicy({
  type: 'CollaborationGroup',
  facts: (_em: EntityManager, g: CollaborationGroup): LedFacts => ({ lead: groupLead(g) }),
  decide: {
    'group:update': atLead,
    'group:delete': atLead,
    'group:manageMembers': atLead,
  },
});

export const MEMBERSHIP = recordPolicy({
  type: 'GroupMembership',
  facts: async (em: EntityManager, m: GroupMembership): Promise<RelationFacts> => {
    const group = await em.getRepository(CollaborationGroup).findOneByOrFail({ id: m.groupId });
    const member = await em.getRepository(School).findOneByOrFail({ id: m.schoolId });
    return {
      lead: groupLead(group),
      partner: { districtId: member.districtId, schoolId: member.id },
      approval: m.approval,
      decidedAt: m.decidedAt,
    };
  },
  decide: { 'group:manageMembers': atLead, 'groupMembership:approve': atPartnerWhilePending },
});

export const TRUSTEESHIP = recordPolicy({
  type: 'Trusteeship',
  facts: (_em: EntityManager, t: Trusteeship): RelationFacts => ({
    lead: { districtId: t.leadDistrictId, schoolId: t.leadSchoolId },
    partner: { districtId: t.partnerDistrictId, schoolId: t.partnerSchoolId },
    approval: t.approval,
    decidedAt: t.decidedAt,
  }),
  decide: {
    'trusteeship:update': atLead,
    'trusteeship:recordActivity': atLeadWhileApproved,
    'trusteeship:approve': atPartnerWhilePending,
  },
});

/**
 * Setting up a relation (a trusteeship, a group membership), decided on its two ends as the
 * viewer sees them (null: not visible). Whoever runs the lead school may propose one; the
 * partner (member) school's authority may set one up for any lead school, approved at once
 * (modules/collaboration/collaboration.approval.ts `initialApproval`), without sight of the lead.
 */
export interface ProposedRelation {
  lead: Place | null;
  partner: Place | null;
}

const fromEitherSide =
  (approve: 'trusteeship:approve' | 'groupMembership:approve'): Decision<ProposedRelation> =>
  (viewer, f, action) =>
    (f.lead != null && can(viewer, action, f.lead)) || (f.partner != null && can(viewer, approve, f.partner));

export const NEW_TRUSTEESHIP = recordPolicy({
  type: 'Trusteeship (to be set up)',
  facts: (_em: EntityManager, f: ProposedRelation) => f,
  decide: { 'trusteeship:create': fromEitherSide('trusteeship:approve') },
});

export const NEW_MEMBERSHIP = recordPolicy({
  type: 'GroupMembership (to be added)',
  facts: (_em: EntityManager, f: ProposedRelation) => f,
  decide: { 'group:manageMembers': fromEitherSide('groupMembership:approve') },
});

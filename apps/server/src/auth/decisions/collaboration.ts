import type { EntityManager } from 'typeorm';
import {
  CollaborationGroup,
  type GroupMembership,
  type Trusteeship,
} from '../../modules/collaboration/collaboration.entity.js';
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

const atLead: Decision<LedFacts> = (viewer, f, action) => can(viewer, action, f.lead);

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
  facts: async (em: EntityManager, m: GroupMembership): Promise<LedFacts> => {
    const group = await em.getRepository(CollaborationGroup).findOneByOrFail({ id: m.groupId });
    return { lead: groupLead(group) };
  },
  decide: { 'group:manageMembers': atLead },
});

export const TRUSTEESHIP = recordPolicy({
  type: 'Trusteeship',
  facts: (_em: EntityManager, t: Trusteeship): LedFacts => ({
    lead: { districtId: t.leadDistrictId, schoolId: t.leadSchoolId },
    partner: { districtId: t.partnerDistrictId, schoolId: t.partnerSchoolId },
  }),
  decide: {
    'trusteeship:update': atLead,
    'trusteeship:recordActivity': atLead,
  },
});

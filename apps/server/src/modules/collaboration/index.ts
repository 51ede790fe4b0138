import type { DataSource } from 'typeorm';
import type { ClassType } from 'type-graphql';
import type { Config } from '../../config.js';
import {
  CollaborationGroupResolver,
  GroupMembershipResolver,
  SchoolCollaborationResolver,
  TrusteeshipActivityResolver,
  TrusteeshipResolver,
} from './collaboration.resolver.js';
import { CollaborationGroupService, GroupMembershipService } from './group.service.js';
import { TrusteeshipActivityService, TrusteeshipService } from './trusteeship.service.js';

/**
 * The collaboration feature as the app sees it: its resolvers for schema.ts and its services for
 * services.ts (record services there are routed to by node(id) through their typeName).
 */
export const collaborationResolvers: ClassType[] = [
  CollaborationGroupResolver,
  GroupMembershipResolver,
  TrusteeshipResolver,
  TrusteeshipActivityResolver,
  SchoolCollaborationResolver,
];

export function createCollaborationServices(ds: DataSource, config: Config) {
  return {
    collaborationGroup: new CollaborationGroupService(ds, config),
    groupMembership: new GroupMembershipService(ds, config),
    trusteeship: new TrusteeshipService(ds, config),
    trusteeshipActivity: new TrusteeshipActivityService(ds, config),
  };
}

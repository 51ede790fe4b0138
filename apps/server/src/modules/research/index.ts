import type { DataSource } from 'typeorm';
import type { ClassType } from 'type-graphql';
import type { Config } from '../../config.js';
import { JointResearchSessionService, ResearcherAssignmentService, ResearcherService } from './research.service.js';
import {
  JointResearchSessionResolver,
  ResearcherAssignmentResolver,
  ResearcherResolver,
  SchoolResearchFieldResolver,
  UserResearcherFieldResolver,
} from './research.resolver.js';

/**
 * The research feature as the app sees it: its resolvers for schema.ts and its services for
 * services.ts (record services there are routed to by node(id) through their typeName).
 */
export const researchResolvers: ClassType[] = [
  ResearcherResolver,
  ResearcherAssignmentResolver,
  JointResearchSessionResolver,
  SchoolResearchFieldResolver,
  UserResearcherFieldResolver,
];

export function createResearchServices(ds: DataSource, config: Config) {
  return {
    researcher: new ResearcherService(ds, config),
    researcherAssignment: new ResearcherAssignmentService(ds, config),
    jointResearchSession: new JointResearchSessionService(ds, config),
  };
}

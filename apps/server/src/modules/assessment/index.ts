import type { DataSource } from 'typeorm';
import type { Config } from '../../config.js';
import { Assessment, AssessmentIndicator } from './assessment.entity.js';
import { AssessmentResolver, SchoolAssessmentsResolver, TownAssessmentsResolver } from './assessment.resolver.js';
import { AssessmentService } from './assessment.service.js';

/**
 * The assessment feature as the app sees it: its entities for db/entities.ts, its resolvers for
 * schema.ts and its services for services.ts (record services there are routed to by
 * node(id) through their typeName).
 */
export const assessmentEntities = [Assessment, AssessmentIndicator];

export const assessmentResolvers = [AssessmentResolver, TownAssessmentsResolver, SchoolAssessmentsResolver];

export function createAssessmentServices(ds: DataSource, config: Config) {
  return { assessment: new AssessmentService(ds, config) };
}

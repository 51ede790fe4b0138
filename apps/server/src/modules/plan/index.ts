import type { DataSource } from 'typeorm';
import type { Config } from '../../config.js';
import { TownPlan, TownPlanTransition } from './plan.entity.js';
import { TownPlanResolver, TownPlansResolver } from './plan.resolver.js';
import { TownPlanService } from './plan.service.js';

/**
 * The plan feature as the app sees it: its entities for db/entities.ts, its resolvers for
 * schema.ts and its services for services.ts (record services there are routed to by
 * node(id) through their typeName).
 */
export const planEntities = [TownPlan, TownPlanTransition];

export const planResolvers = [TownPlanResolver, TownPlansResolver];

export function createPlanServices(ds: DataSource, config: Config) {
  return { townPlan: new TownPlanService(ds, config) };
}

import type { DataSource } from 'typeorm';
import type { Config } from '../../config.js';

/**
 * The research feature as the app sees it: its resolvers for schema.ts and its services for
 * services.ts (record services there are routed to by node(id) through their typeName).
 */
export const researchResolvers: Function[] = [];

export function createResearchServices(_ds: DataSource, _config: Config) {
  return {};
}

import type { DataSource } from 'typeorm';
import type { Config } from '../../config.js';

/**
 * The collaboration feature as the app sees it: its resolvers for schema.ts and its services for
 * services.ts (record services there are routed to by node(id) through their typeName).
 */
export const collaborationResolvers: Function[] = [];

export function createCollaborationServices(_ds: DataSource, _config: Config) {
  return {};
}

import type { DataSource } from 'typeorm';
import type { Config } from '../../config.js';

/**
 * The ledger feature as the app sees it: its entities for db/entities.ts, its resolvers for
 * schema.ts and its services for services.ts (record services there are routed to by
 * node(id) through their typeName).
 */
export const ledgerEntities: Function[] = [];

export const ledgerResolvers: Function[] = [];

export function createLedgerServices(_ds: DataSource, _config: Config) {
  return {};
}

import type { DataSource } from 'typeorm';
import type { Config } from '../../config.js';
import { RectificationItem, RectificationStatusChange } from './ledger.entity.js';
import { RectificationItemResolver, SchoolLedgerResolver } from './ledger.resolver.js';
import { RectificationItemService } from './ledger.service.js';

/**
 * The ledger feature as the app sees it: its entities for db/entities.ts, its resolvers for
 * schema.ts and its services for services.ts (record services there are routed to by
 * node(id) through their typeName).
 */
export const ledgerEntities = [RectificationItem, RectificationStatusChange];

export const ledgerResolvers = [RectificationItemResolver, SchoolLedgerResolver];

export function createLedgerServices(ds: DataSource, config: Config) {
  return { rectificationItem: new RectificationItemService(ds, config) };
}

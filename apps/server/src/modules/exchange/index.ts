import type { DataSource } from 'typeorm';
import type { ClassType } from 'type-graphql';
import type { Config } from '../../config.js';
import { TeacherExchangeService } from './exchange.service.js';
import {
  SchoolExchangesFieldResolver,
  TeacherExchangeResolver,
  TeacherExchangesFieldResolver,
} from './exchange.resolver.js';

/**
 * The exchange feature as the app sees it: its resolvers for schema.ts and its services for
 * services.ts (record services there are routed to by node(id) through their typeName).
 */
export const exchangeResolvers: ClassType[] = [
  TeacherExchangeResolver,
  TeacherExchangesFieldResolver,
  SchoolExchangesFieldResolver,
];

export function createExchangeServices(ds: DataSource, config: Config) {
  return { teacherExchange: new TeacherExchangeService(ds, config) };
}

import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { validateArgument } from './common/validation.js';
import { NodeResolver } from './modules/node/node.resolver.js';
import { DistrictResolver } from './modules/district/district.resolver.js';
import { TownResolver } from './modules/town/town.resolver.js';
import { SchoolResolver } from './modules/school/school.resolver.js';
import { TeacherResolver } from './modules/teacher/teacher.resolver.js';
import { RoleGrantResolver, UserResolver } from './modules/user/user.resolver.js';
import { AuditResolver } from './modules/audit/audit.resolver.js';
import { ViewerCanResolver } from './auth/viewer-can.resolver.js';
import { collaborationResolvers } from './modules/collaboration/index.js';
import { exchangeResolvers } from './modules/exchange/index.js';
import { researchResolvers } from './modules/research/index.js';
import {
  DistrictStaffingResolver,
  SchoolStaffingResolver,
  TownStaffingResolver,
} from './modules/staffing/staffing.resolver.js';
import { GoalsResolver, TownGoalAttainmentResolver } from './modules/goals/goals.resolver.js';
import { AggregatesResolver } from './modules/aggregates/aggregates.resolver.js';
import { ledgerResolvers } from './modules/ledger/index.js';
import { planResolvers } from './modules/plan/index.js';
import { assessmentResolvers } from './modules/assessment/index.js';
import { CalendarResolver } from './modules/calendar/calendar.resolver.js';

export const resolvers = [
  NodeResolver,
  DistrictResolver,
  TownResolver,
  SchoolResolver,
  TeacherResolver,
  UserResolver,
  RoleGrantResolver,
  AuditResolver,
  ViewerCanResolver,
  ...collaborationResolvers,
  ...exchangeResolvers,
  ...researchResolvers,
  SchoolStaffingResolver,
  TownStaffingResolver,
  DistrictStaffingResolver,
  GoalsResolver,
  TownGoalAttainmentResolver,
  AggregatesResolver,
  ...ledgerResolvers,
  ...planResolvers,
  ...assessmentResolvers,
  CalendarResolver,
] as const;

export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    validateFn: validateArgument,
    // The committed SDL is written by `npm run schema:emit`, never as a side effect of start.
    emitSchemaFile: false,
  });
  // type-graphql offers no option to describe the root types themselves.
  schema.getQueryType()!.description = '查询入口 / Entry points for reading';
  schema.getMutationType()!.description = '变更入口 / Entry points for writing';
  return schema;
}

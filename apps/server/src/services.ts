import type { DataSource } from 'typeorm';
import type { Config } from './config.js';
import type { Context } from './context.js';
import type { BaseRecord } from './common/base.entity.js';
import { RecordService } from './common/record.service.js';
import { DistrictService } from './modules/district/district.service.js';
import { TownService } from './modules/town/town.service.js';
import { SchoolService } from './modules/school/school.service.js';
import { TeacherService } from './modules/teacher/teacher.service.js';
import { AuthService } from './modules/user/auth.service.js';
import { UserService } from './modules/user/user.service.js';
import { AuditService } from './modules/audit/audit.service.js';
import { createCollaborationServices } from './modules/collaboration/index.js';
import { createExchangeServices } from './modules/exchange/index.js';
import { createResearchServices } from './modules/research/index.js';
import { StaffingService } from './modules/staffing/staffing.service.js';
import { GoalService } from './modules/goals/goals.service.js';
import { AggregateService } from './modules/aggregates/aggregates.service.js';
import { createLedgerServices } from './modules/ledger/index.js';
import { createPlanServices } from './modules/plan/index.js';
import { createAssessmentServices } from './modules/assessment/index.js';
import { CalendarService } from './modules/calendar/calendar.service.js';

/** What node(id) needs of a service: a scoped read by global id. */
export interface NodeSource {
  getByGlobalId(ctx: Context, globalId: string): Promise<object | null>;
}

/** Stateless services, built once per app; per-request state travels in the Context. */
export function createServices(ds: DataSource, config: Config) {
  const records = {
    district: new DistrictService(ds, config),
    town: new TownService(ds, config),
    school: new SchoolService(ds, config),
    teacher: new TeacherService(ds, config),
    ...createCollaborationServices(ds, config),
    ...createExchangeServices(ds, config),
    ...createResearchServices(ds, config),
    ...createLedgerServices(ds, config),
    ...createPlanServices(ds, config),
    ...createAssessmentServices(ds, config),
  };
  const users = new UserService(ds);
  // Every record service names its Relay type; node(id) routes through this map.
  const byType = new Map<string, NodeSource>([
    ...Object.values(records as Record<string, unknown>)
      .filter((s): s is RecordService<BaseRecord> => s instanceof RecordService)
      .map((s) => [s.typeName, s] as const),
    ['User', users],
  ]);
  return {
    ...records,
    auth: new AuthService(ds, config),
    users,
    audit: new AuditService(ds),
    staffing: new StaffingService(ds),
    goals: new GoalService(ds, config),
    aggregates: new AggregateService(),
    calendar: new CalendarService(ds, config),
    /** the service behind a Relay type name, for node(id) */
    byTypeName: (type: string) => byType.get(type),
  };
}
export type Services = ReturnType<typeof createServices>;

import { District } from '../modules/district/district.entity.js';
import { Town } from '../modules/town/town.entity.js';
import { School } from '../modules/school/school.entity.js';
import { Teacher } from '../modules/teacher/teacher.entity.js';
import { AuthSession, RoleGrant, User } from '../modules/user/user.entity.js';
import { SignInThrottle } from '../modules/user/sign-in-throttle.entity.js';
import { AuditEntry } from '../modules/audit/audit.entity.js';
import {
  CollaborationGroup,
  GroupMembership,
  Trusteeship,
  TrusteeshipActivity,
} from '../modules/collaboration/collaboration.entity.js';
import { TeacherExchange } from '../modules/exchange/exchange.entity.js';
import {
  JointResearchSession,
  JointResearchSessionSchool,
  Researcher,
  ResearcherAssignment,
} from '../modules/research/research.entity.js';
import { SchoolStaffing } from '../modules/staffing/staffing.entity.js';
import { ledgerEntities } from '../modules/ledger/index.js';
import { planEntities } from '../modules/plan/index.js';
import { assessmentEntities } from '../modules/assessment/index.js';
import { SchoolYearCalendar } from '../modules/calendar/calendar.entity.js';

/** Every entity, listed once, so data sources never glob (globs break under vitest and tsc output alike). */
export const entities = [
  District,
  Town,
  School,
  Teacher,
  User,
  RoleGrant,
  AuthSession,
  SignInThrottle,
  AuditEntry,
  CollaborationGroup,
  GroupMembership,
  Trusteeship,
  TrusteeshipActivity,
  TeacherExchange,
  Researcher,
  ResearcherAssignment,
  JointResearchSession,
  JointResearchSessionSchool,
  SchoolStaffing,
  ...ledgerEntities,
  ...planEntities,
  ...assessmentEntities,
  SchoolYearCalendar,
];

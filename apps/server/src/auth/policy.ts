import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { forbidden, unauthenticated } from '../common/errors.js';
import { Role, type Viewer } from './viewer.js';

/**
 * The one place that says who may see and do what: which role may take which action over
 * which scope (`can`), and the scope SQL. Services apply `schoolScope` to every query and,
 * before a write, ask the record's decision in auth/decisions (`assertMay`), which applies
 * this table to the record's place; `viewerCan` asks the same decision.
 * docs/ACCESS.md renders these rules as a table for bureau administrators.
 */

export type Action =
  | 'district:create'
  | 'district:update'
  | 'district:delete'
  | 'town:create'
  | 'town:update'
  | 'town:delete'
  | 'school:create'
  | 'school:update'
  | 'school:delete'
  | 'teacher:create'
  | 'teacher:update'
  | 'teacher:delete'
  | 'teacher:readPersonal'
  | 'user:manage'
  | 'audit:read'
  // collaboration: the target is the lead school
  | 'group:create'
  | 'group:update'
  | 'group:delete'
  | 'group:manageMembers'
  | 'trusteeship:create'
  | 'trusteeship:update'
  | 'trusteeship:recordActivity'
  // approving a proposed relation: the target is the partner (member) school
  | 'trusteeship:approve'
  | 'groupMembership:approve'
  // exchanges: the target is the school on either end; consent, the teacher's home school
  // (which end may do what in which state: auth/decisions/exchange.ts)
  | 'exchange:create'
  | 'exchange:update'
  | 'exchange:end'
  | 'exchange:delete'
  | 'exchange:confirm'
  | 'exchange:decline'
  // research: researchers by their district, assignments and sessions by their schools
  | 'researcher:manage'
  | 'assignment:manage'
  | 'session:record'
  // programme tracking: ledger items and plans by their school or town, assessments by district
  | 'ledger:create'
  | 'ledger:update'
  | 'plan:draft'
  | 'plan:submit'
  | 'plan:review'
  | 'plan:file'
  | 'assessment:record'
  | 'programme:configure';

/** Where a record sits in the organisation tree; enough to decide any action on it. */
export interface Target {
  districtId?: string | null;
  schoolId?: string | null;
}

const CITY_WIDE_READ = new Set([Role.CITY_ADMIN, Role.ANALYST]);

/** What anyone who runs a school may do to it: its record, its teachers, exchanges, sessions. */
const SCHOOL_MANAGEMENT: Action[] = [
  'school:update',
  'teacher:create',
  'teacher:update',
  'teacher:delete',
  'teacher:readPersonal',
  'exchange:create',
  'exchange:update',
  'exchange:end',
  'exchange:delete',
  'exchange:confirm',
  'exchange:decline',
  'session:record',
  'ledger:create',
  'ledger:update',
];

/** The town plan is the town-seat school's own work (its staff draft and submit it). */
const TOWN_PLANNING: Action[] = ['plan:draft', 'plan:submit'];

/** What a lead school does for its partners: its groups and trusteeships. */
const LEADERSHIP: Action[] = [
  'group:update',
  'group:manageMembers',
  'trusteeship:create',
  'trusteeship:update',
  'trusteeship:recordActivity',
];
const LEAD_SCHOOL_ACTIONS = new Set<Action>(LEADERSHIP);

/** A district bureau's work inside its district; the city bureau does it everywhere. */
const BUREAU: Action[] = [
  ...SCHOOL_MANAGEMENT,
  ...TOWN_PLANNING,
  ...LEADERSHIP,
  'town:update',
  'school:create',
  'school:delete',
  'group:create',
  'group:delete',
  'trusteeship:approve',
  'groupMembership:approve',
  'researcher:manage',
  'assignment:manage',
  'plan:review',
  'assessment:record',
  'user:manage',
  'audit:read',
];

/** Actions each role may take inside its own scope (CITY_ADMIN: the whole city). */
const ROLE_ACTIONS: Record<Role, ReadonlySet<Action>> = {
  [Role.CITY_ADMIN]: new Set<Action>([
    ...BUREAU,
    'district:create',
    'district:update',
    'district:delete',
    'town:create',
    'town:delete',
    'plan:file',
    'programme:configure',
  ]),
  [Role.DISTRICT_ADMIN]: new Set<Action>(BUREAU),
  [Role.GROUP_LEADER]: new Set<Action>([...SCHOOL_MANAGEMENT, ...LEADERSHIP]),
  [Role.SCHOOL_STAFF]: new Set<Action>([...SCHOOL_MANAGEMENT, ...TOWN_PLANNING]),
  [Role.RESEARCHER]: new Set<Action>(['session:record']),
  [Role.ANALYST]: new Set<Action>([]),
};

function grantCovers(viewer: Viewer, grant: Viewer['grants'][number], target: Target, action: Action): boolean {
  // A school reached read-only (a pairing partner, a plain member) is seen, never acted on.
  const reaches = (schoolId: string | null | undefined) =>
    schoolId != null &&
    (schoolId === grant.schoolId ||
      (viewer.extraSchoolIds.includes(schoolId) && !viewer.readOnlySchoolIds.includes(schoolId)));
  switch (grant.role) {
    case Role.CITY_ADMIN:
      return true;
    case Role.DISTRICT_ADMIN:
      return grant.districtId != null && target.districtId === grant.districtId;
    case Role.SCHOOL_STAFF:
      return grant.schoolId != null && target.schoolId === grant.schoolId;
    case Role.GROUP_LEADER:
      // Groups and trusteeships are run from the lead school itself, not from its partners.
      return LEAD_SCHOOL_ACTIONS.has(action) ? target.schoolId === grant.schoolId : reaches(target.schoolId);
    case Role.RESEARCHER:
      return reaches(target.schoolId);
    default:
      return false;
  }
}

export function can(viewer: Viewer | null, action: Action, target: Target = {}): boolean {
  if (!viewer) return false;
  return viewer.grants.some((g) => ROLE_ACTIONS[g.role].has(action) && grantCovers(viewer, g, target, action));
}

/**
 * @deprecated for services: decide on the record with auth/decisions `assertMay`, which
 * `viewerCan` shares; a target built by hand here is what let the two disagree.
 * Throws unless the viewer may act. Callers load the target through the scoped read path
 * first, so a record outside the viewer's sight is already NOT_FOUND before this runs;
 * FORBIDDEN therefore only ever describes records the viewer can see.
 */
export function assertCan(viewer: Viewer | null, action: Action, target: Target = {}): void {
  if (!viewer) throw unauthenticated();
  if (!can(viewer, action, target))
    throw forbidden(`You may not ${action.replace(':', ' ')} here`, '无权在此范围内执行该操作');
}

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

/** Which schools a viewer can see: everything, or those in some districts or listed. */
export type SchoolScope = { all: true } | { all: false; districtIds: string[]; schoolIds: string[] };

export function schoolScope(viewer: Viewer | null): SchoolScope {
  if (!viewer) return { all: false, districtIds: [], schoolIds: [] };
  if (viewer.grants.some((g) => CITY_WIDE_READ.has(g.role))) return { all: true };
  const districtIds = new Set<string>();
  const schoolIds = new Set<string>(viewer.extraSchoolIds);
  for (const g of viewer.grants) {
    if (g.role === Role.DISTRICT_ADMIN && g.districtId) districtIds.add(g.districtId);
    // RESEARCHER grants name the schools a researcher is attached to (包挂), one grant each.
    if ((g.role === Role.SCHOOL_STAFF || g.role === Role.GROUP_LEADER || g.role === Role.RESEARCHER) && g.schoolId) {
      schoolIds.add(g.schoolId);
    }
  }
  return { all: false, districtIds: [...districtIds], schoolIds: [...schoolIds] };
}

/**
 * Restricts `qb` to the viewer's schools in SQL, so lists, counts and aggregates all see
 * the same rows. `schoolIdSql` / `districtIdSql` are the columns that locate each row.
 */
export function applySchoolScope<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  scope: SchoolScope,
  schoolIdSql: string,
  districtIdSql: string,
): SelectQueryBuilder<T> {
  if (scope.all) return qb;
  const parts: string[] = [];
  const params: Record<string, string[]> = {};
  if (scope.districtIds.length) {
    parts.push(`${districtIdSql} IN (:...scopeDistrictIds)`);
    params.scopeDistrictIds = scope.districtIds;
  }
  if (scope.schoolIds.length) {
    parts.push(`${schoolIdSql} IN (:...scopeSchoolIds)`);
    params.scopeSchoolIds = scope.schoolIds;
  }
  return qb.andWhere(parts.length ? `(${parts.join(' OR ')})` : 'FALSE', params);
}

export function isInScope(scope: SchoolScope, schoolId: string, districtId: string): boolean {
  return scope.all || scope.districtIds.includes(districtId) || scope.schoolIds.includes(schoolId);
}

/** Whether the viewer holds `action` anywhere (the scope is then narrowed in SQL). */
export function assertHolds(viewer: Viewer | null, action: Action): Viewer {
  if (!viewer) throw unauthenticated();
  if (!viewer.grants.some((g) => ROLE_ACTIONS[g.role].has(action))) throw forbidden();
  return viewer;
}

/** A grant as account reach sees it: its role and the district it lies in (its own, or its school's). */
export interface PlacedGrant {
  role: Role;
  districtId: string | null;
}

const CITY_SPANNING = new Set([Role.CITY_ADMIN, Role.ANALYST]);

/**
 * Whether `viewer` may hand out `grant`: a city admin any grant; a district admin only
 * grants inside their own district (never CITY_ADMIN or ANALYST, which span the city, nor a
 * DISTRICT_ADMIN grant or a school grant of another district).
 */
export function canGrant(viewer: Viewer | null, grant: PlacedGrant): boolean {
  if (!viewer) return false;
  return viewer.grants.some((g) => {
    if (g.role === Role.CITY_ADMIN) return true;
    if (g.role !== Role.DISTRICT_ADMIN || CITY_SPANNING.has(grant.role)) return false;
    return grant.districtId != null && grant.districtId === g.districtId;
  });
}

/**
 * Whether `viewer` may act on an account holding `grants` (grant, revoke, enable, disable,
 * link): a city admin on any; a district admin only when every one of the account's grants
 * is one it could have given itself (see canGrant), so never on a CITY_ADMIN or ANALYST
 * holder, nor on an account that also holds a grant elsewhere. An account with no grant lies
 * in no district: only the city admin reaches it. `accountReachSql` is the same rule in SQL.
 */
export function canManageAccount(viewer: Viewer | null, grants: PlacedGrant[]): boolean {
  if (!viewer) return false;
  if (viewer.grants.some((g) => g.role === Role.CITY_ADMIN)) return true;
  return grants.length > 0 && grants.every((g) => canGrant(viewer, g));
}

/**
 * canManageAccount as SQL over `role_grant` and `school`, for the users list, users by id and
 * every account write, so what a district admin sees is what it may change. `userIdSql` is
 * the column holding the account's id.
 */
export function accountReachSql(viewer: Viewer | null, userIdSql: string): { sql: string; params: object } {
  if (viewer?.grants.some((g) => g.role === Role.CITY_ADMIN)) return { sql: 'TRUE', params: {} };
  const districtIds = [
    ...new Set(
      (viewer?.grants ?? []).filter((g) => g.role === Role.DISTRICT_ADMIN && g.districtId).map((g) => g.districtId!),
    ),
  ];
  if (!districtIds.length) return { sql: 'FALSE', params: {} };
  // IN (:...ids) expands to one parameter per id, which PGlite needs (no array parameters).
  const placed = 'COALESCE(rg.district_id, rs.district_id)';
  return {
    sql: `(EXISTS (SELECT 1 FROM role_grant rg0 WHERE rg0.user_id = ${userIdSql})
      AND NOT EXISTS (SELECT 1 FROM role_grant rg LEFT JOIN school rs ON rs.id = rg.school_id
        WHERE rg.user_id = ${userIdSql} AND (rg.role IN ('CITY_ADMIN', 'ANALYST') OR ${placed} IS NULL
          OR ${placed} NOT IN (:...reachDistrictIds))))`,
    params: { reachDistrictIds: districtIds },
  };
}

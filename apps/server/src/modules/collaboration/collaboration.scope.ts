import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { SchoolScope } from '../../auth/policy.js';

/**
 * Who sees which collaboration records, in SQL (so lists, counts and nested pages agree):
 * a group when its lead school or any current or past member school is in the viewer's
 * school scope; a trusteeship when its lead or partner school is. City-wide roles see all.
 * Approval plays no part here on purpose: a pending or declined relation is seen by both
 * sides (the partner's district must find what awaits its decision). What a relation
 * *grants* is decided elsewhere, from approved rows only (modules/user/auth.service.ts).
 */

function inList(column: string, param: string): string {
  return `${column} IN (:...${param})`;
}

/** Restricts a query over `collaboration_group` aliased `alias`. */
export function applyGroupScope<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  scope: SchoolScope,
  alias: string,
): SelectQueryBuilder<T> {
  if (scope.all) return qb;
  const direct: string[] = [];
  const member: string[] = [];
  if (scope.districtIds.length) {
    direct.push(inList(`${alias}.districtId`, 'cgScopeDistrictIds'));
    member.push(inList('cg_scope_s.district_id', 'cgScopeDistrictIds'));
  }
  if (scope.schoolIds.length) {
    direct.push(inList(`${alias}.leadSchoolId`, 'cgScopeSchoolIds'));
    member.push(inList('cg_scope_m.school_id', 'cgScopeSchoolIds'));
  }
  if (!direct.length) return qb.andWhere('FALSE');
  const exists = `EXISTS (SELECT 1 FROM group_membership cg_scope_m JOIN school cg_scope_s ON cg_scope_s.id = cg_scope_m.school_id
    WHERE cg_scope_m.group_id = ${alias}.id AND (${member.join(' OR ')}))`;
  return qb.andWhere(`(${[...direct, exists].join(' OR ')})`, {
    cgScopeDistrictIds: scope.districtIds,
    cgScopeSchoolIds: scope.schoolIds,
  });
}

/** Restricts a query over `trusteeship` aliased `alias`: lead or partner school in scope. */
export function applyTrusteeshipScope<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  scope: SchoolScope,
  alias: string,
): SelectQueryBuilder<T> {
  if (scope.all) return qb;
  const parts: string[] = [];
  if (scope.districtIds.length) {
    parts.push(inList(`${alias}.leadDistrictId`, 'tsScopeDistrictIds'));
    parts.push(inList(`${alias}.partnerDistrictId`, 'tsScopeDistrictIds'));
  }
  if (scope.schoolIds.length) {
    parts.push(inList(`${alias}.leadSchoolId`, 'tsScopeSchoolIds'));
    parts.push(inList(`${alias}.partnerSchoolId`, 'tsScopeSchoolIds'));
  }
  if (!parts.length) return qb.andWhere('FALSE');
  return qb.andWhere(`(${parts.join(' OR ')})`, {
    tsScopeDistrictIds: scope.districtIds,
    tsScopeSchoolIds: scope.schoolIds,
  });
}

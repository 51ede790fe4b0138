import type { EntityManager } from 'typeorm';
import type { RectificationItem } from '../../modules/ledger/ledger.entity.js';
import type { TownPlan } from '../../modules/plan/plan.entity.js';
import type { Assessment } from '../../modules/assessment/assessment.entity.js';
import type { SchoolScope } from '../policy.js';
import { allAtPlace, recordPolicy, type Place } from './decide.js';
import { bySeatOrBureau, byTownBureau, townFacts } from './organisation.js';

/** Programme tracking: ledger items at their school, plans with their town, assessments at their subject. */

export const LEDGER_ITEM = recordPolicy({
  type: 'RectificationItem',
  facts: (_em: EntityManager, i: RectificationItem): Place => ({ districtId: i.districtId, schoolId: i.schoolId }),
  decide: allAtPlace('ledger:update'),
});

/**
 * Visibility of town-level records (plans, town assessments): the city-wide roles, the
 * town's district bureau, and whoever sees any school of the town (its staff, group
 * leaders and researchers of those schools). `townSql`/`districtSql` locate the row.
 */
export function townScopeSql(
  scope: SchoolScope,
  townSql: string,
  districtSql: string,
): { sql: string; params: object } {
  if (scope.all) return { sql: 'TRUE', params: {} };
  const parts: string[] = [];
  if (scope.districtIds.length) parts.push(`${districtSql} IN (:...scopeDistrictIds)`);
  if (scope.schoolIds.length) {
    parts.push(
      `EXISTS (SELECT 1 FROM "school" "scope_school" WHERE "scope_school"."town_id" = ${townSql} AND "scope_school"."id" IN (:...scopeSchoolIds))`,
    );
  }
  return {
    sql: parts.length ? `(${parts.join(' OR ')})` : 'FALSE',
    params: { scopeDistrictIds: scope.districtIds, scopeSchoolIds: scope.schoolIds },
  };
}

/**
 * A town plan is the town-seat school's work (its staff draft and submit, as its bureaus
 * may); the district bureau reviews it and the city files it (ACCESS.md).
 */
export const PLAN = recordPolicy({
  type: 'TownPlan',
  facts: (em: EntityManager, p: TownPlan) => townFacts(em, p.townId, p.districtId),
  decide: {
    'plan:draft': bySeatOrBureau,
    'plan:submit': bySeatOrBureau,
    'plan:review': byTownBureau,
    'plan:file': byTownBureau,
  },
});

export const ASSESSMENT = recordPolicy({
  type: 'Assessment',
  facts: (_em: EntityManager, a: Assessment): Place => ({ districtId: a.districtId, schoolId: a.schoolId }),
  decide: allAtPlace('assessment:record'),
});

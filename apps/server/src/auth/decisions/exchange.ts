import type { EntityManager } from 'typeorm';
import type { TeacherExchange } from '../../modules/exchange/exchange.entity.js';
import { can, type SchoolScope } from '../policy.js';
import { recordPolicy, type Decision, type Place } from './decide.js';

/**
 * SQL restricting rows to those whose school on either end is in the viewer's scope.
 * `ends` are [schoolIdSql, districtIdSql] pairs; the row is visible when any end is.
 */
export function anyEndInScope(scope: SchoolScope, ends: [string, string][]): { sql: string; params: object } {
  if (scope.all) return { sql: 'TRUE', params: {} };
  const parts: string[] = [];
  for (const [schoolSql, districtSql] of ends) {
    if (scope.districtIds.length) parts.push(`${districtSql} IN (:...scopeDistrictIds)`);
    if (scope.schoolIds.length) parts.push(`${schoolSql} IN (:...scopeSchoolIds)`);
  }
  return {
    sql: parts.length ? `(${parts.join(' OR ')})` : 'FALSE',
    params: { scopeDistrictIds: scope.districtIds, scopeSchoolIds: scope.schoolIds },
  };
}

/** Both ends of an exchange: the teacher's home school (from) and the receiving school (to). */
export interface ExchangeEnds {
  from: Place;
  to: Place;
}

/**
 * An exchange belongs to both schools (docs/ACCESS.md): whoever may act on either end may
 * book, change, end or delete it, the receiving school and its bureau included.
 */
export const eitherEnd: Decision<ExchangeEnds> = (viewer, x, action) =>
  can(viewer, action, x.from) || can(viewer, action, x.to);

export const exchangeEnds = (
  x: Pick<TeacherExchange, 'fromSchoolId' | 'fromDistrictId' | 'toSchoolId' | 'toDistrictId'>,
): ExchangeEnds => ({
  from: { schoolId: x.fromSchoolId, districtId: x.fromDistrictId },
  to: { schoolId: x.toSchoolId, districtId: x.toDistrictId },
});

export const EXCHANGE = recordPolicy({
  type: 'TeacherExchange',
  facts: (_em: EntityManager, x: TeacherExchange) => exchangeEnds(x),
  decide: {
    'exchange:update': eitherEnd,
    'exchange:delete': eitherEnd,
  },
});

/**
 * Booking a new exchange: decided on the two ends it would have (the teacher's school and
 * the receiving one), with the same rule. `viewerCan(EXCHANGE_CREATE, id)` asks it of one
 * school or teacher (SCHOOL/TEACHER in organisation.ts), i.e. with that school on one end.
 */
export const BOOKING = recordPolicy({
  type: 'TeacherExchange (to be booked)',
  facts: (_em: EntityManager, ends: ExchangeEnds) => ends,
  decide: { 'exchange:create': eitherEnd },
});

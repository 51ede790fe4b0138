import type { EntityManager } from 'typeorm';
import { ExchangeConsent, type TeacherExchange } from '../../modules/exchange/exchange.entity.js';
import { conflict, forbidden } from '../../common/errors.js';
import { can, type SchoolScope } from '../policy.js';
import type { Viewer } from '../viewer.js';
import { recordPolicy, refusal, type Decision, type Place } from './decide.js';

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

/** Both ends and the home school's answer: what every decision on a booked exchange needs. */
export interface ExchangeFacts extends ExchangeEnds {
  consent: ExchangeConsent;
}

const CONSENT_ZH: Record<ExchangeConsent, string> = {
  [ExchangeConsent.PROPOSED]: '待确认',
  [ExchangeConsent.CONFIRMED]: '确认',
  [ExchangeConsent.DECLINED]: '拒绝',
};

const notHome = () =>
  forbidden(
    "Only the teacher's home school (its staff, group leader, district or the city) may do this",
    '只有教师所在学校（本校、其集团、其区县或市教育局）可以执行此操作',
  );
const wrongState = (message: string, messageZh: string) =>
  conflict(message, messageZh, [{ path: 'id', message, messageZh, constraint: 'consent' }]);

/**
 * The decision on a booked exchange. "Home" is authority over the teacher's own school
 * (`from`: its staff, group leader, district admin, the city admin); "receiving", over the
 * school they go to (docs/ACCESS.md):
 * - confirm, decline: a PROPOSED exchange, by the home side only (so never its proposer,
 *   which had no authority there, or it would have been confirmed at once);
 * - update (kind, dates): a CONFIRMED one by the home side, since it books the teacher; a
 *   PROPOSED one by either side; a DECLINED one by nobody (propose again);
 * - end: a CONFIRMED or PROPOSED one by either side (ending gives the teacher back);
 * - delete: a CONFIRMED one by the home side; a PROPOSED or DECLINED one by either side.
 */
const byConsent: Decision<ExchangeFacts> = (viewer, x, action) => {
  const home = can(viewer, action, x.from);
  if (!home && !can(viewer, action, x.to)) return refusal(action);
  switch (action) {
    case 'exchange:confirm':
    case 'exchange:decline':
      if (!home) return notHome();
      return (
        x.consent === ExchangeConsent.PROPOSED ||
        wrongState(`The exchange is already ${x.consent.toLowerCase()}`, `该交流已${CONSENT_ZH[x.consent]}`)
      );
    case 'exchange:update':
      if (x.consent === ExchangeConsent.DECLINED)
        return wrongState('The exchange was declined; propose a new one', '该交流已被拒绝，请重新提出');
      return x.consent !== ExchangeConsent.CONFIRMED || home || notHome();
    case 'exchange:end':
      return (
        x.consent !== ExchangeConsent.DECLINED ||
        wrongState('The exchange was declined; there is nothing to end', '该交流已被拒绝，无需结束')
      );
    case 'exchange:delete':
      return x.consent !== ExchangeConsent.CONFIRMED || home || notHome();
    default:
      return home || notHome();
  }
};

export const EXCHANGE = recordPolicy({
  type: 'TeacherExchange',
  facts: (_em: EntityManager, x: TeacherExchange): ExchangeFacts => ({ ...exchangeEnds(x), consent: x.consent }),
  decide: {
    'exchange:update': byConsent,
    'exchange:end': byConsent,
    'exchange:delete': byConsent,
    'exchange:confirm': byConsent,
    'exchange:decline': byConsent,
  },
});

/**
 * Whether a booking the viewer may make is confirmed at once: only when it has authority over
 * the teacher's home school. Asked for by anyone else (the receiving school, its bureau) it is
 * a proposal that books nothing until the home school answers.
 */
export function bookedAtOnce(viewer: Viewer | null, ends: ExchangeEnds): boolean {
  return viewer != null && can(viewer, 'exchange:create', ends.from);
}

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

import type { EntityManager } from 'typeorm';
import type { User } from '../../modules/user/user.entity.js';
import { can } from '../policy.js';
import { recordPolicy } from './decide.js';

/** An account and the districts its grants lie in (a school grant lies in its school's district). */
export interface AccountFacts {
  userId: string;
  districtIds: string[];
}

export async function accountFacts(em: EntityManager, userId: string): Promise<AccountFacts> {
  const rows: { district_id: string }[] = await em.query(
    `SELECT DISTINCT COALESCE(g.district_id, s.district_id) AS district_id
       FROM role_grant g LEFT JOIN school s ON s.id = g.school_id
      WHERE g.user_id = $1 AND COALESCE(g.district_id, s.district_id) IS NOT NULL`,
    [userId],
  );
  return { userId, districtIds: rows.map((r) => r.district_id) };
}

/**
 * Managing an account (grants, activation): the city admin any; a district admin one with a
 * grant in its district. Which grants may be given or taken is policy.ts `canGrant`.
 */
export const USER = recordPolicy({
  type: 'User',
  facts: (em: EntityManager, u: User) => accountFacts(em, u.id),
  decide: {
    'user:manage': (viewer, account, action) =>
      can(viewer, action, {}) || account.districtIds.some((districtId) => can(viewer, action, { districtId })),
  },
});

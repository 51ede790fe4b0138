import type { EntityManager } from 'typeorm';
import type { User } from '../../modules/user/user.entity.js';
import { forbidden } from '../../common/errors.js';
import { canManageAccount, type PlacedGrant } from '../policy.js';
import type { Role } from '../viewer.js';
import { recordPolicy } from './decide.js';

/** An account and its grants, each placed in the district it lies in (a school grant: its school's). */
export interface AccountFacts {
  userId: string;
  grants: PlacedGrant[];
}

export async function accountFacts(em: EntityManager, userId: string): Promise<AccountFacts> {
  const rows: { role: Role; district_id: string | null }[] = await em.query(
    `SELECT g.role, COALESCE(g.district_id, s.district_id) AS district_id
       FROM role_grant g LEFT JOIN school s ON s.id = g.school_id
      WHERE g.user_id = $1`,
    [userId],
  );
  return { userId, grants: rows.map((r) => ({ role: r.role, districtId: r.district_id })) };
}

function outOfReach() {
  return forbidden(
    'This account holds a grant outside your district (or a city-wide role); only the city admin may change it',
    '该账号持有本区县以外的授权（或全市角色），只有市教育局管理员可以修改',
  );
}

/**
 * Managing an account (grants, activation, researcher links): the city admin any; a district
 * admin only one whose every grant lies in its district and none of them city-wide (policy.ts
 * canManageAccount; `accountReachSql` is the same rule for the users list). Which grants may
 * be given or taken is policy.ts `canGrant`.
 */
export const USER = recordPolicy({
  type: 'User',
  facts: (em: EntityManager, u: User) => accountFacts(em, u.id),
  decide: {
    'user:manage': (viewer, account) => canManageAccount(viewer, account.grants) || outOfReach(),
  },
});

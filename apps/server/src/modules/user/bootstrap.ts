import type { EntityManager } from 'typeorm';
import { Role } from '../../auth/viewer.js';
import { hashPassword } from './auth.service.js';
import { RoleGrant, User } from './user.entity.js';

export interface NewAccount {
  username: string;
  displayName: string;
  password: string;
  isDemo?: boolean;
  grants: { role: Role; districtId?: string | null; schoolId?: string | null }[];
}

/**
 * Writes an account and its grants directly, bypassing the scope checks of the API. Only
 * for trusted callers: the first-admin CLI, the demo seed and test fixtures.
 */
export async function insertAccount(em: EntityManager, account: NewAccount, passwordHash?: string): Promise<User> {
  // create() makes a User instance: the global id and Node type come from the class.
  const user = await em.getRepository(User).save(
    em.create(User, {
      username: account.username,
      displayName: account.displayName,
      passwordHash: passwordHash ?? (await hashPassword(account.password)),
      isActive: true,
      isDemo: account.isDemo ?? false,
    }),
  );
  await em.getRepository(RoleGrant).save(
    account.grants.map((g) => ({
      userId: user.id,
      role: g.role,
      districtId: g.districtId ?? null,
      schoolId: g.schoolId ?? null,
    })),
  );
  return user;
}

export function cityAdmin(username: string, password: string, displayName = '市教育局管理员'): NewAccount {
  return { username, password, displayName, grants: [{ role: Role.CITY_ADMIN }] };
}

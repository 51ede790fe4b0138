import type { DataSource, EntityManager } from 'typeorm';
import type { Context } from '../../context.js';
import { badInput, conflict, forbidden, type FieldError } from '../../common/errors.js';
import { fromGlobalId } from '../../common/global-id.js';
import { inTransaction } from '../../common/unit-of-work.js';
import { assertHolds, canGrant } from '../../auth/policy.js';
import { Role } from '../../auth/viewer.js';
import { District } from '../district/district.entity.js';
import { School } from '../school/school.entity.js';
import { insertAccount } from './bootstrap.js';
import type { CreateUserInput, GrantInput } from './user.inputs.js';
import { User } from './user.entity.js';

const NEEDS_DISTRICT = new Set([Role.DISTRICT_ADMIN]);
const NEEDS_SCHOOL = new Set([Role.SCHOOL_STAFF, Role.GROUP_LEADER, Role.RESEARCHER]);

export class UserService {
  constructor(private readonly ds: DataSource) {}

  byId(id: string): Promise<User | null> {
    return this.ds.getRepository(User).findOneBy({ id });
  }

  /** Resolves a grant's scope to database ids and the district it lies in. */
  private async resolveGrant(em: EntityManager, g: GrantInput, path: string) {
    const errors: FieldError[] = [];
    let districtId: string | null = null;
    let schoolId: string | null = null;
    if (NEEDS_DISTRICT.has(g.role)) {
      if (!g.districtId)
        errors.push({ path: `${path}.districtId`, message: `is required for ${g.role}`, messageZh: '须指定区县' });
      else {
        const d = await em
          .getRepository(District)
          .findOneBy({ id: fromGlobalId(g.districtId, 'District', `${path}.districtId`) });
        if (!d) errors.push({ path: `${path}.districtId`, message: 'no such district', messageZh: '区县不存在' });
        districtId = d?.id ?? null;
      }
    }
    if (NEEDS_SCHOOL.has(g.role)) {
      if (!g.schoolId)
        errors.push({ path: `${path}.schoolId`, message: `is required for ${g.role}`, messageZh: '须指定学校' });
      else {
        const s = await em
          .getRepository(School)
          .findOneBy({ id: fromGlobalId(g.schoolId, 'School', `${path}.schoolId`) });
        if (!s) errors.push({ path: `${path}.schoolId`, message: 'no such school', messageZh: '学校不存在' });
        schoolId = s?.id ?? null;
        districtId = s?.districtId ?? null;
      }
    }
    if (!NEEDS_DISTRICT.has(g.role) && !NEEDS_SCHOOL.has(g.role) && (g.districtId || g.schoolId)) {
      errors.push({
        path,
        message: `${g.role} spans the whole city and takes no scope`,
        messageZh: '该角色覆盖全市，不能指定范围',
      });
    }
    if (errors.length) throw badInput(errors);
    // The stored grant keeps only the scope its role uses; the district is for canGrant.
    return { role: g.role, districtId, schoolId, storedDistrictId: NEEDS_DISTRICT.has(g.role) ? districtId : null };
  }

  async create(ctx: Context, input: CreateUserInput): Promise<User> {
    assertHolds(ctx.viewer, 'user:manage');
    return inTransaction(ctx, async (em, audit) => {
      const grants = [];
      for (const [i, g] of input.grants.entries()) {
        const resolved = await this.resolveGrant(em, g, `input.grants.${i}`);
        if (!canGrant(ctx.viewer, resolved)) {
          throw forbidden(`You may not grant ${g.role} in this scope`, '无权授予该范围的此角色');
        }
        grants.push({ role: resolved.role, districtId: resolved.storedDistrictId, schoolId: resolved.schoolId });
      }
      if (await em.getRepository(User).existsBy({ username: input.username })) {
        throw conflict(`Username ${input.username} is taken`, '登录名已被占用', [
          { path: 'input.username', message: 'is already taken', messageZh: '已被占用', constraint: 'unique' },
        ]);
      }
      const user = await insertAccount(em, { ...input, grants });
      const scope = grants[0]!;
      audit.record(
        'User',
        user.id,
        'CREATE',
        null,
        { username: user.username, displayName: user.displayName, grants: JSON.stringify(grants) },
        {
          districtId: scope.districtId ?? null,
          schoolId: scope.schoolId ?? null,
        },
      );
      return user;
    });
  }
}

import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Context } from '../../context.js';
import {
  badInput,
  conflict,
  forbidden,
  notFound,
  pgErrorCode,
  PG_UNIQUE_VIOLATION,
  type FieldError,
} from '../../common/errors.js';
import { fromGlobalId, parseGlobalId, toGlobalId } from '../../common/global-id.js';
import { IsNull } from 'typeorm';
import { inTransaction } from '../../common/unit-of-work.js';
import { accountReachSql, assertHolds, canGrant } from '../../auth/policy.js';
import { assertMay } from '../../auth/decisions/decide.js';
import { USER } from '../../auth/decisions/user.js';
import type { ConnectionArgs } from '../../common/connection.js';
import { OrderDirection } from '../../common/connection.js';
import { paginate } from '../../common/keyset.js';
import { likePattern } from '../../common/record.service.js';
import { Role, type Viewer } from '../../auth/viewer.js';
import { District } from '../district/district.entity.js';
import { School } from '../school/school.entity.js';
import { insertAccount } from './bootstrap.js';
import type { CreateUserInput, GrantInput, UserFilter } from './user.inputs.js';
import { AuthSession, RoleGrant, User, usernameKey } from './user.entity.js';

const NEEDS_DISTRICT = new Set([Role.DISTRICT_ADMIN]);
const NEEDS_SCHOOL = new Set([Role.SCHOOL_STAFF, Role.GROUP_LEADER, Role.RESEARCHER]);

export class UserService {
  constructor(private readonly ds: DataSource) {}

  byId(id: string): Promise<User | null> {
    return this.ds.getRepository(User).findOneBy({ id });
  }

  /**
   * Users the viewer sees: those it may manage (policy's account reach: all for the city
   * admin; for a district admin, accounts whose every grant lies in its district), and itself.
   */
  scoped(ctx: Context, em: EntityManager = this.ds.manager): SelectQueryBuilder<User> {
    const reach = accountReachSql(ctx.viewer, 'u.id');
    const qb = em.getRepository(User).createQueryBuilder('u');
    if (reach.sql === 'TRUE') return qb;
    return qb.andWhere(`(u.id = :self OR ${reach.sql})`, { self: ctx.viewer?.userId ?? null, ...reach.params });
  }

  list(ctx: Context, filter: UserFilter | undefined, args: ConnectionArgs) {
    assertHolds(ctx.viewer, 'user:manage');
    const qb = this.scoped(ctx);
    if (filter?.search) {
      qb.andWhere('(u.username ILIKE :q OR u.displayName ILIKE :q)', { q: likePattern(filter.search) });
    }
    if (filter?.role) {
      qb.andWhere('EXISTS (SELECT 1 FROM role_grant r WHERE r.user_id = u.id AND r.role = :role)', {
        role: filter.role,
      });
    }
    return paginate(
      qb,
      args,
      { field: 'USERNAME', property: 'username', direction: OrderDirection.ASC },
      ctx.config.maxPageSize,
    );
  }

  async getByGlobalId(ctx: Context, globalId: string): Promise<User | null> {
    const parsed = parseGlobalId(globalId);
    if (!parsed || parsed.type !== 'User') return null;
    return this.scoped(ctx).andWhere('u.id = :id', { id: parsed.id }).getOne();
  }

  /**
   * The account, locked, when the viewer may act on it: NOT_FOUND when it cannot see it,
   * FORBIDDEN (the USER decision's) for its own account beyond its reach. Locked so a
   * concurrent grant elsewhere cannot move it out of reach between the check and the write.
   */
  private async requireManaged(ctx: Context, em: EntityManager, globalId: string, path: string): Promise<User> {
    const id = fromGlobalId(globalId, 'User', path);
    const user = await this.scoped(ctx, em).andWhere('u.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!user) throw notFound('User', globalId);
    await assertMay(ctx, USER, 'user:manage', user, em);
    return user;
  }

  /** Adds a grant the admin could have given at creation. */
  grant(ctx: Context, userId: string, input: GrantInput): Promise<RoleGrant> {
    assertHolds(ctx.viewer, 'user:manage');
    return inTransaction(ctx, async (em, audit) => {
      const user = await this.requireManaged(ctx, em, userId, 'userId');
      const resolved = await this.resolveGrant(em, input, 'grant');
      if (!canGrant(ctx.viewer, resolved)) throw grantRefused(input.role);
      const existing = await em.getRepository(RoleGrant).findOneBy({
        userId: user.id,
        role: resolved.role,
        districtId: resolved.storedDistrictId ?? IsNull(),
        schoolId: resolved.schoolId ?? IsNull(),
      });
      if (existing) return existing;
      const row = await em.getRepository(RoleGrant).save({
        userId: user.id,
        role: resolved.role,
        districtId: resolved.storedDistrictId,
        schoolId: resolved.schoolId,
      });
      audit.record(
        'RoleGrant',
        row.id,
        'CREATE',
        null,
        { userId: user.id, role: row.role, districtId: row.districtId, schoolId: row.schoolId },
        {
          districtId: resolved.districtId,
          schoolId: resolved.schoolId,
        },
      );
      return row;
    });
  }

  /** Removes a grant; only someone who could have given it may take it away. */
  revoke(ctx: Context, grantId: string): Promise<string> {
    assertHolds(ctx.viewer, 'user:manage');
    return inTransaction(ctx, async (em, audit) => {
      const row = await em.getRepository(RoleGrant).findOneBy({ id: fromGlobalId(grantId, 'RoleGrant', 'grantId') });
      if (!row || !(await this.scoped(ctx, em).andWhere('u.id = :id', { id: row.userId }).getExists())) {
        throw notFound('RoleGrant', grantId);
      }
      await this.requireManaged(ctx, em, toGlobalId('User', row.userId), 'grantId');
      const school = row.schoolId ? await em.getRepository(School).findOneBy({ id: row.schoolId }) : null;
      const districtId = row.districtId ?? school?.districtId ?? null;
      if (!canGrant(ctx.viewer, { role: row.role, districtId }))
        throw forbidden('You may not revoke this grant', '无权撤销该授权');
      if (!isCityAdmin(ctx.viewer) && (await em.getRepository(RoleGrant).countBy({ userId: row.userId })) === 1) {
        // The account would lie in no district, beyond every district admin's reach.
        throw conflict(
          "This is the account's last grant; deactivate the account instead",
          '这是该账号的最后一项授权，请改为停用账号',
          [{ path: 'grantId', message: 'is the last grant', messageZh: '为最后一项授权', constraint: 'lastGrant' }],
        );
      }
      if (row.userId === ctx.viewer!.userId && row.role === Role.CITY_ADMIN) {
        throw conflict('You cannot revoke your own city admin grant', '不能撤销自己的市级管理员授权');
      }
      await em.getRepository(RoleGrant).delete(row.id);
      audit.record(
        'RoleGrant',
        row.id,
        'DELETE',
        { userId: row.userId, role: row.role, districtId: row.districtId, schoolId: row.schoolId },
        null,
        {
          districtId,
          schoolId: row.schoolId,
        },
      );
      return grantId;
    });
  }

  /** Deactivating signs the user out everywhere: their sessions are revoked with it. */
  setActive(ctx: Context, userId: string, isActive: boolean): Promise<User> {
    assertHolds(ctx.viewer, 'user:manage');
    return inTransaction(ctx, async (em, audit) => {
      const user = await this.requireManaged(ctx, em, userId, 'userId');
      if (user.id === ctx.viewer!.userId && !isActive) {
        throw conflict('You cannot deactivate yourself', '不能停用自己的账号');
      }
      const before = { isActive: user.isActive };
      user.isActive = isActive;
      await em.getRepository(User).update(user.id, { isActive });
      if (!isActive)
        await em
          .getRepository(AuthSession)
          .update({ userId: user.id, revokedAt: IsNull() }, { revokedAt: ctx.config.clock.now() });
      audit.record('User', user.id, 'UPDATE', before, { isActive }, await this.auditScope(em, user.id));
      return user;
    });
  }

  /**
   * Where an account lies, for its audit entries' scope: the district (and school) of its
   * first scoped grant, so the district admin who manages it sees its history.
   */
  private async auditScope(em: EntityManager, userId: string) {
    const row = await em
      .getRepository(RoleGrant)
      .createQueryBuilder('g')
      .leftJoin(School, 's', 's.id = g.schoolId')
      .select('COALESCE(g.districtId, s.districtId)', 'districtId')
      .addSelect('g.schoolId', 'schoolId')
      .where('g.userId = :userId', { userId })
      .andWhere('(g.districtId IS NOT NULL OR g.schoolId IS NOT NULL)')
      .orderBy('g.id')
      .limit(1)
      .getRawOne<{ districtId: string | null; schoolId: string | null }>();
    return { districtId: row?.districtId ?? null, schoolId: row?.schoolId ?? null };
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
      // The district the account lies in, for the audit entry's scope: a school staff
      // grant stores no district, but the district admin who created it must see the entry.
      let auditDistrictId: string | null = null;
      for (const [i, g] of input.grants.entries()) {
        const resolved = await this.resolveGrant(em, g, `input.grants.${i}`);
        if (!canGrant(ctx.viewer, resolved)) {
          throw grantRefused(g.role);
        }
        auditDistrictId ??= resolved.districtId;
        grants.push({ role: resolved.role, districtId: resolved.storedDistrictId, schoolId: resolved.schoolId });
      }
      const taken = await em
        .getRepository(User)
        .createQueryBuilder('u')
        .where('lower(u.username) = :key', { key: usernameKey(input.username) })
        .getExists();
      if (taken) throw usernameTaken(input.username);
      const user = await insertAccount(em, { ...input, grants }).catch((e: unknown) => {
        // Two creations racing for one name: the unique index on lower(username) decides.
        throw pgErrorCode(e) === PG_UNIQUE_VIOLATION ? usernameTaken(input.username) : e;
      });
      const scope = grants[0]!;
      audit.record(
        'User',
        user.id,
        'CREATE',
        null,
        { username: user.username, displayName: user.displayName, grants: JSON.stringify(grants) },
        {
          districtId: auditDistrictId,
          schoolId: scope.schoolId ?? null,
        },
      );
      return user;
    });
  }
}

function usernameTaken(username: string) {
  return conflict(`Username ${username} is taken (usernames ignore case)`, '登录名已被占用（不区分大小写）', [
    { path: 'input.username', message: 'is already taken', messageZh: '已被占用', constraint: 'unique' },
  ]);
}

const isCityAdmin = (viewer: Viewer | null) => !!viewer?.grants.some((g) => g.role === Role.CITY_ADMIN);

/** A grant beyond what the viewer could do itself (canGrant). */
function grantRefused(role: Role) {
  return forbidden(
    `You may not grant ${role} in this scope: a district admin grants only roles inside its own district, never CITY_ADMIN or ANALYST`,
    '无权授予该范围的此角色：区县管理员只能授予本区县内的授权，不能授予市教育局管理员或数据团队角色',
  );
}

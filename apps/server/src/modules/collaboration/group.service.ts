import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Context } from '../../context.js';
import type { ConnectionArgs, ConnectionResult } from '../../common/connection.js';
import { OrderDirection } from '../../common/connection.js';
import { activeOnSql } from '../../common/dates.js';
import { badInput, conflict, notFound } from '../../common/errors.js';
import { fromGlobalId } from '../../common/global-id.js';
import { paginate, type SortSpec } from '../../common/keyset.js';
import { sortSpec } from '../../common/order.js';
import { applyChanges, likePattern, RecordService, rejectNulls } from '../../common/record.service.js';
import { inTransaction } from '../../common/unit-of-work.js';
import { requireViewer, schoolScope } from '../../auth/policy.js';
import { assertMay, assertOn, decideOn } from '../../auth/decisions/decide.js';
import { SCHOOL } from '../../auth/decisions/organisation.js';
import { GROUP, MEMBERSHIP, NEW_MEMBERSHIP } from '../../auth/decisions/collaboration.js';
import { School } from '../school/school.entity.js';
import { CollaborationGroup, GroupMembership } from './collaboration.entity.js';
import { leadRoleProblem } from './collaboration.rules.js';
import { GroupMemberRole, RelationApproval } from './collaboration.enums.js';
import { applyDecision, initialApproval } from './collaboration.approval.js';
import {
  CollaborationGroupOrderField,
  GROUP_SORT_PROPERTIES,
  type AddGroupMemberInput,
  type CollaborationGroupFilter,
  type CollaborationGroupOrder,
  type CreateCollaborationGroupInput,
  type UpdateCollaborationGroupInput,
} from './collaboration.inputs.js';
import { applyGroupScope } from './collaboration.scope.js';

/** A school by global id that the viewer can see (lead schools are always the viewer's own). */
export async function requireVisibleSchool(
  ctx: Context,
  em: EntityManager,
  globalId: string,
  path: string,
): Promise<School> {
  const school = await ctx.services.school.findVisible(ctx, fromGlobalId(globalId, 'School', path), em);
  if (!school) throw badInput([{ path, message: 'no such school', messageZh: '学校不存在', constraint: 'exists' }]);
  return school;
}

/**
 * A school by global id, whether or not the viewer can see it yet: a group leader adds a
 * school to their group, or takes a partner in hand, before it is in their scope. Only
 * its existence is revealed, never its fields; rows are locked when `lock` is set.
 */
export async function requireAnySchool(
  em: EntityManager,
  globalId: string,
  path: string,
  lock = false,
): Promise<School> {
  const qb = em
    .getRepository(School)
    .createQueryBuilder('s')
    .where('s.id = :id', { id: fromGlobalId(globalId, 'School', path) });
  if (lock) qb.setLock('pessimistic_write');
  const school = await qb.getOne();
  if (!school) throw badInput([{ path, message: 'no such school', messageZh: '学校不存在', constraint: 'exists' }]);
  return school;
}

export class CollaborationGroupService extends RecordService<CollaborationGroup> {
  readonly typeName = 'CollaborationGroup';
  protected readonly entity = CollaborationGroup;

  protected auditScope(_em: EntityManager, row: CollaborationGroup) {
    return { districtId: row.districtId, schoolId: row.leadSchoolId };
  }

  scoped(ctx: Context, alias: string, em: EntityManager = this.ds.manager): SelectQueryBuilder<CollaborationGroup> {
    return applyGroupScope(
      em.getRepository(CollaborationGroup).createQueryBuilder(alias),
      schoolScope(ctx.viewer),
      alias,
    );
  }

  private filtered(ctx: Context, filter: CollaborationGroupFilter | undefined) {
    const qb = this.scoped(ctx, 'g');
    if (filter?.districtId) {
      qb.andWhere('g.districtId = :districtId', {
        districtId: fromGlobalId(filter.districtId, 'District', 'filter.districtId'),
      });
    }
    if (filter?.kind) qb.andWhere('g.kind = :kind', { kind: filter.kind });
    if (filter?.leadSchoolId) {
      qb.andWhere('g.leadSchoolId = :leadSchoolId', {
        leadSchoolId: fromGlobalId(filter.leadSchoolId, 'School', 'filter.leadSchoolId'),
      });
    }
    if (filter?.memberSchoolId || filter?.activeOn) {
      const conditions = ['fm.group_id = g.id'];
      const params: Record<string, string> = {};
      if (filter.memberSchoolId) {
        conditions.push('fm.school_id = :memberSchoolId');
        params.memberSchoolId = fromGlobalId(filter.memberSchoolId, 'School', 'filter.memberSchoolId');
      }
      if (filter.activeOn) {
        conditions.push(activeOnSql('fm.joined_on', 'fm.left_on', 'activeOn'));
        params.activeOn = filter.activeOn;
      }
      qb.andWhere(`EXISTS (SELECT 1 FROM group_membership fm WHERE ${conditions.join(' AND ')})`, params);
    }
    if (filter?.search) qb.andWhere('g.name ILIKE :search', { search: likePattern(filter.search) });
    return qb;
  }

  list(
    ctx: Context,
    filter: CollaborationGroupFilter | undefined,
    orderBy: CollaborationGroupOrder | undefined,
    args: ConnectionArgs,
  ) {
    return paginate(
      this.filtered(ctx, filter),
      args,
      sortSpec(orderBy, GROUP_SORT_PROPERTIES, CollaborationGroupOrderField.NAME),
      ctx.config.maxPageSize,
    );
  }

  create(ctx: Context, input: CreateCollaborationGroupInput): Promise<CollaborationGroup> {
    return inTransaction(ctx, async (em, audit) => {
      const lead = await requireVisibleSchool(ctx, em, input.leadSchoolId, 'input.leadSchoolId');
      await assertMay(ctx, SCHOOL, 'group:create', lead, em);
      const row = em.create(CollaborationGroup, {
        name: input.name,
        kind: input.kind,
        description: input.description ?? null,
        leadSchoolId: lead.id,
        districtId: lead.districtId,
      });
      return this.persist(em, audit, row, null);
    });
  }

  update(ctx: Context, id: string, input: UpdateCollaborationGroupInput): Promise<CollaborationGroup> {
    rejectNulls(input, ['name', 'kind']);
    return inTransaction(ctx, async (em, audit) => {
      const row = await this.requireVisible(ctx, id, 'id', em);
      await assertMay(ctx, GROUP, 'group:update', row, em);
      const before = { ...row };
      return this.persist(em, audit, applyChanges(row, input), before);
    });
  }

  /**
   * Only a group that never had a member can be deleted (one created by mistake): a
   * membership, even an ended one, is history the programme keeps.
   */
  delete(ctx: Context, id: string): Promise<string> {
    return inTransaction(ctx, async (em, audit) => {
      const row = await this.requireVisible(ctx, id, 'id', em);
      await assertMay(ctx, GROUP, 'group:delete', row, em);
      const memberships = await em.getRepository(GroupMembership).countBy({ groupId: row.id });
      if (memberships > 0) {
        throw conflict(
          `Group ${row.name} has ${memberships} membership records; end the memberships instead of deleting the group`,
          `${row.name}已有 ${memberships} 条成员记录，历史须保留，不能删除；请结束成员关系`,
        );
      }
      await this.remove(em, audit, row);
      return id;
    });
  }
}

const MEMBERSHIP_SORT: SortSpec = { field: 'JOINED_ON', property: 'joinedOn', direction: OrderDirection.ASC };

export class GroupMembershipService extends RecordService<GroupMembership> {
  readonly typeName = 'GroupMembership';
  protected readonly entity = GroupMembership;

  protected async auditScope(em: EntityManager, row: GroupMembership) {
    const group = await em.getRepository(CollaborationGroup).findOneBy({ id: row.groupId });
    return { districtId: group?.districtId ?? null, schoolId: group?.leadSchoolId ?? null };
  }

  /** A membership is visible with its group: whoever sees a group sees its member list. */
  scoped(ctx: Context, alias: string, em: EntityManager = this.ds.manager): SelectQueryBuilder<GroupMembership> {
    const qb = em.getRepository(GroupMembership).createQueryBuilder(alias);
    const scope = schoolScope(ctx.viewer);
    if (scope.all) return qb;
    qb.innerJoin(CollaborationGroup, `${alias}_g`, `${alias}_g.id = ${alias}.groupId`);
    return applyGroupScope(qb, scope, `${alias}_g`);
  }

  /** Memberships of many groups (`group.members`) or many schools (`school.groups`), batched. */
  pageFor(
    ctx: Context,
    parentProperty: 'groupId' | 'schoolId',
    parentId: string,
    activeOn: string | undefined,
    args: ConnectionArgs,
    approval?: RelationApproval,
  ): Promise<ConnectionResult<GroupMembership>> {
    return ctx.loaders.pages.load<GroupMembership>(parentId, {
      key: `GroupMembership.${parentProperty}:${JSON.stringify([activeOn, approval, args])}`,
      query: () => {
        const qb = this.scoped(ctx, 'm');
        if (activeOn) qb.andWhere(activeOnSql('m.joinedOn', 'm.leftOn', 'activeOn'), { activeOn });
        if (approval) qb.andWhere('m.approval = :approval', { approval });
        return qb;
      },
      parentProperty,
      args,
      sort: MEMBERSHIP_SORT,
      maxPageSize: ctx.config.maxPageSize,
    });
  }

  /**
   * Whoever manages the group's members may propose a school; the city bureau or the
   * school's own district bureau adds it (approved at once), and may do so to a group it
   * does not otherwise see.
   */
  add(ctx: Context, groupGlobalId: string, input: AddGroupMemberInput): Promise<GroupMembership> {
    return inTransaction(ctx, async (em, audit) => {
      const viewer = requireViewer(ctx.viewer);
      const groupId = fromGlobalId(groupGlobalId, 'CollaborationGroup', 'groupId');
      const seenGroup = await ctx.services.collaborationGroup.findVisible(ctx, groupId, em);
      const seenSchool = await ctx.services.school.findVisible(
        ctx,
        fromGlobalId(input.schoolId, 'School', 'input.schoolId'),
        em,
      );
      const ends = {
        lead: seenGroup && { districtId: seenGroup.districtId, schoolId: seenGroup.leadSchoolId },
        partner: seenSchool && { districtId: seenSchool.districtId, schoolId: seenSchool.id },
      };
      if (!decideOn(viewer, NEW_MEMBERSHIP, 'group:manageMembers', ends)) {
        if (!seenGroup) throw notFound('CollaborationGroup', groupGlobalId);
        assertOn(ctx, NEW_MEMBERSHIP, 'group:manageMembers', ends);
      }
      const group = seenGroup ?? (await em.getRepository(CollaborationGroup).findOneBy({ id: groupId }));
      if (!group) throw notFound('CollaborationGroup', groupGlobalId);
      // Serialises membership changes of this school, so two concurrent joins cannot both pass the overlap check.
      const school = await requireAnySchool(em, input.schoolId, 'input.schoolId', true);
      const roleProblem = leadRoleProblem(school.id === group.leadSchoolId, input.role);
      if (roleProblem) throw badInput([{ path: 'input.role', ...roleProblem }]);
      const overlapping = await em
        .getRepository(GroupMembership)
        .createQueryBuilder('m')
        .where('m.groupId = :groupId AND m.schoolId = :schoolId', { groupId: group.id, schoolId: school.id })
        .andWhere('m.approval <> :declined', { declined: RelationApproval.DECLINED })
        .andWhere('(m.leftOn IS NULL OR m.leftOn >= :joinedOn)', { joinedOn: input.joinedOn })
        .orderBy('m.joinedOn', 'DESC')
        .getOne();
      if (overlapping) {
        throw conflict(
          overlapping.leftOn
            ? `${school.name} was a member until ${overlapping.leftOn}; a new membership must start after that`
            : `${school.name} is already a member since ${overlapping.joinedOn}; end that membership first`,
          overlapping.leftOn
            ? `${school.name}的成员期至 ${overlapping.leftOn}，新的成员期须在此之后开始`
            : `${school.name}自 ${overlapping.joinedOn} 起已是成员，请先结束该成员期`,
          [
            {
              path: 'input.joinedOn',
              message: 'overlaps an existing membership of this school',
              messageZh: '与该校已有成员期重叠',
              constraint: 'membershipOverlap',
            },
          ],
        );
      }
      const row = em.create(GroupMembership, {
        groupId: group.id,
        schoolId: school.id,
        role: input.role,
        joinedOn: input.joinedOn,
        leftOn: null,
        // The lead school's own LEAD row reaches nothing new: it needs no one's approval.
        ...(input.role === GroupMemberRole.LEAD
          ? initialApproval(viewer, this.config, 'group:manageMembers', {
              districtId: group.districtId,
              schoolId: group.leadSchoolId,
            })
          : initialApproval(viewer, this.config, 'groupMembership:approve', {
              districtId: school.districtId,
              schoolId: school.id,
            })),
      });
      return this.persist(em, audit, row, null);
    });
  }

  /** Approves or declines a pending membership: the city bureau or the member school's district bureau only. */
  decide(
    ctx: Context,
    id: string,
    decision: RelationApproval.APPROVED | RelationApproval.DECLINED,
    comment: string | null | undefined,
  ): Promise<GroupMembership> {
    return inTransaction(ctx, async (em, audit) => {
      const visible = await this.requireVisible(ctx, id, 'id', em);
      await assertMay(ctx, MEMBERSHIP, 'groupMembership:approve', visible, em);
      const school = await em.getRepository(School).findOneByOrFail({ id: visible.schoolId });
      const row = (await em
        .getRepository(GroupMembership)
        .createQueryBuilder('m')
        .setLock('pessimistic_write')
        .where('m.id = :id', { id: visible.id })
        .getOne())!;
      const before = { ...row };
      applyDecision(row, ctx.viewer!, this.config, decision, comment);
      // filed under the member school's district, whose decision it is (its audit log shows it)
      return this.persist(em, audit, row, before, { districtId: school.districtId, schoolId: school.id });
    });
  }

  /** Closes a membership on its last day; the row stays as history. */
  end(ctx: Context, id: string, leftOn: string): Promise<GroupMembership> {
    return inTransaction(ctx, async (em, audit) => {
      const row = await this.requireVisible(ctx, id, 'id', em);
      await assertMay(ctx, MEMBERSHIP, 'group:manageMembers', row, em);
      if (row.leftOn !== null) {
        throw conflict(`This membership already ended on ${row.leftOn}`, `该成员期已于 ${row.leftOn} 结束`, [
          { path: 'id', message: 'has already ended', messageZh: '已结束', constraint: 'alreadyEnded' },
        ]);
      }
      if (leftOn < row.joinedOn) {
        throw badInput([
          {
            path: 'leftOn',
            message: `must not be before the joining date ${row.joinedOn}`,
            messageZh: `退出日期不能早于加入日期 ${row.joinedOn}`,
            constraint: 'dateOrder',
          },
        ]);
      }
      const before = { ...row };
      row.leftOn = leftOn;
      return this.persist(em, audit, row, before);
    });
  }
}

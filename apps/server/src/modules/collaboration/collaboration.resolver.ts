import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';

import type { Context } from '../../context.js';
import { ConnectionArgs } from '../../common/connection.js';
import { District } from '../district/district.entity.js';
import { School } from '../school/school.entity.js';
import { CollaborationGroup, GroupMembership, Trusteeship, TrusteeshipActivity } from './collaboration.entity.js';
import { RelationApproval, TrusteeshipStatus } from './collaboration.enums.js';
import {
  AddGroupMemberInput,
  CollaborationGroupFilter,
  CollaborationGroupOrder,
  CreateCollaborationGroupInput,
  CreateTrusteeshipInput,
  RecordTrusteeshipActivityInput,
  RelationDecisionInput,
  TrusteeshipFilter,
  TrusteeshipOrder,
  UpdateCollaborationGroupInput,
  UpdateTrusteeshipInput,
} from './collaboration.inputs.js';
import {
  CollaborationGroupConnection,
  GroupMembershipConnection,
  TrusteeshipActivityConnection,
  TrusteeshipConnection,
} from './collaboration.types.js';
import { NEIGHBOUR_SCHOOL, neighbourSchool } from '../../auth/neighbour.js';
import { trusteeshipStatus } from './trusteeship.service.js';
import { DateScalar } from '../../common/scalars.js';

const FILTER_DESCRIPTION = '筛选条件（省略则不筛选）/ Filter conditions; omit to list everything in scope';
const ACTIVE_ON_MEMBERS =
  '只列出当日在籍的成员期（省略则列出全部历史）/ Only memberships active on that day; omit for the whole history';
const APPROVAL_FILTER = '只列出该审批状态的成员期（省略则全部）/ Only memberships in this approval state; omit for all';
const DECISION = '审批结果 / The decision';

@Resolver(() => CollaborationGroup)
export class CollaborationGroupResolver {
  @Query(() => CollaborationGroupConnection, {
    description: "协作组织列表（查看范围内）/ Collaboration groups within the viewer's scope",
  })
  collaborationGroups(
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => CollaborationGroupFilter, { nullable: true, description: FILTER_DESCRIPTION })
    filter?: CollaborationGroupFilter,
    @Arg('orderBy', () => CollaborationGroupOrder, {
      nullable: true,
      description: '排序方式（省略时按名称升序）/ Sort order; by name, ascending, when omitted',
    })
    orderBy?: CollaborationGroupOrder,
  ) {
    return ctx.services.collaborationGroup.list(ctx, filter, orderBy, args);
  }

  @Query(() => CollaborationGroup, {
    nullable: true,
    description: '按 ID 获取协作组织；范围外视同不存在 / A collaboration group by ID; out of scope reads as absent',
  })
  collaborationGroup(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '协作组织的全局 ID / Global ID of the group' }) id: string,
  ) {
    return ctx.services.collaborationGroup.getByGlobalId(ctx, id);
  }

  @FieldResolver(() => School, { description: `龙头校${NEIGHBOUR_SCHOOL} / The lead school` })
  leadSchool(@Root() group: CollaborationGroup, @Ctx() ctx: Context) {
    return neighbourSchool(ctx, group.leadSchoolId);
  }

  @FieldResolver(() => District, { description: '龙头校所在区县 / District of the lead school' })
  district(@Root() group: CollaborationGroup, @Ctx() ctx: Context) {
    return ctx.loaders.district.load(group.districtId);
  }

  @FieldResolver(() => GroupMembershipConnection, {
    description: '成员期（含已退出的历史，按加入日期）/ Memberships, past ones included, by joining date',
  })
  members(
    @Root() group: CollaborationGroup,
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('activeOn', () => DateScalar, { nullable: true, description: ACTIVE_ON_MEMBERS }) activeOn?: string,
    @Arg('approval', () => RelationApproval, { nullable: true, description: APPROVAL_FILTER })
    approval?: RelationApproval,
  ) {
    return ctx.services.groupMembership.pageFor(ctx, 'groupId', group.id, activeOn, args, approval);
  }

  @Mutation(() => CollaborationGroup, { description: '新建协作组织 / Create a collaboration group' })
  createCollaborationGroup(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateCollaborationGroupInput, { description: '新组织的字段 / Fields of the new group' })
    input: CreateCollaborationGroupInput,
  ) {
    return ctx.services.collaborationGroup.create(ctx, input);
  }

  @Mutation(() => CollaborationGroup, { description: '修改协作组织 / Update a collaboration group' })
  updateCollaborationGroup(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '要修改的组织的全局 ID / Global ID of the group to update' }) id: string,
    @Arg('input', () => UpdateCollaborationGroupInput, { description: '要修改的字段 / The fields to change' })
    input: UpdateCollaborationGroupInput,
  ) {
    return ctx.services.collaborationGroup.update(ctx, id, input);
  }

  @Mutation(() => ID, {
    description:
      '删除从未有过成员的协作组织（有成员记录的须保留历史）；返回被删除的 ID / Delete a group that never had members (membership history is kept); returns its ID',
  })
  deleteCollaborationGroup(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '要删除的组织的全局 ID / Global ID of the group to delete' }) id: string,
  ) {
    return ctx.services.collaborationGroup.delete(ctx, id);
  }

  @Mutation(() => GroupMembership, {
    description:
      '学校加入协作组织（新开一段成员期，不得与该校已有成员期重叠）；市教育局或该校所在区县加入即生效，其他人为提议（待审批）/ A school joins a group: opens a new membership that must not overlap its earlier ones; approved when the city bureau or the school’s district adds it, otherwise a pending proposal',
  })
  addGroupMember(
    @Ctx() ctx: Context,
    @Arg('groupId', () => ID, { description: '协作组织的全局 ID / Global ID of the group' }) groupId: string,
    @Arg('input', () => AddGroupMemberInput, { description: '成员校与加入日期 / The school and its joining date' })
    input: AddGroupMemberInput,
  ) {
    return ctx.services.groupMembership.add(ctx, groupId, input);
  }

  @Mutation(() => GroupMembership, {
    description: '结束成员期（记录保留为历史）/ End a membership on its last day; the record stays as history',
  })
  endGroupMembership(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '成员期的全局 ID / Global ID of the membership' }) id: string,
    @Arg('leftOn', () => DateScalar, {
      description: '退出日期（最后一天，不早于加入日期）/ Last day of membership; not before the joining date',
    })
    leftOn: string,
  ) {
    return ctx.services.groupMembership.end(ctx, id, leftOn);
  }

  @Mutation(() => GroupMembership, {
    description:
      '批准待审批的成员关系（市教育局或成员校所在区县）/ Approve a pending membership: the city bureau or the member school’s district',
  })
  approveGroupMembership(
    @Ctx() ctx: Context,
    @Arg('input', () => RelationDecisionInput, { description: DECISION }) input: RelationDecisionInput,
  ) {
    return ctx.services.groupMembership.decide(ctx, input.id, RelationApproval.APPROVED, input.comment);
  }

  @Mutation(() => GroupMembership, {
    description:
      '拒绝待审批的成员关系（市教育局或成员校所在区县）/ Decline a pending membership: the city bureau or the member school’s district',
  })
  declineGroupMembership(
    @Ctx() ctx: Context,
    @Arg('input', () => RelationDecisionInput, { description: DECISION }) input: RelationDecisionInput,
  ) {
    return ctx.services.groupMembership.decide(ctx, input.id, RelationApproval.DECLINED, input.comment);
  }
}

@Resolver(() => GroupMembership)
export class GroupMembershipResolver {
  @FieldResolver(() => School, { description: `成员校${NEIGHBOUR_SCHOOL} / The member school` })
  school(@Root() membership: GroupMembership, @Ctx() ctx: Context) {
    return neighbourSchool(ctx, membership.schoolId);
  }

  @FieldResolver(() => CollaborationGroup, { description: '所属协作组织 / The group' })
  async group(@Root() membership: GroupMembership, @Ctx() ctx: Context) {
    return (await ctx.loaders.collaborationGroup.load(membership.groupId))!;
  }
}

@Resolver(() => Trusteeship)
export class TrusteeshipResolver {
  @Query(() => TrusteeshipConnection, {
    description: "托管帮扶关系列表（查看范围内）/ Trusteeships within the viewer's scope",
  })
  trusteeships(
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => TrusteeshipFilter, { nullable: true, description: FILTER_DESCRIPTION })
    filter?: TrusteeshipFilter,
    @Arg('orderBy', () => TrusteeshipOrder, {
      nullable: true,
      description: '排序方式（省略时按开始日期升序）/ Sort order; by start date, ascending, when omitted',
    })
    orderBy?: TrusteeshipOrder,
  ) {
    return ctx.services.trusteeship.list(ctx, filter, orderBy, args);
  }

  @Query(() => Trusteeship, {
    nullable: true,
    description: '按 ID 获取托管帮扶关系；范围外视同不存在 / A trusteeship by ID; out of scope reads as absent',
  })
  trusteeship(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '托管帮扶关系的全局 ID / Global ID of the trusteeship' }) id: string,
  ) {
    return ctx.services.trusteeship.getByGlobalId(ctx, id);
  }

  @FieldResolver(() => School, { description: `龙头校${NEIGHBOUR_SCHOOL} / The lead school` })
  leadSchool(@Root() t: Trusteeship, @Ctx() ctx: Context) {
    return neighbourSchool(ctx, t.leadSchoolId);
  }

  @FieldResolver(() => School, { description: `托管学校${NEIGHBOUR_SCHOOL} / The partner school` })
  partnerSchool(@Root() t: Trusteeship, @Ctx() ctx: Context) {
    return neighbourSchool(ctx, t.partnerSchoolId);
  }

  @FieldResolver(() => TrusteeshipStatus, {
    description: '今日状态（济南时间，由日期推算）/ Status today in Jinan, derived from the dates',
  })
  status(@Root() t: Trusteeship, @Ctx() ctx: Context) {
    return trusteeshipStatus(t, ctx.config.clock.today());
  }

  @FieldResolver(() => TrusteeshipActivityConnection, {
    description: '已开展的帮扶活动（按日期）/ Activities carried out, by date',
  })
  activities(@Root() t: Trusteeship, @Ctx() ctx: Context, @Args() args: ConnectionArgs) {
    return ctx.services.trusteeshipActivity.pageForTrusteeship(ctx, t.id, args);
  }

  @Mutation(() => Trusteeship, {
    description:
      '新建托管帮扶关系：市教育局或受援学校所在区县新建即生效，其他人为提议（待审批）/ Create a trusteeship: approved when the city bureau or the partner’s district creates it, otherwise a pending proposal',
  })
  createTrusteeship(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateTrusteeshipInput, { description: '新关系的字段 / Fields of the new trusteeship' })
    input: CreateTrusteeshipInput,
  ) {
    return ctx.services.trusteeship.create(ctx, input);
  }

  @Mutation(() => Trusteeship, {
    description:
      '修改措施、计划结束日期、协议文号、备注 / Update measures, planned end date, agreement reference, notes',
  })
  updateTrusteeship(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '要修改的关系的全局 ID / Global ID of the trusteeship to update' }) id: string,
    @Arg('input', () => UpdateTrusteeshipInput, { description: '要修改的字段 / The fields to change' })
    input: UpdateTrusteeshipInput,
  ) {
    return ctx.services.trusteeship.update(ctx, id, input);
  }

  @Mutation(() => Trusteeship, {
    description: '结束托管帮扶关系（记录保留为历史）/ End a trusteeship; the record stays as history',
  })
  endTrusteeship(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '要结束的关系的全局 ID / Global ID of the trusteeship to end' }) id: string,
    @Arg('actualEndDate', () => DateScalar, {
      description: '实际结束日期（最后一天，不早于开始日期）/ Actual end date, its last day; not before the start',
    })
    actualEndDate: string,
  ) {
    return ctx.services.trusteeship.end(ctx, id, actualEndDate);
  }

  @Mutation(() => TrusteeshipActivity, { description: '记录一项帮扶活动 / Record an activity of the lead school' })
  recordTrusteeshipActivity(
    @Ctx() ctx: Context,
    @Arg('trusteeshipId', () => ID, { description: '托管帮扶关系的全局 ID / Global ID of the trusteeship' })
    trusteeshipId: string,
    @Arg('input', () => RecordTrusteeshipActivityInput, { description: '活动内容 / The activity' })
    input: RecordTrusteeshipActivityInput,
  ) {
    return ctx.services.trusteeshipActivity.record(ctx, trusteeshipId, input);
  }

  @Mutation(() => Trusteeship, {
    description:
      '批准待审批的托管帮扶关系（市教育局或受援学校所在区县）/ Approve a pending trusteeship: the city bureau or the partner school’s district',
  })
  approveTrusteeship(
    @Ctx() ctx: Context,
    @Arg('input', () => RelationDecisionInput, { description: DECISION }) input: RelationDecisionInput,
  ) {
    return ctx.services.trusteeship.decide(ctx, input.id, RelationApproval.APPROVED, input.comment);
  }

  @Mutation(() => Trusteeship, {
    description:
      '拒绝待审批的托管帮扶关系（市教育局或受援学校所在区县）/ Decline a pending trusteeship: the city bureau or the partner school’s district',
  })
  declineTrusteeship(
    @Ctx() ctx: Context,
    @Arg('input', () => RelationDecisionInput, { description: DECISION }) input: RelationDecisionInput,
  ) {
    return ctx.services.trusteeship.decide(ctx, input.id, RelationApproval.DECLINED, input.comment);
  }
}

@Resolver(() => TrusteeshipActivity)
export class TrusteeshipActivityResolver {
  @FieldResolver(() => Trusteeship, { description: '所属托管帮扶关系 / The trusteeship' })
  async trusteeship(@Root() activity: TrusteeshipActivity, @Ctx() ctx: Context) {
    return (await ctx.loaders.trusteeship.load(activity.trusteeshipId))!;
  }
}

/** The collaboration relations of a school, kept here so school.resolver.ts stays the school's own. */
@Resolver(() => School)
export class SchoolCollaborationResolver {
  @FieldResolver(() => TrusteeshipConnection, {
    description: '本校作为龙头校的托管帮扶关系 / Trusteeships this school leads',
  })
  trusteeshipsAsLead(
    @Root() school: School,
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => TrusteeshipFilter, { nullable: true, description: FILTER_DESCRIPTION })
    filter?: TrusteeshipFilter,
    @Arg('orderBy', () => TrusteeshipOrder, {
      nullable: true,
      description: '排序方式（省略时按开始日期升序）/ Sort order; by start date, ascending, when omitted',
    })
    orderBy?: TrusteeshipOrder,
  ) {
    return ctx.services.trusteeship.pageForSchool(ctx, 'leadSchoolId', school.id, filter, orderBy, args);
  }

  @FieldResolver(() => TrusteeshipConnection, {
    description: '本校作为托管学校的托管帮扶关系 / Trusteeships in which this school is the partner',
  })
  trusteeshipsAsPartner(
    @Root() school: School,
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => TrusteeshipFilter, { nullable: true, description: FILTER_DESCRIPTION })
    filter?: TrusteeshipFilter,
    @Arg('orderBy', () => TrusteeshipOrder, {
      nullable: true,
      description: '排序方式（省略时按开始日期升序）/ Sort order; by start date, ascending, when omitted',
    })
    orderBy?: TrusteeshipOrder,
  ) {
    return ctx.services.trusteeship.pageForSchool(ctx, 'partnerSchoolId', school.id, filter, orderBy, args);
  }

  @FieldResolver(() => GroupMembershipConnection, {
    description: '本校的协作组织成员期（含历史与角色）/ This school’s group memberships, with history and role',
  })
  groups(
    @Root() school: School,
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('activeOn', () => DateScalar, { nullable: true, description: ACTIVE_ON_MEMBERS }) activeOn?: string,
    @Arg('approval', () => RelationApproval, { nullable: true, description: APPROVAL_FILTER })
    approval?: RelationApproval,
  ) {
    return ctx.services.groupMembership.pageFor(ctx, 'schoolId', school.id, activeOn, args, approval);
  }
}

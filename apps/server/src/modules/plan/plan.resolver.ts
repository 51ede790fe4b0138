import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';

import type { Context } from '../../context.js';
import { ConnectionArgs } from '../../common/connection.js';
import { District } from '../district/district.entity.js';
import { Town } from '../town/town.entity.js';
import { TownPlan, TownPlanTransition } from './plan.entity.js';
import { CreateTownPlanInput, TownPlanContentInput, TownPlanFilter, TownPlanOrder } from './plan.inputs.js';
import { dueDate, isLate, transitionsLoader, type TransitionName } from './plan.service.js';
import { TownPlanConnection } from './plan.types.js';
import { DateScalar } from '../../common/scalars.js';

const FILTER = {
  nullable: true,
  description: '筛选条件（省略则不筛选）/ Filter conditions; omit to list everything in scope',
} as const;
const ORDER = {
  nullable: true,
  description: '排序方式（省略时按年度升序）/ Sort order; by year, ascending, when omitted',
} as const;
const ID_ARG = { description: '推进方案的全局 ID / Global ID of the town plan' } as const;
const VERSION_ARG = {
  description:
    '读取到的版本号；已被他人修改时返回 CONFLICT（附当前版本）/ The version you read; CONFLICT with the current version when someone changed it since',
} as const;
const COMMENT_ARG = { nullable: true, description: '意见或说明 / Comment' } as const;

@Resolver(() => TownPlan)
export class TownPlanResolver {
  @Query(() => TownPlanConnection, {
    description:
      '乡镇推进方案：区县教体局看本区县，学校看本校所在乡镇 / Town plans: a district bureau sees its district, a school sees its own town’s',
  })
  townPlans(
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => TownPlanFilter, FILTER) filter?: TownPlanFilter,
    @Arg('orderBy', () => TownPlanOrder, ORDER) orderBy?: TownPlanOrder,
  ) {
    return ctx.services.townPlan.list(ctx, filter, orderBy, args);
  }

  @Query(() => TownPlan, {
    nullable: true,
    description: '按 ID 获取推进方案；范围外视同不存在 / A town plan by ID; out of scope reads as absent',
  })
  townPlan(@Ctx() ctx: Context, @Arg('id', () => ID, ID_ARG) id: string) {
    return ctx.services.townPlan.getByGlobalId(ctx, id);
  }

  @FieldResolver(() => Town, { description: '乡镇 / The town' })
  town(@Root() row: TownPlan, @Ctx() ctx: Context) {
    return ctx.loaders.town.load(row.townId);
  }

  @FieldResolver(() => District, { description: '区县 / The district' })
  district(@Root() row: TownPlan, @Ctx() ctx: Context) {
    return ctx.loaders.district.load(row.districtId);
  }

  @FieldResolver(() => DateScalar, {
    description:
      '报送截止日（按年度配置，2023 年为 3 月 29 日，当日有效）/ Due date of the year, inclusive (03-29 in 2023)',
  })
  dueDate(@Root() row: TownPlan, @Ctx() ctx: Context) {
    return dueDate(row.year, ctx.config);
  }

  @FieldResolver(() => Boolean, {
    description:
      '是否逾期：首次报送晚于截止日，或未报送且已过截止日 / Late: first submitted after the due date, or not submitted and past it',
  })
  isLate(@Root() row: TownPlan, @Ctx() ctx: Context) {
    return isLate(row, ctx.config);
  }

  @FieldResolver(() => [TownPlanTransition], {
    description: '流转记录（按时间先后）/ Review steps, oldest first',
  })
  transitions(@Root() row: TownPlan, @Ctx() ctx: Context) {
    return transitionsLoader(ctx).load(row.id);
  }

  @Mutation(() => TownPlan, {
    description:
      '新建推进方案草稿（镇驻地学校或区县；每镇每年一份）/ Create a draft town plan (town-seat school or bureau); one per town per year',
  })
  createTownPlan(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateTownPlanInput, { description: '方案的乡镇、年度与内容 / Town, year and content' })
    input: CreateTownPlanInput,
  ) {
    return ctx.services.townPlan.create(ctx, input);
  }

  @Mutation(() => TownPlan, {
    description:
      '修改推进方案内容（仅草稿或退回状态；退回的方案修改后仍为退回，直至重新报送）/ Edit a plan; DRAFT or RETURNED only, and a RETURNED plan stays RETURNED until resubmitted',
  })
  updateTownPlan(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('expectedVersion', () => Int, VERSION_ARG) expectedVersion: number,
    @Arg('input', () => TownPlanContentInput, { description: '要修改的内容 / The content to change' })
    input: TownPlanContentInput,
  ) {
    return ctx.services.townPlan.update(ctx, id, expectedVersion, input);
  }

  private move(ctx: Context, id: string, name: TransitionName, version: number, comment?: string | null) {
    return ctx.services.townPlan.transition(ctx, id, name, version, comment);
  }

  @Mutation(() => TownPlan, {
    description:
      '报送区县审核（草稿或退回 → 已报送；四个具体须齐全）/ Submit for review: DRAFT or RETURNED → SUBMITTED; all four specifics required',
  })
  submitTownPlan(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('expectedVersion', () => Int, VERSION_ARG) expectedVersion: number,
    @Arg('comment', () => String, COMMENT_ARG) comment?: string | null,
  ) {
    return this.move(ctx, id, 'submit', expectedVersion, comment);
  }

  @Mutation(() => TownPlan, {
    description: '区县审核通过（已报送 → 通过）/ District approves: SUBMITTED → APPROVED',
  })
  approveTownPlan(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('expectedVersion', () => Int, VERSION_ARG) expectedVersion: number,
    @Arg('comment', () => String, COMMENT_ARG) comment?: string | null,
  ) {
    return this.move(ctx, id, 'approve', expectedVersion, comment);
  }

  @Mutation(() => TownPlan, {
    description:
      '区县退回修改（已报送 → 退回；须填写意见）/ District returns for revision: SUBMITTED → RETURNED; a comment is required',
  })
  returnTownPlan(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('expectedVersion', () => Int, VERSION_ARG) expectedVersion: number,
    @Arg('comment', () => String, { description: '修改意见（必填）/ What to revise; required' }) comment: string,
  ) {
    return this.move(ctx, id, 'return', expectedVersion, comment);
  }

  @Mutation(() => TownPlan, { description: '市教育局备案（通过 → 已备案）/ City files the plan: APPROVED → FILED' })
  fileTownPlan(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('expectedVersion', () => Int, VERSION_ARG) expectedVersion: number,
    @Arg('comment', () => String, COMMENT_ARG) comment?: string | null,
  ) {
    return this.move(ctx, id, 'file', expectedVersion, comment);
  }
}

/** town.plans, kept in this module so the town resolver stays untouched. */
@Resolver(() => Town)
export class TownPlansResolver {
  @FieldResolver(() => TownPlanConnection, {
    description: '本镇推进方案（查看范围内）/ This town’s plans, within the viewer’s scope',
  })
  plans(
    @Root() town: Town,
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => TownPlanFilter, FILTER) filter?: TownPlanFilter,
    @Arg('orderBy', () => TownPlanOrder, ORDER) orderBy?: TownPlanOrder,
  ) {
    return ctx.services.townPlan.pageForTown(ctx, town.id, filter, orderBy, args);
  }
}

import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { neighbourSchool } from '../../auth/neighbour.js';
import type { Context } from '../../context.js';
import { ConnectionArgs } from '../../common/connection.js';
import { District } from '../district/district.entity.js';
import { Town } from '../town/town.entity.js';
import { School } from '../school/school.entity.js';
import { RectificationItem, RectificationStatusChange } from './ledger.entity.js';
import {
  ChangeRectificationStatusInput,
  CreateRectificationItemInput,
  RectificationItemFilter,
  RectificationItemOrder,
  UpdateRectificationItemInput,
} from './ledger.inputs.js';
import { isOverdue, statusHistoryLoader } from './ledger.service.js';
import { RectificationItemConnection } from './ledger.types.js';

const FILTER = {
  nullable: true,
  description: '筛选条件（省略则不筛选）/ Filter conditions; omit to list everything in scope',
} as const;
const ORDER = {
  nullable: true,
  description: '排序方式（省略时按工作时限升序）/ Sort order; by deadline, ascending, when omitted',
} as const;
const ID_ARG = { description: '整改台账条目的全局 ID / Global ID of the ledger item' } as const;

@Resolver(() => RectificationItem)
export class RectificationItemResolver {
  @Query(() => RectificationItemConnection, {
    description:
      "整改工作台账（查看范围内的学校）/ Rectification ledger items of the schools within the viewer's scope",
  })
  rectificationItems(
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => RectificationItemFilter, FILTER) filter?: RectificationItemFilter,
    @Arg('orderBy', () => RectificationItemOrder, ORDER) orderBy?: RectificationItemOrder,
  ) {
    return ctx.services.rectificationItem.list(ctx, filter, orderBy, args);
  }

  @Query(() => RectificationItem, {
    nullable: true,
    description: '按 ID 获取整改台账条目；范围外视同不存在 / A ledger item by ID; out of scope reads as absent',
  })
  rectificationItem(@Ctx() ctx: Context, @Arg('id', () => ID, ID_ARG) id: string) {
    return ctx.services.rectificationItem.getByGlobalId(ctx, id);
  }

  @FieldResolver(() => School, { description: '学校 / The school' })
  school(@Root() row: RectificationItem, @Ctx() ctx: Context) {
    return neighbourSchool(ctx, row.schoolId);
  }

  @FieldResolver(() => Town, { description: '学校所在乡镇 / The school’s town' })
  town(@Root() row: RectificationItem, @Ctx() ctx: Context) {
    return ctx.loaders.town.load(row.townId);
  }

  @FieldResolver(() => District, { description: '学校所在区县 / The school’s district' })
  district(@Root() row: RectificationItem, @Ctx() ctx: Context) {
    return ctx.loaders.district.load(row.districtId);
  }

  @FieldResolver(() => Boolean, {
    description:
      '是否逾期：未完成且工作时限已过（按济南当日计算，时限当天不算逾期）/ Overdue: not done and the deadline has passed, as of today in Jinan; the deadline day itself is not overdue',
  })
  overdue(@Root() row: RectificationItem, @Ctx() ctx: Context) {
    return isOverdue(row, ctx.config.clock.today());
  }

  @FieldResolver(() => [RectificationStatusChange], {
    description: '状态变更历史（按时间先后，第一条为新建）/ Status history, oldest first; the first entry is creation',
  })
  statusHistory(@Root() row: RectificationItem, @Ctx() ctx: Context) {
    return statusHistoryLoader(ctx).load(row.id);
  }

  @Mutation(() => RectificationItem, { description: '新建整改台账条目 / Create a ledger item' })
  createRectificationItem(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateRectificationItemInput, { description: '新条目的字段 / Fields of the new item' })
    input: CreateRectificationItemInput,
  ) {
    return ctx.services.rectificationItem.create(ctx, input);
  }

  @Mutation(() => RectificationItem, {
    description: '修改整改台账条目（不含状态）/ Update a ledger item, except its status',
  })
  updateRectificationItem(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('input', () => UpdateRectificationItemInput, { description: '要修改的字段 / The fields to change' })
    input: UpdateRectificationItemInput,
  ) {
    return ctx.services.rectificationItem.update(ctx, id, input);
  }

  @Mutation(() => RectificationItem, {
    description:
      '变更整改状态并留痕；完成须有佐证，重新打开须说明原因 / Change a ledger item’s status, kept in its history; DONE needs evidence, reopening needs a note',
  })
  changeRectificationStatus(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('input', () => ChangeRectificationStatusInput, { description: '新状态及说明 / The new status and notes' })
    input: ChangeRectificationStatusInput,
  ) {
    return ctx.services.rectificationItem.changeStatus(ctx, id, input);
  }
}

/** school.rectificationItems, kept in this module so the school resolver stays untouched. */
@Resolver(() => School)
export class SchoolLedgerResolver {
  @FieldResolver(() => RectificationItemConnection, {
    description: '本校整改台账 / This school’s rectification ledger items',
  })
  rectificationItems(
    @Root() school: School,
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => RectificationItemFilter, FILTER) filter?: RectificationItemFilter,
    @Arg('orderBy', () => RectificationItemOrder, ORDER) orderBy?: RectificationItemOrder,
  ) {
    return ctx.services.rectificationItem.pageForSchool(ctx, school.id, filter, orderBy, args);
  }
}

import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { NEIGHBOUR_SCHOOL, neighbourSchool, neighbourTeacher } from '../../auth/neighbour.js';

import type { Context } from '../../context.js';
import { ConnectionArgs } from '../../common/connection.js';
import { School } from '../school/school.entity.js';
import { Teacher } from '../teacher/teacher.entity.js';
import { ExchangeConsent, TeacherExchange } from './exchange.entity.js';
import { badInput } from '../../common/errors.js';
import {
  CreateTeacherExchangeInput,
  TeacherExchangeFilter,
  TeacherExchangeOrder,
  UpdateTeacherExchangeInput,
} from './exchange.inputs.js';
import { TeacherExchangeConnection } from './exchange.types.js';
import { DateScalar } from '../../common/scalars.js';

const ACTIVE_ON = {
  nullable: true,
  description: '只列出该日仍在进行的（省略则列出全部）/ Only those active on this day; omit for all',
} as const;
const ORDER = {
  nullable: true,
  description: '排序方式（省略时按开始日期升序）/ Sort order; by start date, ascending, when omitted',
} as const;

@Resolver(() => TeacherExchange)
export class TeacherExchangeResolver {
  @Query(() => TeacherExchangeConnection, {
    description:
      "教师交流列表：任一端学校在查看范围内即可见 / Teacher exchanges whose sending or receiving school is within the viewer's scope",
  })
  teacherExchanges(
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => TeacherExchangeFilter, {
      nullable: true,
      description: '筛选条件（省略则不筛选）/ Filter conditions; omit to list everything in scope',
    })
    filter?: TeacherExchangeFilter,
    @Arg('orderBy', () => TeacherExchangeOrder, ORDER) orderBy?: TeacherExchangeOrder,
  ) {
    return ctx.services.teacherExchange.list(ctx, filter, orderBy, args);
  }

  @Query(() => TeacherExchange, {
    nullable: true,
    description: '按 ID 获取教师交流；范围外视同不存在 / A teacher exchange by ID; out of scope reads as absent',
  })
  teacherExchange(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '教师交流的全局 ID / Global ID of the exchange' }) id: string,
  ) {
    return ctx.services.teacherExchange.getByGlobalId(ctx, id);
  }

  @FieldResolver(() => Teacher, {
    description: '交流的教师（查看范围外只显示姓名）/ The teacher; outside the viewer’s scope only their name',
  })
  teacher(@Root() row: TeacherExchange, @Ctx() ctx: Context) {
    return neighbourTeacher(ctx, row.teacherId);
  }

  @FieldResolver(() => School, {
    description: `派出学校（即教师所在学校）${NEIGHBOUR_SCHOOL} / Sending school, the teacher’s own`,
  })
  fromSchool(@Root() row: TeacherExchange, @Ctx() ctx: Context) {
    return neighbourSchool(ctx, row.fromSchoolId);
  }

  @FieldResolver(() => School, { description: `接收学校${NEIGHBOUR_SCHOOL} / Receiving school` })
  toSchool(@Root() row: TeacherExchange, @Ctx() ctx: Context) {
    return neighbourSchool(ctx, row.toSchoolId);
  }

  @Mutation(() => TeacherExchange, {
    description:
      '新建教师交流（同一教师的交流期间不能重叠；教师所在学校不变）/ Create a teacher exchange; one teacher’s exchanges never overlap and their own school stays',
  })
  createTeacherExchange(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateTeacherExchangeInput, { description: '新交流的字段 / Fields of the new exchange' })
    input: CreateTeacherExchangeInput,
  ) {
    return ctx.services.teacherExchange.create(ctx, input);
  }

  @Mutation(() => TeacherExchange, { description: '修改教师交流的类别或日期 / Change an exchange’s kind or dates' })
  updateTeacherExchange(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '教师交流的全局 ID / Global ID of the exchange' }) id: string,
    @Arg('input', () => UpdateTeacherExchangeInput, { description: '要修改的字段 / The fields to change' })
    input: UpdateTeacherExchangeInput,
  ) {
    return ctx.services.teacherExchange.update(ctx, id, input);
  }

  @Mutation(() => TeacherExchange, {
    description: '结束进行中的教师交流 / End an open exchange on a day (its last day)',
  })
  endTeacherExchange(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '教师交流的全局 ID / Global ID of the exchange' }) id: string,
    @Arg('endDate', () => DateScalar, {
      description: '结束日期（含当日，不早于开始日期）/ End date, its last day; not before the start',
    })
    endDate: string,
  ) {
    return ctx.services.teacherExchange.end(ctx, id, endDate);
  }

  @Mutation(() => TeacherExchange, {
    description:
      '教师所在学校确认交流提议，确认后占用该教师（与已确认的交流重叠时拒绝）/ The home school confirms a proposed exchange; it then books the teacher (refused when it overlaps a confirmed one)',
  })
  confirmTeacherExchange(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '教师交流的全局 ID / Global ID of the exchange' }) id: string,
  ) {
    return ctx.services.teacherExchange.decide(ctx, id, ExchangeConsent.CONFIRMED, null);
  }

  @Mutation(() => TeacherExchange, {
    description: '教师所在学校拒绝交流提议 / The home school declines a proposed exchange, with a comment',
  })
  declineTeacherExchange(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '教师交流的全局 ID / Global ID of the exchange' }) id: string,
    @Arg('comment', { description: '拒绝理由（1–500 字）/ Why, 1-500 characters' }) comment: string,
  ) {
    return ctx.services.teacherExchange.decide(ctx, id, ExchangeConsent.DECLINED, declineComment(comment));
  }

  @Mutation(() => ID, { description: '删除教师交流；返回被删除的 ID / Delete a teacher exchange; returns its ID' })
  deleteTeacherExchange(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '教师交流的全局 ID / Global ID of the exchange' }) id: string,
  ) {
    return ctx.services.teacherExchange.delete(ctx, id);
  }
}

function declineComment(comment: string): string {
  const text = comment.trim();
  if (!text || text.length > 500) {
    throw badInput([
      { path: 'comment', message: 'must be 1-500 characters', messageZh: '须为 1–500 字', constraint: 'length' },
    ]);
  }
  return text;
}

@Resolver(() => Teacher)
export class TeacherExchangesFieldResolver {
  @FieldResolver(() => TeacherExchangeConnection, {
    description: '该教师的交流（在查看范围内）/ This teacher’s exchanges within the viewer’s scope',
  })
  exchanges(
    @Root() teacher: Teacher,
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('activeOn', () => DateScalar, ACTIVE_ON) activeOn?: string,
    @Arg('orderBy', () => TeacherExchangeOrder, ORDER) orderBy?: TeacherExchangeOrder,
  ) {
    return ctx.services.teacherExchange.pageForParent(ctx, 'teacherId', teacher.id, activeOn, orderBy, args);
  }
}

@Resolver(() => School)
export class SchoolExchangesFieldResolver {
  @FieldResolver(() => TeacherExchangeConnection, {
    description: '交流到本校的教师 / Exchanges into this school (it receives the teacher)',
  })
  exchangesIn(
    @Root() school: School,
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('activeOn', () => DateScalar, ACTIVE_ON) activeOn?: string,
    @Arg('orderBy', () => TeacherExchangeOrder, ORDER) orderBy?: TeacherExchangeOrder,
  ) {
    return ctx.services.teacherExchange.pageForParent(ctx, 'toSchoolId', school.id, activeOn, orderBy, args);
  }

  @FieldResolver(() => TeacherExchangeConnection, {
    description: '本校派出的教师交流 / Exchanges out of this school (its own teachers sent elsewhere)',
  })
  exchangesOut(
    @Root() school: School,
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('activeOn', () => DateScalar, ACTIVE_ON) activeOn?: string,
    @Arg('orderBy', () => TeacherExchangeOrder, ORDER) orderBy?: TeacherExchangeOrder,
  ) {
    return ctx.services.teacherExchange.pageForParent(ctx, 'fromSchoolId', school.id, activeOn, orderBy, args);
  }
}

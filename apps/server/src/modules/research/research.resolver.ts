import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { asNeighbourSchool, NEIGHBOUR_SCHOOL, neighbourSchool } from '../../auth/neighbour.js';

import type { Context } from '../../context.js';
import { ConnectionArgs } from '../../common/connection.js';
import { badInput } from '../../common/errors.js';
import { District } from '../district/district.entity.js';
import { School } from '../school/school.entity.js';
import { User } from '../user/user.entity.js';
import { JointResearchSession, Researcher, ResearcherAssignment } from './research.entity.js';
import {
  AssignResearcherInput,
  CreateResearcherInput,
  JointResearchSessionFilter,
  JointResearchSessionOrder,
  RecordJointResearchSessionInput,
  ResearcherAssignmentOrder,
  ResearcherFilter,
  ResearcherOrder,
  UpdateJointResearchSessionInput,
  UpdateResearcherInput,
} from './research.inputs.js';
import {
  ResearcherAssignmentConnection,
  ResearcherConnection,
  JointResearchSessionConnection,
} from './research.types.js';
import { researchLoaders } from './research.loaders.js';
import { monthsBetween, monthOf } from './research.loaders.js';
import { DateScalar } from '../../common/scalars.js';

const FILTER = {
  nullable: true,
  description: '筛选条件（省略则不筛选）/ Filter conditions; omit to list everything in scope',
} as const;
const RESEARCHER_ORDER = {
  nullable: true,
  description: '排序方式（省略时按姓名升序）/ Sort order; by name, ascending, when omitted',
} as const;
const ASSIGNMENT_ORDER = {
  nullable: true,
  description: '排序方式（省略时按开始日期升序）/ Sort order; by start date, ascending, when omitted',
} as const;
const SESSION_ORDER = {
  nullable: true,
  description: '排序方式（省略时按日期升序）/ Sort order; by date held, ascending, when omitted',
} as const;
const ACTIVE_ON = {
  nullable: true,
  description: '只列出该日仍在进行的（省略则列出全部）/ Only those active on this day; omit for all',
} as const;
const MAX_MONTHS = 120;

@Resolver(() => Researcher)
export class ResearcherResolver {
  @Query(() => ResearcherConnection, {
    description:
      "教研员列表：市级角色全部；区县管理员本区县教研员及包挂本区县学校者；其他角色包挂其范围内学校者及本人 / Researchers: all for city-wide roles; otherwise those of the viewer's districts, those ever assigned to a school in the viewer's scope, and the viewer's own record",
  })
  researchers(
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => ResearcherFilter, FILTER) filter?: ResearcherFilter,
    @Arg('orderBy', () => ResearcherOrder, RESEARCHER_ORDER) orderBy?: ResearcherOrder,
  ) {
    return ctx.services.researcher.list(ctx, filter, orderBy, args);
  }

  @Query(() => ResearcherConnection, {
    description:
      '违反"每位教研员至少包挂一所镇驻地学校"规则的教研员：该日没有包挂任何镇驻地学校（计入其全部包挂，不限查看范围）/ Researchers breaking the programme rule "each researcher is attached to at least one town-seat school": no assignment to a town-seat school active on the day (all their assignments count, seen or not)',
  })
  researchersWithoutTownSeatSchool(
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('activeOn', () => DateScalar, {
      nullable: true,
      description: '核查日期（默认今天，济南时间）/ Day to check; today in Jinan by default',
    })
    activeOn?: string,
    @Arg('filter', () => ResearcherFilter, FILTER) filter?: ResearcherFilter,
    @Arg('orderBy', () => ResearcherOrder, RESEARCHER_ORDER) orderBy?: ResearcherOrder,
  ) {
    return ctx.services.researcher.withoutTownSeatSchool(ctx, activeOn, filter, orderBy, args);
  }

  @Query(() => Researcher, {
    nullable: true,
    description: '按 ID 获取教研员；范围外视同不存在 / A researcher by ID; out of scope reads as absent',
  })
  researcher(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '教研员的全局 ID / Global ID of the researcher' }) id: string,
  ) {
    return ctx.services.researcher.getByGlobalId(ctx, id);
  }

  @FieldResolver(() => District, {
    nullable: true,
    description: '所属区县（市级教研员为空）/ District; null for city researchers',
  })
  district(@Root() row: Researcher, @Ctx() ctx: Context) {
    return row.districtId ? ctx.loaders.district.load(row.districtId) : null;
  }

  @FieldResolver(() => ResearcherAssignmentConnection, {
    description: '包挂的学校（在查看范围内）/ Assignments to schools, within the viewer’s scope',
  })
  assignments(
    @Root() row: Researcher,
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('activeOn', () => DateScalar, ACTIVE_ON) activeOn?: string,
    @Arg('orderBy', () => ResearcherAssignmentOrder, ASSIGNMENT_ORDER) orderBy?: ResearcherAssignmentOrder,
  ) {
    return ctx.services.researcherAssignment.pageForParent(ctx, 'researcherId', row.id, activeOn, orderBy, args);
  }

  @FieldResolver(() => JointResearchSessionConnection, {
    description: '主持的联合教研（在查看范围内）/ Sessions this researcher led, within the viewer’s scope',
  })
  sessions(
    @Root() row: Researcher,
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => JointResearchSessionFilter, FILTER) filter?: JointResearchSessionFilter,
    @Arg('orderBy', () => JointResearchSessionOrder, SESSION_ORDER) orderBy?: JointResearchSessionOrder,
  ) {
    return ctx.services.jointResearchSession.pageForResearcher(ctx, row.id, filter, orderBy, args);
  }

  @Mutation(() => Researcher, { description: '新建教研员 / Create a researcher' })
  createResearcher(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateResearcherInput, { description: '新教研员的字段 / Fields of the new researcher' })
    input: CreateResearcherInput,
  ) {
    return ctx.services.researcher.create(ctx, input);
  }

  @Mutation(() => Researcher, { description: '修改教研员 / Update a researcher' })
  updateResearcher(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '教研员的全局 ID / Global ID of the researcher' }) id: string,
    @Arg('input', () => UpdateResearcherInput, { description: '要修改的字段 / The fields to change' })
    input: UpdateResearcherInput,
  ) {
    return ctx.services.researcher.update(ctx, id, input);
  }

  @Mutation(() => Researcher, {
    description:
      '关联教研员的登录账号（须持有 RESEARCHER 授权；null 取消关联）/ Link the account a researcher signs in with (it must hold a RESEARCHER grant); null unlinks',
  })
  linkResearcherUser(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '教研员的全局 ID / Global ID of the researcher' }) id: string,
    @Arg('userId', () => ID, {
      nullable: true,
      description: '用户的全局 ID（null 取消关联）/ Global ID of the user; null unlinks',
    })
    userId?: string | null,
  ) {
    return ctx.services.researcher.linkUser(ctx, id, userId);
  }
}

@Resolver(() => ResearcherAssignment)
export class ResearcherAssignmentResolver {
  @FieldResolver(() => Researcher, { description: '教研员 / The researcher' })
  researcher(@Root() row: ResearcherAssignment, @Ctx() ctx: Context) {
    return ctx.loaders.researcher.load(row.researcherId);
  }

  @FieldResolver(() => School, { description: `包挂的学校${NEIGHBOUR_SCHOOL} / The school` })
  school(@Root() row: ResearcherAssignment, @Ctx() ctx: Context) {
    return neighbourSchool(ctx, row.schoolId);
  }

  @FieldResolver(() => [String], {
    description:
      '缺少联合教研的月份（YYYY-MM）：在 [from, to] 与包挂期间的交集内、已结束的学期月（假期月不计，见 schoolCalendar；本月未结束，见 dueMonth），该教研员没有与该校一起举行联合教研的月份；月中开始或结束的月份也计入 / Months (YYYY-MM) within [from, to] and the assignment’s period that have ended and are term months (holiday months owe nothing, see schoolCalendar; the month in progress is dueMonth, never missing), with no session by this researcher that included this school; partial months at either end count',
  })
  missingMonths(
    @Root() row: ResearcherAssignment,
    @Ctx() ctx: Context,
    @Arg('from', () => DateScalar, { description: '起始日期 / First day of the range' }) from: string,
    @Arg('to', () => DateScalar, { description: '截止日期（含当日）/ Last day of the range' }) to: string,
  ) {
    if (to < from) {
      throw badInput([
        { path: 'to', message: 'must not be before from', messageZh: '截止日期不能早于起始日期', constraint: 'range' },
      ]);
    }
    if (monthsBetween(monthOf(from), monthOf(to)).length > MAX_MONTHS) {
      throw badInput([
        {
          path: 'to',
          message: `the range may span at most ${MAX_MONTHS} months`,
          messageZh: `范围最多 ${MAX_MONTHS} 个月`,
          constraint: 'maxRange',
        },
      ]);
    }
    return researchLoaders(ctx)
      .months.load({ assignment: row, from, to })
      .then((m) => m.missing);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      '本月待开展（YYYY-MM）：本月为学期月、包挂在本月有效且本月尚未记录联合教研时为本月，否则为空；本月结束前不算缺少 / The month in progress (YYYY-MM) while it is a term month of the assignment and no session is recorded for it yet, else null; it is due (待开展), not missing, until it ends',
  })
  dueMonth(@Root() row: ResearcherAssignment, @Ctx() ctx: Context) {
    const today = ctx.config.clock.today();
    return researchLoaders(ctx)
      .months.load({ assignment: row, from: `${monthOf(today)}-01`, to: today })
      .then((m) => m.due);
  }

  @Mutation(() => ResearcherAssignment, {
    description:
      '教研员包挂学校（同一教研员对同一学校的包挂期间不能重叠；区县教研员只包挂本区县学校）/ Attach a researcher to a school; periods for one researcher and school never overlap; district researchers stay in their district',
  })
  assignResearcher(
    @Ctx() ctx: Context,
    @Arg('researcherId', () => ID, { description: '教研员的全局 ID / Global ID of the researcher' })
    researcherId: string,
    @Arg('input', () => AssignResearcherInput, { description: '包挂的学校与期间 / School and period' })
    input: AssignResearcherInput,
  ) {
    return ctx.services.researcherAssignment.assign(ctx, researcherId, input);
  }

  @Mutation(() => ResearcherAssignment, { description: '结束包挂 / End an open assignment on a day (its last day)' })
  endResearcherAssignment(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '包挂的全局 ID / Global ID of the assignment' }) id: string,
    @Arg('endDate', () => DateScalar, {
      description: '结束日期（含当日，不早于开始日期）/ End date, its last day; not before the start',
    })
    endDate: string,
  ) {
    return ctx.services.researcherAssignment.end(ctx, id, endDate);
  }
}

@Resolver(() => JointResearchSession)
export class JointResearchSessionResolver {
  @Query(() => JointResearchSessionConnection, {
    description:
      "联合教研列表：任一参与学校在查看范围内即可见 / Joint research sessions with at least one school within the viewer's scope",
  })
  jointResearchSessions(
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => JointResearchSessionFilter, FILTER) filter?: JointResearchSessionFilter,
    @Arg('orderBy', () => JointResearchSessionOrder, SESSION_ORDER) orderBy?: JointResearchSessionOrder,
  ) {
    return ctx.services.jointResearchSession.list(ctx, filter, orderBy, args);
  }

  @Query(() => JointResearchSession, {
    nullable: true,
    description: '按 ID 获取联合教研；范围外视同不存在 / A session by ID; out of scope reads as absent',
  })
  jointResearchSession(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '联合教研的全局 ID / Global ID of the session' }) id: string,
  ) {
    return ctx.services.jointResearchSession.getByGlobalId(ctx, id);
  }

  @FieldResolver(() => Researcher, { description: '主持的教研员 / The researcher who led it' })
  researcher(@Root() row: JointResearchSession, @Ctx() ctx: Context) {
    return ctx.loaders.researcher.load(row.researcherId);
  }

  @FieldResolver(() => [School], {
    description: `参与学校（按名称排序）${NEIGHBOUR_SCHOOL} / Schools taking part, by name`,
  })
  async schools(@Root() row: JointResearchSession, @Ctx() ctx: Context) {
    const ids = await researchLoaders(ctx).sessionSchoolIds.load(row.id);
    const schools = (await ctx.loaders.school.loadMany(ids)).filter((s): s is School => s instanceof School);
    return schools
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id))
      .map((s) => asNeighbourSchool(ctx, s));
  }

  @Mutation(() => JointResearchSession, {
    description:
      '记录联合教研（须有权为每所参与学校记录）/ Record a joint research session; needs the right to record for every school',
  })
  recordJointResearchSession(
    @Ctx() ctx: Context,
    @Arg('input', () => RecordJointResearchSessionInput, { description: '联合教研的字段 / Fields of the session' })
    input: RecordJointResearchSessionInput,
  ) {
    return ctx.services.jointResearchSession.record(ctx, input);
  }

  @Mutation(() => JointResearchSession, {
    description:
      '修改联合教研（须有权为修改前后的每所学校记录）/ Update a session; needs the right for every school before and after',
  })
  updateJointResearchSession(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '联合教研的全局 ID / Global ID of the session' }) id: string,
    @Arg('input', () => UpdateJointResearchSessionInput, { description: '要修改的字段 / The fields to change' })
    input: UpdateJointResearchSessionInput,
  ) {
    return ctx.services.jointResearchSession.update(ctx, id, input);
  }

  @Mutation(() => ID, {
    description: '删除联合教研；返回被删除的 ID / Delete a session (needs the right for every school); returns its ID',
  })
  deleteJointResearchSession(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '联合教研的全局 ID / Global ID of the session' }) id: string,
  ) {
    return ctx.services.jointResearchSession.delete(ctx, id);
  }
}

@Resolver(() => School)
export class SchoolResearchFieldResolver {
  @FieldResolver(() => ResearcherAssignmentConnection, {
    description: '包挂本校的教研员 / Researchers attached to this school',
  })
  researcherAssignments(
    @Root() school: School,
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('activeOn', () => DateScalar, ACTIVE_ON) activeOn?: string,
    @Arg('orderBy', () => ResearcherAssignmentOrder, ASSIGNMENT_ORDER) orderBy?: ResearcherAssignmentOrder,
  ) {
    return ctx.services.researcherAssignment.pageForParent(ctx, 'schoolId', school.id, activeOn, orderBy, args);
  }

  @FieldResolver(() => JointResearchSessionConnection, {
    description: '本校参与的联合教研 / Joint research sessions this school took part in',
  })
  jointResearchSessions(
    @Root() school: School,
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => JointResearchSessionFilter, FILTER) filter?: JointResearchSessionFilter,
    @Arg('orderBy', () => JointResearchSessionOrder, SESSION_ORDER) orderBy?: JointResearchSessionOrder,
  ) {
    return ctx.services.jointResearchSession.pageForSchool(ctx, school.id, filter, orderBy, args);
  }
}

@Resolver(() => User)
export class UserResearcherFieldResolver {
  @FieldResolver(() => Researcher, {
    nullable: true,
    description:
      '该账号关联的教研员记录（linkResearcherUser）；未关联或不在查看范围内为 null / The researcher record linked to this account (linkResearcherUser); null when none is linked or it is out of scope',
  })
  researcher(@Root() user: User, @Ctx() ctx: Context) {
    return researchLoaders(ctx).researcherByUser.load(user.id);
  }
}

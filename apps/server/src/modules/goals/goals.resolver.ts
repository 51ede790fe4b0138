import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { ConnectionArgs } from '../../common/connection.js';
import { notFound } from '../../common/errors.js';
import { fromGlobalId } from '../../common/global-id.js';
import { TownGoalFilter, TownGoalOrder } from './goals.inputs.js';
import {
  GoalVerdict,
  PeriodShare,
  ProgrammeGoal,
  ProgrammeSummary,
  TownGoalAttainment,
  TownGoalAttainmentConnection,
} from './goals.types.js';

const PERIOD = {
  nullable: true,
  description:
    '年份；省略则为截至今年有评估数据的最近年份（结果的 period 注明）/ The year (YYYY); when omitted, the latest year with assessments up to this year, named in the answer’s period',
} as const;

@Resolver(() => ProgrammeSummary)
export class GoalsResolver {
  @Query(() => TownGoalAttainment, {
    nullable: true,
    description:
      "某乡镇六项目标的达成情况及依据；范围外视同不存在 / A town's attainment of the six goals, with inputs and reasons; out of scope reads as absent",
  })
  goalAttainment(
    @Ctx() ctx: Context,
    @Arg('townId', () => ID, { description: '乡镇 ID / The town' }) townId: string,
    @Arg('period', () => String, PERIOD)
    period?: string,
  ) {
    return ctx.services.goals.townAttainment(ctx, fromGlobalId(townId, 'Town', 'townId'), period);
  }

  @Query(() => TownGoalAttainmentConnection, {
    description:
      '查看范围内各乡镇的六项目标判定（Relay 分页），可按判定筛选、按达成数排序 / The six verdicts of each town in scope, as a connection: filterable by verdict, sortable by goals met',
  })
  townGoalAttainments(
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('period', () => String, PERIOD)
    period?: string,
    @Arg('filter', () => TownGoalFilter, {
      nullable: true,
      description: '筛选条件（省略则不筛选）/ Filter conditions; omit to list every town in scope',
    })
    filter?: TownGoalFilter,
    @Arg('orderBy', () => TownGoalOrder, {
      nullable: true,
      description: '排序方式（省略时按区划代码升序）/ Sort order; by NBS code, ascending, when omitted',
    })
    orderBy?: TownGoalOrder,
  ) {
    return ctx.services.goals.attainmentPage(ctx, period, filter, orderBy, args);
  }

  @Query(() => ProgrammeSummary, {
    description:
      "全市（或某区县）纳入行动乡镇的目标达成汇总，对照 80% 目标；只计查看范围内的乡镇 / Attainment across the city's (or a district's) programme towns against the 80% target, within the viewer's scope",
  })
  programmeSummary(
    @Ctx() ctx: Context,
    @Arg('districtId', () => ID, {
      nullable: true,
      description: '区县 ID，省略为全市 / The district; the whole city when omitted',
    })
    districtId?: string,
    @Arg('period', () => String, PERIOD)
    period?: string,
  ) {
    return ctx.services.goals.summary(
      ctx,
      districtId ? fromGlobalId(districtId, 'District', 'districtId') : undefined,
      period,
    );
  }

  @FieldResolver(() => [PeriodShare], {
    description:
      '逐年趋势：截至本期的若干年全部达成比例 / The trend: the share meeting all goals for each year up to this period',
  })
  trend(
    @Root() summary: ProgrammeSummary,
    @Ctx() ctx: Context,
    @Arg('years', () => Int, { defaultValue: 3, description: '年数（1–10）/ How many years (1–10)' }) years: number,
  ) {
    return ctx.services.goals.trend(ctx, summary.districtScope, summary.period, years);
  }
}

@Resolver(() => TownGoalAttainment)
export class TownGoalAttainmentResolver {
  @FieldResolver(() => GoalVerdict, {
    description:
      '某一目标的判定（导出时以别名各取一列）/ The verdict on one goal; with aliases, one export column per goal',
  })
  verdict(
    @Root() attainment: TownGoalAttainment,
    @Arg('goal', () => ProgrammeGoal, { description: '目标 / The goal' }) goal: ProgrammeGoal,
  ): GoalVerdict {
    const verdict = attainment.goals.find((g) => g.goal === goal);
    if (!verdict) throw notFound('GoalVerdict', goal);
    return verdict;
  }
}

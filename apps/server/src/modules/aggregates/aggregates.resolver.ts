import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { SchoolFilter } from '../school/school.inputs.js';
import { TeacherFilter } from '../teacher/teacher.inputs.js';
import { AggregateRow, SchoolDimension, TeacherDimension } from './aggregates.types.js';

@Resolver()
export class AggregatesResolver {
  @Query(() => [AggregateRow], {
    description:
      "教师统计：按 1–3 个维度分组计数与占比（查看范围内，与 teachers 列表同一筛选）/ Teachers counted by 1–3 dimensions, with shares, within the viewer's scope and the same filter as the teachers list",
  })
  teacherAggregates(
    @Ctx() ctx: Context,
    @Arg('groupBy', () => [TeacherDimension], {
      description: '分组维度，如 [DISTRICT, DEGREE] / Dimensions, e.g. [DISTRICT, DEGREE]',
    })
    groupBy: TeacherDimension[],
    @Arg('filter', () => TeacherFilter, { nullable: true, description: '筛选条件 / Filter' }) filter?: TeacherFilter,
  ) {
    return ctx.services.aggregates.teachers(ctx, groupBy, filter);
  }

  @Query(() => [AggregateRow], {
    description:
      "学校统计：按 1–3 个维度分组计数、在校生合计与占比（查看范围内）/ Schools counted by 1–3 dimensions, with student totals and shares, within the viewer's scope",
  })
  schoolAggregates(
    @Ctx() ctx: Context,
    @Arg('groupBy', () => [SchoolDimension], { description: '分组维度 / Dimensions' }) groupBy: SchoolDimension[],
    @Arg('filter', () => SchoolFilter, { nullable: true, description: '筛选条件 / Filter' }) filter?: SchoolFilter,
  ) {
    return ctx.services.aggregates.schools(ctx, groupBy, filter);
  }
}

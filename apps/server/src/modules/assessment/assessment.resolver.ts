import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { neighbourSchool } from '../../auth/neighbour.js';
import type { Context } from '../../context.js';
import { ConnectionArgs } from '../../common/connection.js';
import { District } from '../district/district.entity.js';
import { Town } from '../town/town.entity.js';
import { School } from '../school/school.entity.js';
import { Assessment, AssessmentIndicator } from './assessment.entity.js';
import { AssessmentIndicatorKind } from './assessment.enums.js';
import {
  AssessmentFilter,
  AssessmentIndicatorInput,
  AssessmentOrder,
  CreateAssessmentInput,
} from './assessment.inputs.js';
import { indicatorsLoader } from './assessment.service.js';
import { AssessmentConnection } from './assessment.types.js';

const FILTER = {
  nullable: true,
  description: '筛选条件（省略则不筛选）/ Filter conditions; omit to list everything in scope',
} as const;
const ORDER = {
  nullable: true,
  description: '排序方式（省略时按评价期间升序）/ Sort order; by period, ascending, when omitted',
} as const;
const ASSESSMENT_ID = { description: '评价的全局 ID / Global ID of the assessment' } as const;

@Resolver(() => Assessment)
export class AssessmentResolver {
  @Query(() => AssessmentConnection, {
    description: '学校与乡镇评价（查看范围内）/ Assessments of schools and towns within the viewer’s scope',
  })
  assessments(
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => AssessmentFilter, FILTER) filter?: AssessmentFilter,
    @Arg('orderBy', () => AssessmentOrder, ORDER) orderBy?: AssessmentOrder,
  ) {
    return ctx.services.assessment.list(ctx, filter, orderBy, args);
  }

  @Query(() => Assessment, {
    nullable: true,
    description: '按 ID 获取评价；范围外视同不存在 / An assessment by ID; out of scope reads as absent',
  })
  assessment(@Ctx() ctx: Context, @Arg('id', () => ID, ASSESSMENT_ID) id: string) {
    return ctx.services.assessment.getByGlobalId(ctx, id);
  }

  @FieldResolver(() => School, {
    nullable: true,
    description: '被评价的学校（乡镇评价为空）/ The school assessed; null for a town',
  })
  school(@Root() row: Assessment, @Ctx() ctx: Context) {
    return neighbourSchool(ctx, row.schoolId);
  }

  @FieldResolver(() => Town, {
    description: '被评价的乡镇，或被评价学校所在乡镇 / The town assessed, or the assessed school’s town',
  })
  town(@Root() row: Assessment, @Ctx() ctx: Context) {
    return ctx.loaders.town.load(row.townId);
  }

  @FieldResolver(() => District, { description: '所属区县 / The district' })
  district(@Root() row: Assessment, @Ctx() ctx: Context) {
    return ctx.loaders.district.load(row.districtId);
  }

  @FieldResolver(() => [AssessmentIndicator], { description: '各项指标取值 / Indicator values' })
  indicators(@Root() row: Assessment, @Ctx() ctx: Context) {
    return indicatorsLoader(ctx).load(row.id);
  }

  @FieldResolver(() => AssessmentIndicator, {
    nullable: true,
    description: '某一指标的取值（未记录为空）/ The value of one indicator; null when not recorded',
  })
  async indicator(
    @Root() row: Assessment,
    @Ctx() ctx: Context,
    @Arg('kind', () => AssessmentIndicatorKind, { description: '指标 / Indicator' }) kind: AssessmentIndicatorKind,
  ) {
    return (await indicatorsLoader(ctx).load(row.id)).find((i) => i.kind === kind) ?? null;
  }

  @Mutation(() => Assessment, {
    description:
      '新建学校或乡镇的年度评价（每对象每期一份）/ Create the assessment of a school or a town for a period; one per subject and period',
  })
  createAssessment(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateAssessmentInput, { description: '评价对象、期间与指标 / Subject, period and indicators' })
    input: CreateAssessmentInput,
  ) {
    return ctx.services.assessment.create(ctx, input);
  }

  @Mutation(() => Assessment, {
    description:
      '记录指标取值（同一指标整体替换：数值、来源、日期）/ Record indicator values; an indicator already recorded is replaced with its value, source and date',
  })
  recordAssessmentIndicators(
    @Ctx() ctx: Context,
    @Arg('assessmentId', () => ID, ASSESSMENT_ID) assessmentId: string,
    @Arg('indicators', () => [AssessmentIndicatorInput], { description: '指标取值 / Indicator values' })
    indicators: AssessmentIndicatorInput[],
  ) {
    return ctx.services.assessment.recordIndicators(ctx, assessmentId, indicators);
  }

  @Mutation(() => Assessment, { description: '删除一项指标取值 / Remove one indicator value' })
  removeAssessmentIndicator(
    @Ctx() ctx: Context,
    @Arg('assessmentId', () => ID, ASSESSMENT_ID) assessmentId: string,
    @Arg('kind', () => AssessmentIndicatorKind, { description: '要删除的指标 / The indicator to remove' })
    kind: AssessmentIndicatorKind,
  ) {
    return ctx.services.assessment.removeIndicator(ctx, assessmentId, kind);
  }

  @Mutation(() => ID, {
    description:
      '删除评价及其指标取值；返回被删除的 ID / Delete an assessment with its indicator values; returns its ID',
  })
  deleteAssessment(@Ctx() ctx: Context, @Arg('id', () => ID, ASSESSMENT_ID) id: string) {
    return ctx.services.assessment.delete(ctx, id);
  }
}

/** town.assessments, kept in this module so the town resolver stays untouched. */
@Resolver(() => Town)
export class TownAssessmentsResolver {
  @FieldResolver(() => AssessmentConnection, {
    description:
      '本镇及其学校的评价（查看范围内）/ Assessments of this town and its schools, within the viewer’s scope',
  })
  assessments(
    @Root() town: Town,
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => AssessmentFilter, FILTER) filter?: AssessmentFilter,
    @Arg('orderBy', () => AssessmentOrder, ORDER) orderBy?: AssessmentOrder,
  ) {
    return ctx.services.assessment.pageForParent(ctx, 'townId', town.id, filter, orderBy, args);
  }
}

/** school.assessments (一校一评). */
@Resolver(() => School)
export class SchoolAssessmentsResolver {
  @FieldResolver(() => AssessmentConnection, { description: '本校评价 / This school’s assessments' })
  assessments(
    @Root() school: School,
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => AssessmentFilter, FILTER) filter?: AssessmentFilter,
    @Arg('orderBy', () => AssessmentOrder, ORDER) orderBy?: AssessmentOrder,
  ) {
    return ctx.services.assessment.pageForParent(ctx, 'schoolId', school.id, filter, orderBy, args);
  }
}

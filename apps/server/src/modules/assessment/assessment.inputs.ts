import { Field, Float, ID, InputType, registerEnumType } from 'type-graphql';

import { ArrayMaxSize, IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { OrderDirection } from '../../common/connection.js';
import { AssessmentIndicatorKind, AssessmentSubjectKind } from './assessment.enums.js';
import { DateScalar } from '../../common/scalars.js';

export const PERIOD = /^\d{4}$/;

@InputType({ description: '评价筛选 / Assessment filter' })
export class AssessmentFilter {
  @Field(() => ID, { nullable: true, description: '所属区县 / District' })
  districtId?: string;

  @Field(() => ID, {
    nullable: true,
    description: '乡镇（含该镇本身及其学校的评价）/ Town: assessments of the town itself and of its schools',
  })
  townId?: string;

  @Field(() => ID, { nullable: true, description: '学校 / School' })
  schoolId?: string;

  @Field(() => AssessmentSubjectKind, { nullable: true, description: '评价对象类别 / School or town assessments' })
  subjectKind?: AssessmentSubjectKind;

  @Field({ nullable: true, description: '评价期间（公历年度 YYYY）/ Period, the calendar year YYYY' })
  @Matches(PERIOD, { message: 'must be a year, YYYY' })
  period?: string;
}

export enum AssessmentOrderField {
  PERIOD = 'PERIOD',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(AssessmentOrderField, {
  name: 'AssessmentOrderField',
  description: '评价排序字段 / Assessment sort field',
  valuesConfig: {
    PERIOD: { description: '按评价期间 / By period' },
    CREATED_AT: { description: '按创建时间 / By creation time' },
  },
});

@InputType({ description: '评价排序 / Assessment ordering' })
export class AssessmentOrder {
  @Field(() => AssessmentOrderField, { description: '排序字段 / Field to sort by' })
  field: AssessmentOrderField;

  @Field(() => OrderDirection, {
    defaultValue: OrderDirection.ASC,
    description: '排序方向（默认升序）/ Sort direction; ascending by default',
  })
  direction: OrderDirection;
}

export const ASSESSMENT_SORT_PROPERTIES: Record<AssessmentOrderField, string> = {
  PERIOD: 'period',
  CREATED_AT: 'createdAt',
};

@InputType({
  description:
    '一项指标的取值：数值类填 value，是否类填 booleanValue / One indicator value: value for numeric indicators, booleanValue for yes/no ones',
})
export class AssessmentIndicatorInput {
  @Field(() => AssessmentIndicatorKind, { description: '指标 / Indicator' })
  kind: AssessmentIndicatorKind;

  @Field(() => Float, {
    nullable: true,
    description: '数值（比例 0–1、评分 0–100 或非负整数）/ Numeric value: a 0–1 share, a 0–100 score or a count',
  })
  value?: number | null;

  @Field(() => Boolean, { nullable: true, description: '是否类指标的取值 / Value of a yes/no indicator' })
  booleanValue?: boolean | null;

  @Field({ description: '数据来源 / Source of the value' })
  @Length(2, 200)
  source: string;

  @Field(() => DateScalar, {
    description: '测量或采集日期（不能晚于今天）/ When it was measured; not in the future',
  })
  measuredOn: string;
}

@InputType({
  description: '新建评价：学校或乡镇二选一 / New assessment of exactly one subject: a school or a town',
})
export class CreateAssessmentInput {
  @Field(() => ID, { nullable: true, description: '被评价的学校（与 townId 二选一）/ The school assessed; or townId' })
  schoolId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: '被评价的乡镇（与 schoolId 二选一）/ The town assessed; or schoolId',
  })
  townId?: string | null;

  @Field({ description: '评价期间：公历年度 YYYY / Period: the calendar year, YYYY' })
  @Matches(PERIOD, { message: 'must be a year, YYYY' })
  period: string;

  @Field(() => String, { nullable: true, description: '备注 / Notes' })
  @IsOptional()
  @Length(1, 4000)
  notes?: string | null;

  @Field(() => [AssessmentIndicatorInput], {
    nullable: true,
    description: '指标取值（每项指标至多一条）/ Indicator values, at most one per indicator',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested()
  indicators?: AssessmentIndicatorInput[];
}

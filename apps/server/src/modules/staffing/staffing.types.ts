import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SchoolStage } from '../school/school.enums.js';

export enum StaffingIndicatorKind {
  BACKBONE_COUNTY_OR_ABOVE = 'BACKBONE_COUNTY_OR_ABOVE',
  BACHELOR_OR_ABOVE = 'BACHELOR_OR_ABOVE',
  ASSOCIATE_OR_ABOVE = 'ASSOCIATE_OR_ABOVE',
}
registerEnumType(StaffingIndicatorKind, {
  name: 'StaffingIndicatorKind',
  description: '师资指标 / Staffing indicator',
  valuesConfig: {
    BACKBONE_COUNTY_OR_ABOVE: {
      description: '县级及以上骨干教师比例（各学段）/ Share of county-or-above backbone teachers (all stages)',
    },
    BACHELOR_OR_ABOVE: {
      description: '本科及以上学历教师比例（中小学）/ Share of bachelor-or-above teachers (primary, junior, nine-year)',
    },
    ASSOCIATE_OR_ABOVE: {
      description: '专科及以上学历教师比例（幼儿园）/ Share of associate-or-above teachers (kindergarten)',
    },
  },
});

export enum BaselineScope {
  DISTRICT = 'DISTRICT',
  CITY = 'CITY',
  NONE = 'NONE',
}
registerEnumType(BaselineScope, {
  name: 'BaselineScope',
  description: '城区基准的来源 / Where the urban baseline comes from',
  valuesConfig: {
    DISTRICT: { description: '本区县同学段城区学校 / Urban schools of the same district and stage' },
    CITY: {
      description:
        "本区县无该学段城区学校（或无专任教师），改用全市同学段城区学校 / No urban school of the stage in the district: the city's urban schools of the stage",
    },
    NONE: {
      description: '全市都没有该学段城区学校，无法比较 / No urban school of the stage anywhere: no comparison possible',
    },
  },
});

@ObjectType({ description: '一组专任教师计数 / Counts of full-time teachers' })
export class StaffingCounts {
  @Field(() => Int, { description: '学校数 / Schools counted' })
  schoolCount: number;

  @Field(() => Int, { description: '专任教师数 / Full-time teachers' })
  fullTimeTeachers: number;

  @Field(() => Int, { description: '符合指标的专任教师数 / Full-time teachers meeting the indicator' })
  count: number;

  @Field(() => Float, {
    nullable: true,
    description: '比例（无专任教师时为空）/ Share, null when there are no full-time teachers',
  })
  share: number | null;
}

@ObjectType({ description: '城区基准 / The urban baseline an indicator is compared with' })
export class StaffingBaseline extends StaffingCounts {
  @Field(() => BaselineScope, { description: '基准来源 / Where the baseline comes from' })
  scope: BaselineScope;
}

@ObjectType({
  description: '某学段的一项师资指标及其城区基准 / One staffing indicator for one stage, with its urban baseline',
})
export class StaffingIndicator {
  @Field(() => StaffingIndicatorKind, { description: '指标 / Indicator' })
  indicator: StaffingIndicatorKind;

  @Field(() => SchoolStage, { description: '学段 / Stage' })
  stage: SchoolStage;

  @Field(() => StaffingCounts, { description: "本对象的数值 / The subject's own figures" })
  value: StaffingCounts;

  @Field(() => StaffingBaseline, {
    description: '同区县同学段城区基准 / Urban baseline of the same district and stage',
  })
  baseline: StaffingBaseline;

  @Field(() => Boolean, {
    nullable: true,
    description:
      '是否不低于城区基准（无数据时为空）/ Whether the share is not below the baseline; null when either side has no teachers',
  })
  meetsBaseline: boolean | null;
}

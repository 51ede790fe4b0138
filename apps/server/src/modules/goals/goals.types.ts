import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { School } from '../school/school.entity.js';
import { Town } from '../town/town.entity.js';
import { District } from '../district/district.entity.js';
import { connectionTypes } from '../../common/connection.js';

export enum ProgrammeGoal {
  CONDITIONS = 'CONDITIONS',
  QUALITY = 'QUALITY',
  STAFFING = 'STAFFING',
  ENVIRONMENT = 'ENVIRONMENT',
  SUPPORT = 'SUPPORT',
  SATISFACTION = 'SATISFACTION',
}
registerEnumType(ProgrammeGoal, {
  name: 'ProgrammeGoal',
  description: "强镇筑基六项行动目标 / The programme's six goals",
  valuesConfig: {
    CONDITIONS: {
      description: '优化学校办学条件：无逾期未完成的整改项 / Conditions: no rectification item open past its deadline',
    },
    QUALITY: {
      description:
        '提高学校育人质量：与城区优质学校学业差异率低于阈值，课程开齐开足 / Quality: academic difference rate below the threshold, full curriculum',
    },
    STAFFING: {
      description:
        '科学调节师资配备：各项师资比例不低于同区县同学段城区学校 / Staffing: every staffing share not below the urban baseline',
    },
    ENVIRONMENT: {
      description: '营造温馨校园环境：环境评估得分达到阈值 / Environment: assessment score at or above the threshold',
    },
    SUPPORT: {
      description:
        '常态开展联动帮扶：牵头有效的托管或共同体，且每月开展联合教研 / Support: leads an active trusteeship or group, with joint research every month',
    },
    SATISFACTION: {
      description:
        '切实增进社会满意：家长、学生满意度达到阈值，本地就读比例逐年提高 / Satisfaction: parents and students at or above the threshold, local enrolment rising',
    },
  },
});

@ObjectType({ description: '判定所依据的一项数据 / One input a verdict rests on' })
export class GoalInput {
  @Field({ description: '数据项名称 / What the figure is' })
  name: string;

  @Field(() => String, { nullable: true, description: '数值 / The value (null when missing)' })
  value: string | null;

  @Field(() => String, { nullable: true, description: '比较基准 / What it is compared with' })
  baseline: string | null;

  @Field(() => String, { nullable: true, description: '阈值 / The threshold' })
  threshold: string | null;

  @Field(() => String, { nullable: true, description: '期间 / The period it covers' })
  period: string | null;

  @Field(() => String, { nullable: true, description: '来源 / Where it comes from' })
  source: string | null;
}

@ObjectType({ description: "一所镇驻地学校对某目标的判定 / One town-seat school's verdict on a goal" })
export class SchoolGoalVerdict {
  @Field(() => School, { description: '学校 / The school' })
  school: School;

  @Field({ description: '是否达成 / Whether it meets the goal' })
  met: boolean;

  @Field(() => String, { nullable: true, description: '未达成的原因（中文）/ Why not, in Chinese; null when met' })
  reason: string | null;

  @Field(() => String, { nullable: true, description: '未达成的原因（英文）/ Why not, in English; null when met' })
  reasonEn: string | null;

  @Field(() => [GoalInput], { description: '依据 / The inputs' })
  inputs: GoalInput[];
}

@ObjectType({
  description:
    "一个乡镇对某目标的判定：其镇驻地学校都达成才算达成 / A town's verdict on one goal: met when all its town-seat schools meet it",
})
export class GoalVerdict {
  @Field(() => ProgrammeGoal, { description: '目标 / The goal' })
  goal: ProgrammeGoal;

  @Field({ description: '是否达成 / Whether the town meets it' })
  met: boolean;

  @Field(() => String, { nullable: true, description: '未达成的原因（中文）/ Why not, in Chinese; null when met' })
  reason: string | null;

  @Field(() => String, { nullable: true, description: '未达成的原因（英文）/ Why not, in English; null when met' })
  reasonEn: string | null;

  @Field(() => [GoalInput], { description: '全部镇驻地学校的依据 / Inputs of all town-seat schools' })
  inputs: GoalInput[];

  @Field(() => [SchoolGoalVerdict], { description: "各镇驻地学校的判定 / Each town-seat school's verdict" })
  schools: SchoolGoalVerdict[];
}

@ObjectType({ description: "一个乡镇在某期间的六项目标达成情况 / A town's attainment of the six goals in a period" })
export class TownGoalAttainment {
  @Field(() => Town, { description: '乡镇 / The town' })
  town: Town;

  @Field({ description: '期间（年份）/ The period (a year, YYYY)' })
  period: string;

  @Field({ description: '是否六项全部达成 / Whether the town meets all six goals' })
  meetsAll: boolean;

  @Field(() => Int, { description: '达成的目标数（0–6）/ How many of the six goals the town meets' })
  goalsMet: number;

  @Field(() => [GoalVerdict], { description: '六项目标 / The six goals' })
  goals: GoalVerdict[];
}

export const { ConnectionType: TownGoalAttainmentConnection } = connectionTypes(
  TownGoalAttainment,
  'TownGoalAttainment',
  '乡镇目标达成',
);

@ObjectType({ description: '某目标达成的乡镇数 / How many towns meet one goal' })
export class GoalCount {
  @Field(() => ProgrammeGoal, { description: '目标 / The goal' })
  goal: ProgrammeGoal;

  @Field(() => Int, { description: '达成的乡镇数 / Towns meeting it' })
  townsMeeting: number;

  @Field(() => Float, { nullable: true, description: '达成比例 / Share of towns meeting it' })
  share: number | null;
}

@ObjectType({ description: "某区县的达成情况 / One district's figures" })
export class DistrictAttainment {
  @Field(() => District, { description: '区县 / The district' })
  district: District;

  @Field(() => Int, { description: '纳入行动的乡镇数 / Programme towns' })
  townCount: number;

  @Field(() => Int, { description: '六项全部达成的乡镇数 / Towns meeting all six goals' })
  townsMeetingAll: number;

  @Field(() => Float, {
    nullable: true,
    description: '全部达成比例（无评估数据的年份为空）/ Share meeting all six; null for a year with no assessments',
  })
  shareMeetingAll: number | null;

  @Field({ description: '该年是否有评估数据 / Whether the year has any assessment data' })
  hasData: boolean;
}

@ObjectType({ description: '某一年的达成比例 / The share meeting all goals in one year' })
export class PeriodShare {
  @Field({ description: '年份 / The year' })
  period: string;

  @Field(() => Int, { description: '乡镇数 / Programme towns' })
  townCount: number;

  @Field(() => Int, { description: '六项全部达成的乡镇数 / Towns meeting all six goals' })
  townsMeetingAll: number;

  @Field(() => Float, {
    nullable: true,
    description: '全部达成比例（无评估数据的年份为空）/ Share meeting all six; null for a year with no assessments',
  })
  shareMeetingAll: number | null;

  @Field({ description: '该年是否有评估数据 / Whether the year has any assessment data' })
  hasData: boolean;
}

@ObjectType({ description: '全市或某区县的目标达成汇总 / Goal attainment summary for the city or a district' })
export class ProgrammeSummary {
  /** the district asked about, for the trend resolver; not a field */
  districtScope?: string;

  @Field({ description: '期间（年份）/ The period (YYYY)' })
  period: string;

  @Field(() => Int, { description: "纳入行动的乡镇数（查看范围内）/ Programme towns within the viewer's scope" })
  townCount: number;

  @Field(() => Int, { description: '六项全部达成的乡镇数 / Towns meeting all six goals' })
  townsMeetingAll: number;

  @Field(() => Float, {
    nullable: true,
    description:
      '全部达成比例（无评估数据时为空）/ Share of towns meeting all six goals; null when the period has no assessments',
  })
  shareMeetingAll: number | null;

  @Field({
    description:
      '该期间是否有评估数据；没有时不作判定，而非各乡镇均未达成 / Whether the period has assessment data; without it nothing is judged, rather than every town failing',
  })
  hasData: boolean;

  @Field(() => Float, { description: '目标比例（默认 80%）/ The target share (80% by default)' })
  target: number;

  @Field({ description: '是否达到目标比例 / Whether the share reaches the target' })
  meetsTarget: boolean;

  @Field(() => [GoalCount], { description: '各目标达成的乡镇数 / Towns meeting each goal' })
  goals: GoalCount[];

  @Field(() => [DistrictAttainment], { description: '按区县 / Per district' })
  districts: DistrictAttainment[];

  @Field(() => [TownGoalAttainment], {
    description: "各乡镇的判定（可点开查看依据）/ Each town's verdicts, with their inputs",
  })
  towns: TownGoalAttainment[];
}

import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { OrderDirection } from '../../common/connection.js';
import { ActionLine, TownPlanState } from './plan.enums.js';

@InputType({ description: '推进方案筛选 / Town plan filter' })
export class TownPlanFilter {
  @Field(() => ID, { nullable: true, description: '所属区县 / District' })
  districtId?: string;

  @Field(() => ID, { nullable: true, description: '乡镇 / Town' })
  townId?: string;

  @Field(() => Int, { nullable: true, description: '年度 / Year' })
  year?: number;

  @Field(() => TownPlanState, { nullable: true, description: '审核状态 / Review state' })
  state?: TownPlanState;

  @Field({
    nullable: true,
    description:
      '是否逾期报送（首次报送晚于截止日，或未报送且已过截止日）/ Late: first submitted after the due date, or not submitted and past it',
  })
  late?: boolean;

  @Field(() => ActionLine, {
    nullable: true,
    description: '涉及该提升行动的方案 / Plans with a measure serving this action line',
  })
  actionLine?: ActionLine;
}

export enum TownPlanOrderField {
  YEAR = 'YEAR',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(TownPlanOrderField, {
  name: 'TownPlanOrderField',
  description: '推进方案排序字段 / Town plan sort field',
  valuesConfig: {
    YEAR: { description: '按年度 / By year' },
    CREATED_AT: { description: '按创建时间 / By creation time' },
    UPDATED_AT: { description: '按最后修改时间 / By last change' },
  },
});

@InputType({ description: '推进方案排序 / Town plan ordering' })
export class TownPlanOrder {
  @Field(() => TownPlanOrderField, { description: '排序字段 / Field to sort by' })
  field: TownPlanOrderField;

  @Field(() => OrderDirection, {
    defaultValue: OrderDirection.ASC,
    description: '排序方向（默认升序）/ Sort direction; ascending by default',
  })
  direction: OrderDirection;
}

export const TOWN_PLAN_SORT_PROPERTIES: Record<TownPlanOrderField, string> = {
  YEAR: 'year',
  CREATED_AT: 'createdAt',
  UPDATED_AT: 'updatedAt',
};

@InputType({ description: '方案中的一条措施 / One measure of a plan' })
export class PlanMeasureInput {
  @Field({ description: '措施内容 / What will be done' })
  @Length(2, 2000)
  text: string;

  @Field(() => [ActionLine], { description: '服务的提升行动（至少一项）/ Action lines it serves, at least one' })
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  actionLines: ActionLine[];
}

const SPECIFIC = (zh: string, en: string) => ({
  nullable: true,
  description: `${zh}（报送时必填；null 清空）/ ${en}; required to submit, null clears it`,
});

/** The editable content of a plan; all of it may be incomplete while drafting. */
@InputType({ description: '推进方案内容（省略的字段不变）/ Plan content; omitted fields stay' })
export class TownPlanContentInput {
  @Field(() => String, SPECIFIC('提升目标', 'Targets'))
  @IsOptional()
  @Length(1, 20000)
  targets?: string | null;

  @Field(() => String, SPECIFIC('路径措施', 'Measures'))
  @IsOptional()
  @Length(1, 20000)
  measures?: string | null;

  @Field(() => String, SPECIFIC('责任分工', 'Responsibilities'))
  @IsOptional()
  @Length(1, 20000)
  responsibilities?: string | null;

  @Field(() => String, SPECIFIC('预期工作成效', 'Expected outcomes'))
  @IsOptional()
  @Length(1, 20000)
  expectedOutcomes?: string | null;

  @Field(() => [PlanMeasureInput], {
    nullable: true,
    description: '逐条措施（整体替换）/ The measures with their action lines; replaces the whole list',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested()
  measureItems?: PlanMeasureInput[];
}

@InputType({ description: '新建推进方案（草稿）/ New town plan, a draft' })
export class CreateTownPlanInput extends TownPlanContentInput {
  @Field(() => ID, { description: '乡镇 / Town' })
  townId: string;

  @Field(() => Int, { description: '年度（每镇每年一份）/ Year; one plan per town per year' })
  @Min(2021)
  @Max(2100)
  year: number;
}

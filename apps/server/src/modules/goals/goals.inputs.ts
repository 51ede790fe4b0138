import { Field, InputType, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../../common/connection.js';
import { TownFilter } from '../town/town.inputs.js';
import { ProgrammeGoal } from './goals.types.js';

@InputType({
  description:
    '乡镇目标达成筛选：乡镇条件加判定条件 / Town goal filter: the town conditions plus conditions on the verdicts',
})
export class TownGoalFilter extends TownFilter {
  @Field({
    nullable: true,
    description: '是否六项全部达成 / Whether the town meets all six goals',
  })
  meetsAll?: boolean;

  @Field(() => ProgrammeGoal, {
    nullable: true,
    description: '未达成该目标的乡镇 / Towns falling short of this goal',
  })
  failingGoal?: ProgrammeGoal;
}

export enum TownGoalOrderField {
  CODE = 'CODE',
  NAME = 'NAME',
  GOALS_MET = 'GOALS_MET',
}
registerEnumType(TownGoalOrderField, {
  name: 'TownGoalOrderField',
  description: '乡镇目标达成排序字段 / Town goal attainment sort field',
  valuesConfig: {
    CODE: { description: '按区划代码 / By division code' },
    NAME: { description: '按名称（拼音）/ By name, in pinyin order' },
    GOALS_MET: { description: '按达成目标数 / By the number of goals met' },
  },
});

@InputType({ description: '乡镇目标达成排序 / Town goal attainment ordering' })
export class TownGoalOrder {
  @Field(() => TownGoalOrderField, { description: '排序字段 / Field to sort by' })
  field: TownGoalOrderField;

  @Field(() => OrderDirection, {
    defaultValue: OrderDirection.ASC,
    description: '排序方向（默认升序）/ Sort direction; ascending by default',
  })
  direction: OrderDirection;
}

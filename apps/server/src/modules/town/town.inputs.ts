import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { IsOptional, Length, Matches } from 'class-validator';
import { OrderDirection } from '../../common/connection.js';
import { PilotLevel, TownKind } from './town.enums.js';

@InputType({ description: '乡镇筛选 / Town filter' })
export class TownFilter {
  @Field(() => ID, { nullable: true, description: '所属区县 / District' })
  districtId?: string;

  @Field(() => TownKind, { nullable: true, description: '类别 / Kind' })
  kind?: TownKind;

  @Field({ nullable: true, description: '是否纳入强镇筑基 / In the programme' })
  inProgramme?: boolean;

  @Field(() => PilotLevel, { nullable: true, description: '试点级别 / Pilot level' })
  pilotLevel?: PilotLevel;

  @Field({ nullable: true, description: '按名称或代码搜索 / Search by name or code' })
  @Length(1, 50)
  search?: string;
}

export enum TownOrderField {
  NAME = 'NAME',
  CODE = 'CODE',
}
registerEnumType(TownOrderField, {
  name: 'TownOrderField',
  description: '乡镇排序字段 / Town sort field',
  valuesConfig: {
    NAME: { description: '按名称 / By name' },
    CODE: { description: '按区划代码 / By division code' },
  },
});

@InputType({ description: '乡镇排序 / Town ordering' })
export class TownOrder {
  @Field(() => TownOrderField, { description: '排序字段 / Field to sort by' })
  field: TownOrderField;

  @Field(() => OrderDirection, {
    defaultValue: OrderDirection.ASC,
    description: '排序方向（默认升序）/ Sort direction; ascending by default',
  })
  direction: OrderDirection;
}

export const TOWN_SORT_PROPERTIES: Record<TownOrderField, string> = { NAME: 'name', CODE: 'code' };

@InputType({ description: '新建乡镇 / New town' })
export class CreateTownInput {
  @Field({ description: '9 位区划代码，前 6 位为区县代码 / 9-digit NBS code starting with the district code' })
  @Matches(/^\d{9}$/, { message: 'must be 9 digits' })
  code: string;

  @Field({ description: '名称 / Name' })
  @Length(2, 64)
  name: string;

  @Field(() => TownKind, { description: '类别 / Kind' })
  kind: TownKind;

  @Field(() => ID, { description: '所属区县 / District' })
  districtId: string;

  @Field(() => PilotLevel, { nullable: true, description: '试点镇级别（默认非试点）/ Pilot level; NONE by default' })
  pilotLevel?: PilotLevel;

  @Field({
    nullable: true,
    description: '是否纳入强镇筑基行动（默认否）/ Whether the programme covers this town; false by default',
  })
  inProgramme?: boolean;
}

@InputType({ description: '修改乡镇（省略的字段不变）/ Town changes; omitted fields stay as they are' })
export class UpdateTownInput {
  @Field({ nullable: true, description: '名称 / Name' })
  @IsOptional()
  @Length(2, 64)
  name?: string;

  @Field(() => TownKind, { nullable: true, description: '类别 / Kind' })
  kind?: TownKind;

  @Field(() => PilotLevel, { nullable: true, description: '试点镇级别 / Pilot level' })
  pilotLevel?: PilotLevel;

  @Field({ nullable: true, description: '是否纳入强镇筑基行动 / Whether the programme covers this town' })
  inProgramme?: boolean;
}

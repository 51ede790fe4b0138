import { Field, InputType, registerEnumType } from 'type-graphql';
import { IsOptional, Length, Matches } from 'class-validator';
import { OrderDirection } from '../../common/connection.js';
import { DistrictKind } from './district.enums.js';

@InputType({ description: '区县筛选 / District filter' })
export class DistrictFilter {
  @Field(() => DistrictKind, { nullable: true, description: '类别 / Kind' })
  kind?: DistrictKind;

  @Field({ nullable: true, description: '按名称或代码搜索 / Search by name or code' })
  @Length(1, 50)
  search?: string;
}

export enum DistrictOrderField {
  NAME = 'NAME',
  CODE = 'CODE',
}
registerEnumType(DistrictOrderField, {
  name: 'DistrictOrderField',
  description: '区县排序字段 / District sort field',
  valuesConfig: {
    NAME: { description: '按名称 / By name' },
    CODE: { description: '按区划代码 / By division code' },
  },
});

@InputType({ description: '区县排序 / District ordering' })
export class DistrictOrder {
  @Field(() => DistrictOrderField, { description: '排序字段 / Field to sort by' })
  field: DistrictOrderField;

  @Field(() => OrderDirection, {
    defaultValue: OrderDirection.ASC,
    description: '排序方向（默认升序）/ Sort direction; ascending by default',
  })
  direction: OrderDirection;
}

export const DISTRICT_SORT_PROPERTIES: Record<DistrictOrderField, string> = { NAME: 'name', CODE: 'code' };

@InputType({ description: '新建区县 / New district' })
export class CreateDistrictInput {
  @Field({ description: '6 位区划代码 / 6-digit NBS code' })
  @Matches(/^\d{6}$/, { message: 'must be 6 digits' })
  code: string;

  @Field({ description: '名称 / Name' })
  @Length(2, 64)
  name: string;

  @Field(() => DistrictKind, { description: '类别 / Kind' })
  kind: DistrictKind;
}

@InputType({ description: '修改区县（省略的字段不变）/ District changes; omitted fields stay as they are' })
export class UpdateDistrictInput {
  @Field({ nullable: true, description: '6 位区划代码 / 6-digit NBS code' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'must be 6 digits' })
  code?: string;

  @Field({ nullable: true, description: '名称 / Name' })
  @IsOptional()
  @Length(2, 64)
  name?: string;

  @Field(() => DistrictKind, { nullable: true, description: '类别 / Kind' })
  kind?: DistrictKind;
}

import { Column, Entity, Index } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { BaseRecord } from '../../common/base.entity.js';
import { Node } from '../node/node.type.js';
import { DistrictKind } from './district.enums.js';

@ObjectType('District', {
  implements: Node,
  description: '区县（区、县、功能区）/ A county-level division: district, county or functional zone',
})
@Entity('district')
@Index(['name', 'id'])
@Index(['code', 'id'])
export class District extends BaseRecord {
  @Field({ description: '6 位统计用区划代码 / 6-digit NBS division code' })
  @Column({ type: 'varchar', length: 6, unique: true })
  code: string;

  @Field({ description: '名称 / Name' })
  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Field(() => DistrictKind, { description: '类别 / Kind' })
  @Column({ type: 'enum', enum: DistrictKind, enumName: 'district_kind' })
  @Index()
  kind: DistrictKind;
}

import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { BaseRecord } from '../../common/base.entity.js';
import { Node } from '../node/node.type.js';
import { District } from '../district/district.entity.js';
import { PilotLevel, TownKind } from './town.enums.js';

@ObjectType('Town', {
  implements: Node,
  description: '乡镇级区划（镇、乡、街道）/ A town-level unit: town, township or subdistrict',
})
@Entity('town')
@Index(['name', 'id'])
@Index(['code', 'id'])
@Index(['districtId', 'name', 'id'])
export class Town extends BaseRecord {
  @Field({ description: '9 位统计用区划代码 / 9-digit NBS division code' })
  @Column({ type: 'varchar', length: 9, unique: true })
  code: string;

  @Field({ description: '名称 / Name' })
  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Field(() => TownKind, { description: '类别 / Kind' })
  @Column({ type: 'enum', enum: TownKind, enumName: 'town_kind' })
  @Index()
  kind: TownKind;

  @Column({ type: 'uuid' })
  districtId: string;

  @ManyToOne(() => District, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'district_id' })
  district?: Relation<District>;

  @Field(() => PilotLevel, { description: '试点镇级别 / Pilot level' })
  @Column({ type: 'enum', enum: PilotLevel, enumName: 'pilot_level', default: PilotLevel.NONE })
  @Index()
  pilotLevel: PilotLevel;

  @Field({ description: '是否纳入强镇筑基行动 / Whether the programme covers this town' })
  @Column({ type: 'boolean', default: false })
  @Index()
  inProgramme: boolean;
}

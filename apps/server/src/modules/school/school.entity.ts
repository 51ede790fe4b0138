import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseRecord } from '../../common/base.entity.js';
import { Node } from '../node/node.type.js';
import { District } from '../district/district.entity.js';
import { Town } from '../town/town.entity.js';
import type { Teacher } from '../teacher/teacher.entity.js';
import { SchoolLocality, SchoolStage } from './school.enums.js';

@ObjectType('School', {
  implements: Node,
  description:
    '学校或幼儿园；经关联记录看到的范围外学校只有 id、名称、代码、区县、乡镇，其余为 null / A school or kindergarten; one outside the viewer’s scope, reached through a related record, shows only its id, name, code, district and town, the rest null',
})
@Entity('school')
@Index(['name', 'id'])
@Index(['code', 'id'])
@Index(['createdAt', 'id'])
@Index(['studentCount', 'id'])
@Index(['townId', 'name', 'id'])
@Index(['districtId', 'name', 'id'])
@Index('IDX_school_name_trgm', { synchronize: false })
export class School extends BaseRecord {
  @Field({ description: '10 位学校标识码（全国唯一）/ 10-digit national school code, unique' })
  @Column({ type: 'varchar', length: 10, unique: true })
  code: string;

  @Field({ description: '名称 / Name' })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => SchoolStage, { nullable: true, description: '学段 / Stage' })
  @Column({ type: 'enum', enum: SchoolStage, enumName: 'school_stage' })
  @Index()
  stage: SchoolStage;

  @Field(() => SchoolLocality, { nullable: true, description: '城乡分类 / Locality' })
  @Column({ type: 'enum', enum: SchoolLocality, enumName: 'school_locality' })
  @Index()
  locality: SchoolLocality;

  @Field({ nullable: true, description: "是否镇驻地学校 / Whether this is a town-seat school, the programme's focus" })
  @Column({ type: 'boolean', default: false })
  @Index()
  isTownSeat: boolean;

  @Column({ type: 'uuid' })
  townId: string;

  @ManyToOne(() => Town, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'town_id' })
  town?: Relation<Town>;

  /** Copied from the town by SchoolService so district filters and scopes need no join. */
  @Column({ type: 'uuid' })
  districtId: string;

  @ManyToOne(() => District, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'district_id' })
  district?: Relation<District>;

  @Field(() => String, { nullable: true, description: '地址 / Address' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  address: string | null;

  @Column({ type: 'uuid', nullable: true })
  @Index()
  principalId: string | null;

  @ManyToOne('Teacher', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'principal_id' })
  principal?: Relation<Teacher> | null;

  @Field(() => Int, { nullable: true, description: '在校生数 / Enrolled students' })
  @Column({ type: 'integer', default: 0 })
  studentCount: number;

  @Field(() => Int, { nullable: true, description: '班级数 / Classes' })
  @Column({ type: 'integer', default: 0 })
  classCount: number;

  @Field({ nullable: true, description: '是否寄宿制 / Boarding school' })
  @Column({ type: 'boolean', default: false })
  isBoarding: boolean;

  @Field({ nullable: true, description: '是否提供午餐 / Provides lunch' })
  @Column({ type: 'boolean', default: false })
  providesLunch: boolean;

  @Field({ nullable: true, description: '是否开通校车 / Runs a school bus' })
  @Column({ type: 'boolean', default: false })
  runsSchoolBus: boolean;

  @Field(() => Int, { nullable: true, description: '建校年份 / Year founded' })
  @Column({ type: 'smallint', nullable: true })
  foundedYear: number | null;
}

import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';

import { BaseRecord } from '../../common/base.entity.js';
import { Node } from '../node/node.type.js';
import { School } from '../school/school.entity.js';
import { BackboneLevel, Degree, Gender, Title } from './teacher.enums.js';
import { DateScalar } from '../../common/scalars.js';

@ObjectType('Teacher', {
  implements: Node,
  description:
    '教师（一所学校）；经关联记录看到的范围外教师只有 id 和姓名，其余为 null / A teacher (one school); one outside the viewer’s scope, reached through a related record, shows only id and name, the rest null',
})
@Entity('teacher')
@Index(['schoolId', 'staffNumber'], { unique: true })
@Index(['schoolId', 'name', 'id'])
@Index(['name', 'id'])
@Index(['createdAt', 'id'])
@Index('IDX_teacher_name_trgm', { synchronize: false })
export class Teacher extends BaseRecord {
  @Field({ nullable: true, description: '工号（校内唯一）/ Staff number, unique within the school' })
  @Column({ type: 'varchar', length: 32 })
  staffNumber: string;

  @Field({ description: '姓名 / Name' })
  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Field(() => Gender, { nullable: true, description: '性别 / Gender' })
  @Column({ type: 'enum', enum: Gender, enumName: 'gender' })
  gender: Gender;

  /** A teacher belongs to exactly one school; exchanges elsewhere do not change it. */
  @Column({ type: 'uuid' })
  schoolId: string;

  @ManyToOne(() => School, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'school_id' })
  school?: Relation<School>;

  @Field(() => String, { nullable: true, description: '任教学科 / Subject taught' })
  @Column({ type: 'varchar', length: 32, nullable: true })
  subject: string | null;

  @Field({
    nullable: true,
    description: '是否专任教师（师资比例只计专任）/ Full-time teacher; staffing ratios count these only',
  })
  @Column({ type: 'boolean', default: true })
  @Index()
  isFullTime: boolean;

  @Field(() => Degree, { nullable: true, description: '最高学历 / Highest degree' })
  @Column({ type: 'enum', enum: Degree, enumName: 'degree' })
  @Index()
  degree: Degree;

  @Field(() => Title, { nullable: true, description: '职称 / Professional title' })
  @Column({ type: 'enum', enum: Title, enumName: 'title', default: Title.UNRANKED })
  @Index()
  title: Title;

  @Field(() => BackboneLevel, { nullable: true, description: '骨干教师级别 / Backbone level' })
  @Column({ type: 'enum', enum: BackboneLevel, enumName: 'backbone_level', default: BackboneLevel.NONE })
  @Index()
  backboneLevel: BackboneLevel;

  @Field({ nullable: true, description: '是否名师、名校长 / Renowned teacher or principal' })
  @Column({ type: 'boolean', default: false })
  isRenowned: boolean;

  @Field(() => DateScalar, { nullable: true, description: '入职日期 / Hire date' })
  @Column({ type: 'date', nullable: true })
  hireDate: string | null;

  // Personal data. Exposed through TeacherResolver, which masks it by the viewer's scope.
  @Column({ type: 'varchar', length: 18, nullable: true })
  idNumber: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ type: 'date', nullable: true })
  birthDate: string | null;
}

import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique, type Relation } from 'typeorm';
import { Field, Float, ObjectType } from 'type-graphql';

import { BaseRecord } from '../../common/base.entity.js';
import { Node } from '../node/node.type.js';
import { District } from '../district/district.entity.js';
import { Town } from '../town/town.entity.js';
import { School } from '../school/school.entity.js';
import { AssessmentIndicatorKind, AssessmentSubjectKind } from './assessment.enums.js';
import { DateScalar } from '../../common/scalars.js';

/**
 * 一校一评 / 一镇一评: the assessment of one school or one town for one period (a calendar
 * year, `YYYY`). Its indicators are child rows, each with its own source and date, since
 * the plan's indicators come from different surveys and tests.
 */
@ObjectType('Assessment', {
  implements: Node,
  description: '学校或乡镇的年度评价（一校一评、一镇一评）/ Assessment of a school or a town for a period',
})
@Entity('assessment')
// Exactly one subject: a school assessment names its school, a town assessment none
// (town_id is then the subject; for a school it is the school's town, copied for filters).
@Check(
  'CHK_assessment_subject',
  `("subject_kind" = 'SCHOOL' AND "school_id" IS NOT NULL) OR ("subject_kind" = 'TOWN' AND "school_id" IS NULL)`,
)
@Check('CHK_assessment_period', `"period" ~ '^[0-9]{4}$'`)
@Index('UQ_assessment_school_period', ['schoolId', 'period'], { unique: true, where: '"school_id" IS NOT NULL' })
@Index('UQ_assessment_town_period', ['townId', 'period'], { unique: true, where: `"subject_kind" = 'TOWN'` })
@Index(['period', 'id'])
@Index(['createdAt', 'id'])
@Index(['districtId', 'period', 'id'])
export class Assessment extends BaseRecord {
  @Field(() => AssessmentSubjectKind, { description: '评价对象类别 / What is assessed: a school or a town' })
  @Column({ type: 'enum', enum: AssessmentSubjectKind, enumName: 'assessment_subject_kind' })
  subjectKind: AssessmentSubjectKind;

  @Column({ type: 'uuid', nullable: true })
  schoolId: string | null;

  @ManyToOne(() => School, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'school_id' })
  school?: Relation<School> | null;

  @Column({ type: 'uuid' })
  townId: string;

  @ManyToOne(() => Town, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'town_id' })
  town?: Relation<Town>;

  @Column({ type: 'uuid' })
  districtId: string;

  @ManyToOne(() => District, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'district_id' })
  district?: Relation<District>;

  @Field({ description: '评价期间：公历年度 YYYY / Period: the calendar year, YYYY' })
  @Column({ type: 'varchar', length: 4 })
  period: string;

  @Field(() => String, { nullable: true, description: '备注 / Notes' })
  @Column({ type: 'text', nullable: true })
  notes: string | null;
}

const numeric = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v == null ? null : Number(v)),
};

/** One indicator of an assessment: its value, where it came from and when it was measured. */
@ObjectType('AssessmentIndicator', {
  description: '评价指标值（含来源与日期）/ One indicator of an assessment, with its source and date',
})
@Entity('assessment_indicator')
@Unique('UQ_assessment_indicator_kind', ['assessmentId', 'kind'])
@Check('CHK_assessment_indicator_value', 'num_nonnulls("value", "boolean_value") = 1')
export class AssessmentIndicator extends BaseRecord {
  @Column({ type: 'uuid' })
  assessmentId: string;

  @ManyToOne(() => Assessment, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'assessment_id' })
  assessment?: Relation<Assessment>;

  @Field(() => AssessmentIndicatorKind, { description: '指标 / Indicator' })
  @Column({ type: 'enum', enum: AssessmentIndicatorKind, enumName: 'assessment_indicator_kind' })
  @Index()
  kind: AssessmentIndicatorKind;

  @Field(() => Float, {
    nullable: true,
    description:
      '数值（比例 0–1、评分 0–100 或计数；是否类指标为空）/ Numeric value: a 0–1 share, a 0–100 score or a count; null for yes/no indicators',
  })
  @Column({ type: 'numeric', precision: 10, scale: 4, nullable: true, transformer: numeric })
  value: number | null;

  @Field(() => Boolean, { nullable: true, description: '是否类指标的取值 / Value of a yes/no indicator' })
  @Column({ type: 'boolean', nullable: true })
  booleanValue: boolean | null;

  @Field({ description: '数据来源（如测评、问卷名称）/ Source, e.g. the test or survey' })
  @Column({ type: 'varchar', length: 200 })
  source: string;

  @Field(() => DateScalar, { description: '测量或采集日期 / When it was measured' })
  @Column({ type: 'date' })
  measuredOn: string;
}

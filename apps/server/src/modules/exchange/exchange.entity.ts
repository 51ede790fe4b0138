import { Check, Column, Entity, Exclusion, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Field, GraphQLISODateTime, ObjectType, registerEnumType } from 'type-graphql';

import { BaseRecord } from '../../common/base.entity.js';
import { Node } from '../node/node.type.js';
import { School } from '../school/school.entity.js';
import { Teacher } from '../teacher/teacher.entity.js';
import { DateScalar } from '../../common/scalars.js';

export enum TeacherExchangeKind {
  ROTATION = 'ROTATION',
  OUTREACH_TEACHING = 'OUTREACH_TEACHING',
  SUPPORT_TEACHING = 'SUPPORT_TEACHING',
}
registerEnumType(TeacherExchangeKind, {
  name: 'TeacherExchangeKind',
  description: '交流类别 / Kind of teacher exchange',
  valuesConfig: {
    ROTATION: { description: '交流轮岗 / Rotation' },
    OUTREACH_TEACHING: { description: '送教下乡 / Outreach teaching' },
    SUPPORT_TEACHING: { description: '支教 / Support teaching' },
  },
});

/**
 * Whether the teacher's home school has agreed. An exchange asked for by someone without
 * authority over the home school is PROPOSED until that authority confirms or declines it;
 * only CONFIRMED exchanges book the teacher (overlap rule, activeOn lists).
 */
export enum ExchangeConsent {
  PROPOSED = 'PROPOSED',
  CONFIRMED = 'CONFIRMED',
  DECLINED = 'DECLINED',
}
registerEnumType(ExchangeConsent, {
  name: 'ExchangeConsent',
  description: '派出学校的同意情况 / Whether the teacher’s home school has agreed to the exchange',
  valuesConfig: {
    PROPOSED: { description: '待确认：尚未占用教师 / Proposed: awaits the home school, books nothing' },
    CONFIRMED: { description: '已确认 / Confirmed by (or created by) the home school’s authority' },
    DECLINED: { description: '已拒绝：不占用教师 / Declined by the home school; books nothing' },
  },
});

/**
 * A teacher working at another school for a period. The teacher's own school
 * (`Teacher.school`) never changes; a teacher is on at most one exchange on any day.
 */
@ObjectType('TeacherExchange', {
  implements: Node,
  description: '教师交流：轮岗、送教下乡或支教 / A teacher working at another school for a period',
})
@Entity('teacher_exchange')
@Check('CHK_teacher_exchange_dates', '"end_date" IS NULL OR "end_date" >= "start_date"')
@Check('CHK_teacher_exchange_schools_differ', '"from_school_id" <> "to_school_id"')
// The database's own guarantee behind the service rule: no overlapping exchanges per teacher.
@Exclusion(
  'EXC_teacher_exchange_overlap',
  `USING gist ("teacher_id" WITH =, daterange("start_date", "end_date", '[]') WITH &&) WHERE ("consent" = 'CONFIRMED')`,
)
@Index(['startDate', 'id'])
@Index(['teacherId', 'startDate'])
@Index(['fromSchoolId', 'startDate'])
@Index(['toSchoolId', 'startDate'])
@Index(['fromDistrictId'])
@Index(['toDistrictId'])
@Index(['consent'])
export class TeacherExchange extends BaseRecord {
  @Column({ type: 'uuid' })
  teacherId: string;

  @ManyToOne(() => Teacher, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'teacher_id' })
  teacher?: Relation<Teacher>;

  @Column({ type: 'uuid' })
  fromSchoolId: string;

  @ManyToOne(() => School, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'from_school_id' })
  fromSchool?: Relation<School>;

  @Column({ type: 'uuid' })
  toSchoolId: string;

  @ManyToOne(() => School, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'to_school_id' })
  toSchool?: Relation<School>;

  /** Districts of both schools, copied so either district's admins see it without joins. */
  @Column({ type: 'uuid' })
  fromDistrictId: string;

  @Column({ type: 'uuid' })
  toDistrictId: string;

  @Field(() => TeacherExchangeKind, { description: '类别 / Kind' })
  @Column({ type: 'enum', enum: TeacherExchangeKind, enumName: 'teacher_exchange_kind' })
  @Index()
  kind: TeacherExchangeKind;

  @Field(() => DateScalar, { description: '开始日期 / Start date' })
  @Column({ type: 'date' })
  startDate: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: '结束日期（含当日）；为空表示未定 / End date, its last day; null while open',
  })
  @Column({ type: 'date', nullable: true })
  endDate: string | null;

  @Field(() => ExchangeConsent, {
    description:
      '派出学校是否同意（待确认、已确认、已拒绝）/ Whether the home school agreed: proposed, confirmed, declined',
  })
  @Column({
    type: 'enum',
    enum: ExchangeConsent,
    enumName: 'exchange_consent',
    default: ExchangeConsent.CONFIRMED,
  })
  consent: ExchangeConsent;

  /** Who confirmed or declined a proposal (null while proposed, or when created confirmed). */
  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: '确认或拒绝的时间 / When the home school confirmed or declined the proposal',
  })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  decidedAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description: '拒绝（或确认）时的说明 / The home school’s comment when it declined (or confirmed)',
  })
  @Column({ type: 'text', nullable: true })
  decisionComment: string | null;
}

import { Check, Column, Entity, Exclusion, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Field, GraphQLISODateTime, ObjectType } from 'type-graphql';

import { BaseRecord } from '../../common/base.entity.js';
import { Node } from '../node/node.type.js';
import { District } from '../district/district.entity.js';
import { School } from '../school/school.entity.js';
import {
  CollaborationGroupKind,
  GroupMemberRole,
  RelationApproval,
  TrusteeshipMeasure,
  TrusteeshipMode,
} from './collaboration.enums.js';
import { DateScalar } from '../../common/scalars.js';

/**
 * Dates are calendar days (`date`, ISO strings in and out). A time-bounded relation is
 * active on day D when `start <= D` and (`end` is null or `end >= D`): the end day is the
 * last day it holds.
 */

@ObjectType('CollaborationGroup', {
  implements: Node,
  description:
    '教育发展共同体、教育集团或学区 / An education development community, education group or school district',
})
@Entity('collaboration_group')
@Index(['name', 'id'])
@Index(['leadSchoolId'])
@Index(['districtId', 'name', 'id'])
export class CollaborationGroup extends BaseRecord {
  @Field({ description: '名称 / Name' })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => CollaborationGroupKind, { description: '类别 / Kind' })
  @Column({ type: 'enum', enum: CollaborationGroupKind, enumName: 'collaboration_group_kind' })
  @Index()
  kind: CollaborationGroupKind;

  @Column({ type: 'uuid' })
  leadSchoolId: string;

  @ManyToOne(() => School, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'lead_school_id' })
  leadSchool?: Relation<School>;

  /** The lead school's district, copied so district scopes need no join. */
  @Column({ type: 'uuid' })
  districtId: string;

  @ManyToOne(() => District, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'district_id' })
  district?: Relation<District>;

  @Field(() => String, { nullable: true, description: '简介 / Description' })
  @Column({ type: 'text', nullable: true })
  description: string | null;
}

/**
 * A relation that gives the lead school reach into another school (a membership, a
 * trusteeship) is in force only once someone with authority over that school approved it:
 * the city bureau or the other school's district bureau (docs/ACCESS.md). Who decided, and
 * when, are copied onto the row; the audit log keeps the decision too.
 */
// Registered so type-graphql copies its fields onto the subclasses; never referenced, so never emitted.
@ObjectType('ApprovedRelation', { description: '需审批的关系 / A relation that needs approval' })
export class ApprovedRelation extends BaseRecord {
  @Field(() => RelationApproval, { description: '审批状态 / Approval state' })
  @Column({ type: 'enum', enum: RelationApproval, enumName: 'relation_approval', default: RelationApproval.PENDING })
  approval: RelationApproval;

  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @Field(() => String, {
    nullable: true,
    description: '审批人（姓名，审批时记录）/ Who approved or declined it, by name at the time',
  })
  @Column({ type: 'varchar', length: 100, nullable: true })
  decidedByName: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: '审批时间 / When it was decided' })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true, description: '审批意见 / Comment given with the decision' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  decisionComment: string | null;
}

/** One school's stay in a group. Leaving closes the row; rejoining opens a new one. */
@ObjectType('GroupMembership', {
  implements: Node,
  description: "成员校在某组织中的一段成员期 / A school's membership of a group over a period",
})
@Entity('group_membership')
@Check('CHK_group_membership_dates', '"left_on" IS NULL OR "left_on" >= "joined_on"')
// A school is in a group at most once on any day (history rows never overlap; declined proposals aside).
@Exclusion(
  'EXC_group_membership_overlap',
  `USING gist ("group_id" WITH =, "school_id" WITH =, daterange("joined_on", "left_on", '[]') WITH &&) WHERE ("approval" <> 'DECLINED')`,
)
@Index(['groupId', 'joinedOn', 'id'])
@Index(['schoolId', 'joinedOn'])
export class GroupMembership extends ApprovedRelation {
  @Column({ type: 'uuid' })
  groupId: string;

  @ManyToOne(() => CollaborationGroup, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'group_id' })
  group?: Relation<CollaborationGroup>;

  @Column({ type: 'uuid' })
  schoolId: string;

  @ManyToOne(() => School, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'school_id' })
  school?: Relation<School>;

  @Field(() => GroupMemberRole, { description: '角色 / Role' })
  @Column({ type: 'enum', enum: GroupMemberRole, enumName: 'group_member_role' })
  role: GroupMemberRole;

  @Field(() => DateScalar, { description: '加入日期 / Joined on' })
  @Column({ type: 'date' })
  joinedOn: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: '退出日期（含当日）；为空表示仍在组织中 / Left on (last day); null while still a member',
  })
  @Column({ type: 'date', nullable: true })
  leftOn: string | null;
}

@ObjectType('Trusteeship', {
  implements: Node,
  description: '强校对薄弱校的托管、分校、结对或对口帮扶 / A strong school taking a partner school in hand',
})
@Entity('trusteeship')
@Check('CHK_trusteeship_schools_differ', '"lead_school_id" <> "partner_school_id"')
@Check('CHK_trusteeship_planned_end', '"planned_end_date" IS NULL OR "planned_end_date" >= "start_date"')
@Check('CHK_trusteeship_actual_end', '"actual_end_date" IS NULL OR "actual_end_date" >= "start_date"')
// The database's own guarantee behind the service rule: one full trusteeship per partner at a time
// (a declined proposal never held, so it blocks nothing).
@Exclusion(
  'EXC_trusteeship_one_full',
  `USING gist ("partner_school_id" WITH =, daterange("start_date", "actual_end_date", '[]') WITH &&) WHERE ("mode" = 'FULL_TRUSTEESHIP' AND "approval" <> 'DECLINED')`,
)
@Index(['startDate', 'id'])
@Index(['leadSchoolId', 'startDate'])
@Index(['partnerSchoolId', 'startDate'])
@Index(['partnerDistrictId', 'startDate'])
@Index(['leadDistrictId', 'startDate'])
export class Trusteeship extends ApprovedRelation {
  @Column({ type: 'uuid' })
  leadSchoolId: string;

  @ManyToOne(() => School, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'lead_school_id' })
  leadSchool?: Relation<School>;

  @Column({ type: 'uuid' })
  partnerSchoolId: string;

  @ManyToOne(() => School, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'partner_school_id' })
  partnerSchool?: Relation<School>;

  /** Districts of both schools, copied so either district's admins see it without joins. */
  @Column({ type: 'uuid' })
  leadDistrictId: string;

  @Column({ type: 'uuid' })
  partnerDistrictId: string;

  @Field(() => TrusteeshipMode, { description: '方式 / Mode' })
  @Column({ type: 'enum', enum: TrusteeshipMode, enumName: 'trusteeship_mode' })
  @Index()
  mode: TrusteeshipMode;

  @Field(() => [TrusteeshipMeasure], { description: '约定的帮扶措施 / Measures agreed' })
  @Column({ type: 'enum', enum: TrusteeshipMeasure, enumName: 'trusteeship_measure', array: true, default: '{}' })
  measures: TrusteeshipMeasure[];

  @Field(() => DateScalar, { description: '开始日期 / Start date' })
  @Column({ type: 'date' })
  startDate: string;

  @Field(() => DateScalar, { nullable: true, description: '计划结束日期 / Planned end date' })
  @Column({ type: 'date', nullable: true })
  plannedEndDate: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: '实际结束日期（含当日）/ Actual end date, its last day',
  })
  @Column({ type: 'date', nullable: true })
  actualEndDate: string | null;

  @Field(() => String, { nullable: true, description: '协议文号 / Agreement reference' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  agreementRef: string | null;

  @Field(() => String, { nullable: true, description: '备注 / Notes' })
  @Column({ type: 'text', nullable: true })
  notes: string | null;
}

/** What the lead school actually did, and when: the evidence behind `measures`. */
@ObjectType('TrusteeshipActivity', {
  implements: Node,
  description: '龙头校开展的一项帮扶活动 / One thing the lead school did for its partner',
})
@Entity('trusteeship_activity')
@Index(['trusteeshipId', 'heldOn', 'id'])
export class TrusteeshipActivity extends BaseRecord {
  @Column({ type: 'uuid' })
  trusteeshipId: string;

  @ManyToOne(() => Trusteeship, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'trusteeship_id' })
  trusteeship?: Relation<Trusteeship>;

  @Field(() => TrusteeshipMeasure, { description: '措施 / Measure' })
  @Column({ type: 'enum', enum: TrusteeshipMeasure, enumName: 'trusteeship_measure' })
  measure: TrusteeshipMeasure;

  @Field(() => DateScalar, { description: '日期 / Date' })
  @Column({ type: 'date' })
  heldOn: string;

  @Field({ description: '内容 / What was done' })
  @Column({ type: 'text' })
  description: string;
}

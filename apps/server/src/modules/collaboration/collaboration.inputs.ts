import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Length } from 'class-validator';

import { OrderDirection } from '../../common/connection.js';
import {
  CollaborationGroupKind,
  GroupMemberRole,
  RelationApproval,
  TrusteeshipMeasure,
  TrusteeshipMode,
  TrusteeshipStatus,
} from './collaboration.enums.js';
import { DateScalar } from '../../common/scalars.js';

// ── collaboration groups

@InputType({ description: '协作组织筛选 / Collaboration group filter' })
export class CollaborationGroupFilter {
  @Field(() => ID, { nullable: true, description: '龙头校所在区县 / District of the lead school' })
  districtId?: string;

  @Field(() => CollaborationGroupKind, { nullable: true, description: '类别 / Kind' })
  kind?: CollaborationGroupKind;

  @Field(() => ID, { nullable: true, description: '龙头校 / Lead school' })
  leadSchoolId?: string;

  @Field(() => ID, {
    nullable: true,
    description:
      '曾经或现在的成员校（与 activeOn 同用时为当日的成员校）/ A current or past member school; with activeOn, a member on that day',
  })
  memberSchoolId?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      '当日有成员校在籍的组织（与 memberSchoolId 同用时为该校当日所在的组织）/ Groups with a member on that day; with memberSchoolId, the groups that school was in that day',
  })
  activeOn?: string;

  @Field({ nullable: true, description: '按名称搜索 / Search by name' })
  @Length(1, 50)
  search?: string;
}

export enum CollaborationGroupOrderField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(CollaborationGroupOrderField, {
  name: 'CollaborationGroupOrderField',
  description: '协作组织排序字段 / Collaboration group sort field',
  valuesConfig: {
    NAME: { description: '按名称 / By name' },
    CREATED_AT: { description: '按创建时间 / By creation time' },
  },
});

@InputType({ description: '协作组织排序 / Collaboration group ordering' })
export class CollaborationGroupOrder {
  @Field(() => CollaborationGroupOrderField, { description: '排序字段 / Field to sort by' })
  field: CollaborationGroupOrderField;

  @Field(() => OrderDirection, {
    defaultValue: OrderDirection.ASC,
    description: '排序方向（默认升序）/ Sort direction; ascending by default',
  })
  direction: OrderDirection;
}

export const GROUP_SORT_PROPERTIES: Record<CollaborationGroupOrderField, string> = {
  NAME: 'name',
  CREATED_AT: 'createdAt',
};

@InputType({ description: '新建协作组织 / New collaboration group' })
export class CreateCollaborationGroupInput {
  @Field({ description: '名称 / Name' })
  @Length(2, 100)
  name: string;

  @Field(() => CollaborationGroupKind, { description: '类别 / Kind' })
  kind: CollaborationGroupKind;

  @Field(() => ID, { description: '龙头校（创建后不可更改）/ Lead school; fixed once created' })
  leadSchoolId: string;

  @Field(() => String, { nullable: true, description: '简介 / Description' })
  @IsOptional()
  @Length(0, 2000)
  description?: string | null;
}

@InputType({
  description:
    '修改协作组织（省略的字段不变，null 清空可选字段）/ Group changes; omitted fields stay, null clears optional ones',
})
export class UpdateCollaborationGroupInput {
  @Field({ nullable: true, description: '名称 / Name' })
  @IsOptional()
  @Length(2, 100)
  name?: string;

  @Field(() => CollaborationGroupKind, { nullable: true, description: '类别 / Kind' })
  kind?: CollaborationGroupKind;

  @Field(() => String, { nullable: true, description: '简介（null 清空）/ Description; null clears it' })
  @IsOptional()
  @Length(0, 2000)
  description?: string | null;
}

@InputType({ description: '新增成员校 / A school joining a group' })
export class AddGroupMemberInput {
  @Field(() => ID, { description: '加入的学校 / The school joining' })
  schoolId: string;

  @Field(() => GroupMemberRole, {
    description: '角色（LEAD 仅限本组织的龙头校）/ Role; LEAD only for the group’s lead school',
  })
  role: GroupMemberRole;

  @Field(() => DateScalar, { description: '加入日期 / Joined on' })
  joinedOn: string;
}

// ── trusteeships

@InputType({ description: '托管帮扶筛选 / Trusteeship filter' })
export class TrusteeshipFilter {
  @Field(() => ID, {
    nullable: true,
    description: '龙头校或托管学校所在区县 / District of the lead or the partner school',
  })
  districtId?: string;

  @Field(() => ID, { nullable: true, description: '龙头校 / Lead school' })
  leadSchoolId?: string;

  @Field(() => ID, { nullable: true, description: '托管（受援）学校 / Partner school' })
  partnerSchoolId?: string;

  @Field(() => TrusteeshipMode, { nullable: true, description: '方式 / Mode' })
  mode?: TrusteeshipMode;

  @Field(() => TrusteeshipStatus, { nullable: true, description: '今日状态 / Status today' })
  status?: TrusteeshipStatus;

  @Field(() => RelationApproval, { nullable: true, description: '审批状态 / Approval state' })
  approval?: RelationApproval;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      '当日有效（开始日期不晚于当日，且未结束或实际结束日期不早于当日）/ Active on that day: started by then and not ended before it',
  })
  activeOn?: string;
}

export enum TrusteeshipOrderField {
  START_DATE = 'START_DATE',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(TrusteeshipOrderField, {
  name: 'TrusteeshipOrderField',
  description: '托管帮扶排序字段 / Trusteeship sort field',
  valuesConfig: {
    START_DATE: { description: '按开始日期 / By start date' },
    CREATED_AT: { description: '按创建时间 / By creation time' },
  },
});

@InputType({ description: '托管帮扶排序 / Trusteeship ordering' })
export class TrusteeshipOrder {
  @Field(() => TrusteeshipOrderField, { description: '排序字段 / Field to sort by' })
  field: TrusteeshipOrderField;

  @Field(() => OrderDirection, {
    defaultValue: OrderDirection.ASC,
    description: '排序方向（默认升序）/ Sort direction; ascending by default',
  })
  direction: OrderDirection;
}

export const TRUSTEESHIP_SORT_PROPERTIES: Record<TrusteeshipOrderField, string> = {
  START_DATE: 'startDate',
  CREATED_AT: 'createdAt',
};

@InputType({ description: '新建托管帮扶关系 / New trusteeship' })
export class CreateTrusteeshipInput {
  @Field(() => ID, { description: '龙头校（强校）/ Lead school, the strong one' })
  leadSchoolId: string;

  @Field(() => ID, { description: '托管（受援）学校，须不同于龙头校 / Partner school; must differ from the lead' })
  partnerSchoolId: string;

  @Field(() => TrusteeshipMode, { description: '方式 / Mode' })
  mode: TrusteeshipMode;

  @Field(() => [TrusteeshipMeasure], {
    nullable: true,
    defaultValue: [],
    description: '约定的帮扶措施（默认无）/ Measures agreed; none by default',
  })
  @ArrayMaxSize(4)
  measures: TrusteeshipMeasure[];

  @Field(() => DateScalar, { description: '开始日期 / Start date' })
  startDate: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: '计划结束日期（不早于开始日期）/ Planned end date; not before the start',
  })
  plannedEndDate?: string | null;

  @Field(() => String, { nullable: true, description: '协议文号 / Agreement reference' })
  @IsOptional()
  @Length(0, 100)
  agreementRef?: string | null;

  @Field(() => String, { nullable: true, description: '备注 / Notes' })
  @IsOptional()
  @Length(0, 5000)
  notes?: string | null;
}

@InputType({
  description:
    '修改托管帮扶关系（省略的字段不变，null 清空可选字段；结束请用 endTrusteeship）/ Trusteeship changes; omitted fields stay, null clears optional ones; end it with endTrusteeship',
})
export class UpdateTrusteeshipInput {
  @Field(() => [TrusteeshipMeasure], { nullable: true, description: '约定的帮扶措施 / Measures agreed' })
  @IsOptional()
  @ArrayMaxSize(4)
  measures?: TrusteeshipMeasure[];

  @Field(() => DateScalar, {
    nullable: true,
    description: '计划结束日期（null 清空）/ Planned end date; null clears it',
  })
  plannedEndDate?: string | null;

  @Field(() => String, { nullable: true, description: '协议文号（null 清空）/ Agreement reference; null clears it' })
  @IsOptional()
  @Length(0, 100)
  agreementRef?: string | null;

  @Field(() => String, { nullable: true, description: '备注（null 清空）/ Notes; null clears them' })
  @IsOptional()
  @Length(0, 5000)
  notes?: string | null;
}

@InputType({ description: '记录一项帮扶活动 / A measure the lead school carried out' })
export class RecordTrusteeshipActivityInput {
  @Field(() => TrusteeshipMeasure, { description: '措施 / Measure' })
  measure: TrusteeshipMeasure;

  @Field(() => DateScalar, {
    description: '日期（在关系期限内，且不晚于今天）/ Date; within the trusteeship and not after today',
  })
  heldOn: string;

  @Field({ description: '内容 / What was done' })
  @Length(2, 5000)
  description: string;
}

@InputType({ description: '审批一项待批的托管帮扶或成员关系 / A decision on a pending trusteeship or membership' })
export class RelationDecisionInput {
  @Field(() => ID, { description: '待审批关系的全局 ID / Global ID of the pending relation' })
  id: string;

  @Field(() => String, { nullable: true, description: '审批意见（可选）/ Comment, optional' })
  @IsOptional()
  @Length(0, 500)
  comment?: string | null;
}

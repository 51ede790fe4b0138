import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';

import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsOptional, Length, Max, Min } from 'class-validator';
import { OrderDirection } from '../../common/connection.js';
import { ResearcherLevel } from './research.entity.js';
import { DateScalar } from '../../common/scalars.js';

// ── researchers

@InputType({ description: '教研员筛选 / Researcher filter' })
export class ResearcherFilter {
  @Field(() => DateScalar, {
    nullable: true,
    description:
      '该日有进行中的包挂（与 schoolId 同用时限该校）/ With an assignment active on this day (to schoolId when given)',
  })
  activeOn?: string;

  @Field(() => ID, {
    nullable: true,
    description: '包挂过该校（与 activeOn 同用时限当日）/ Assigned to this school (on activeOn when given)',
  })
  schoolId?: string;

  @Field(() => ID, { nullable: true, description: '所属区县（区县教研员）/ District of district-level researchers' })
  districtId?: string;

  @Field(() => ResearcherLevel, { nullable: true, description: '级别 / Level' })
  level?: ResearcherLevel;

  @Field({ nullable: true, description: '学科 / Subject' })
  @Length(1, 32)
  subject?: string;

  @Field({ nullable: true, description: '按姓名搜索 / Search by name' })
  @Length(1, 50)
  search?: string;
}

export enum ResearcherOrderField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(ResearcherOrderField, {
  name: 'ResearcherOrderField',
  description: '教研员排序字段 / Researcher sort field',
  valuesConfig: {
    NAME: { description: '按姓名 / By name' },
    CREATED_AT: { description: '按创建时间 / By creation time' },
  },
});

@InputType({ description: '教研员排序 / Researcher ordering' })
export class ResearcherOrder {
  @Field(() => ResearcherOrderField, { description: '排序字段 / Field to sort by' })
  field: ResearcherOrderField;

  @Field(() => OrderDirection, {
    defaultValue: OrderDirection.ASC,
    description: '排序方向（默认升序）/ Sort direction; ascending by default',
  })
  direction: OrderDirection;
}

export const RESEARCHER_SORT_PROPERTIES: Record<ResearcherOrderField, string> = {
  NAME: 'name',
  CREATED_AT: 'createdAt',
};

@InputType({ description: '新建教研员 / New researcher' })
export class CreateResearcherInput {
  @Field({ description: '姓名 / Name' })
  @Length(1, 50)
  name: string;

  @Field(() => ResearcherLevel, { description: '级别 / Level' })
  level: ResearcherLevel;

  @Field(() => ID, {
    nullable: true,
    description: '所属区县（区县教研员必填，市级教研员不填）/ District; required for DISTRICT level, absent for CITY',
  })
  districtId?: string | null;

  @Field({ description: '学科 / Subject' })
  @Length(1, 32)
  subject: string;
}

@InputType({ description: '修改教研员（省略的字段不变）/ Researcher changes; omitted fields stay' })
export class UpdateResearcherInput {
  @Field({ nullable: true, description: '姓名 / Name' })
  @IsOptional()
  @Length(1, 50)
  name?: string;

  @Field({ nullable: true, description: '学科 / Subject' })
  @IsOptional()
  @Length(1, 32)
  subject?: string;
}

// ── assignments

@InputType({ description: '教研员包挂学校 / Attach a researcher to a school' })
export class AssignResearcherInput {
  @Field(() => ID, { description: '包挂的学校 / The school' })
  schoolId: string;

  @Field(() => DateScalar, { description: '开始日期 / Start date' })
  startDate: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: '结束日期（含当日，省略表示仍在包挂）/ End date, its last day; omit while attached',
  })
  endDate?: string | null;
}

export enum ResearcherAssignmentOrderField {
  START_DATE = 'START_DATE',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(ResearcherAssignmentOrderField, {
  name: 'ResearcherAssignmentOrderField',
  description: '包挂排序字段 / Researcher assignment sort field',
  valuesConfig: {
    START_DATE: { description: '按开始日期 / By start date' },
    CREATED_AT: { description: '按创建时间 / By creation time' },
  },
});

@InputType({ description: '包挂排序 / Researcher assignment ordering' })
export class ResearcherAssignmentOrder {
  @Field(() => ResearcherAssignmentOrderField, { description: '排序字段 / Field to sort by' })
  field: ResearcherAssignmentOrderField;

  @Field(() => OrderDirection, {
    defaultValue: OrderDirection.ASC,
    description: '排序方向（默认升序）/ Sort direction; ascending by default',
  })
  direction: OrderDirection;
}

export const ASSIGNMENT_SORT_PROPERTIES: Record<ResearcherAssignmentOrderField, string> = {
  START_DATE: 'startDate',
  CREATED_AT: 'createdAt',
};

// ── sessions

@InputType({ description: '联合教研筛选 / Joint research session filter' })
export class JointResearchSessionFilter {
  @Field(() => DateScalar, { nullable: true, description: '不早于该日 / Held on or after this day' })
  heldFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: '不晚于该日 / Held on or before this day' })
  heldTo?: string;

  @Field(() => ID, { nullable: true, description: '教研员 / Researcher' })
  researcherId?: string;

  @Field(() => ID, { nullable: true, description: '涉及的学校 / A school of the session' })
  schoolId?: string;

  @Field(() => ID, { nullable: true, description: '涉及学校所在区县 / District of a school of the session' })
  districtId?: string;

  @Field({ nullable: true, description: '学科 / Subject' })
  @Length(1, 32)
  subject?: string;

  @Field({ nullable: true, description: '按主题搜索 / Search by topic' })
  @Length(1, 50)
  search?: string;
}

export enum JointResearchSessionOrderField {
  HELD_ON = 'HELD_ON',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(JointResearchSessionOrderField, {
  name: 'JointResearchSessionOrderField',
  description: '联合教研排序字段 / Joint research session sort field',
  valuesConfig: {
    HELD_ON: { description: '按日期 / By date held' },
    CREATED_AT: { description: '按创建时间 / By creation time' },
  },
});

@InputType({ description: '联合教研排序 / Joint research session ordering' })
export class JointResearchSessionOrder {
  @Field(() => JointResearchSessionOrderField, { description: '排序字段 / Field to sort by' })
  field: JointResearchSessionOrderField;

  @Field(() => OrderDirection, {
    defaultValue: OrderDirection.ASC,
    description: '排序方向（默认升序）/ Sort direction; ascending by default',
  })
  direction: OrderDirection;
}

export const SESSION_SORT_PROPERTIES: Record<JointResearchSessionOrderField, string> = {
  HELD_ON: 'heldOn',
  CREATED_AT: 'createdAt',
};

@InputType({ description: '记录联合教研 / Record a joint research session' })
export class RecordJointResearchSessionInput {
  @Field(() => DateScalar, { description: '日期（不晚于今天）/ Date held; not in the future' })
  heldOn: string;

  @Field(() => ID, { description: '主持的教研员 / The researcher who led it' })
  researcherId: string;

  @Field(() => [ID], { description: '参与学校（至少一所，最多 20 所）/ Schools taking part; 1 to 20' })
  @ArrayNotEmpty()
  @ArrayMaxSize(20)
  @ArrayUnique()
  schoolIds: string[];

  @Field({ description: '学科 / Subject' })
  @Length(1, 32)
  subject: string;

  @Field({ description: '主题 / Topic' })
  @Length(1, 200)
  topic: string;

  @Field(() => Int, { nullable: true, defaultValue: 0, description: '参与人数（默认 0）/ Participants; 0 by default' })
  @Min(0)
  @Max(10000)
  participantCount: number;

  @Field(() => String, { nullable: true, description: '参与人员 / Who took part' })
  @IsOptional()
  @Length(0, 5000)
  participants?: string | null;

  @Field(() => String, { nullable: true, description: '纪要 / Summary' })
  @IsOptional()
  @Length(0, 20000)
  summary?: string | null;
}

@InputType({
  description:
    '修改联合教研（省略的字段不变，null 清空可选字段）/ Session changes; omitted fields stay, null clears optional ones',
})
export class UpdateJointResearchSessionInput {
  @Field(() => DateScalar, { nullable: true, description: '日期（不晚于今天）/ Date held; not in the future' })
  heldOn?: string;

  @Field(() => [ID], {
    nullable: true,
    description: '参与学校（整体替换，至少一所）/ Schools taking part, replacing the current ones; at least one',
  })
  @IsOptional()
  @ArrayNotEmpty()
  @ArrayMaxSize(20)
  @ArrayUnique()
  schoolIds?: string[];

  @Field({ nullable: true, description: '学科 / Subject' })
  @IsOptional()
  @Length(1, 32)
  subject?: string;

  @Field({ nullable: true, description: '主题 / Topic' })
  @IsOptional()
  @Length(1, 200)
  topic?: string;

  @Field(() => Int, { nullable: true, description: '参与人数 / Number of participants' })
  @IsOptional()
  @Min(0)
  @Max(10000)
  participantCount?: number;

  @Field(() => String, { nullable: true, description: '参与人员（null 清空）/ Who took part; null clears it' })
  @IsOptional()
  @Length(0, 5000)
  participants?: string | null;

  @Field(() => String, { nullable: true, description: '纪要（null 清空）/ Summary; null clears it' })
  @IsOptional()
  @Length(0, 20000)
  summary?: string | null;
}

import { Field, ID, InputType, registerEnumType } from 'type-graphql';

import { IsOptional, Length, Matches } from 'class-validator';
import { OrderDirection } from '../../common/connection.js';
import { FundSource, RectificationStatus, StandardItem } from './ledger.enums.js';
import { DateScalar } from '../../common/scalars.js';

/** Yuan with at most 12 integer digits and 2 decimals: numeric(14,2). */
export const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;
const AMOUNT_MESSAGE = 'must be a non-negative decimal with at most 2 decimals, e.g. "125000.50"';

@InputType({ description: '整改台账筛选 / Rectification ledger filter' })
export class RectificationItemFilter {
  @Field(() => ID, { nullable: true, description: '所属区县 / District' })
  districtId?: string;

  @Field(() => ID, { nullable: true, description: '所属乡镇 / Town' })
  townId?: string;

  @Field(() => ID, { nullable: true, description: '学校 / School' })
  schoolId?: string;

  @Field(() => RectificationStatus, { nullable: true, description: '整改状态 / Status' })
  status?: RectificationStatus;

  @Field(() => StandardItem, { nullable: true, description: '标准条目 / Standard item' })
  standardItem?: StandardItem;

  @Field(() => FundSource, { nullable: true, description: '资金来源 / Fund source' })
  fundSource?: FundSource;

  @Field({
    nullable: true,
    description:
      '是否逾期（未完成且已过工作时限；按济南当日计算）/ Overdue: not done and the deadline has passed, as of today in Jinan',
  })
  overdue?: boolean;

  @Field(() => DateScalar, {
    nullable: true,
    description: '工作时限不早于该日 / Deadline on or after this day',
  })
  deadlineFrom?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: '工作时限不晚于该日 / Deadline on or before this day',
  })
  deadlineTo?: string;
}

export enum RectificationItemOrderField {
  DEADLINE = 'DEADLINE',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(RectificationItemOrderField, {
  name: 'RectificationItemOrderField',
  description: '整改台账排序字段 / Rectification ledger sort field',
  valuesConfig: {
    DEADLINE: { description: '按工作时限 / By deadline' },
    CREATED_AT: { description: '按创建时间 / By creation time' },
    UPDATED_AT: { description: '按最后修改时间 / By last change' },
  },
});

@InputType({ description: '整改台账排序 / Rectification ledger ordering' })
export class RectificationItemOrder {
  @Field(() => RectificationItemOrderField, { description: '排序字段 / Field to sort by' })
  field: RectificationItemOrderField;

  @Field(() => OrderDirection, {
    defaultValue: OrderDirection.ASC,
    description: '排序方向（默认升序）/ Sort direction; ascending by default',
  })
  direction: OrderDirection;
}

export const RECTIFICATION_SORT_PROPERTIES: Record<RectificationItemOrderField, string> = {
  DEADLINE: 'deadline',
  CREATED_AT: 'createdAt',
  UPDATED_AT: 'updatedAt',
};

@InputType({ description: '新建整改台账条目（状态为 OPEN）/ New rectification ledger item; it starts OPEN' })
export class CreateRectificationItemInput {
  @Field(() => ID, { description: '学校 / School' })
  schoolId: string;

  @Field(() => StandardItem, { description: '省定办学标准条目 / Standard item' })
  standardItem: StandardItem;

  @Field(() => String, {
    nullable: true,
    description: '标准条目说明（OTHER 时必填）/ Detail of the standard item; required for OTHER',
  })
  @IsOptional()
  @Length(1, 200)
  standardDetail?: string | null;

  @Field({ description: '存在问题 / The problem found' })
  @Length(2, 2000)
  problem: string;

  @Field(() => FundSource, { description: '资金来源 / Source of funding' })
  fundSource: FundSource;

  @Field(() => String, {
    nullable: true,
    description: '资金金额（元，十进制字符串，如 "125000.50"）/ Amount in yuan as a decimal string, e.g. "125000.50"',
  })
  @IsOptional()
  @Matches(AMOUNT, { message: AMOUNT_MESSAGE })
  fundAmount?: string | null;

  @Field(() => DateScalar, { description: '工作时限 / Deadline' })
  deadline: string;

  @Field({ description: '责任人或责任单位 / Owner: the person or unit responsible' })
  @Length(1, 100)
  owner: string;

  @Field({ description: '责任措施 / Measures to be taken' })
  @Length(2, 4000)
  measures: string;
}

@InputType({
  description:
    '修改整改台账条目（省略的字段不变，null 清空可选字段；状态另用 changeRectificationStatus）/ Ledger item changes; omitted fields stay, null clears optional ones; status changes use changeRectificationStatus',
})
export class UpdateRectificationItemInput {
  @Field(() => StandardItem, { nullable: true, description: '省定办学标准条目 / Standard item' })
  standardItem?: StandardItem;

  @Field(() => String, { nullable: true, description: '标准条目说明（null 清空）/ Detail; null clears it' })
  @IsOptional()
  @Length(1, 200)
  standardDetail?: string | null;

  @Field({ nullable: true, description: '存在问题 / The problem found' })
  @IsOptional()
  @Length(2, 2000)
  problem?: string;

  @Field(() => FundSource, { nullable: true, description: '资金来源 / Source of funding' })
  fundSource?: FundSource;

  @Field(() => String, {
    nullable: true,
    description: '资金金额（元，十进制字符串；null 清空）/ Amount in yuan as a decimal string; null clears it',
  })
  @IsOptional()
  @Matches(AMOUNT, { message: AMOUNT_MESSAGE })
  fundAmount?: string | null;

  @Field(() => DateScalar, { nullable: true, description: '工作时限 / Deadline' })
  deadline?: string;

  @Field({ nullable: true, description: '责任人或责任单位 / Owner' })
  @IsOptional()
  @Length(1, 100)
  owner?: string;

  @Field({ nullable: true, description: '责任措施 / Measures' })
  @IsOptional()
  @Length(2, 4000)
  measures?: string;

  @Field(() => String, { nullable: true, description: '整改佐证说明（null 清空）/ Evidence notes; null clears them' })
  @IsOptional()
  @Length(1, 4000)
  evidence?: string | null;
}

@InputType({ description: '变更整改状态 / A status change of a ledger item' })
export class ChangeRectificationStatusInput {
  @Field(() => RectificationStatus, { description: '新状态 / The new status' })
  status: RectificationStatus;

  @Field(() => String, {
    nullable: true,
    description: '说明（重新打开已完成条目时必填）/ Note; required when reopening a done item',
  })
  @IsOptional()
  @Length(1, 2000)
  note?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      '整改佐证说明（改为 DONE 时须有：此处填写或条目已有）/ Evidence notes; DONE needs them, given here or already on the item',
  })
  @IsOptional()
  @Length(1, 4000)
  evidence?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      '完成日期（仅 DONE；默认今天，不能晚于今天）/ Day it was closed; DONE only, today by default, never in the future',
  })
  closedOn?: string | null;

  @Field(() => RectificationStatus, {
    nullable: true,
    description:
      '读取时的状态；若条目状态已被他人改变则拒绝（CONFLICT）/ The status the client read; refused with CONFLICT when someone changed it since',
  })
  @IsOptional()
  expectedStatus?: RectificationStatus | null;
}

import { Field, ID, InputType, registerEnumType } from 'type-graphql';

import { OrderDirection } from '../../common/connection.js';
import { ArrayMaxSize } from 'class-validator';
import { ExchangeConsent, TeacherExchangeKind } from './exchange.entity.js';
import { DateScalar } from '../../common/scalars.js';

/** Which end of an exchange a school filter matches. */
export enum ExchangeDirection {
  IN = 'IN',
  OUT = 'OUT',
  ANY = 'ANY',
}
registerEnumType(ExchangeDirection, {
  name: 'ExchangeDirection',
  description: '交流方向（相对于筛选的学校）/ Direction of an exchange relative to the filtered school',
  valuesConfig: {
    IN: { description: '交流到该校 / Into the school (it is the receiving school)' },
    OUT: { description: '从该校派出 / Out of the school (it is the sending, home school)' },
    ANY: { description: '任一方向 / Either direction' },
  },
});

@InputType({ description: '教师交流筛选 / Teacher exchange filter' })
export class TeacherExchangeFilter {
  @Field(() => DateScalar, {
    nullable: true,
    description:
      '截至某日仍在进行（开始日 ≤ 该日 ≤ 结束日，结束日含当日）/ Active on this day: started on or before it and not ended before it',
  })
  activeOn?: string;

  @Field(() => ID, { nullable: true, description: '教师 / Teacher' })
  teacherId?: string;

  @Field(() => ID, { nullable: true, description: '涉及的学校（按 direction 区分）/ A school involved, see direction' })
  schoolId?: string;

  @Field(() => ExchangeDirection, {
    nullable: true,
    defaultValue: ExchangeDirection.ANY,
    description: 'schoolId 的方向（默认任一）/ Which end schoolId must be; ANY by default',
  })
  direction?: ExchangeDirection;

  @Field(() => ID, { nullable: true, description: '涉及的区县（任一端）/ A district on either end' })
  districtId?: string;

  @Field(() => TeacherExchangeKind, { nullable: true, description: '类别 / Kind' })
  kind?: TeacherExchangeKind;

  @Field(() => [ExchangeConsent], {
    nullable: true,
    description:
      '同意情况（省略时：给出 activeOn 则只列已确认的，否则全部）/ Consent states; when omitted, only CONFIRMED with activeOn, every state without',
  })
  @ArrayMaxSize(3)
  consent?: ExchangeConsent[];
}

export enum TeacherExchangeOrderField {
  START_DATE = 'START_DATE',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(TeacherExchangeOrderField, {
  name: 'TeacherExchangeOrderField',
  description: '教师交流排序字段 / Teacher exchange sort field',
  valuesConfig: {
    START_DATE: { description: '按开始日期 / By start date' },
    CREATED_AT: { description: '按创建时间 / By creation time' },
  },
});

@InputType({ description: '教师交流排序 / Teacher exchange ordering' })
export class TeacherExchangeOrder {
  @Field(() => TeacherExchangeOrderField, { description: '排序字段 / Field to sort by' })
  field: TeacherExchangeOrderField;

  @Field(() => OrderDirection, {
    defaultValue: OrderDirection.ASC,
    description: '排序方向（默认升序）/ Sort direction; ascending by default',
  })
  direction: OrderDirection;
}

export const TEACHER_EXCHANGE_SORT_PROPERTIES: Record<TeacherExchangeOrderField, string> = {
  START_DATE: 'startDate',
  CREATED_AT: 'createdAt',
};

@InputType({ description: '新建教师交流 / New teacher exchange' })
export class CreateTeacherExchangeInput {
  @Field(() => ID, { description: '交流的教师 / The teacher' })
  teacherId: string;

  @Field(() => ID, {
    nullable: true,
    description:
      '派出学校（省略时为教师所在学校，给出时须与之相同）/ Sending school; defaults to, and must equal, the teacher’s own school',
  })
  fromSchoolId?: string;

  @Field(() => ID, { description: '接收学校（须不同于派出学校）/ Receiving school; must differ from the sending one' })
  toSchoolId: string;

  @Field(() => TeacherExchangeKind, { description: '类别 / Kind' })
  kind: TeacherExchangeKind;

  @Field(() => DateScalar, { description: '开始日期 / Start date' })
  startDate: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: '结束日期（含当日，省略表示未定）/ End date, its last day; omit while open',
  })
  endDate?: string | null;
}

@InputType({
  description: '修改教师交流（省略的字段不变）/ Teacher exchange changes; omitted fields stay',
})
export class UpdateTeacherExchangeInput {
  @Field(() => TeacherExchangeKind, { nullable: true, description: '类别 / Kind' })
  kind?: TeacherExchangeKind;

  @Field(() => DateScalar, { nullable: true, description: '开始日期 / Start date' })
  startDate?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: '结束日期（含当日，null 表示未定）/ End date, its last day; null reopens it',
  })
  endDate?: string | null;
}

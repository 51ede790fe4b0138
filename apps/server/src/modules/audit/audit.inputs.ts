import { Field, GraphQLISODateTime, ID, InputType } from 'type-graphql';
import { Length } from 'class-validator';

@InputType({ description: '审计记录筛选 / Audit log filter' })
export class AuditEntryFilter {
  @Field(() => ID, { nullable: true, description: '某条记录的全局 ID / Entries about this record' })
  recordId?: string;

  @Field({ nullable: true, description: '记录类型，如 School / Record type, e.g. School' })
  @Length(1, 64)
  recordType?: string;

  @Field({ nullable: true, description: '操作人登录名 / Entries by this username' })
  @Length(1, 64)
  username?: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: '起始时间（含）/ From this time, inclusive' })
  from?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: '截止时间（不含）/ Until this time, exclusive' })
  to?: Date;
}

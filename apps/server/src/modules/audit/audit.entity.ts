import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, GraphQLISODateTime, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

@ObjectType('AuditEntry', {
  description: '审计记录：谁、何时、改了哪条记录的哪些字段 / Who changed which record, when, and how',
})
@Entity('audit_entry')
@Index(['at', 'id'])
@Index(['recordType', 'recordId', 'at'])
@Index(['userId', 'at'])
@Index(['districtId', 'at'])
@Index(['schoolId', 'at'])
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => GraphQLISODateTime, { description: '时间 / When' })
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  at: Date;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @Field(() => String, { nullable: true, description: '操作人登录名 / Username of the actor' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  username: string | null;

  @Field({ description: '记录类型 / Record type, e.g. School' })
  @Column({ type: 'varchar', length: 64 })
  recordType: string;

  /** database id; the GraphQL field `recordId` is the record's global id */
  @Column({ type: 'uuid' })
  recordId: string;

  @Field({ description: '操作：CREATE、UPDATE 或 DELETE / Action: CREATE, UPDATE or DELETE' })
  @Column({ type: 'varchar', length: 16 })
  action: string;

  @Field(() => GraphQLJSONObject, {
    description: '变更字段的前后值 {字段: {before, after}} / Changed fields with before and after values',
  })
  @Column({ type: 'jsonb' })
  changes: Record<string, { before: unknown; after: unknown }>;

  /** where the record sits, so admins see only their scope's entries */
  @Column({ type: 'uuid', nullable: true })
  districtId: string | null;

  @Column({ type: 'uuid', nullable: true })
  schoolId: string | null;

  @Field(() => String, { nullable: true, description: '请求 ID / Request id, to match server logs' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;
}

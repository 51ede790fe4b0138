import { CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, GraphQLISODateTime } from 'type-graphql';

/**
 * Columns every record has. Timestamps keep millisecond precision (timestamptz(3)) so a
 * value read into a JS Date and sent back in a keyset cursor compares equal to the
 * stored one; microseconds would be lost on the way and break `createdAt` ordering.
 * `id` is the database key; clients see the Relay global id (see node.resolver.ts).
 */
export abstract class BaseRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => GraphQLISODateTime, { description: '创建时间 / When the record was created' })
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { description: '最后修改时间 / When the record last changed' })
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

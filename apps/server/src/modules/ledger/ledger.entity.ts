import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Field, GraphQLISODateTime, ObjectType } from 'type-graphql';

import { BaseRecord } from '../../common/base.entity.js';
import { Node } from '../node/node.type.js';
import { District } from '../district/district.entity.js';
import { Town } from '../town/town.entity.js';
import { School } from '../school/school.entity.js';
import { User } from '../user/user.entity.js';
import { FundSource, RectificationStatus, StandardItem } from './ledger.enums.js';
import { DateScalar } from '../../common/scalars.js';

/**
 * One line of a school's rectification ledger (整改工作台账): one school, one standard item,
 * one problem, with its funding, deadline, owner and measures. Overdue is derived from the
 * deadline and the status whenever it is read, never stored.
 */
@ObjectType('RectificationItem', {
  implements: Node,
  description: '整改工作台账条目 / A rectification ledger item: one school, one standard item, one problem',
})
@Entity('rectification_item')
// closed_on is set exactly when the item is done.
@Check('CHK_rectification_item_closed', `("status" = 'DONE') = ("closed_on" IS NOT NULL)`)
@Check('CHK_rectification_item_amount', '"fund_amount" IS NULL OR "fund_amount" >= 0')
@Index(['deadline', 'id'])
@Index(['createdAt', 'id'])
@Index(['updatedAt', 'id'])
@Index(['schoolId', 'deadline', 'id'])
@Index(['townId', 'deadline', 'id'])
@Index(['districtId', 'deadline', 'id'])
@Index(['status', 'deadline'])
export class RectificationItem extends BaseRecord {
  @Column({ type: 'uuid' })
  schoolId: string;

  @ManyToOne(() => School, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'school_id' })
  school?: Relation<School>;

  /** Copied from the school so town and district filters and scopes need no join. */
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

  @Field(() => StandardItem, { description: '省定办学标准条目 / Standard item' })
  @Column({ type: 'enum', enum: StandardItem, enumName: 'standard_item' })
  @Index()
  standardItem: StandardItem;

  @Field(() => String, {
    nullable: true,
    description: '标准条目说明（如具体功能室）/ Detail of the standard item, e.g. which functional room',
  })
  @Column({ type: 'varchar', length: 200, nullable: true })
  standardDetail: string | null;

  @Field({ description: '存在问题 / The problem found' })
  @Column({ type: 'text' })
  problem: string;

  @Field(() => FundSource, { description: '资金来源 / Source of funding' })
  @Column({ type: 'enum', enum: FundSource, enumName: 'fund_source' })
  @Index()
  fundSource: FundSource;

  /** numeric(14,2) yuan; the pg driver returns numerics as strings, which keeps them exact. */
  @Field(() => String, {
    nullable: true,
    description:
      '资金金额（元，十进制字符串，最多两位小数，如 "125000.50"）；为空表示未定 / Amount in yuan as a decimal string with at most two decimals, e.g. "125000.50"; null when not yet known',
  })
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  fundAmount: string | null;

  @Field(() => DateScalar, { description: '工作时限（最后一天）/ Deadline, the last day allowed' })
  @Column({ type: 'date' })
  deadline: string;

  @Field({ description: '责任人或责任单位 / Owner: the person or unit responsible' })
  @Column({ type: 'varchar', length: 100 })
  owner: string;

  @Field({ description: '责任措施 / Measures to be taken' })
  @Column({ type: 'text' })
  measures: string;

  @Field(() => RectificationStatus, { description: '整改状态 / Status' })
  @Column({
    type: 'enum',
    enum: RectificationStatus,
    enumName: 'rectification_status',
    default: RectificationStatus.OPEN,
  })
  status: RectificationStatus;

  @Field(() => String, { nullable: true, description: '整改佐证说明 / Evidence notes' })
  @Column({ type: 'text', nullable: true })
  evidence: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: '完成日期（状态为 DONE 时才有）/ The day it was closed; set exactly while the status is DONE',
  })
  @Column({ type: 'date', nullable: true })
  closedOn: string | null;
}

/** One status change of a ledger item, kept forever (creation is the change from null to OPEN). */
@ObjectType('RectificationStatusChange', { description: '整改状态变更记录 / One change of a ledger item’s status' })
@Entity('rectification_status_change')
@Index(['itemId', 'at'])
export class RectificationStatusChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  itemId: string;

  @ManyToOne(() => RectificationItem, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'item_id' })
  item?: Relation<RectificationItem>;

  @Field(() => RectificationStatus, {
    nullable: true,
    description: '原状态（新建时为空）/ Status before; null when the item was created',
  })
  @Column({ type: 'enum', enum: RectificationStatus, enumName: 'rectification_status', nullable: true })
  fromStatus: RectificationStatus | null;

  @Field(() => RectificationStatus, { description: '新状态 / Status after' })
  @Column({ type: 'enum', enum: RectificationStatus, enumName: 'rectification_status' })
  toStatus: RectificationStatus;

  @Field(() => GraphQLISODateTime, { description: '变更时间 / When the status changed' })
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  at: Date;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User> | null;

  @Field(() => String, { nullable: true, description: '操作人用户名 / Username of who changed it' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  username: string | null;

  @Field(() => String, { nullable: true, description: '说明 / Note' })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}

import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  VersionColumn,
  type Relation,
} from 'typeorm';
import { Field, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';
import { BaseRecord } from '../../common/base.entity.js';
import { Node } from '../node/node.type.js';
import { District } from '../district/district.entity.js';
import { Town } from '../town/town.entity.js';
import { User } from '../user/user.entity.js';
import { ActionLine, TownPlanState } from './plan.enums.js';

/** One concrete measure of a plan and the action lines it serves (stored in the plan's jsonb). */
@ObjectType('PlanMeasure', {
  description: '方案中的一条措施及其服务的提升行动 / One measure of a plan and the action lines it serves',
})
export class PlanMeasure {
  @Field({ description: '措施内容 / What will be done' })
  text: string;

  @Field(() => [ActionLine], { description: '服务的提升行动（至少一项）/ Action lines it serves, at least one' })
  actionLines: ActionLine[];
}

/**
 * 一镇一案: the yearly plan of a town, written by its town-seat school, reviewed by the
 * district and filed by the city. `version` is the optimistic lock: every write states the
 * version it read, and a stale one is refused instead of overwriting someone else's work.
 */
@ObjectType('TownPlan', { implements: Node, description: '乡镇推进方案（一镇一案）/ A town’s yearly plan' })
@Entity('town_plan')
@Unique('UQ_town_plan_town_year', ['townId', 'year'])
@Check('CHK_town_plan_year', '"year" BETWEEN 2021 AND 2100')
@Index(['year', 'id'])
@Index(['createdAt', 'id'])
@Index(['updatedAt', 'id'])
@Index(['districtId', 'year', 'id'])
@Index(['state', 'year'])
@Index('IDX_town_plan_action_lines', { synchronize: false })
export class TownPlan extends BaseRecord {
  @Column({ type: 'uuid' })
  townId: string;

  @ManyToOne(() => Town, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'town_id' })
  town?: Relation<Town>;

  /** Copied from the town so district filters and scopes need no join. */
  @Column({ type: 'uuid' })
  districtId: string;

  @ManyToOne(() => District, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'district_id' })
  district?: Relation<District>;

  @Field(() => Int, { description: '年度 / Year the plan is for' })
  @Column({ type: 'smallint' })
  year: number;

  @Field(() => TownPlanState, { description: '审核状态 / Review state' })
  @Column({ type: 'enum', enum: TownPlanState, enumName: 'town_plan_state', default: TownPlanState.DRAFT })
  state: TownPlanState;

  @Field(() => String, { nullable: true, description: '提升目标（四个具体之一）/ Targets, one of the four specifics' })
  @Column({ type: 'text', nullable: true })
  targets: string | null;

  @Field(() => String, {
    nullable: true,
    description: '路径措施（四个具体之一）/ Measures, one of the four specifics',
  })
  @Column({ type: 'text', nullable: true })
  measures: string | null;

  @Field(() => String, {
    nullable: true,
    description: '责任分工（四个具体之一）/ Responsibilities, one of the four specifics',
  })
  @Column({ type: 'text', nullable: true })
  responsibilities: string | null;

  @Field(() => String, {
    nullable: true,
    description: '预期工作成效（四个具体之一）/ Expected outcomes, one of the four specifics',
  })
  @Column({ type: 'text', nullable: true })
  expectedOutcomes: string | null;

  @Field(() => [PlanMeasure], {
    description: '逐条措施及其服务的提升行动 / The plan’s measures, each with the action lines it serves',
  })
  @Column({ type: 'jsonb', default: () => "'[]'" })
  measureItems: PlanMeasure[];

  /** Every action line any measure serves, kept in step with measureItems by the service (filterable, GIN-indexed). */
  @Field(() => [ActionLine], {
    description: '方案涉及的提升行动（各条措施的并集）/ Action lines the plan serves: the union over its measures',
  })
  @Column({ type: 'enum', enum: ActionLine, enumName: 'action_line', array: true, default: '{}' })
  actionLines: ActionLine[];

  @Field(() => Int, {
    description:
      '版本号（乐观锁：每次修改或流转须提供读到的版本）/ Version for optimistic locking; every edit or transition states the version it read',
  })
  @VersionColumn()
  version: number;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: '首次报送时间（据此判断是否逾期）/ When the plan was first submitted; lateness is judged on it',
  })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  submittedAt: Date | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: '最近一次报送时间 / When the plan was last submitted',
  })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  lastSubmittedAt: Date | null;
}

/** One step of a plan's review, kept forever: who moved it from which state to which, when, and why. */
@ObjectType('TownPlanTransition', { description: '推进方案流转记录 / One step of a town plan’s review' })
@Entity('town_plan_transition')
@Index(['planId', 'at'])
export class TownPlanTransition {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  planId: string;

  @ManyToOne(() => TownPlan, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<TownPlan>;

  @Field(() => TownPlanState, { description: '原状态 / State before' })
  @Column({ type: 'enum', enum: TownPlanState, enumName: 'town_plan_state' })
  fromState: TownPlanState;

  @Field(() => TownPlanState, { description: '新状态 / State after' })
  @Column({ type: 'enum', enum: TownPlanState, enumName: 'town_plan_state' })
  toState: TownPlanState;

  @Field(() => GraphQLISODateTime, { description: '流转时间 / When it happened' })
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  at: Date;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User> | null;

  @Field(() => String, { nullable: true, description: '操作人用户名 / Username of who did it' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  username: string | null;

  @Field(() => String, { nullable: true, description: '意见或说明 / Comment' })
  @Column({ type: 'text', nullable: true })
  comment: string | null;
}

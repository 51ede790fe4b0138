import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

import { BaseRecord } from '../../common/base.entity.js';
import { Node } from '../node/node.type.js';
import { District } from '../district/district.entity.js';
import { School } from '../school/school.entity.js';
import { User } from '../user/user.entity.js';
import { DateScalar } from '../../common/scalars.js';

export enum ResearcherLevel {
  CITY = 'CITY',
  DISTRICT = 'DISTRICT',
}
registerEnumType(ResearcherLevel, {
  name: 'ResearcherLevel',
  description: '教研员级别 / Researcher level',
  valuesConfig: {
    CITY: { description: '市级教研员 / City researcher' },
    DISTRICT: { description: '区县教研员 / District researcher' },
  },
});

@ObjectType('Researcher', { implements: Node, description: '教研员 / A teaching researcher' })
@Entity('researcher')
@Index(['name', 'id'])
@Index(['districtId', 'name', 'id'])
export class Researcher extends BaseRecord {
  @Field({ description: '姓名 / Name' })
  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Field(() => ResearcherLevel, { description: '级别 / Level' })
  @Column({ type: 'enum', enum: ResearcherLevel, enumName: 'researcher_level' })
  @Index()
  level: ResearcherLevel;

  /** Set for district researchers; city researchers belong to no district. */
  @Column({ type: 'uuid', nullable: true })
  districtId: string | null;

  @ManyToOne(() => District, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'district_id' })
  district?: Relation<District> | null;

  @Field({ description: '学科 / Subject' })
  @Column({ type: 'varchar', length: 32 })
  @Index()
  subject: string;

  /** The account a researcher signs in with; their RESEARCHER scope follows their assignments. */
  @Column({ type: 'uuid', nullable: true, unique: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User> | null;
}

/** 包挂: a researcher attached to a school for a period. */
@ObjectType('ResearcherAssignment', {
  implements: Node,
  description: '教研员包挂学校 / A researcher attached to a school for a period',
})
@Entity('researcher_assignment')
@Check('CHK_researcher_assignment_dates', '"end_date" IS NULL OR "end_date" >= "start_date"')
@Index(['researcherId', 'startDate'])
@Index(['schoolId', 'startDate'])
@Index(['districtId'])
export class ResearcherAssignment extends BaseRecord {
  @Column({ type: 'uuid' })
  researcherId: string;

  @ManyToOne(() => Researcher, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'researcher_id' })
  researcher?: Relation<Researcher>;

  @Column({ type: 'uuid' })
  schoolId: string;

  @ManyToOne(() => School, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'school_id' })
  school?: Relation<School>;

  /** The school's district, copied for scope filters. */
  @Column({ type: 'uuid' })
  districtId: string;

  @Field(() => DateScalar, { description: '开始日期 / Start date' })
  @Column({ type: 'date' })
  startDate: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: '结束日期（含当日）；为空表示仍在包挂 / End date, its last day; null while attached',
  })
  @Column({ type: 'date', nullable: true })
  endDate: string | null;
}

@ObjectType('JointResearchSession', { implements: Node, description: '联合教研活动 / A joint research session' })
@Entity('joint_research_session')
@Index(['heldOn', 'id'])
@Index(['researcherId', 'heldOn'])
export class JointResearchSession extends BaseRecord {
  @Field(() => DateScalar, { description: '日期 / Date held' })
  @Column({ type: 'date' })
  heldOn: string;

  @Column({ type: 'uuid' })
  researcherId: string;

  @ManyToOne(() => Researcher, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'researcher_id' })
  researcher?: Relation<Researcher>;

  @Field({ description: '学科 / Subject' })
  @Column({ type: 'varchar', length: 32 })
  subject: string;

  @Field({ description: '主题 / Topic' })
  @Column({ type: 'varchar', length: 200 })
  topic: string;

  @Field(() => Int, { description: '参与人数 / Number of participants' })
  @Column({ type: 'integer', default: 0 })
  participantCount: number;

  @Field(() => String, { nullable: true, description: '参与人员 / Who took part' })
  @Column({ type: 'text', nullable: true })
  participants: string | null;

  @Field(() => String, { nullable: true, description: '纪要 / Summary' })
  @Column({ type: 'text', nullable: true })
  summary: string | null;
}

/** The schools a session was held for (one or more). */
@Entity('joint_research_session_school')
@Index(['schoolId', 'sessionId'])
export class JointResearchSessionSchool {
  @Column({ type: 'uuid', primary: true })
  sessionId: string;

  @ManyToOne(() => JointResearchSession, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<JointResearchSession>;

  @Column({ type: 'uuid', primary: true })
  schoolId: string;

  @ManyToOne(() => School, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'school_id' })
  school?: Relation<School>;

  /** The school's district, copied for scope filters. */
  @Column({ type: 'uuid' })
  @Index()
  districtId: string;
}

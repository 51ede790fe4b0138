import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { BaseRecord } from '../../common/base.entity.js';
import { Node } from '../node/node.type.js';
import { Role } from '../../auth/viewer.js';
import { District } from '../district/district.entity.js';
import { School } from '../school/school.entity.js';

/** How usernames compare (sign-in, uniqueness, the sign-in throttle's counters): trimmed, lower-cased. */
export function usernameKey(username: string): string {
  return username.trim().toLowerCase();
}

@ObjectType('User', { implements: Node, description: '用户账号 / A user account' })
@Entity('app_user')
// Usernames are unique without regard to case (`Demo-City` is demo-city), and sign-in looks
// them up the same way; an expression index TypeORM cannot declare (migration UsernameCase).
@Index('UQ_app_user_username_lower', { synchronize: false })
export class User extends BaseRecord {
  /** Kept as typed; compared lower-cased everywhere (see usernameKey). */
  @Field({ description: '登录名（不区分大小写）/ Username, unique and matched without regard to case' })
  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Field({ description: '显示名称 / Display name' })
  @Column({ type: 'varchar', length: 64 })
  displayName: string;

  /** argon2id PHC string; never leaves the server. */
  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @Field({ description: '是否启用 / Whether the account may sign in' })
  @Column({ type: 'boolean', default: true })
  isActive: boolean;

  /** Demo accounts from the seed; refused at login when NODE_ENV=production. */
  @Column({ type: 'boolean', default: false })
  isDemo: boolean;

  @OneToMany(() => RoleGrant, (g) => g.user)
  grants?: Relation<RoleGrant[]>;
}

@ObjectType('RoleGrant', { description: '角色授权：角色及其范围 / A role held over a scope' })
@Entity('role_grant')
@Index(['userId', 'role', 'districtId', 'schoolId'], { unique: true })
export class RoleGrant {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  @Index()
  userId: string;

  @ManyToOne(() => User, (u) => u.grants, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Field(() => Role, { description: '角色 / Role' })
  @Column({ type: 'enum', enum: Role, enumName: 'role' })
  role: Role;

  @Column({ type: 'uuid', nullable: true })
  @Index()
  districtId: string | null;

  @ManyToOne(() => District, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'district_id' })
  district?: Relation<District> | null;

  @Column({ type: 'uuid', nullable: true })
  @Index()
  schoolId: string | null;

  @ManyToOne(() => School, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'school_id' })
  school?: Relation<School> | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** One issued token. Logout (or an admin) sets revokedAt; the token dies with it. */
@Entity('auth_session')
export class AuthSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  @Index()
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  expiresAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  revokedAt: Date | null;
}

import {
  Arg,
  Args,
  Ctx,
  ID,
  Field,
  FieldResolver,
  GraphQLISODateTime,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { neighbourSchool } from '../../auth/neighbour.js';
import type { Context } from '../../context.js';
import { District } from '../district/district.entity.js';
import { School } from '../school/school.entity.js';
import { RoleGrant, User } from './user.entity.js';
import { CreateUserInput, GrantInput, UserFilter } from './user.inputs.js';
import { ConnectionArgs, connectionTypes } from '../../common/connection.js';
import { toGlobalId } from '../../common/global-id.js';

const { ConnectionType: UserConnection } = connectionTypes(User, 'User', '用户');

@ObjectType({ description: '登录结果 / The result of signing in' })
class LoginPayload {
  @Field({ description: '以 Authorization: Bearer 发送的令牌 / Send as Authorization: Bearer <token>' })
  token: string;

  @Field(() => GraphQLISODateTime, { description: '令牌过期时间 / When the token expires' })
  expiresAt: Date;

  @Field(() => User, { description: '当前用户 / The signed-in user' })
  viewer: User;
}

@Resolver(() => User)
export class UserResolver {
  @Mutation(() => LoginPayload, { description: '登录 / Sign in with username and password' })
  async login(
    @Ctx() ctx: Context,
    @Arg('username', { description: '登录名 / Username' }) username: string,
    @Arg('password', { description: '密码 / Password' }) password: string,
  ): Promise<LoginPayload> {
    const { token, expiresAt, user } = await ctx.services.auth.login(username, password, ctx.clientAddress);
    return { token, expiresAt, viewer: user };
  }

  @Mutation(() => Boolean, { description: '退出登录并吊销当前令牌 / Sign out and revoke the current token' })
  logout(@Ctx() ctx: Context) {
    return ctx.services.auth.logout(ctx);
  }

  @Query(() => User, {
    nullable: true,
    description: '当前用户及其授权；未登录为 null / The signed-in user and grants; null when anonymous',
  })
  me(@Ctx() ctx: Context) {
    return ctx.viewer ? ctx.services.users.byId(ctx.viewer.userId) : null;
  }

  @Mutation(() => User, {
    description: "新建用户并授权（限本人管辖范围）/ Create a user with grants inside the admin's own scope",
  })
  createUser(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateUserInput, { description: '用户信息 / The user' }) input: CreateUserInput,
  ) {
    return ctx.services.users.create(ctx, input);
  }

  @Query(() => UserConnection, {
    description: "本人管辖范围内的用户（管理员）/ Users inside the admin's scope, by username",
  })
  users(
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => UserFilter, { nullable: true, description: '筛选条件 / Filter' }) filter?: UserFilter,
  ) {
    return ctx.services.users.list(ctx, filter, args);
  }

  @Mutation(() => RoleGrant, { description: '为用户增加一项授权 / Add a grant to a user' })
  grantRole(
    @Ctx() ctx: Context,
    @Arg('userId', () => ID, { description: '用户 ID / The user' }) userId: string,
    @Arg('grant', () => GrantInput, { description: '授权 / The grant' }) grant: GrantInput,
  ) {
    return ctx.services.users.grant(ctx, userId, grant);
  }

  @Mutation(() => ID, { description: '撤销一项授权；返回其 ID / Revoke a grant; returns its ID' })
  revokeGrant(@Ctx() ctx: Context, @Arg('grantId', () => ID, { description: '授权 ID / The grant' }) grantId: string) {
    return ctx.services.users.revoke(ctx, grantId);
  }

  @Mutation(() => User, {
    description: '启用或停用账号；停用即吊销其全部令牌 / Enable or disable an account; disabling revokes its tokens',
  })
  setUserActive(
    @Ctx() ctx: Context,
    @Arg('userId', () => ID, { description: '用户 ID / The user' }) userId: string,
    @Arg('isActive', { description: '是否启用 / Enabled' }) isActive: boolean,
  ) {
    return ctx.services.users.setActive(ctx, userId, isActive);
  }

  @FieldResolver(() => [RoleGrant], { description: '角色授权 / Role grants' })
  grants(@Root() user: User, @Ctx() ctx: Context) {
    return ctx.loaders.grantsByUser.load(user.id);
  }
}

@Resolver(() => RoleGrant)
export class RoleGrantResolver {
  @FieldResolver(() => ID, { description: '授权 ID（撤销时使用）/ Grant ID, for revokeGrant' })
  id(@Root() grant: RoleGrant): string {
    return toGlobalId('RoleGrant', grant.id);
  }

  @FieldResolver(() => District, { nullable: true, description: '授权范围：区县 / Scope: the district' })
  district(@Root() grant: RoleGrant, @Ctx() ctx: Context) {
    return grant.districtId ? ctx.loaders.district.load(grant.districtId) : null;
  }

  @FieldResolver(() => School, {
    nullable: true,
    description: '授权范围：学校（集团校长为龙头校）/ Scope: the school (the lead school for group leaders)',
  })
  school(@Root() grant: RoleGrant, @Ctx() ctx: Context) {
    return neighbourSchool(ctx, grant.schoolId);
  }
}

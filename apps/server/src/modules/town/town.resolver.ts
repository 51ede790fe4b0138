import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { ConnectionArgs } from '../../common/connection.js';
import { District } from '../district/district.entity.js';
import { SchoolConnection } from '../school/school.types.js';
import { SchoolFilter, SchoolOrder } from '../school/school.inputs.js';
import { Town } from './town.entity.js';
import { CreateTownInput, TownFilter, TownOrder, UpdateTownInput } from './town.inputs.js';
import { TownConnection } from './town.types.js';

@Resolver(() => Town)
export class TownResolver {
  @Query(() => TownConnection, { description: '乡镇列表 / Towns, townships and subdistricts' })
  towns(
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => TownFilter, {
      nullable: true,
      description: '筛选条件（省略则不筛选）/ Filter conditions; omit to list everything in scope',
    })
    filter?: TownFilter,
    @Arg('orderBy', () => TownOrder, {
      nullable: true,
      description: '排序方式（省略时按区划代码升序）/ Sort order; by NBS code, ascending, when omitted',
    })
    orderBy?: TownOrder,
  ) {
    return ctx.services.town.list(ctx, filter, orderBy, args);
  }

  @Query(() => Town, { nullable: true, description: '按 ID 获取乡镇 / A town by ID' })
  town(@Ctx() ctx: Context, @Arg('id', () => ID, { description: '乡镇的全局 ID / Global ID of the town' }) id: string) {
    return ctx.services.town.getByGlobalId(ctx, id);
  }

  @FieldResolver(() => District, { description: '所属区县 / The district' })
  district(@Root() town: Town, @Ctx() ctx: Context) {
    return ctx.loaders.district.load(town.districtId);
  }

  @FieldResolver(() => SchoolConnection, {
    description: "本乡镇学校（查看范围内）/ Schools of this town within the viewer's scope",
  })
  schools(
    @Root() town: Town,
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => SchoolFilter, {
      nullable: true,
      description: '筛选条件（省略则不筛选）/ Filter conditions; omit to list everything in scope',
    })
    filter?: SchoolFilter,
    @Arg('orderBy', () => SchoolOrder, {
      nullable: true,
      description: '排序方式（省略时按名称升序）/ Sort order; by name, ascending, when omitted',
    })
    orderBy?: SchoolOrder,
  ) {
    return ctx.services.school.pageForParent(ctx, 'townId', town.id, filter, orderBy, args);
  }

  @Mutation(() => Town, { description: '新建乡镇（市级）/ Create a town (city admins)' })
  createTown(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateTownInput, { description: '新乡镇的字段 / Fields of the new town' })
    input: CreateTownInput,
  ) {
    return ctx.services.town.create(ctx, input);
  }

  @Mutation(() => Town, {
    description: '修改乡镇（含是否纳入行动、试点级别）/ Update a town, including programme flag and pilot level',
  })
  updateTown(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '要修改的乡镇的全局 ID / Global ID of the town to update' }) id: string,
    @Arg('input', () => UpdateTownInput, { description: '要修改的字段 / The fields to change' }) input: UpdateTownInput,
  ) {
    return ctx.services.town.update(ctx, id, input);
  }

  @Mutation(() => ID, {
    description: '删除乡镇（须无学校）；返回被删除的 ID / Delete a town with no schools; returns its ID',
  })
  deleteTown(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '要删除的乡镇的全局 ID / Global ID of the town to delete' }) id: string,
  ) {
    return ctx.services.town.delete(ctx, id);
  }
}

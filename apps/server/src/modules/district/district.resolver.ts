import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { ConnectionArgs } from '../../common/connection.js';
import { TownConnection } from '../town/town.types.js';
import { TownFilter, TownOrder } from '../town/town.inputs.js';
import { SchoolConnection } from '../school/school.types.js';
import { SchoolFilter, SchoolOrder } from '../school/school.inputs.js';
import { District } from './district.entity.js';
import { CreateDistrictInput, DistrictFilter, DistrictOrder, UpdateDistrictInput } from './district.inputs.js';

import { DistrictConnection } from './district.types.js';

@Resolver(() => District)
export class DistrictResolver {
  @Query(() => DistrictConnection, { description: '区县列表 / Districts, counties and zones' })
  districts(
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => DistrictFilter, {
      nullable: true,
      description: '筛选条件（省略则不筛选）/ Filter conditions; omit to list everything in scope',
    })
    filter?: DistrictFilter,
    @Arg('orderBy', () => DistrictOrder, {
      nullable: true,
      description: '排序方式（省略时按区划代码升序）/ Sort order; by NBS code, ascending, when omitted',
    })
    orderBy?: DistrictOrder,
  ) {
    return ctx.services.district.list(ctx, filter, orderBy, args);
  }

  @Query(() => District, { nullable: true, description: '按 ID 获取区县 / A district by ID' })
  district(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '区县的全局 ID / Global ID of the district' }) id: string,
  ) {
    return ctx.services.district.getByGlobalId(ctx, id);
  }

  @FieldResolver(() => TownConnection, { description: '下辖乡镇 / Towns of this district' })
  towns(
    @Root() district: District,
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
    return ctx.services.town.pageForParent(ctx, 'districtId', district.id, filter, orderBy, args);
  }

  @FieldResolver(() => SchoolConnection, {
    description: "本区县学校（查看范围内）/ Schools of this district within the viewer's scope",
  })
  schools(
    @Root() district: District,
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
    return ctx.services.school.pageForParent(ctx, 'districtId', district.id, filter, orderBy, args);
  }

  @Mutation(() => District, { description: '新建区县（市级）/ Create a district (city admins)' })
  createDistrict(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateDistrictInput, { description: '新区县的字段 / Fields of the new district' })
    input: CreateDistrictInput,
  ) {
    return ctx.services.district.create(ctx, input);
  }

  @Mutation(() => District, { description: '修改区县 / Update a district' })
  updateDistrict(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '要修改的区县的全局 ID / Global ID of the district to update' }) id: string,
    @Arg('input', () => UpdateDistrictInput, { description: '要修改的字段 / The fields to change' })
    input: UpdateDistrictInput,
  ) {
    return ctx.services.district.update(ctx, id, input);
  }

  @Mutation(() => ID, {
    description: '删除区县（须无下辖乡镇）；返回被删除的 ID / Delete a district with no towns; returns its ID',
  })
  deleteDistrict(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '要删除的区县的全局 ID / Global ID of the district to delete' }) id: string,
  ) {
    return ctx.services.district.delete(ctx, id);
  }
}

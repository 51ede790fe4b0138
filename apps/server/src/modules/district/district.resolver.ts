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
    @Arg('filter', () => DistrictFilter, { nullable: true }) filter?: DistrictFilter,
    @Arg('orderBy', () => DistrictOrder, { nullable: true }) orderBy?: DistrictOrder,
  ) {
    return ctx.services.district.list(ctx, filter, orderBy, args);
  }

  @Query(() => District, { nullable: true, description: '按 ID 获取区县 / A district by ID' })
  district(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return ctx.services.district.getByGlobalId(ctx, id);
  }

  @FieldResolver(() => TownConnection, { description: '下辖乡镇 / Towns of this district' })
  towns(
    @Root() district: District,
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => TownFilter, { nullable: true }) filter?: TownFilter,
    @Arg('orderBy', () => TownOrder, { nullable: true }) orderBy?: TownOrder,
  ) {
    return ctx.services.town.pageForParent(ctx, 'districtId', district.id, filter, orderBy, args);
  }

  @FieldResolver(() => SchoolConnection, { description: '本区县学校（查看范围内）/ Schools of this district within the viewer\'s scope' })
  schools(
    @Root() district: District,
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => SchoolFilter, { nullable: true }) filter?: SchoolFilter,
    @Arg('orderBy', () => SchoolOrder, { nullable: true }) orderBy?: SchoolOrder,
  ) {
    return ctx.services.school.pageForParent(ctx, 'districtId', district.id, filter, orderBy, args);
  }

  @Mutation(() => District, { description: '新建区县（市级）/ Create a district (city admins)' })
  createDistrict(@Ctx() ctx: Context, @Arg('input', () => CreateDistrictInput) input: CreateDistrictInput) {
    return ctx.services.district.create(ctx, input);
  }

  @Mutation(() => District, { description: '修改区县 / Update a district' })
  updateDistrict(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateDistrictInput) input: UpdateDistrictInput,
  ) {
    return ctx.services.district.update(ctx, id, input);
  }

  @Mutation(() => ID, { description: '删除区县（须无下辖乡镇）；返回被删除的 ID / Delete a district with no towns; returns its ID' })
  deleteDistrict(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return ctx.services.district.delete(ctx, id);
  }
}

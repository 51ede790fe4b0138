import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { ConnectionArgs } from '../../common/connection.js';
import { District } from '../district/district.entity.js';
import { Town } from '../town/town.entity.js';
import { Teacher } from '../teacher/teacher.entity.js';
import { TeacherConnection } from '../teacher/teacher.types.js';
import { TeacherFilter, TeacherOrder } from '../teacher/teacher.inputs.js';
import { School } from './school.entity.js';
import { CreateSchoolInput, SchoolFilter, SchoolOrder, UpdateSchoolInput } from './school.inputs.js';
import { SchoolConnection } from './school.types.js';

@Resolver(() => School)
export class SchoolResolver {
  @Query(() => SchoolConnection, { description: "学校列表（查看范围内）/ Schools within the viewer's scope" })
  schools(
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
    return ctx.services.school.list(ctx, filter, orderBy, args);
  }

  @Query(() => School, {
    nullable: true,
    description: '按 ID 获取学校；范围外视同不存在 / A school by ID; out of scope reads as absent',
  })
  school(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '学校的全局 ID / Global ID of the school' }) id: string,
  ) {
    return ctx.services.school.getByGlobalId(ctx, id);
  }

  @FieldResolver(() => Town, { description: '所属乡镇 / The town' })
  town(@Root() school: School, @Ctx() ctx: Context) {
    return ctx.loaders.town.load(school.townId);
  }

  @FieldResolver(() => District, { description: '所属区县 / The district' })
  district(@Root() school: School, @Ctx() ctx: Context) {
    return ctx.loaders.district.load(school.districtId);
  }

  @FieldResolver(() => Teacher, { nullable: true, description: '校长 / The principal' })
  principal(@Root() school: School, @Ctx() ctx: Context) {
    return school.principalId ? ctx.loaders.teacher.load(school.principalId) : null;
  }

  @FieldResolver(() => TeacherConnection, { description: '本校教师 / Teachers of this school' })
  teachers(
    @Root() school: School,
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => TeacherFilter, {
      nullable: true,
      description: '筛选条件（省略则不筛选）/ Filter conditions; omit to list everything in scope',
    })
    filter?: TeacherFilter,
    @Arg('orderBy', () => TeacherOrder, {
      nullable: true,
      description: '排序方式（省略时按名称升序）/ Sort order; by name, ascending, when omitted',
    })
    orderBy?: TeacherOrder,
  ) {
    return ctx.services.teacher.pageForSchool(ctx, school.id, filter, orderBy, args);
  }

  @Mutation(() => School, { description: '新建学校 / Create a school' })
  createSchool(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateSchoolInput, { description: '新学校的字段 / Fields of the new school' })
    input: CreateSchoolInput,
  ) {
    return ctx.services.school.create(ctx, input);
  }

  @Mutation(() => School, { description: '修改学校 / Update a school' })
  updateSchool(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '要修改的学校的全局 ID / Global ID of the school to update' }) id: string,
    @Arg('input', () => UpdateSchoolInput, { description: '要修改的字段 / The fields to change' })
    input: UpdateSchoolInput,
  ) {
    return ctx.services.school.update(ctx, id, input);
  }

  @Mutation(() => ID, {
    description:
      '删除学校（须无教师，绝不级联删除）；返回被删除的 ID / Delete a school with no teachers (never cascades); returns its ID',
  })
  deleteSchool(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '要删除的学校的全局 ID / Global ID of the school to delete' }) id: string,
  ) {
    return ctx.services.school.delete(ctx, id);
  }
}

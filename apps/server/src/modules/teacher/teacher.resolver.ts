import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { isPublicView, NEIGHBOUR_SCHOOL, neighbourSchool } from '../../auth/neighbour.js';

import type { Context } from '../../context.js';
import { ConnectionArgs } from '../../common/connection.js';
import { School } from '../school/school.entity.js';
import { Teacher } from './teacher.entity.js';
import { CreateTeacherInput, TeacherFilter, TeacherOrder, UpdateTeacherInput } from './teacher.inputs.js';
import { TeacherConnection } from './teacher.types.js';
import { DateScalar } from '../../common/scalars.js';

@Resolver(() => Teacher)
export class TeacherResolver {
  @Query(() => TeacherConnection, { description: "教师列表（查看范围内）/ Teachers within the viewer's scope" })
  teachers(
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
    return ctx.services.teacher.list(ctx, filter, orderBy, args);
  }

  @Query(() => Teacher, {
    nullable: true,
    description: '按 ID 获取教师；范围外视同不存在 / A teacher by ID; out of scope reads as absent',
  })
  teacher(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '教师的全局 ID / Global ID of the teacher' }) id: string,
  ) {
    return ctx.services.teacher.getByGlobalId(ctx, id);
  }

  @FieldResolver(() => School, {
    nullable: true,
    description: `所在学校（人事关系所在，交流期间不变）${NEIGHBOUR_SCHOOL} / Home school; unchanged during exchanges`,
  })
  school(@Root() teacher: Teacher, @Ctx() ctx: Context) {
    return isPublicView(teacher) ? null : neighbourSchool(ctx, teacher.schoolId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      '身份证号（个人信息，无管理权限时脱敏）/ Resident ID number; masked unless the viewer manages the school',
  })
  async idNumber(@Root() teacher: Teacher, @Ctx() ctx: Context) {
    if (isPublicView(teacher)) return null;
    return (await ctx.services.teacher.personal(ctx, teacher)).idNumber;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: '电话（个人信息，无管理权限时脱敏）/ Phone; masked unless the viewer manages the school',
  })
  async phone(@Root() teacher: Teacher, @Ctx() ctx: Context) {
    if (isPublicView(teacher)) return null;
    return (await ctx.services.teacher.personal(ctx, teacher)).phone;
  }

  @FieldResolver(() => DateScalar, {
    nullable: true,
    description: '出生日期（个人信息，无管理权限时为空）/ Birth date; null unless the viewer manages the school',
  })
  async birthDate(@Root() teacher: Teacher, @Ctx() ctx: Context) {
    if (isPublicView(teacher)) return null;
    return (await ctx.services.teacher.personal(ctx, teacher)).birthDate;
  }

  @Mutation(() => Teacher, { description: '新建教师 / Create a teacher' })
  createTeacher(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateTeacherInput, { description: '新教师的字段 / Fields of the new teacher' })
    input: CreateTeacherInput,
  ) {
    return ctx.services.teacher.create(ctx, input);
  }

  @Mutation(() => Teacher, { description: '修改教师 / Update a teacher' })
  updateTeacher(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '要修改的教师的全局 ID / Global ID of the teacher to update' }) id: string,
    @Arg('input', () => UpdateTeacherInput, { description: '要修改的字段 / The fields to change' })
    input: UpdateTeacherInput,
  ) {
    return ctx.services.teacher.update(ctx, id, input);
  }

  @Mutation(() => ID, { description: '删除教师；返回被删除的 ID / Delete a teacher; returns its ID' })
  deleteTeacher(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '要删除的教师的全局 ID / Global ID of the teacher to delete' }) id: string,
  ) {
    return ctx.services.teacher.delete(ctx, id);
  }
}

import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { requireViewer } from '../../auth/policy.js';
import { DateScalar } from '../../common/scalars.js';
import { SchoolCalendar, SetSchoolCalendarInput } from './calendar.types.js';

@Resolver()
export class CalendarResolver {
  @Query(() => DateScalar, {
    description:
      '济南当日（项目日历），客户端以此判断“今天”，与服务器的校验一致 / Today in Jinan on the programme clock; clients take their “today” from it so their checks agree with the server’s',
  })
  today(@Ctx() ctx: Context): string {
    return ctx.config.clock.today();
  }

  @Query(() => SchoolCalendar, {
    description:
      '某学年的校历（学期月与假期月）；省略则为本学年 / The school calendar (term and holiday months) of a school year; the current one when omitted',
  })
  schoolCalendar(
    @Ctx() ctx: Context,
    @Arg('schoolYear', () => Int, {
      nullable: true,
      description: '学年起始年份 / The year the school year begins in',
    })
    schoolYear?: number,
  ): Promise<SchoolCalendar> {
    requireViewer(ctx.viewer);
    return ctx.services.calendar.get(schoolYear ?? ctx.services.calendar.currentSchoolYear());
  }

  @Mutation(() => SchoolCalendar, {
    description:
      '设置某学年的假期月（仅市级管理员）；假期月不要求开展联合教研 / Sets the holiday months of a school year (city admin only); holiday months owe no joint research',
  })
  setSchoolCalendar(
    @Ctx() ctx: Context,
    @Arg('input', () => SetSchoolCalendarInput, { description: '学年与假期月 / The school year and its holidays' })
    input: SetSchoolCalendarInput,
  ): Promise<SchoolCalendar> {
    return ctx.services.calendar.set(ctx, input);
  }
}

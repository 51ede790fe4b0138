import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { ArrayMaxSize, Matches } from 'class-validator';

@ObjectType('SchoolCalendarMonth', { description: '校历中的一个月 / One month of the school calendar' })
export class SchoolCalendarMonth {
  @Field({ description: '月份（YYYY-MM）/ The month, YYYY-MM' })
  month: string;

  @Field({
    description:
      '是否学期月：学期月每月须开展联合教研，假期月不要求 / Whether it is a term month: monthly joint research is owed in term months only',
  })
  term: boolean;
}

@ObjectType('SchoolCalendar', {
  description:
    '一个学年（9 月至次年 8 月）的校历，全市统一 / The city-wide calendar of one school year, September to August',
})
export class SchoolCalendar {
  @Field(() => Int, { description: '学年起始年份（2026 即 2026-09 至 2027-08）/ The year the school year begins in' })
  schoolYear: number;

  @Field(() => [SchoolCalendarMonth], { description: '九月起的十二个月 / Its twelve months, September first' })
  months: SchoolCalendarMonth[];

  @Field({
    description:
      '是否为默认校历（二月寒假、八月暑假）/ Whether it is the default calendar (February and August as holidays)',
  })
  isDefault: boolean;
}

@InputType({ description: '设置某学年的假期月 / The holiday months of one school year' })
export class SetSchoolCalendarInput {
  @Field(() => Int, { description: '学年起始年份 / The year the school year begins in' })
  schoolYear: number;

  @Field(() => [String], {
    description:
      '假期月（YYYY-MM，须在该学年内；其余为学期月）/ Holiday months, YYYY-MM within the school year; the others are term months',
  })
  @ArrayMaxSize(12)
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { each: true, message: 'each month must be YYYY-MM' })
  holidayMonths: string[];
}

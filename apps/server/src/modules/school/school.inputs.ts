import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { OrderDirection } from '../../common/connection.js';
import { SchoolLocality, SchoolStage } from './school.enums.js';

@InputType({ description: '学校筛选 / School filter' })
export class SchoolFilter {
  @Field(() => ID, { nullable: true, description: '所属区县 / District' })
  districtId?: string;

  @Field(() => ID, { nullable: true, description: '所属乡镇 / Town' })
  townId?: string;

  @Field(() => SchoolStage, { nullable: true, description: '学段 / Stage' })
  stage?: SchoolStage;

  @Field(() => SchoolLocality, { nullable: true, description: '城乡分类 / Locality' })
  locality?: SchoolLocality;

  @Field({ nullable: true, description: '是否镇驻地学校 / Town-seat schools only (or none)' })
  isTownSeat?: boolean;

  @Field({ nullable: true, description: '按名称或学校标识码搜索 / Search by name or school code' })
  @Length(1, 50)
  search?: string;
}

export enum SchoolOrderField {
  NAME = 'NAME',
  CODE = 'CODE',
  STUDENT_COUNT = 'STUDENT_COUNT',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(SchoolOrderField, {
  name: 'SchoolOrderField',
  description: '学校排序字段 / School sort field',
  valuesConfig: {
    NAME: { description: '按名称 / By name' },
    CODE: { description: '按学校标识码 / By national school code' },
    STUDENT_COUNT: { description: '按在校生数 / By enrolled students' },
    CREATED_AT: { description: '按创建时间 / By creation time' },
  },
});

@InputType({ description: '学校排序 / School ordering' })
export class SchoolOrder {
  @Field(() => SchoolOrderField, { description: '排序字段 / Field to sort by' })
  field: SchoolOrderField;

  @Field(() => OrderDirection, {
    defaultValue: OrderDirection.ASC,
    description: '排序方向（默认升序）/ Sort direction; ascending by default',
  })
  direction: OrderDirection;
}

export const SCHOOL_SORT_PROPERTIES: Record<SchoolOrderField, string> = {
  NAME: 'name',
  CODE: 'code',
  STUDENT_COUNT: 'studentCount',
  CREATED_AT: 'createdAt',
};

const CODE = /^\d{10}$/;

@InputType({ description: '新建学校 / New school' })
export class CreateSchoolInput {
  @Field({ description: '10 位学校标识码 / 10-digit national school code' })
  @Matches(CODE, { message: 'must be 10 digits' })
  code: string;

  @Field({ description: '名称 / Name' })
  @Length(2, 100)
  name: string;

  @Field(() => SchoolStage, { description: '学段 / Stage' })
  stage: SchoolStage;

  @Field(() => SchoolLocality, { description: '城乡分类 / Locality' })
  locality: SchoolLocality;

  @Field({
    nullable: true,
    defaultValue: false,
    description: '是否镇驻地学校（默认否）/ Whether this is a town-seat school; false by default',
  })
  isTownSeat: boolean;

  @Field(() => ID, { description: '所属乡镇 / Town' })
  townId: string;

  @Field(() => String, { nullable: true, description: '地址 / Address' })
  @IsOptional()
  @Length(0, 200)
  address?: string | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 0,
    description: '在校生数（默认 0）/ Enrolled students; 0 by default',
  })
  @Min(0)
  @Max(20000)
  studentCount: number;

  @Field(() => Int, { nullable: true, defaultValue: 0, description: '班级数（默认 0）/ Classes; 0 by default' })
  @Min(0)
  @Max(500)
  classCount: number;

  @Field({
    nullable: true,
    defaultValue: false,
    description: '是否寄宿制（默认否）/ Boarding school; false by default',
  })
  isBoarding: boolean;

  @Field({
    nullable: true,
    defaultValue: false,
    description: '是否提供午餐（默认否）/ Provides lunch; false by default',
  })
  providesLunch: boolean;

  @Field({
    nullable: true,
    defaultValue: false,
    description: '是否开通校车（默认否）/ Runs a school bus; false by default',
  })
  runsSchoolBus: boolean;

  @Field(() => Int, { nullable: true, description: '建校年份（不晚于今年）/ Year founded, not after this year' })
  @IsOptional()
  @Min(1800)
  foundedYear?: number | null;
}

@InputType({
  description:
    '修改学校（省略的字段不变，null 清空可选字段）/ School changes; omitted fields stay, null clears optional ones',
})
export class UpdateSchoolInput {
  @Field({ nullable: true, description: '10 位学校标识码 / 10-digit national school code' })
  @IsOptional()
  @Matches(CODE, { message: 'must be 10 digits' })
  code?: string;

  @Field({ nullable: true, description: '名称 / Name' })
  @IsOptional()
  @Length(2, 100)
  name?: string;

  @Field(() => SchoolStage, { nullable: true, description: '学段 / Stage' })
  stage?: SchoolStage;

  @Field(() => SchoolLocality, { nullable: true, description: '城乡分类 / Locality' })
  locality?: SchoolLocality;

  @Field({ nullable: true, description: '是否镇驻地学校 / Whether this is a town-seat school' })
  isTownSeat?: boolean;

  @Field(() => ID, {
    nullable: true,
    description: '迁往的乡镇（限同一区县）/ Move to another town of the same district',
  })
  townId?: string;

  @Field(() => String, { nullable: true, description: '地址（null 清空）/ Address; null clears it' })
  @IsOptional()
  @Length(0, 200)
  address?: string | null;

  @Field(() => ID, { nullable: true, description: '校长（须为本校教师）/ Principal, a teacher of this school' })
  principalId?: string | null;

  @Field(() => Int, { nullable: true, description: '在校生数 / Enrolled students' })
  @IsOptional()
  @Min(0)
  @Max(20000)
  studentCount?: number;

  @Field(() => Int, { nullable: true, description: '班级数 / Classes' })
  @IsOptional()
  @Min(0)
  @Max(500)
  classCount?: number;

  @Field({ nullable: true, description: '是否寄宿制 / Boarding school' })
  isBoarding?: boolean;

  @Field({ nullable: true, description: '是否提供午餐 / Provides lunch' })
  providesLunch?: boolean;

  @Field({ nullable: true, description: '是否开通校车 / Runs a school bus' })
  runsSchoolBus?: boolean;

  @Field(() => Int, { nullable: true, description: '建校年份（null 清空）/ Year founded; null clears it' })
  @IsOptional()
  @Min(1800)
  foundedYear?: number | null;
}

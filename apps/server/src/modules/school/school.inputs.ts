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
registerEnumType(SchoolOrderField, { name: 'SchoolOrderField', description: '学校排序字段 / School sort field' });

@InputType({ description: '学校排序 / School ordering' })
export class SchoolOrder {
  @Field(() => SchoolOrderField)
  field: SchoolOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction: OrderDirection;
}

export const SCHOOL_SORT_PROPERTIES: Record<SchoolOrderField, string> = {
  NAME: 'name',
  CODE: 'code',
  STUDENT_COUNT: 'studentCount',
  CREATED_AT: 'createdAt',
};

const CODE = /^\d{10}$/;
const thisYear = new Date().getFullYear();

@InputType({ description: '新建学校 / New school' })
export class CreateSchoolInput {
  @Field({ description: '10 位学校标识码 / 10-digit national school code' })
  @Matches(CODE, { message: 'must be 10 digits' })
  code: string;

  @Field()
  @Length(2, 100)
  name: string;

  @Field(() => SchoolStage)
  stage: SchoolStage;

  @Field(() => SchoolLocality)
  locality: SchoolLocality;

  @Field({ nullable: true, defaultValue: false })
  isTownSeat: boolean;

  @Field(() => ID, { description: '所属乡镇 / Town' })
  townId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 200)
  address?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: 0 })
  @Min(0)
  @Max(20000)
  studentCount: number;

  @Field(() => Int, { nullable: true, defaultValue: 0 })
  @Min(0)
  @Max(500)
  classCount: number;

  @Field({ nullable: true, defaultValue: false })
  isBoarding: boolean;

  @Field({ nullable: true, defaultValue: false })
  providesLunch: boolean;

  @Field({ nullable: true, defaultValue: false })
  runsSchoolBus: boolean;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1800)
  @Max(thisYear)
  foundedYear?: number | null;
}

@InputType({ description: '修改学校（省略的字段不变，null 清空可选字段）/ School changes; omitted fields stay, null clears optional ones' })
export class UpdateSchoolInput {
  @Field({ nullable: true })
  @IsOptional()
  @Matches(CODE, { message: 'must be 10 digits' })
  code?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(2, 100)
  name?: string;

  @Field(() => SchoolStage, { nullable: true })
  stage?: SchoolStage;

  @Field(() => SchoolLocality, { nullable: true })
  locality?: SchoolLocality;

  @Field({ nullable: true })
  isTownSeat?: boolean;

  @Field(() => ID, { nullable: true, description: '迁往的乡镇（限同一区县）/ Move to another town of the same district' })
  townId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 200)
  address?: string | null;

  @Field(() => ID, { nullable: true, description: '校长（须为本校教师）/ Principal, a teacher of this school' })
  principalId?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(20000)
  studentCount?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(500)
  classCount?: number;

  @Field({ nullable: true })
  isBoarding?: boolean;

  @Field({ nullable: true })
  providesLunch?: boolean;

  @Field({ nullable: true })
  runsSchoolBus?: boolean;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1800)
  @Max(thisYear)
  foundedYear?: number | null;
}

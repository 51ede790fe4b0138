import { Field, ID, InputType, registerEnumType } from 'type-graphql';

import { IsOptional, Length, Matches, registerDecorator, type ValidationOptions } from 'class-validator';
import { OrderDirection } from '../../common/connection.js';
import { SchoolLocality, SchoolStage } from '../school/school.enums.js';
import { BackboneLevel, Degree, Gender, Title } from './teacher.enums.js';
import { isValidIdNumber } from './id-number.js';
import { DateScalar } from '../../common/scalars.js';

function IsIdNumber(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isIdNumber',
      target: object.constructor,
      propertyName,
      options: { message: 'is not a valid 18-digit resident ID number', ...options },
      validator: { validate: (v: unknown) => v == null || (typeof v === 'string' && isValidIdNumber(v)) },
    });
}

@InputType({ description: '教师筛选 / Teacher filter' })
export class TeacherFilter {
  @Field(() => ID, { nullable: true, description: "所在区县 / District of the teacher's school" })
  districtId?: string;

  @Field(() => ID, { nullable: true, description: "所在乡镇 / Town of the teacher's school" })
  townId?: string;

  @Field(() => ID, { nullable: true, description: '所在学校 / School' })
  schoolId?: string;

  @Field(() => SchoolStage, { nullable: true, description: '学校学段 / Stage of the school' })
  stage?: SchoolStage;

  @Field(() => SchoolLocality, { nullable: true, description: '学校城乡分类 / Locality of the school' })
  locality?: SchoolLocality;

  @Field({ nullable: true, description: '是否镇驻地学校教师 / Teachers of town-seat schools' })
  isTownSeat?: boolean;

  @Field(() => Degree, { nullable: true, description: '学历 / Degree' })
  degree?: Degree;

  @Field(() => Title, { nullable: true, description: '职称 / Title' })
  title?: Title;

  @Field(() => BackboneLevel, { nullable: true, description: '骨干级别 / Backbone level' })
  backboneLevel?: BackboneLevel;

  @Field({ nullable: true, description: '是否专任教师 / Full-time teachers' })
  isFullTime?: boolean;

  @Field({ nullable: true, description: '按姓名或工号搜索 / Search by name or staff number' })
  @Length(1, 50)
  search?: string;
}

export enum TeacherOrderField {
  NAME = 'NAME',
  STAFF_NUMBER = 'STAFF_NUMBER',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(TeacherOrderField, {
  name: 'TeacherOrderField',
  description: '教师排序字段 / Teacher sort field',
  valuesConfig: {
    NAME: { description: '按姓名 / By name' },
    STAFF_NUMBER: { description: '按工号 / By staff number' },
    CREATED_AT: { description: '按创建时间 / By creation time' },
  },
});

@InputType({ description: '教师排序 / Teacher ordering' })
export class TeacherOrder {
  @Field(() => TeacherOrderField, { description: '排序字段 / Field to sort by' })
  field: TeacherOrderField;

  @Field(() => OrderDirection, {
    defaultValue: OrderDirection.ASC,
    description: '排序方向（默认升序）/ Sort direction; ascending by default',
  })
  direction: OrderDirection;
}

export const TEACHER_SORT_PROPERTIES: Record<TeacherOrderField, string> = {
  NAME: 'name',
  STAFF_NUMBER: 'staffNumber',
  CREATED_AT: 'createdAt',
};

const STAFF_NUMBER = /^[A-Za-z0-9-]{1,32}$/;
const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

@InputType({ description: '新建教师 / New teacher' })
export class CreateTeacherInput {
  @Field({ description: '工号（校内唯一）/ Staff number, unique within the school' })
  @Matches(STAFF_NUMBER, { message: 'must be 1-32 letters, digits or dashes' })
  staffNumber: string;

  @Field({ description: '姓名 / Name' })
  @Length(1, 50)
  name: string;

  @Field(() => Gender, { description: '性别 / Gender' })
  gender: Gender;

  @Field(() => ID, { description: '所在学校 / School' })
  schoolId: string;

  @Field(() => String, { nullable: true, description: '任教学科 / Subject taught' })
  @IsOptional()
  @Length(1, 32)
  subject?: string | null;

  @Field({
    nullable: true,
    defaultValue: true,
    description: '是否专任教师（默认是）/ Full-time teacher; true by default',
  })
  isFullTime: boolean;

  @Field(() => Degree, { description: '最高学历 / Highest degree' })
  degree: Degree;

  @Field(() => Title, {
    nullable: true,
    defaultValue: Title.UNRANKED,
    description: '职称（默认未定级）/ Professional title; UNRANKED by default',
  })
  title: Title;

  @Field(() => BackboneLevel, {
    nullable: true,
    defaultValue: BackboneLevel.NONE,
    description: '骨干教师级别（默认非骨干）/ Backbone level; NONE by default',
  })
  backboneLevel: BackboneLevel;

  @Field({
    nullable: true,
    defaultValue: false,
    description: '是否名师、名校长（默认否）/ Renowned teacher or principal; false by default',
  })
  isRenowned: boolean;

  @Field(() => DateScalar, { nullable: true, description: '入职日期 / Hire date' })
  hireDate?: string | null;

  @Field(() => String, { nullable: true, description: '身份证号（个人信息）/ Resident ID number (personal)' })
  @IsOptional()
  @IsIdNumber()
  idNumber?: string | null;

  @Field(() => String, { nullable: true, description: '电话（个人信息）/ Phone (personal)' })
  @IsOptional()
  @Matches(PHONE, { message: 'must be a mobile (11 digits) or landline number' })
  phone?: string | null;

  @Field(() => DateScalar, { nullable: true, description: '出生日期（个人信息）/ Birth date (personal)' })
  birthDate?: string | null;
}

@InputType({
  description:
    '修改教师（省略的字段不变，null 清空可选字段）/ Teacher changes; omitted fields stay, null clears optional ones',
})
export class UpdateTeacherInput {
  @Field({ nullable: true, description: '工号（校内唯一）/ Staff number, unique within the school' })
  @IsOptional()
  @Matches(STAFF_NUMBER, { message: 'must be 1-32 letters, digits or dashes' })
  staffNumber?: string;

  @Field({ nullable: true, description: '姓名 / Name' })
  @IsOptional()
  @Length(1, 50)
  name?: string;

  @Field(() => Gender, { nullable: true, description: '性别 / Gender' })
  gender?: Gender;

  @Field(() => String, { nullable: true, description: '任教学科（null 清空）/ Subject taught; null clears it' })
  @IsOptional()
  @Length(1, 32)
  subject?: string | null;

  @Field({ nullable: true, description: '是否专任教师 / Full-time teacher' })
  isFullTime?: boolean;

  @Field(() => Degree, { nullable: true, description: '最高学历 / Highest degree' })
  degree?: Degree;

  @Field(() => Title, { nullable: true, description: '职称 / Professional title' })
  title?: Title;

  @Field(() => BackboneLevel, { nullable: true, description: '骨干教师级别 / Backbone level' })
  backboneLevel?: BackboneLevel;

  @Field({ nullable: true, description: '是否名师、名校长 / Renowned teacher or principal' })
  isRenowned?: boolean;

  @Field(() => DateScalar, { nullable: true, description: '入职日期（null 清空）/ Hire date; null clears it' })
  hireDate?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '身份证号（个人信息，null 清空）/ Resident ID number (personal); null clears it',
  })
  @IsOptional()
  @IsIdNumber()
  idNumber?: string | null;

  @Field(() => String, { nullable: true, description: '电话（个人信息，null 清空）/ Phone (personal); null clears it' })
  @IsOptional()
  @Matches(PHONE, { message: 'must be a mobile (11 digits) or landline number' })
  phone?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: '出生日期（个人信息，null 清空）/ Birth date (personal); null clears it',
  })
  birthDate?: string | null;
}

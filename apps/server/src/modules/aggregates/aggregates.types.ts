import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum TeacherDimension {
  DISTRICT = 'DISTRICT',
  TOWN = 'TOWN',
  STAGE = 'STAGE',
  LOCALITY = 'LOCALITY',
  IS_TOWN_SEAT = 'IS_TOWN_SEAT',
  DEGREE = 'DEGREE',
  TITLE = 'TITLE',
  BACKBONE_LEVEL = 'BACKBONE_LEVEL',
  GENDER = 'GENDER',
  IS_FULL_TIME = 'IS_FULL_TIME',
  SUBJECT = 'SUBJECT',
}
registerEnumType(TeacherDimension, {
  name: 'TeacherDimension',
  description: '教师统计的分组维度 / What to group teachers by',
  valuesConfig: {
    DISTRICT: { description: '所在区县 / District of the school' },
    TOWN: { description: '所在乡镇 / Town of the school' },
    STAGE: { description: '学校学段 / Stage of the school' },
    LOCALITY: { description: '学校城乡分类 / Locality of the school' },
    IS_TOWN_SEAT: { description: '是否镇驻地学校 / Whether the school is a town-seat school' },
    DEGREE: { description: '学历 / Degree' },
    TITLE: { description: '职称 / Title' },
    BACKBONE_LEVEL: { description: '骨干级别 / Backbone level' },
    GENDER: { description: '性别 / Gender' },
    IS_FULL_TIME: { description: '是否专任 / Full-time' },
    SUBJECT: { description: '任教学科 / Subject' },
  },
});

export enum SchoolDimension {
  DISTRICT = 'DISTRICT',
  TOWN = 'TOWN',
  STAGE = 'STAGE',
  LOCALITY = 'LOCALITY',
  IS_TOWN_SEAT = 'IS_TOWN_SEAT',
  IS_BOARDING = 'IS_BOARDING',
}
registerEnumType(SchoolDimension, {
  name: 'SchoolDimension',
  description: '学校统计的分组维度 / What to group schools by',
  valuesConfig: {
    DISTRICT: { description: '区县 / District' },
    TOWN: { description: '乡镇 / Town' },
    STAGE: { description: '学段 / Stage' },
    LOCALITY: { description: '城乡分类 / Locality' },
    IS_TOWN_SEAT: { description: '是否镇驻地学校 / Town-seat school' },
    IS_BOARDING: { description: '是否寄宿制 / Boarding school' },
  },
});

@ObjectType({ description: '分组键 / One grouping key of a row' })
export class AggregateKey {
  @Field({ description: '维度 / The dimension' })
  dimension: string;

  @Field(() => String, {
    nullable: true,
    description:
      '取值：枚举值、是否，或区县/乡镇的全局 ID / The value: an enum value, true/false, or a district or town global ID',
  })
  value: string | null;

  @Field(() => String, {
    nullable: true,
    description: '区县、乡镇的名称 / Name of the district or town, where the value is one',
  })
  label: string | null;
}

@ObjectType({ description: '统计结果的一行 / One row of an aggregate' })
export class AggregateRow {
  @Field(() => [AggregateKey], { description: '分组键，顺序同 groupBy / Keys, in groupBy order' })
  keys: AggregateKey[];

  @Field(() => Int, { description: '数量 / Count' })
  count: number;

  @Field(() => Float, {
    description:
      '占比：在除最后一个维度外其余键都相同的各行中所占比例（如每个区县内各学历的占比）/ Share among rows with the same keys but the last (e.g. each degree within its district)',
  })
  share: number;

  @Field(() => Int, {
    nullable: true,
    description: '在校生合计（仅学校统计）/ Students in these schools (school aggregates only)',
  })
  students: number | null;
}

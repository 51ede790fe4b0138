import { registerEnumType } from 'type-graphql';

export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}
registerEnumType(Gender, {
  name: 'Gender',
  description: '性别 / Gender',
  valuesConfig: { MALE: { description: '男 / Male' }, FEMALE: { description: '女 / Female' } },
});

export enum Degree {
  POSTGRADUATE = 'POSTGRADUATE',
  BACHELOR = 'BACHELOR',
  ASSOCIATE = 'ASSOCIATE',
  HIGH_SCHOOL_OR_BELOW = 'HIGH_SCHOOL_OR_BELOW',
}
registerEnumType(Degree, {
  name: 'Degree',
  description: '最高学历 / Highest degree',
  valuesConfig: {
    POSTGRADUATE: { description: '研究生 / Postgraduate' },
    BACHELOR: { description: '本科 / Bachelor' },
    ASSOCIATE: { description: '专科 / Associate' },
    HIGH_SCHOOL_OR_BELOW: { description: '高中及以下 / High school or below' },
  },
});

export enum Title {
  SENIOR_PROFESSOR = 'SENIOR_PROFESSOR',
  SENIOR = 'SENIOR',
  FIRST = 'FIRST',
  SECOND = 'SECOND',
  THIRD = 'THIRD',
  UNRANKED = 'UNRANKED',
}
registerEnumType(Title, {
  name: 'Title',
  description: '职称 / Professional title',
  valuesConfig: {
    SENIOR_PROFESSOR: { description: '正高级 / Senior professor' },
    SENIOR: { description: '高级 / Senior' },
    FIRST: { description: '一级 / First grade' },
    SECOND: { description: '二级 / Second grade' },
    THIRD: { description: '三级 / Third grade' },
    UNRANKED: { description: '未定级 / Unranked' },
  },
});

export enum BackboneLevel {
  NONE = 'NONE',
  COUNTY = 'COUNTY',
  CITY = 'CITY',
  PROVINCE = 'PROVINCE',
}
registerEnumType(BackboneLevel, {
  name: 'BackboneLevel',
  description: '骨干教师级别 / Backbone teacher level ("county or above" = anything but NONE)',
  valuesConfig: {
    NONE: { description: '非骨干 / Not a backbone teacher' },
    COUNTY: { description: '县级 / County level' },
    CITY: { description: '市级 / City level' },
    PROVINCE: { description: '省级 / Provincial level' },
  },
});

import { registerEnumType } from 'type-graphql';

export enum SchoolStage {
  KINDERGARTEN = 'KINDERGARTEN',
  PRIMARY = 'PRIMARY',
  JUNIOR = 'JUNIOR',
  NINE_YEAR = 'NINE_YEAR',
}
registerEnumType(SchoolStage, {
  name: 'SchoolStage',
  description: '学段 / School stage',
  valuesConfig: {
    KINDERGARTEN: { description: '幼儿园 / Kindergarten' },
    PRIMARY: { description: '小学 / Primary' },
    JUNIOR: { description: '初中 / Junior secondary' },
    NINE_YEAR: { description: '九年一贯制 / Nine-year school' },
  },
});

export enum SchoolLocality {
  URBAN = 'URBAN',
  TOWN = 'TOWN',
  RURAL = 'RURAL',
}
registerEnumType(SchoolLocality, {
  name: 'SchoolLocality',
  description: '城乡分类 / Urban, town or rural location',
  valuesConfig: {
    URBAN: { description: '城区 / Urban (the baseline for comparisons)' },
    TOWN: { description: '镇区 / Town area' },
    RURAL: { description: '乡村 / Rural' },
  },
});

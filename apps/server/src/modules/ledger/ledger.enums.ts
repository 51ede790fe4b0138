import { registerEnumType } from 'type-graphql';

/** 省定办学标准条目: which part of the provincial school-running standard an item falls short of. */
export enum StandardItem {
  FUNCTIONAL_ROOMS = 'FUNCTIONAL_ROOMS',
  EQUIPMENT = 'EQUIPMENT',
  CANTEEN = 'CANTEEN',
  DORMITORY = 'DORMITORY',
  SCHOOL_BUS = 'SCHOOL_BUS',
  ICT = 'ICT',
  OTHER = 'OTHER',
}
registerEnumType(StandardItem, {
  name: 'StandardItem',
  description: '省定办学标准条目 / Item of the provincial school-running standard',
  valuesConfig: {
    FUNCTIONAL_ROOMS: { description: '功能室 / Functional rooms' },
    EQUIPMENT: { description: '教学设备 / Teaching equipment' },
    CANTEEN: { description: '食堂（午餐保障）/ Canteen and lunch provision' },
    DORMITORY: { description: '宿舍（寄宿条件）/ Dormitories and boarding conditions' },
    SCHOOL_BUS: { description: '校车 / School bus' },
    ICT: { description: '教育信息化 / Information and communication technology' },
    OTHER: { description: '其他（见条目说明）/ Other; see the detail text' },
  },
});

/** 资金来源 */
export enum FundSource {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  DISTRICT = 'DISTRICT',
  SCHOOL = 'SCHOOL',
  OTHER = 'OTHER',
}
registerEnumType(FundSource, {
  name: 'FundSource',
  description: '资金来源 / Source of funding',
  valuesConfig: {
    PROVINCE: { description: '省级财政 / Provincial funds' },
    CITY: { description: '市级财政 / City funds' },
    DISTRICT: { description: '区县财政 / District or county funds' },
    SCHOOL: { description: '学校自筹 / The school’s own funds' },
    OTHER: { description: '其他 / Other sources' },
  },
});

export enum RectificationStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
}
registerEnumType(RectificationStatus, {
  name: 'RectificationStatus',
  description: '整改状态 / Rectification status',
  valuesConfig: {
    OPEN: { description: '未开始 / Open, not started' },
    IN_PROGRESS: { description: '整改中 / In progress' },
    DONE: { description: '已完成 / Done' },
  },
});

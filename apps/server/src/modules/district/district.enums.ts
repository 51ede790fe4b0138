import { registerEnumType } from 'type-graphql';

export enum DistrictKind {
  DISTRICT = 'DISTRICT',
  COUNTY = 'COUNTY',
  ZONE = 'ZONE',
}
registerEnumType(DistrictKind, {
  name: 'DistrictKind',
  description: '区县类别 / Kind of county-level division',
  valuesConfig: {
    DISTRICT: { description: '区 / District' },
    COUNTY: { description: '县 / County' },
    ZONE: { description: '功能区 / Functional zone' },
  },
});

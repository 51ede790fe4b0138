import { registerEnumType } from 'type-graphql';

export enum TownKind {
  TOWN = 'TOWN',
  TOWNSHIP = 'TOWNSHIP',
  SUBDISTRICT = 'SUBDISTRICT',
  OTHER = 'OTHER',
}
registerEnumType(TownKind, {
  name: 'TownKind',
  description: '乡镇级区划类别 / Kind of town-level unit',
  valuesConfig: {
    TOWN: { description: '镇 / Town' },
    TOWNSHIP: { description: '乡 / Township' },
    SUBDISTRICT: { description: '街道 / Subdistrict' },
    OTHER: { description: '其他 / Other' },
  },
});

export enum PilotLevel {
  NONE = 'NONE',
  CITY = 'CITY',
  PROVINCE = 'PROVINCE',
}
registerEnumType(PilotLevel, {
  name: 'PilotLevel',
  description: '试点镇级别 / Pilot town level',
  valuesConfig: {
    NONE: { description: '非试点 / Not a pilot' },
    CITY: { description: '市级试点 / City pilot' },
    PROVINCE: { description: '省级试点 / Provincial pilot' },
  },
});

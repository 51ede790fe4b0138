import type { DemoCalendar } from './calendar.js';
import { SchoolLocality, SchoolStage } from '../../modules/school/school.enums.js';
import type { DemoScopes } from './accounts.js';
import { isOuterDistrict, type Division } from './divisions.js';
import type { Scale } from './plan.js';
import type { PlannedSchool } from './schools.js';
import type { Story } from './story.js';

/**
 * What the collaboration generators (groups, trusteeships, exchanges, researchers) work
 * from: the schools already written, district by district, and a sample of each urban and
 * town-seat school's staff.
 */

/** A teacher who may be sent on an exchange or seconded: full-time, not the principal. */
export interface StaffMember {
  id: string;
  schoolId: string;
  name: string;
  subject: string;
}

export interface SeededDistrict {
  division: Division;
  /** in plan order: town-seat schools first */
  schools: PlannedSchool[];
}

export interface NetworkInput {
  scale: Scale;
  districts: SeededDistrict[];
  /** by school id; only urban and town-seat schools have a sample */
  staff: ReadonlyMap<string, readonly StaffMember[]>;
  scopes: DemoScopes;
  /** the demo-researcher account, linked to one of 商河县's researchers */
  demoResearcherUserId: string;
  /** which towns are meant to meet which goals (story.ts) */
  story: Story;
  /** the demo's calendar, anchored to the day it is seeded for (calendar.ts) */
  calendar: DemoCalendar;
}

/** Staff sampled per school: enough for exchanges and secondments, few enough for province scale. */
export const STAFF_SAMPLE = 12;

/** Which schools can help which: primary with primary, junior and nine-year alike, kindergartens together. */
export type Family = 'primary' | 'secondary' | 'kindergarten';

export const FAMILIES: readonly Family[] = ['primary', 'secondary', 'kindergarten'];

export function familyOf(stage: SchoolStage): Family {
  switch (stage) {
    case SchoolStage.PRIMARY:
      return 'primary';
    case SchoolStage.JUNIOR:
    case SchoolStage.NINE_YEAR:
      return 'secondary';
    case SchoolStage.KINDERGARTEN:
      return 'kindergarten';
  }
}

/**
 * 城乡对口帮扶: the central district that supports each outer district. A fixed demo
 * pairing, not the bureau's list (which our data does not have); 高新区 supports both
 * 莱芜区 and 钢城区.
 */
export const COUNTERPART_OF: Readonly<Record<string, string>> = {
  '370113': '370104', // 长清区 ← 槐荫区
  '370114': '370112', // 章丘区 ← 历城区
  '370115': '370105', // 济阳区 ← 天桥区
  '370116': '370176', // 莱芜区 ← 高新区
  '370117': '370176', // 钢城区 ← 高新区
  '370124': '370102', // 平阴县 ← 历下区
  '370126': '370103', // 商河县 ← 市中区
};

/** The outer districts a central district supports. */
export function supportedBy(centralCode: string): string[] {
  return Object.entries(COUNTERPART_OF)
    .filter(([, central]) => central === centralCode)
    .map(([outer]) => outer);
}

/** Town-seat schools outside the county towns: the programme's partners (镇区 locality). */
export function townSeatPartners(d: SeededDistrict): PlannedSchool[] {
  return d.schools.filter((s) => s.row.isTownSeat && s.row.locality === SchoolLocality.TOWN);
}

/**
 * The strong schools of a district, by family: its urban schools, those outside the
 * town-seat list first (the county town's 实验 schools), larger staff first.
 */
export function urbanSchools(d: SeededDistrict, family: Family): PlannedSchool[] {
  return d.schools
    .filter((s) => s.row.locality === SchoolLocality.URBAN && familyOf(s.row.stage) === family)
    .sort(
      (a, b) =>
        Number(a.row.isTownSeat) - Number(b.row.isTownSeat) ||
        b.slot.teachers - a.slot.teachers ||
        a.row.code.localeCompare(b.row.code),
    );
}

export function ruralSchools(d: SeededDistrict, family: Family): PlannedSchool[] {
  return d.schools.filter((s) => s.row.locality === SchoolLocality.RURAL && familyOf(s.row.stage) === family);
}

export function outerDistricts(input: NetworkInput): SeededDistrict[] {
  return input.districts.filter((d) => isOuterDistrict(d.division.district));
}

export function centralDistricts(input: NetworkInput): SeededDistrict[] {
  return input.districts.filter((d) => !isOuterDistrict(d.division.district));
}

export function districtByCode(input: NetworkInput, code: string): SeededDistrict | undefined {
  return input.districts.find((d) => d.division.district.code === code);
}

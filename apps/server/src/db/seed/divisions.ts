import { randomUUID } from 'node:crypto';
import type { District } from '../../modules/district/district.entity.js';
import { DistrictKind } from '../../modules/district/district.enums.js';
import type { Town } from '../../modules/town/town.entity.js';
import { PilotLevel, TownKind } from '../../modules/town/town.enums.js';
import { readCsv } from './csv.js';
import { Random } from './random.js';

/** Every column; timestamps come from the database defaults. */
export type DistrictRow = Omit<District, 'createdAt' | 'updatedAt'>;
export type TownRow = Omit<Town, 'createdAt' | 'updatedAt' | 'district'>;

export interface Division {
  district: DistrictRow;
  /** in NBS code order */
  towns: TownRow[];
}

const DISTRICT_KINDS: Record<string, DistrictKind> = {
  区: DistrictKind.DISTRICT,
  县: DistrictKind.COUNTY,
  '功能区(统计用)': DistrictKind.ZONE,
};

const TOWN_KINDS: Record<string, TownKind> = {
  镇: TownKind.TOWN,
  乡: TownKind.TOWNSHIP,
  街道: TownKind.SUBDISTRICT,
  其他: TownKind.OTHER,
};

/**
 * The seven outer districts and counties. Many of their rural towns became 街道 without
 * becoming urban, so the demo puts all their 街道 in the programme (DOMAIN.md, 纳入强镇筑基).
 * The other six (历下, 市中, 槐荫, 天桥, 历城, 高新) are the central, urban districts.
 */
const OUTER_DISTRICTS = new Set([
  '370113', // 长清区
  '370114', // 章丘区
  '370115', // 济阳区
  '370116', // 莱芜区
  '370117', // 钢城区
  '370124', // 平阴县
  '370126', // 商河县
]);

/** The county town (城区) of each outer district: its schools are the district's urban baseline. */
const COUNTY_SEATS = new Set([
  '370113001', // 长清区文昌街道
  '370114001', // 章丘区明水街道
  '370115001', // 济阳区济阳街道
  '370116001', // 莱芜区凤城街道
  '370117001', // 钢城区艾山街道
  '370124001', // 平阴县榆山街道
  '370124002', // 平阴县锦水街道
  '370126001', // 商河县许商街道
]);

const PILOT_TOWNS = { [PilotLevel.PROVINCE]: 3, [PilotLevel.CITY]: 9 };

export function isOuterDistrict(district: DistrictRow): boolean {
  return OUTER_DISTRICTS.has(district.code);
}

export function isCountySeat(town: TownRow): boolean {
  return COUNTY_SEATS.has(town.code);
}

/** Jinan's districts and towns from `data/counties.csv` and `data/towns.csv`, with fresh ids. */
export function loadDivisions(): Division[] {
  const divisions = readCsv('counties.csv').map((r) => ({
    district: { id: randomUUID(), code: r.code, name: r.name, kind: lookup(DISTRICT_KINDS, r.kind, 'district kind') },
    towns: [] as TownRow[],
  }));
  const byCode = new Map(divisions.map((d) => [d.district.code, d]));
  for (const r of readCsv('towns.csv')) {
    const division = byCode.get(r.county_code);
    if (!division) throw new Error(`towns.csv: ${r.name} names unknown county ${r.county_code}`);
    const kind = lookup(TOWN_KINDS, r.kind, 'town kind');
    division.towns.push({
      id: randomUUID(),
      code: r.code,
      name: r.name,
      kind,
      districtId: division.district.id,
      pilotLevel: PilotLevel.NONE,
      inProgramme: kind === TownKind.TOWN || (kind === TownKind.SUBDISTRICT && isOuterDistrict(division.district)),
    });
  }
  for (const d of divisions) d.towns.sort((a, b) => a.code.localeCompare(b.code));
  markPilotTowns(divisions.flatMap((d) => d.towns));
  return divisions;
}

/**
 * The pilot towns of the programme's first two years. The real list is not in our data,
 * so a fixed draw picks them among the programme towns outside the county towns.
 */
function markPilotTowns(towns: TownRow[]): void {
  const candidates = new Random('pilot-towns').shuffle(towns.filter((t) => t.inProgramme && !isCountySeat(t)));
  const province = PILOT_TOWNS[PilotLevel.PROVINCE];
  candidates.slice(0, province).forEach((t) => (t.pilotLevel = PilotLevel.PROVINCE));
  candidates.slice(province, province + PILOT_TOWNS[PilotLevel.CITY]).forEach((t) => (t.pilotLevel = PilotLevel.CITY));
}

function lookup<T>(table: Record<string, T>, key: string, what: string): T {
  const value = table[key];
  if (value === undefined) throw new Error(`unknown ${what} "${key}" in the data files`);
  return value;
}

import { randomUUID } from 'node:crypto';
import type { School } from '../../modules/school/school.entity.js';
import { SchoolLocality, SchoolStage } from '../../modules/school/school.enums.js';
import { DistrictKind } from '../../modules/district/district.enums.js';
import { TownKind } from '../../modules/town/town.enums.js';
import type { Division, DistrictRow, TownRow } from './divisions.js';
import { chineseNumeral, compoundName, ROADS, villageName } from './names.js';
import type { Scale, SchoolSlot } from './plan.js';
import { Random } from './random.js';

/** Every column; timestamps come from the database defaults, the principal once there are teachers. */
export type SchoolRow = Omit<School, 'createdAt' | 'updatedAt' | 'town' | 'district' | 'principal'>;

/** A school row and the plan it came from (its town, the size of its staff). */
export interface PlannedSchool {
  row: SchoolRow;
  slot: SchoolSlot;
}

/** 小学, 中学, 学校 (nine-year), 幼儿园: the last word of a school's name. */
const STAGE_SUFFIX: Record<SchoolStage, string> = {
  [SchoolStage.PRIMARY]: '小学',
  [SchoolStage.JUNIOR]: '中学',
  [SchoolStage.NINE_YEAR]: '学校',
  [SchoolStage.KINDERGARTEN]: '幼儿园',
};

type ByStageAndLocality = Record<SchoolStage, Record<SchoolLocality, number>>;

/** Pupils (children) per teacher: village schools are small, so their ratios are low. */
const PUPILS_PER_TEACHER: ByStageAndLocality = {
  [SchoolStage.PRIMARY]: { URBAN: 17, TOWN: 15, RURAL: 11 },
  [SchoolStage.JUNIOR]: { URBAN: 12.5, TOWN: 11.5, RURAL: 9 },
  [SchoolStage.NINE_YEAR]: { URBAN: 14, TOWN: 13, RURAL: 10 },
  [SchoolStage.KINDERGARTEN]: { URBAN: 14, TOWN: 15, RURAL: 12 },
};

const CLASS_SIZE: ByStageAndLocality = {
  [SchoolStage.PRIMARY]: { URBAN: 42, TOWN: 38, RURAL: 25 },
  [SchoolStage.JUNIOR]: { URBAN: 46, TOWN: 44, RURAL: 35 },
  [SchoolStage.NINE_YEAR]: { URBAN: 44, TOWN: 40, RURAL: 30 },
  [SchoolStage.KINDERGARTEN]: { URBAN: 30, TOWN: 28, RURAL: 22 },
};

/** Pupils from scattered villages board and ride buses; city pupils walk home for lunch. */
const BOARDING: Record<SchoolLocality, number> = { URBAN: 0.05, TOWN: 0.5, RURAL: 0.6 };
const LUNCH: Record<SchoolLocality, number> = { URBAN: 0.6, TOWN: 0.85, RURAL: 0.8 };
const SCHOOL_BUS: Record<SchoolLocality, number> = { URBAN: 0.02, TOWN: 0.45, RURAL: 0.35 };

/** Most village kindergartens were built in the preschool expansion after 2011. */
const FOUNDED: Record<'school' | 'kindergarten', Record<SchoolLocality, readonly [number, number]>> = {
  school: { URBAN: [1905, 2021], TOWN: [1950, 1995], RURAL: [1950, 2008] },
  kindergarten: { URBAN: [1958, 2022], TOWN: [1985, 2016], RURAL: [2011, 2022] },
};

/**
 * Builds the schools of each district from its plan. Names are unique across the city,
 * so one builder serves a whole seed run, district after district in a fixed order.
 */
export class SchoolBuilder {
  private readonly names = new NameRegistry();

  constructor(private readonly scale: Scale) {}

  build(division: Division, slots: SchoolSlot[]): PlannedSchool[] {
    const rng = new Random(`schools:${this.scale}:${division.district.code}`);
    const codes = new SchoolCodes(division);
    return slots.map((slot) => {
      const place = new Place(division.district, slot.town, rng);
      const { name, address } = this.names.claim(() => identity(slot, place, rng), slot);
      return { row: schoolRow(slot, rng, codes.next(slot.town), name, address), slot };
    });
  }
}

function schoolRow(slot: SchoolSlot, rng: Random, code: string, name: string, address: string): SchoolRow {
  const { stage, locality } = slot;
  const studentCount = Math.round(rng.jitter(slot.teachers * PUPILS_PER_TEACHER[stage][locality], 0.15));
  const kindergarten = stage === SchoolStage.KINDERGARTEN;
  const secondary = stage === SchoolStage.JUNIOR || stage === SchoolStage.NINE_YEAR;
  // Few primary pupils board: they are young, and most villages keep a primary school nearby.
  const isBoarding = !kindergarten && rng.chance(BOARDING[locality] * (secondary ? 1 : 0.25));
  const [from, to] = FOUNDED[kindergarten ? 'kindergarten' : 'school'][locality];
  return {
    id: randomUUID(),
    code,
    name,
    stage,
    locality,
    isTownSeat: slot.isTownSeat,
    townId: slot.town.id,
    districtId: slot.town.districtId,
    address,
    principalId: null,
    studentCount,
    classCount: Math.max(1, Math.round(studentCount / CLASS_SIZE[stage][locality])),
    isBoarding,
    providesLunch: kindergarten || isBoarding || rng.chance(LUNCH[locality]),
    runsSchoolBus: rng.chance(SCHOOL_BUS[locality] * (kindergarten ? 0.5 : 1)),
    foundedYear: rng.int(from, to),
  };
}

interface Identity {
  name: string;
  address: string;
}

function identity(slot: SchoolSlot, place: Place, rng: Random): Identity {
  if (slot.isTownSeat) return { name: townSeatName(slot), address: place.onRoad() };
  return slot.locality === SchoolLocality.URBAN
    ? urbanIdentity(slot.stage, place, rng)
    : ruralIdentity(slot.stage, place, rng);
}

/** 玉皇庙镇中心小学, 玉皇庙镇中学, 刁镇中学, 孝直镇中心学校, 许商街道中心幼儿园. */
function townSeatName({ town, stage }: SchoolSlot): string {
  switch (stage) {
    case SchoolStage.PRIMARY:
      return `${town.name}中心小学`;
    case SchoolStage.JUNIOR:
      // A 镇 keeps its 镇 (玉皇庙镇中学); a 街道 drops its suffix (刁镇中学).
      return `${town.kind === TownKind.SUBDISTRICT ? shortName(town) : town.name}中学`;
    case SchoolStage.NINE_YEAR:
      return `${town.name}中心学校`;
    case SchoolStage.KINDERGARTEN:
      return `${town.name}中心幼儿园`;
  }
}

/** 历下区第一实验小学, 商河县实验中学, 经十路小学, 燕山小学, 历城区阳光花园幼儿园. */
function urbanIdentity(stage: SchoolStage, place: Place, rng: Random): Identity {
  const d = place.districtName;
  const suffix = STAGE_SUFFIX[stage];
  const road = rng.pick(ROADS);
  const numbered = `${d}第${chineseNumeral(rng.int(1, 6))}实验${suffix}`;
  // Weighted towards the patterns with the most distinct names, so few draws collide.
  const name = rng.weighted<string>(
    stage === SchoolStage.KINDERGARTEN
      ? [
          [numbered, 1],
          [`${d}实验${suffix}`, 0.3],
          [`${road}${suffix}`, 2],
          [`${d}${compoundName(rng)}${suffix}`, 4],
          [`${place.town.name}中心${suffix}`, 1],
        ]
      : [
          [numbered, 1],
          [`${d}实验${suffix}`, 0.3],
          [`${road}${suffix}`, 3],
          [`${shortName(place.town)}${suffix}`, 1.5],
        ],
  );
  return { name, address: place.onRoad(road) };
}

/** Village schools (王家庄小学, 石河村幼儿园) and the town's other schools (沙河镇第二小学). */
function ruralIdentity(stage: SchoolStage, place: Place, rng: Random): Identity {
  // Secondary schools serve several villages, so more of them carry the town's name.
  if (rng.chance(stage === SchoolStage.JUNIOR ? 0.5 : 0.2)) {
    return {
      name: `${place.town.name}第${chineseNumeral(rng.int(2, 5))}${STAGE_SUFFIX[stage]}`,
      address: place.onRoad(),
    };
  }
  const village = villageName(rng);
  return { name: `${village}${STAGE_SUFFIX[stage]}`, address: place.inVillage(village) };
}

/** 许商街道 → 许商, 玉皇庙镇 → 玉皇庙; 其他 units (商河经济开发区) keep their name. */
function shortName(town: TownRow): string {
  return town.name.replace(/(街道|镇|乡)$/, '');
}

/** Postal addresses: 济南市商河县玉皇庙镇富民路18号, 济南市商河县玉皇庙镇王家庄村. */
class Place {
  readonly districtName: string;

  constructor(
    district: DistrictRow,
    readonly town: TownRow,
    private readonly rng: Random,
  ) {
    // The zone's statistical name is long; schools and addresses say 高新区.
    this.districtName = district.kind === DistrictKind.ZONE ? '高新区' : district.name;
  }

  onRoad(road = this.rng.pick(ROADS)): string {
    return `济南市${this.districtName}${this.town.name}${road}${this.rng.int(1, 399)}号`;
  }

  inVillage(village: string): string {
    return `济南市${this.districtName}${this.town.name}${village.endsWith('村') ? village : `${village}村`}`;
  }
}

/**
 * Keeps school names unique across the city: a name drawn twice is drawn again, and when
 * every draw is taken the school becomes a branch campus named after its town, as 集团化
 * schools name theirs (经十路小学燕山分校, 历下区实验幼儿园姚家第二分园).
 */
class NameRegistry {
  private readonly used = new Set<string>();

  claim(draw: () => Identity, slot: SchoolSlot, attempts = 12): Identity {
    let identity = draw();
    for (let i = 1; i < attempts && this.used.has(identity.name); i++) identity = draw();
    if (this.used.has(identity.name)) {
      const town = shortName(slot.town);
      const base = identity.name.includes(town) ? identity.name : `${identity.name}${town}`;
      const word = slot.stage === SchoolStage.KINDERGARTEN ? '分园' : '分校';
      let name = `${base}${word}`;
      for (let n = 2; this.used.has(name); n++) name = `${base}第${chineseNumeral(n)}${word}`;
      identity = { ...identity, name };
    }
    this.used.add(identity.name);
    return identity;
  }
}

/**
 * 10-digit school codes: '3', the district code's last three digits, the town's position
 * in its district (two digits) and a sequence within the town (four digits). Unique by
 * construction, and stable for a given plan.
 */
class SchoolCodes {
  private readonly prefixes: Map<string, string>;
  private readonly sequences = new Map<string, number>();

  constructor(division: Division) {
    const district = division.district.code.slice(3);
    this.prefixes = new Map(division.towns.map((t, i) => [t.id, `3${district}${String(i + 1).padStart(2, '0')}`]));
  }

  next(town: TownRow): string {
    const sequence = (this.sequences.get(town.id) ?? 0) + 1;
    if (sequence > 9999) throw new Error(`more than 9999 schools in ${town.name}`);
    this.sequences.set(town.id, sequence);
    return `${this.prefixes.get(town.id)}${String(sequence).padStart(4, '0')}`;
  }
}

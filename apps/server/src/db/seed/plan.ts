import { SchoolLocality, SchoolStage } from '../../modules/school/school.enums.js';
import { TownKind } from '../../modules/town/town.enums.js';
import { isCountySeat, isOuterDistrict, type Division, type TownRow } from './divisions.js';
import { Random, type Weighted } from './random.js';

export type Scale = 'city' | 'province' | 'small';

/** One school to generate: where it stands, what it is, and how many teachers it has. */
export interface SchoolSlot {
  town: TownRow;
  stage: SchoolStage;
  locality: SchoolLocality;
  isTownSeat: boolean;
  teachers: number;
}

type StageCounts = Record<SchoolStage, number>;

interface Sizing {
  schools: StageCounts;
  /** K-9 teachers, kindergartens included, senior high schools excluded */
  teachers: number;
}

const sizing = (
  primary: number,
  junior: number,
  nineYear: number,
  kindergartens: number,
  teachers: number,
): Sizing => ({
  schools: {
    [SchoolStage.PRIMARY]: primary,
    [SchoolStage.JUNIOR]: junior,
    [SchoolStage.NINE_YEAR]: nineYear,
    [SchoolStage.KINDERGARTEN]: kindergartens,
  },
  teachers,
});

/**
 * Per-district size, from the county rows of `data/education_stats.csv` (the bureaus'
 * 2024 profiles). Those rows count different things (all staff, full-time teachers,
 * with or without high schools and kindergartens) in free-text notes, so each figure is
 * transcribed here with the adjustment that makes it "K-9 teachers". The two management
 * zones without an NBS code are folded into the district holding most of their towns.
 * Jinan comes to about 2,700 schools and kindergartens and 86,600 teachers.
 */
const PUBLISHED: Record<string, Sizing> = {
  // 历下区: no published figure; estimated from 天桥区, a central district of similar size and
  // more schools per subdistrict.
  '370102': sizing(40, 14, 4, 140, 7000),
  // 市中区: no published figure; estimated as 历下区 scaled to its 17 subdistricts.
  '370103': sizing(45, 15, 5, 150, 7200),
  // 槐荫区: no published figure; estimated from 天桥区 (16 subdistricts against 15).
  '370104': sizing(38, 12, 4, 150, 6000),
  // 天桥区: 38 primary, 13 junior, 3 nine-year, 154 kindergartens; 4927 compulsory-school
  // staff plus about 1500 kindergarten teachers (154 kindergartens of ten).
  '370105': sizing(38, 13, 3, 154, 6400),
  // 历城区: 65/11/13, 233 kindergartens, 5324 P&S teachers and 6095 kindergarten staff (about
  // 3700 teachers); plus 南部山区 (26 primary, 7 junior, 63 kindergartens, 1480 teachers plus
  // about 400 in kindergartens), whose 仲宫, 柳埠 and 西营 are 历城's subdistricts.
  '370112': sizing(91, 18, 13, 296, 10900),
  // 长清区: 40/17/2, 91 kindergartens; 5663 full-time teachers less about 500 in its 4 high schools.
  '370113': sizing(40, 17, 2, 91, 5150),
  // 章丘区: 100 P&S schools, split like 长清 and 莱芜 (65/22/13); 187 kindergartens; 9768
  // teaching staff less about 1000 in high schools.
  '370114': sizing(65, 22, 13, 187, 8800),
  // 济阳区: 36 compulsory schools, split 22/7/7; 64 kindergartens; 5369 teachers less about 600
  // in its 4 high schools; plus 起步区 (19 primary, 5 junior, 38 kindergartens, 944 teachers
  // plus about 300 in kindergartens), whose 太平, 崔寨 and 孙耿 are 济阳's subdistricts.
  '370115': sizing(41, 12, 7, 102, 6050),
  // 莱芜区: 38/14/12, 272 kindergartens; 5816 P&S staff less about 400 in 2 high schools, plus
  // about 2000 kindergarten teachers.
  '370116': sizing(38, 14, 12, 272, 7400),
  // 钢城区: 23/6/5, 52 kindergartens; 2149 teaching staff less about 150 in its high school,
  // plus 960 kindergarten teachers.
  '370117': sizing(23, 6, 5, 52, 2950),
  // 平阴县: 12/2/5, 50 kindergartens; 3875 staff less about 400 in 2 high schools.
  '370124': sizing(12, 2, 5, 50, 3450),
  // 商河县: 61 P&S schools, split 42/12/7; 191 kindergartens; 5309 teachers, taken as K-9.
  '370126': sizing(42, 12, 7, 191, 5300),
  // 高新区: 20/7/8, 107 kindergartens; "over 12000 teachers and staff" for about 137000
  // pupils and children, about 10000 of them teachers.
  '370176': sizing(20, 7, 8, 107, 10000),
};

/** `province` is a benchmark about Shandong's size: sixteen Jinans on the same divisions. */
const SCALE_FACTOR = { city: 1, province: 16 } as const;

/** Outer districts: the share of schools (beyond the town-seat ones) in the county town. */
const URBAN_SHARE: StageCounts = {
  [SchoolStage.PRIMARY]: 0.2,
  [SchoolStage.JUNIOR]: 0.3,
  [SchoolStage.NINE_YEAR]: 0.2,
  [SchoolStage.KINDERGARTEN]: 0.25,
};

/** How many teachers a school of each kind typically has, before scaling to the district total. */
const TYPICAL_TEACHERS: Record<SchoolStage, Record<SchoolLocality, number>> = {
  [SchoolStage.PRIMARY]: { URBAN: 85, TOWN: 55, RURAL: 18 },
  [SchoolStage.JUNIOR]: { URBAN: 110, TOWN: 75, RURAL: 40 },
  [SchoolStage.NINE_YEAR]: { URBAN: 120, TOWN: 70, RURAL: 35 },
  [SchoolStage.KINDERGARTEN]: { URBAN: 20, TOWN: 16, RURAL: 6 },
};

const MIN_TEACHERS: StageCounts = {
  [SchoolStage.PRIMARY]: 6,
  [SchoolStage.JUNIOR]: 12,
  [SchoolStage.NINE_YEAR]: 12,
  [SchoolStage.KINDERGARTEN]: 3,
};

/** Villages, and so schools, lie in towns and subdistricts alike; 其他 units (parks, zones) have few. */
const OTHER_UNIT_WEIGHT = 0.2;

const STAGES = Object.values(SchoolStage);

/** The schools of one district at the given scale, town-seat schools first. */
export function planDistrict(division: Division, scale: Scale): SchoolSlot[] {
  const published = PUBLISHED[division.district.code];
  if (!published)
    throw new Error(`no published sizing for district ${division.district.code} ${division.district.name}`);
  const rng = new Random(`plan:${scale}:${division.district.code}`);
  const seats = townSeatSlots(division, published.schools, rng);
  if (scale === 'small') return smallPlan(division, seats, rng);

  const factor = SCALE_FACTOR[scale];
  const remaining = mapStages((stage) => {
    const quota = Math.round(published.schools[stage] * factor);
    return Math.max(0, quota - seats.filter((s) => s.stage === stage).length);
  });
  const others = isOuterDistrict(division.district)
    ? outerSlots(division, remaining, rng)
    : centralSlots(division, remaining, rng);
  const slots = [...seats, ...others];
  assignTeachers(slots, published.teachers * factor, rng);
  return slots;
}

/**
 * Every programme town's seat gets a central primary school, a junior or nine-year school
 * (in the district's published proportion) and a central kindergarten. Where a district
 * publishes fewer secondary schools than it has towns (平阴), the seats win: the counts rise.
 */
function townSeatSlots(division: Division, schools: StageCounts, rng: Random): SchoolSlot[] {
  const towns = division.towns.filter((t) => t.inProgramme);
  const nineYearShare = schools.NINE_YEAR / (schools.JUNIOR + schools.NINE_YEAR);
  const nineYear = new Set(rng.shuffle(towns).slice(0, Math.round(towns.length * nineYearShare)));
  return towns.flatMap((town) => {
    // A county town's seat schools stand in the county town itself: urban, not 镇区.
    const locality = isCountySeat(town) ? SchoolLocality.URBAN : SchoolLocality.TOWN;
    const secondary = nineYear.has(town) ? SchoolStage.NINE_YEAR : SchoolStage.JUNIOR;
    return [SchoolStage.PRIMARY, secondary, SchoolStage.KINDERGARTEN].map((stage) => slot(town, stage, locality, true));
  });
}

/**
 * Outer districts: a share of the rest in the county town (urban, so every stage has an
 * urban baseline), the others in the villages (rural).
 */
function outerSlots(division: Division, remaining: StageCounts, rng: Random): SchoolSlot[] {
  const countyTowns = division.towns.filter(isCountySeat);
  const outlying = division.towns.filter((t) => !isCountySeat(t));
  const ruralTowns = townWeights(outlying, rng);
  return STAGES.flatMap((stage) => {
    const urban = Math.max(1, Math.round(remaining[stage] * URBAN_SHARE[stage]));
    return [
      ...times(urban, () => slot(rng.pick(countyTowns), stage, SchoolLocality.URBAN, false)),
      ...times(remaining[stage] - urban, () => slot(rng.weighted(ruralTowns), stage, SchoolLocality.RURAL, false)),
    ];
  });
}

/** Central districts are urban throughout. */
function centralSlots(division: Division, remaining: StageCounts, rng: Random): SchoolSlot[] {
  const towns = townWeights(division.towns, rng);
  return STAGES.flatMap((stage) =>
    times(remaining[stage], () => slot(rng.weighted(towns), stage, SchoolLocality.URBAN, false)),
  );
}

/** Fast tests: the town-seat schools plus one urban school per stage, a handful of teachers each. */
function smallPlan(division: Division, seats: SchoolSlot[], rng: Random): SchoolSlot[] {
  const countyTowns = division.towns.filter(isCountySeat);
  const urbanTowns = countyTowns.length ? countyTowns : division.towns;
  const baseline = STAGES.map((stage) => slot(rng.pick(urbanTowns), stage, SchoolLocality.URBAN, false));
  const slots = [...seats, ...baseline];
  for (const s of slots) s.teachers = rng.int(5, 15);
  return slots;
}

/** Typical sizes with some spread, scaled so the district adds up to its published total. */
function assignTeachers(slots: SchoolSlot[], total: number, rng: Random): void {
  const typical = slots.map((s) => rng.jitter(TYPICAL_TEACHERS[s.stage][s.locality], 0.3));
  const factor = total / typical.reduce((a, b) => a + b, 0);
  slots.forEach((s, i) => (s.teachers = Math.max(MIN_TEACHERS[s.stage], Math.round(typical[i]! * factor))));
}

/** Towns differ in size: each draws a fixed weight around 1 (其他 units around a fifth of that). */
function townWeights(towns: TownRow[], rng: Random): Weighted<TownRow> {
  return towns.map((t) => [t, rng.jitter(t.kind === TownKind.OTHER ? OTHER_UNIT_WEIGHT : 1, 0.5)] as const);
}

function slot(town: TownRow, stage: SchoolStage, locality: SchoolLocality, isTownSeat: boolean): SchoolSlot {
  return { town, stage, locality, isTownSeat, teachers: 0 };
}

function mapStages(fn: (stage: SchoolStage) => number): StageCounts {
  return Object.fromEntries(STAGES.map((s) => [s, fn(s)])) as StageCounts;
}

function times<T>(n: number, fn: () => T): T[] {
  return Array.from({ length: Math.max(0, n) }, fn);
}

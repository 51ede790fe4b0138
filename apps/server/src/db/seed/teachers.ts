import { randomUUID } from 'node:crypto';
import { SchoolLocality, SchoolStage } from '../../modules/school/school.enums.js';
import type { Teacher } from '../../modules/teacher/teacher.entity.js';
import { BackboneLevel, Degree, Gender, Title } from '../../modules/teacher/teacher.enums.js';
import { personName } from './names.js';
import { BASE_STAFF_AS_OF, birthDateFor, hireDateFor, isoDate, yearsUntil, type PersonalNumbers } from './people.js';
import { Random, type Weighted } from './random.js';
import type { PlannedSchool, SchoolRow } from './schools.js';

export type TeacherRow = Omit<Teacher, 'createdAt' | 'updatedAt' | 'school'>;

/*
 * The distributions below are the point of the demo: urban schools are clearly stronger
 * than town-seat schools, and those than village schools, so the programme's staffing
 * comparisons (DOMAIN.md, STAFFING) show real gaps. Targets, urban / town / rural:
 * county-or-above backbone teachers about 25% / 12% / 6%; bachelor or above in primary
 * schools about 95% / 80% / 65%; associate or above in kindergartens about 95% / 85% / 70%.
 */

type ByLocality<T> = Record<SchoolLocality, T>;

const FEMALE_SHARE: Record<SchoolStage, ByLocality<number>> = {
  [SchoolStage.KINDERGARTEN]: { URBAN: 0.98, TOWN: 0.97, RURAL: 0.95 },
  [SchoolStage.PRIMARY]: { URBAN: 0.85, TOWN: 0.75, RURAL: 0.62 },
  [SchoolStage.NINE_YEAR]: { URBAN: 0.72, TOWN: 0.62, RURAL: 0.55 },
  [SchoolStage.JUNIOR]: { URBAN: 0.62, TOWN: 0.55, RURAL: 0.5 },
};

/** Village staff are older: young teachers leave for town and city posts. */
const MEAN_AGE: ByLocality<number> = { URBAN: 38, TOWN: 42, RURAL: 45 };
/** From graduation to the year before retirement. */
const MIN_AGE = 22;
const MAX_AGE = 59;

/** Most start straight from college; a few after a master's degree or another job. */
// prettier-ignore
const HIRE_AGE: Weighted<number> = [[22, 30], [23, 30], [24, 20], [25, 10], [26, 5], [28, 3], [30, 2]];

// prettier-ignore
const PRIMARY_SUBJECTS: Weighted<string> = [
  ['语文', 33], ['数学', 27], ['英语', 9], ['体育', 7], ['科学', 6], ['道德与法治', 5], ['音乐', 5], ['美术', 5], ['信息科技', 3],
];
// prettier-ignore
const JUNIOR_SUBJECTS: Weighted<string> = [
  ['语文', 16], ['数学', 16], ['英语', 15], ['物理', 8], ['化学', 6], ['生物', 6], ['历史', 6], ['地理', 6],
  ['道德与法治', 6], ['体育', 7], ['音乐', 3], ['美术', 3], ['信息科技', 2],
];

// prettier-ignore
const DEGREES: Record<SchoolStage, ByLocality<Weighted<Degree>>> = {
  [SchoolStage.PRIMARY]: {
    URBAN: [[Degree.POSTGRADUATE, 12], [Degree.BACHELOR, 83], [Degree.ASSOCIATE, 5]],
    TOWN: [[Degree.POSTGRADUATE, 4], [Degree.BACHELOR, 76], [Degree.ASSOCIATE, 18], [Degree.HIGH_SCHOOL_OR_BELOW, 2]],
    RURAL: [[Degree.POSTGRADUATE, 1], [Degree.BACHELOR, 64], [Degree.ASSOCIATE, 30], [Degree.HIGH_SCHOOL_OR_BELOW, 5]],
  },
  [SchoolStage.JUNIOR]: {
    URBAN: [[Degree.POSTGRADUATE, 18], [Degree.BACHELOR, 80], [Degree.ASSOCIATE, 2]],
    TOWN: [[Degree.POSTGRADUATE, 6], [Degree.BACHELOR, 82], [Degree.ASSOCIATE, 12]],
    RURAL: [[Degree.POSTGRADUATE, 2], [Degree.BACHELOR, 73], [Degree.ASSOCIATE, 24], [Degree.HIGH_SCHOOL_OR_BELOW, 1]],
  },
  [SchoolStage.NINE_YEAR]: {
    URBAN: [[Degree.POSTGRADUATE, 15], [Degree.BACHELOR, 81], [Degree.ASSOCIATE, 4]],
    TOWN: [[Degree.POSTGRADUATE, 5], [Degree.BACHELOR, 78], [Degree.ASSOCIATE, 16], [Degree.HIGH_SCHOOL_OR_BELOW, 1]],
    RURAL: [[Degree.POSTGRADUATE, 1], [Degree.BACHELOR, 68], [Degree.ASSOCIATE, 28], [Degree.HIGH_SCHOOL_OR_BELOW, 3]],
  },
  [SchoolStage.KINDERGARTEN]: {
    URBAN: [[Degree.POSTGRADUATE, 2], [Degree.BACHELOR, 60], [Degree.ASSOCIATE, 33], [Degree.HIGH_SCHOOL_OR_BELOW, 5]],
    TOWN: [[Degree.BACHELOR, 35], [Degree.ASSOCIATE, 50], [Degree.HIGH_SCHOOL_OR_BELOW, 15]],
    RURAL: [[Degree.BACHELOR, 15], [Degree.ASSOCIATE, 55], [Degree.HIGH_SCHOOL_OR_BELOW, 30]],
  },
};

/** Chance of 一级 after five years of service, and of 高级 after twelve. */
const FIRST_TITLE: ByLocality<number> = { URBAN: 0.6, TOWN: 0.5, RURAL: 0.4 };
const SENIOR_TITLE: ByLocality<number> = { URBAN: 0.4, TOWN: 0.25, RURAL: 0.12 };
/** 正高级 is rare everywhere and almost only in city schools. */
const SENIOR_PROFESSOR: ByLocality<number> = { URBAN: 0.04, TOWN: 0.01, RURAL: 0.002 };

/**
 * Chance of being a backbone teacher once past three years of service (about 90% are).
 * Principals are backbone teachers more often, which in a village kindergarten of eight
 * moves the school's share a lot: the rural rate leaves room for that.
 */
const BACKBONE: ByLocality<number> = { URBAN: 0.27, TOWN: 0.125, RURAL: 0.05 };
const PRINCIPAL_BACKBONE: ByLocality<number> = { URBAN: 0.85, TOWN: 0.5, RURAL: 0.2 };
// prettier-ignore
const BACKBONE_LEVELS: ByLocality<Weighted<BackboneLevel>> = {
  URBAN: [[BackboneLevel.COUNTY, 55], [BackboneLevel.CITY, 35], [BackboneLevel.PROVINCE, 10]],
  TOWN: [[BackboneLevel.COUNTY, 75], [BackboneLevel.CITY, 22], [BackboneLevel.PROVINCE, 3]],
  RURAL: [[BackboneLevel.COUNTY, 85], [BackboneLevel.CITY, 14], [BackboneLevel.PROVINCE, 1]],
};

/** 代课 and part-time staff are commoner where posts are hard to fill. */
const FULL_TIME: ByLocality<number> = { URBAN: 0.97, TOWN: 0.95, RURAL: 0.93 };

/** Principals: how often one holds 正高级, and how often one is a 名校长. */
const PRINCIPAL_SENIOR_PROFESSOR: ByLocality<number> = { URBAN: 0.15, TOWN: 0.04, RURAL: 0.01 };
const RENOWNED_PRINCIPAL: ByLocality<number> = { URBAN: 0.25, TOWN: 0.08, RURAL: 0.02 };

/** What generating one school's staff needs. */
interface Staffing {
  school: SchoolRow;
  /** the district code: ID numbers carry it as their region */
  region: string;
  rng: Random;
  numbers: PersonalNumbers;
  /** the day ages and years of service are counted to (people.ts, BASE_STAFF_AS_OF) */
  asOf: Date;
}

/**
 * The staff of one planned school; the first is its principal. Names, careers and
 * qualifications come from the school's own stream, so they do not change when other
 * schools do; ID and phone numbers come from the run-wide `numbers`, which keeps them unique.
 */
export function staffOf(
  { row: school, slot }: PlannedSchool,
  numbers: PersonalNumbers,
  asOf: string = BASE_STAFF_AS_OF,
): TeacherRow[] {
  // A 9-digit town code starts with its 6-digit district code.
  const s: Staffing = {
    school,
    region: slot.town.code.slice(0, 6),
    rng: new Random(`teachers:${school.code}`),
    numbers,
    asOf: new Date(`${asOf}T00:00:00Z`),
  };
  return Array.from({ length: slot.teachers }, (_, i) => (i === 0 ? principal(s) : teacher(s, i + 1)));
}

interface Life {
  gender: Gender;
  birth: Date;
  hire: Date;
  yearsOfService: number;
}

type Qualifications = Pick<TeacherRow, 'isFullTime' | 'degree' | 'title' | 'backboneLevel' | 'isRenowned'>;

function teacher(s: Staffing, sequence: number): TeacherRow {
  const { rng, school } = s;
  const { stage, locality } = school;
  const age = Math.min(MAX_AGE, Math.max(MIN_AGE, Math.round(rng.normal(MEAN_AGE[locality], 9))));
  const life = lifeOf(age, s);
  const backboneLevel =
    life.yearsOfService >= 3 && rng.chance(BACKBONE[locality])
      ? rng.weighted(BACKBONE_LEVELS[locality])
      : BackboneLevel.NONE;
  return row(s, sequence, life, {
    isFullTime: rng.chance(FULL_TIME[locality]),
    degree: rng.weighted(DEGREES[stage][locality]),
    title: title(life.yearsOfService, school, rng),
    backboneLevel,
    // 名师 come from the city and provincial backbone teachers.
    isRenowned: (backboneLevel === BackboneLevel.CITY || backboneLevel === BackboneLevel.PROVINCE) && rng.chance(0.25),
  });
}

/** A senior teacher in mid-career with a bachelor's degree or more, often a backbone teacher. */
function principal(s: Staffing): TeacherRow {
  const { rng } = s;
  const { stage, locality } = s.school;
  const degree = rng.weighted(DEGREES[stage][locality]);
  return row(s, 1, lifeOf(rng.int(42, 56), s), {
    isFullTime: true,
    degree: degree === Degree.POSTGRADUATE ? degree : Degree.BACHELOR,
    title: rng.chance(PRINCIPAL_SENIOR_PROFESSOR[locality]) ? Title.SENIOR_PROFESSOR : Title.SENIOR,
    backboneLevel: rng.chance(PRINCIPAL_BACKBONE[locality])
      ? rng.weighted(BACKBONE_LEVELS[locality])
      : BackboneLevel.NONE,
    isRenowned: rng.chance(RENOWNED_PRINCIPAL[locality]),
  });
}

function lifeOf(age: number, { school, rng, asOf }: Staffing): Life {
  const gender = rng.chance(FEMALE_SHARE[school.stage][school.locality]) ? Gender.FEMALE : Gender.MALE;
  const birth = birthDateFor(age, asOf, rng);
  const hire = hireDateFor(birth, Math.min(age, rng.weighted(HIRE_AGE)), asOf, rng);
  return { gender, birth, hire, yearsOfService: yearsUntil(hire, asOf) };
}

function row({ school, region, rng, numbers }: Staffing, sequence: number, life: Life, q: Qualifications): TeacherRow {
  const birthDate = isoDate(life.birth);
  return {
    id: randomUUID(),
    staffNumber: staffNumber(life.hire, sequence),
    name: personName(rng, life.gender),
    gender: life.gender,
    schoolId: school.id,
    subject: subject(school.stage, rng),
    ...q,
    hireDate: isoDate(life.hire),
    idNumber: numbers.idNumber(region, birthDate, life.gender),
    phone: numbers.phone(rng),
    birthDate,
  };
}

/** 职称 follow years of service, and come sooner in city schools; kindergartens rank lower. */
function title(years: number, school: SchoolRow, rng: Random): Title {
  const { locality } = school;
  const seniorFactor = school.stage === SchoolStage.KINDERGARTEN ? 0.5 : 1;
  if (years < 1) return Title.UNRANKED;
  if (years < 5) return rng.chance(0.15) ? Title.THIRD : Title.SECOND;
  if (years < 12 || !rng.chance(SENIOR_TITLE[locality] * seniorFactor)) {
    return rng.chance(FIRST_TITLE[locality]) ? Title.FIRST : Title.SECOND;
  }
  return rng.chance(SENIOR_PROFESSOR[locality]) ? Title.SENIOR_PROFESSOR : Title.SENIOR;
}

function subject(stage: SchoolStage, rng: Random): string {
  switch (stage) {
    case SchoolStage.KINDERGARTEN:
      return '学前教育';
    case SchoolStage.PRIMARY:
      return rng.weighted(PRIMARY_SUBJECTS);
    case SchoolStage.JUNIOR:
      return rng.weighted(JUNIOR_SUBJECTS);
    case SchoolStage.NINE_YEAR:
      return rng.weighted(rng.chance(0.6) ? PRIMARY_SUBJECTS : JUNIOR_SUBJECTS);
  }
}

/** 工号: hire year and a sequence within the school (2015042), so unique within it. */
function staffNumber(hire: Date, sequence: number): string {
  return `${hire.getUTCFullYear()}${String(sequence).padStart(3, '0')}`;
}

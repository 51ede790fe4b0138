import { randomUUID } from 'node:crypto';
import type { Assessment, AssessmentIndicator } from '../../modules/assessment/assessment.entity.js';
import { AssessmentIndicatorKind as K, AssessmentSubjectKind } from '../../modules/assessment/assessment.enums.js';
import { ProgrammeGoal } from '../../modules/goals/goals.types.js';
import { SchoolStage } from '../../modules/school/school.enums.js';
import { addDays, minDate, type DemoCalendar } from './calendar.js';
import { familyOf, outerDistricts, type NetworkInput } from './network.js';
import { Random } from './random.js';
import type { PlannedSchool } from './schools.js';
import { ASSESSED_YEARS, failureOf, type AssessedYear, type Story } from './story.js';

export type AssessmentRow = Omit<Assessment, 'school' | 'town' | 'district'>;
export type IndicatorRow = Omit<AssessmentIndicator, 'assessment'>;

export interface Assessments {
  assessments: AssessmentRow[];
  indicators: IndicatorRow[];
}

/** A failing value, clearly on the wrong side of its threshold (config.ts: 0.15, 0.95, 85). */
const FAILING = {
  rate: [0.156, 0.21],
  satisfaction: [0.925, 0.946],
  environment: [79, 84.5],
} as const;

/**
 * 一校一评 for every town-seat school of a programme town and 一镇一评 for every programme
 * town, for the two latest assessed years (the story's 2025 and 2026, moved by the demo's
 * calendar): each indicator with its source and the day it was measured, never after the
 * anchor. Values pass the goals' thresholds, better in 2026 than in 2025, except where the story
 * (story.ts) has a school fail QUALITY, ENVIRONMENT or SATISFACTION in a year. The town's
 * assessment holds its local enrolment shares (which the schools' lack, so the goal engine
 * reads them from the town) and the means of its schools' figures.
 */
export function planAssessments(input: NetworkInput): Assessments {
  const out: Assessments = { assessments: [], indicators: [] };
  for (const district of outerDistricts(input)) {
    const name = district.division.district.name;
    for (const town of district.division.towns.filter((t) => input.story.has(t.id))) {
      const rng = new Random(`assessments:${town.code}`);
      const seats = district.schools.filter((s) => s.row.isTownSeat && s.row.townId === town.id);
      const enrolment2025 = {
        preschool: rng.int(820, 940) / 1000,
        primary: rng.int(850, 960) / 1000,
        junior: rng.int(800, 930) / 1000,
      };
      const schoolBase = new Map(seats.map((s) => [s.row.id, baseValues(rng)]));
      for (const storyYear of ASSESSED_YEARS) {
        const year = input.calendar.year(storyYear);
        const sources = sourcesOf(name, year, input.calendar, rng);
        const means: Record<string, number[]> = {};
        const note = (k: string, v: number) => (means[k] ??= []).push(v);
        for (const school of seats) {
          const v = yearValues(schoolBase.get(school.row.id)!, storyYear, rng);
          applyFailures(input.story, school, storyYear, v, rng);
          const id = randomUUID();
          out.assessments.push({
            id,
            subjectKind: AssessmentSubjectKind.SCHOOL,
            schoolId: school.row.id,
            townId: town.id,
            districtId: town.districtId,
            period: year,
            notes: `${school.row.name}${year}年度一校一评`,
            ...stamps(sources.written),
          });
          const kindergarten = school.row.stage === SchoolStage.KINDERGARTEN;
          const add = (kind: K, value: number | boolean, source: [string, string]) =>
            out.indicators.push(indicator(id, kind, value, source, sources.written));
          if (!kindergarten) {
            add(K.ACADEMIC_DIFFERENCE_RATE, round(v.rate, 4), sources.quality);
            note('rate', v.rate);
          }
          add(K.CURRICULUM_COMPLETE, v.curriculum, sources.inspection);
          add(K.NO_IRREGULAR_PRACTICES, true, sources.inspection);
          add(K.ENVIRONMENT_SCORE, round(v.environment, 1), sources.environment);
          add(K.PARENT_SATISFACTION, round(v.parent, 4), sources.survey);
          add(K.STUDENT_SATISFACTION, round(v.student, 4), sources.survey);
          add(K.PHYSICAL_HEALTH_PASS_RATE, round(v.health, 4), sources.health);
          add(K.MENTAL_HEALTH_SCORE, round(v.mental, 1), sources.mental);
          if (!kindergarten) {
            add(K.ARTS_SKILL_RATE, round(v.arts, 4), sources.arts);
            add(K.STUDY_CLUB_COUNT, v.clubs, sources.clubs);
          }
          note('environment', v.environment);
          note('parent', v.parent);
          note('student', v.student);
        }
        // 一镇一评
        const id = randomUUID();
        out.assessments.push({
          id,
          subjectKind: AssessmentSubjectKind.TOWN,
          schoolId: null,
          townId: town.id,
          districtId: town.districtId,
          period: year,
          notes: `${town.name}${year}年度一镇一评`,
          ...stamps(sources.written),
        });
        const mean = (k: string) => means[k]!.reduce((a, b) => a + b, 0) / means[k]!.length;
        const add = (kind: K, value: number, source: [string, string]) =>
          out.indicators.push(indicator(id, kind, value, source, sources.written));
        if (means.rate) add(K.ACADEMIC_DIFFERENCE_RATE, round(mean('rate'), 4), sources.quality);
        add(K.ENVIRONMENT_SCORE, round(mean('environment'), 1), sources.environment);
        add(K.PARENT_SATISFACTION, round(mean('parent'), 4), sources.survey);
        add(K.STUDENT_SATISFACTION, round(mean('student'), 4), sources.survey);
        const fell = failureOf(input.story, town.id, ProgrammeGoal.SATISFACTION);
        for (const [kind, key, source] of [
          [K.LOCAL_ENROLLMENT_PRESCHOOL, 'preschool', sources.preschool],
          [K.LOCAL_ENROLLMENT_PRIMARY, 'primary', sources.enrolment],
          [K.LOCAL_ENROLLMENT_JUNIOR, 'junior', sources.enrolment],
        ] as const) {
          let share = enrolment2025[key];
          if (storyYear === '2026') {
            // 逐年提高: up a little, except where the story has it fall.
            share =
              fell?.how === 'enrolment' && fell.years.includes(storyYear) && key === 'preschool'
                ? share - rng.int(12, 30) / 1000
                : Math.min(0.995, share + rng.int(4, 25) / 1000);
          }
          add(kind, round(share, 4), source);
        }
      }
    }
  }
  return out;
}

interface Values {
  rate: number;
  curriculum: boolean;
  environment: number;
  parent: number;
  student: number;
  health: number;
  mental: number;
  arts: number;
  clubs: number;
}

/** A school's 2025 figures, all passing. */
function baseValues(rng: Random): Values {
  return {
    rate: rng.int(900, 1440) / 10_000,
    curriculum: true,
    environment: rng.int(860, 930) / 10,
    parent: rng.int(953, 985) / 1000,
    student: rng.int(952, 982) / 1000,
    health: rng.int(880, 950) / 1000,
    mental: rng.int(780, 880) / 10,
    arts: rng.int(450, 750) / 1000,
    clubs: rng.int(4, 12),
  };
}

/** 2026 improves on 2025 in every figure. */
function yearValues(base: Values, year: AssessedYear, rng: Random): Values {
  if (year === '2025') return { ...base };
  return {
    rate: Math.max(0.04, base.rate - rng.int(50, 250) / 10_000),
    curriculum: true,
    environment: Math.min(98, base.environment + rng.int(5, 30) / 10),
    parent: Math.min(0.995, base.parent + rng.int(2, 12) / 1000),
    student: Math.min(0.995, base.student + rng.int(2, 12) / 1000),
    health: Math.min(0.985, base.health + rng.int(5, 25) / 1000),
    mental: Math.min(95, base.mental + rng.int(5, 30) / 10),
    arts: Math.min(0.9, base.arts + rng.int(10, 60) / 1000),
    clubs: base.clubs + rng.int(0, 3),
  };
}

const between = (rng: Random, [lo, hi]: readonly [number, number]) => lo + rng.next() * (hi - lo);

function applyFailures(story: Story, school: PlannedSchool, year: AssessedYear, v: Values, rng: Random): void {
  const family = familyOf(school.row.stage);
  const town = school.row.townId;
  const quality = failureOf(story, town, ProgrammeGoal.QUALITY, family);
  if (quality?.years.includes(year)) {
    if (quality.how === 'curriculum') v.curriculum = false;
    else v.rate = between(rng, FAILING.rate);
  }
  if (failureOf(story, town, ProgrammeGoal.ENVIRONMENT, family)?.years.includes(year)) {
    v.environment = between(rng, FAILING.environment);
  }
  const satisfaction = failureOf(story, town, ProgrammeGoal.SATISFACTION, family);
  if (satisfaction?.years.includes(year)) {
    if (satisfaction.how === 'parent') v.parent = between(rng, FAILING.satisfaction);
    if (satisfaction.how === 'student') v.student = between(rng, FAILING.satisfaction);
  }
}

const round = (v: number, digits: number) => Number(v.toFixed(digits));

type Source = [name: string, measuredOn: string];

/** Where each figure of a year comes from, and when it was measured (never after the anchor). */
function sourcesOf(district: string, year: string, cal: DemoCalendar, rng: Random) {
  const day = (monthDay: string, spread: number): string =>
    minDate(addDays(`${year}-${monthDay}`, rng.int(0, spread)), addDays(cal.anchor, -3));
  const survey = day('11-03', 14);
  return {
    quality: [`${district}教体局${year}年度质量监测`, day('06-20', 10)] as Source,
    inspection: [`${district}教体局${year}年度办学行为督导检查`, day('10-12', 20)] as Source,
    environment: [`${year}年度温馨校园建设评估`, day('10-20', 15)] as Source,
    survey: [`第三方满意度调查（${year}年度）`, survey] as Source,
    health: ['国家学生体质健康标准测试', day('09-15', 30)] as Source,
    mental: [`${district}中小学心理健康测评`, day('05-10', 20)] as Source,
    arts: ['学生艺术素质测评', day('06-01', 20)] as Source,
    clubs: ['学校社团活动备案', day('09-25', 10)] as Source,
    enrolment: [`学籍系统（${year}年秋季学期）`, `${year}-09-30`] as Source,
    preschool: [`学前教育管理信息系统（${year}年秋季学期）`, `${year}-09-30`] as Source,
    /** the assessment was entered after its last survey */
    written: minDate(addDays(survey, 5), cal.anchor),
  };
}

const stamps = (day: string) => {
  const at = `${day}T10:00:00+08:00` as unknown as Date;
  return { createdAt: at, updatedAt: at };
};

function indicator(
  assessmentId: string,
  kind: K,
  value: number | boolean,
  [source, measuredOn]: Source,
  written: string,
): IndicatorRow {
  const at = `${written}T10:00:00+08:00` as unknown as Date;
  return {
    id: randomUUID(),
    createdAt: at,
    updatedAt: at,
    assessmentId,
    kind,
    value: typeof value === 'boolean' ? null : value,
    booleanValue: typeof value === 'boolean' ? value : null,
    source,
    measuredOn,
  };
}

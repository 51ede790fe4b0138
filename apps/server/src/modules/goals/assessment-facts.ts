import type { DataSource } from 'typeorm';
import { placeholders } from '../../common/sql.js';
import { AssessmentIndicatorKind } from '../assessment/assessment.enums.js';

/** The assessment indicators the goals read, with the source each value came from. */
export interface AssessmentFacts {
  period: string;
  academicDifferenceRate: number | null;
  curriculumComplete: boolean | null;
  noIrregularPractices: boolean | null;
  environmentScore: number | null;
  parentSatisfaction: number | null;
  studentSatisfaction: number | null;
  localEnrollmentPreschool: number | null;
  localEnrollmentPrimary: number | null;
  localEnrollmentJunior: number | null;
  sources: Partial<Record<IndicatorKey, string>>;
}
type IndicatorKey = Exclude<keyof AssessmentFacts, 'period' | 'sources'>;

const KEY_OF: Partial<Record<AssessmentIndicatorKind, IndicatorKey>> = {
  [AssessmentIndicatorKind.ACADEMIC_DIFFERENCE_RATE]: 'academicDifferenceRate',
  [AssessmentIndicatorKind.CURRICULUM_COMPLETE]: 'curriculumComplete',
  [AssessmentIndicatorKind.NO_IRREGULAR_PRACTICES]: 'noIrregularPractices',
  [AssessmentIndicatorKind.ENVIRONMENT_SCORE]: 'environmentScore',
  [AssessmentIndicatorKind.PARENT_SATISFACTION]: 'parentSatisfaction',
  [AssessmentIndicatorKind.STUDENT_SATISFACTION]: 'studentSatisfaction',
  [AssessmentIndicatorKind.LOCAL_ENROLLMENT_PRESCHOOL]: 'localEnrollmentPreschool',
  [AssessmentIndicatorKind.LOCAL_ENROLLMENT_PRIMARY]: 'localEnrollmentPrimary',
  [AssessmentIndicatorKind.LOCAL_ENROLLMENT_JUNIOR]: 'localEnrollmentJunior',
};

function empty(period: string): AssessmentFacts {
  return {
    period,
    academicDifferenceRate: null,
    curriculumComplete: null,
    noIrregularPractices: null,
    environmentScore: null,
    parentSatisfaction: null,
    studentSatisfaction: null,
    localEnrollmentPreschool: null,
    localEnrollmentPrimary: null,
    localEnrollmentJunior: null,
    sources: {},
  };
}

/**
 * 一校一评 and 一镇一评 of the given schools and towns for a period, keyed `school:<id>`
 * and `town:<id>`, in one query. Each value carries its source and measurement date.
 */
export async function assessmentFacts(
  ds: DataSource,
  schoolIds: string[],
  townIds: string[],
  period: string,
): Promise<Map<string, AssessmentFacts>> {
  if (!schoolIds.length && !townIds.length) return new Map();
  const rows: {
    school_id: string | null;
    town_id: string;
    kind: AssessmentIndicatorKind;
    value: string | null;
    boolean_value: boolean | null;
    source: string;
    measured_on: string;
  }[] = await ds.query(
    `SELECT a.school_id, a.town_id, i.kind, i.value, i.boolean_value, i.source, i.measured_on::text AS measured_on
       FROM assessment a JOIN assessment_indicator i ON i.assessment_id = a.id
      WHERE a.period = $1
        AND (a.school_id IN (${placeholders(schoolIds, 2)})
             OR (a.school_id IS NULL AND a.town_id IN (${placeholders(townIds, 2 + schoolIds.length)})))`,
    [period, ...schoolIds, ...townIds],
  );
  const out = new Map<string, AssessmentFacts>();
  for (const r of rows) {
    const key = r.school_id ? `school:${r.school_id}` : `town:${r.town_id}`;
    const facts = out.get(key) ?? empty(period);
    const field = KEY_OF[r.kind];
    if (field) {
      (facts as unknown as Record<string, unknown>)[field] =
        r.boolean_value ?? (r.value == null ? null : Number(r.value));
      facts.sources[field] = `${r.source}（${r.measured_on}）`;
    }
    out.set(key, facts);
  }
  return out;
}

/** A school's own assessment, each missing indicator taken from its town's (一镇一评). */
export function schoolOrTown(
  school: AssessmentFacts | undefined,
  town: AssessmentFacts | undefined,
): AssessmentFacts | null {
  if (!school && !town) return null;
  if (!school || !town) return (school ?? town)!;
  const merged: AssessmentFacts = { ...town, ...withoutNulls(school), sources: { ...town.sources, ...school.sources } };
  return merged;
}

function withoutNulls(f: AssessmentFacts): Partial<AssessmentFacts> {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== null)) as Partial<AssessmentFacts>;
}

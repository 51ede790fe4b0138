import { AssessmentIndicatorKind, AssessmentOrderField, AssessmentSubjectKind } from '../../gql/graphql';
import { defineList } from '../../app/list/list-params';

/** The assessments table's URL: `?period=2026&subjectKind=TOWN&districtId=…&schoolId=…`. */
export const assessmentList = defineList({
  filters: {
    districtId: { kind: 'id' },
    townId: { kind: 'id' },
    schoolId: { kind: 'id' },
    subjectKind: { kind: 'enum', values: Object.values(AssessmentSubjectKind) },
    period: { kind: 'string' },
  },
  sorts: [AssessmentOrderField.Period, AssessmentOrderField.CreatedAt],
  defaultSort: AssessmentOrderField.Period,
  defaultDirection: 'DESC',
});

export type IndicatorType = 'ratio' | 'score' | 'count' | 'boolean';

/** How the server types and bounds each indicator (apps/server/src/modules/assessment/assessment.enums.ts). */
export const INDICATOR_TYPE: Record<AssessmentIndicatorKind, IndicatorType> = {
  ACADEMIC_DIFFERENCE_RATE: 'ratio',
  CURRICULUM_COMPLETE: 'boolean',
  NO_IRREGULAR_PRACTICES: 'boolean',
  PHYSICAL_HEALTH_PASS_RATE: 'ratio',
  ARTS_SKILL_RATE: 'ratio',
  STUDY_CLUB_COUNT: 'count',
  ENVIRONMENT_SCORE: 'score',
  MENTAL_HEALTH_SCORE: 'score',
  PARENT_SATISFACTION: 'ratio',
  STUDENT_SATISFACTION: 'ratio',
  LOCAL_ENROLLMENT_PRESCHOOL: 'ratio',
  LOCAL_ENROLLMENT_PRIMARY: 'ratio',
  LOCAL_ENROLLMENT_JUNIOR: 'ratio',
};

/** A stored value as people read it: shares in percent, scores and counts as they are. */
export function formatIndicator(
  kind: AssessmentIndicatorKind,
  value: number | null | undefined,
  booleanValue: boolean | null | undefined,
  yesNo: { yes: string; no: string },
): string {
  const type = INDICATOR_TYPE[kind];
  if (type === 'boolean') return booleanValue == null ? '—' : booleanValue ? yesNo.yes : yesNo.no;
  if (value == null) return '—';
  return type === 'ratio' ? `${(value * 100).toFixed(1)}%` : String(value);
}

export type IndicatorRuleError = 'required' | 'range' | 'integer' | 'sourceLength' | 'future';

/**
 * The form takes shares in percent (what bureau staff write); the API takes 0–1. Returns the
 * API's value, or the rule the entry breaks, as the server checks it.
 */
export function indicatorValue(
  kind: AssessmentIndicatorKind,
  entered: number | null | undefined,
): { value: number } | { error: IndicatorRuleError } {
  const type = INDICATOR_TYPE[kind];
  if (entered == null || Number.isNaN(entered)) return { error: 'required' };
  if (type === 'ratio') {
    if (entered < 0 || entered > 100) return { error: 'range' };
    return { value: Math.round(entered * 1000) / 100000 };
  }
  if (type === 'score') return entered < 0 || entered > 100 ? { error: 'range' } : { value: entered };
  if (!Number.isInteger(entered)) return { error: 'integer' };
  return entered < 0 || entered > 100000 ? { error: 'range' } : { value: entered };
}

export function sourceError(source: string | undefined): IndicatorRuleError | null {
  const text = source?.trim() ?? '';
  if (!text) return 'required';
  return text.length < 2 || text.length > 200 ? 'sourceLength' : null;
}

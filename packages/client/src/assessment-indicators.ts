/**
 * Assessment indicators as both apps show them: how the server types and bounds each kind
 * (apps/server/src/modules/assessment/assessment.enums.ts), and a stored value as people read
 * it. Their names are in the shared vocabulary, `enums.assessmentIndicator`.
 */
export type IndicatorType = 'ratio' | 'score' | 'count' | 'boolean';

/** Every AssessmentIndicatorKind of schema.graphql (the apps check their generated enum against it). */
export const INDICATOR_TYPE = {
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
} as const satisfies Record<string, IndicatorType>;

export type AssessmentIndicatorKind = keyof typeof INDICATOR_TYPE;

/** A stored value as people read it: shares in percent, scores and counts as they are. */
export function formatIndicator(
  kind: AssessmentIndicatorKind,
  value: number | null | undefined,
  booleanValue: boolean | null | undefined,
  yesNo: { yes: string; no: string },
): string {
  const type: IndicatorType = INDICATOR_TYPE[kind];
  if (type === 'boolean') return booleanValue == null ? '—' : booleanValue ? yesNo.yes : yesNo.no;
  if (value == null) return '—';
  return type === 'ratio' ? `${(value * 100).toFixed(1)}%` : String(value);
}

import { AssessmentIndicatorKind, AssessmentOrderField, AssessmentSubjectKind } from '../../gql/graphql';
import { defineList } from '../../app/list/list-params';
// Indexed by the generated enum below, so a kind the shared table lacks fails the typecheck.
import { INDICATOR_TYPE } from '@zhuji/client/assessment-indicators';

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

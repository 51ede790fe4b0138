export const PLAN_STATE_COLOR = {
  DRAFT: 'default',
  SUBMITTED: 'processing',
  APPROVED: 'success',
  RETURNED: 'error',
  FILED: 'purple',
} as const;

export interface PlanContent {
  targets: string;
  measures: string;
  responsibilities: string;
  expectedOutcomes: string;
}

/** 四个具体: all four are needed to submit. */
export const SPECIFICS = ['targets', 'measures', 'responsibilities', 'expectedOutcomes'] as const;

/** The server's plan as the form's values (null fields as empty text). */
export function planContent(plan: { [K in keyof PlanContent]?: string | null }): PlanContent {
  return {
    targets: plan.targets ?? '',
    measures: plan.measures ?? '',
    responsibilities: plan.responsibilities ?? '',
    expectedOutcomes: plan.expectedOutcomes ?? '',
  };
}

/** What the server stores: trimmed text, empty as null. */
export function contentInput(values: PlanContent): { [K in keyof PlanContent]: string | null } {
  const clean = (v: string) => v.trim() || null;
  return {
    targets: clean(values.targets),
    measures: clean(values.measures),
    responsibilities: clean(values.responsibilities),
    expectedOutcomes: clean(values.expectedOutcomes),
  };
}

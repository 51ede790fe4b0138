import type { SchoolStage, StaffingIndicatorKind } from '../../gql/graphql';

interface Counts {
  count: number;
  fullTimeTeachers: number;
}
interface Indicator {
  indicator: StaffingIndicatorKind;
  stage: SchoolStage;
  meetsBaseline?: boolean | null;
  value: Counts;
  baseline: Counts;
}

export interface DistrictStaffing {
  id: string;
  name: string;
  /** the district's town-seat schools, all stages the indicator applies to pooled */
  count: number;
  fullTimeTeachers: number;
  share: number | null;
  /** the urban baseline pooled the same way */
  baselineShare: number | null;
  /** the stages whose town-seat share is below their own urban baseline (the goal's test) */
  belowBaseline: SchoolStage[];
  comparisons: number;
}

/**
 * One indicator per district for the dashboard: the goal compares each stage with the urban
 * baseline of the same district and stage, so the verdict (`belowBaseline`) is per stage;
 * the chart's bar pools the stages (teachers counted, not shares averaged). Districts with
 * no town-seat schools for the indicator are left out.
 */
export function staffingByDistrict(
  districts: readonly { id: string; name: string; staffing: readonly Indicator[] }[],
  indicator: StaffingIndicatorKind,
): DistrictStaffing[] {
  const out: DistrictStaffing[] = [];
  for (const district of districts) {
    const rows = district.staffing.filter((s) => s.indicator === indicator);
    if (rows.length === 0) continue;
    const sum = (pick: (r: Indicator) => number) => rows.reduce((n, r) => n + pick(r), 0);
    const count = sum((r) => r.value.count);
    const fullTimeTeachers = sum((r) => r.value.fullTimeTeachers);
    const baseCount = sum((r) => r.baseline.count);
    const baseTeachers = sum((r) => r.baseline.fullTimeTeachers);
    out.push({
      id: district.id,
      name: district.name,
      count,
      fullTimeTeachers,
      share: fullTimeTeachers ? count / fullTimeTeachers : null,
      baselineShare: baseTeachers ? baseCount / baseTeachers : null,
      belowBaseline: rows.filter((r) => r.meetsBaseline === false).map((r) => r.stage),
      comparisons: rows.length,
    });
  }
  return out;
}

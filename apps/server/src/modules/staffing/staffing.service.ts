import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Context } from '../../context.js';
import { applySchoolScope, schoolScope } from '../../auth/policy.js';
import { School } from '../school/school.entity.js';
import { SchoolLocality, SchoolStage } from '../school/school.enums.js';
import {
  BaselineScope,
  StaffingIndicatorKind,
  type StaffingBaseline,
  type StaffingCounts,
  type StaffingIndicator,
} from './staffing.types.js';

/** Which indicators the plan applies to which stage (目标三：科学调节师资配备). */
export const INDICATORS_BY_STAGE: Record<SchoolStage, StaffingIndicatorKind[]> = {
  [SchoolStage.KINDERGARTEN]: [
    StaffingIndicatorKind.BACKBONE_COUNTY_OR_ABOVE,
    StaffingIndicatorKind.ASSOCIATE_OR_ABOVE,
  ],
  [SchoolStage.PRIMARY]: [StaffingIndicatorKind.BACKBONE_COUNTY_OR_ABOVE, StaffingIndicatorKind.BACHELOR_OR_ABOVE],
  [SchoolStage.JUNIOR]: [StaffingIndicatorKind.BACKBONE_COUNTY_OR_ABOVE, StaffingIndicatorKind.BACHELOR_OR_ABOVE],
  [SchoolStage.NINE_YEAR]: [StaffingIndicatorKind.BACKBONE_COUNTY_OR_ABOVE, StaffingIndicatorKind.BACHELOR_OR_ABOVE],
};

/** Sums of the per-school counts for one group of schools of one stage. */
export interface StageCounts {
  stage: SchoolStage;
  schoolCount: number;
  fullTime: number;
  backbone: number;
  bachelorOrAbove: number;
  associateOrAbove: number;
}

type Parent = 'id' | 'townId' | 'districtId';
const PARENT_COLUMN: Record<Parent, string> = { id: 's.id', townId: 's.town_id', districtId: 's.district_id' };

const SUMS = `s.stage AS stage, COUNT(*)::int AS "schoolCount",
  COALESCE(SUM(c.full_time), 0)::int AS "fullTime", COALESCE(SUM(c.backbone), 0)::int AS backbone,
  COALESCE(SUM(c.bachelor_or_above), 0)::int AS "bachelorOrAbove",
  COALESCE(SUM(c.associate_or_above), 0)::int AS "associateOrAbove"`;

function counted(c: StageCounts, kind: StaffingIndicatorKind): StaffingCounts {
  const count =
    kind === StaffingIndicatorKind.BACKBONE_COUNTY_OR_ABOVE
      ? c.backbone
      : kind === StaffingIndicatorKind.BACHELOR_OR_ABOVE
        ? c.bachelorOrAbove
        : c.associateOrAbove;
  return {
    schoolCount: c.schoolCount,
    fullTimeTeachers: c.fullTime,
    count,
    share: c.fullTime > 0 ? count / c.fullTime : null,
  };
}

/**
 * Staffing indicators of a school, town or district against the urban baseline of the same
 * district and stage. Reads the trigger-maintained `school_staffing` counts, so a district
 * costs a sum over its schools however many teachers it has.
 */
export class StaffingService {
  constructor(private readonly ds: DataSource) {}

  /** Per-stage counts of the viewer-visible schools under each parent, batched per request. */
  countsBy(ctx: Context, parent: Parent, townSeatOnly = false): DataLoader<string, StageCounts[]> {
    return ctx.loaders.named.get(
      `staffing:${parent}:${townSeatOnly}`,
      () =>
        new DataLoader<string, StageCounts[]>(async (ids) => {
          const qb = this.ds
            .getRepository(School)
            .createQueryBuilder('s')
            .leftJoin('school_staffing', 'c', 'c.school_id = s.id')
            .select(PARENT_COLUMN[parent], 'parent')
            .addSelect(SUMS)
            .where(`${PARENT_COLUMN[parent]} IN (:...ids)`, { ids })
            .groupBy(PARENT_COLUMN[parent])
            .addGroupBy('s.stage');
          if (townSeatOnly) qb.andWhere('s.is_town_seat = true');
          applySchoolScope(qb, schoolScope(ctx.viewer), 's.id', 's.district_id');
          const rows = await qb.getRawMany<StageCounts & { parent: string }>();
          return ids.map((id) => rows.filter((r) => r.parent === id));
        }),
    );
  }

  /**
   * Urban baselines for every district and stage, plus the city's, in one grouped query per
   * request. Baselines are reference figures over all urban schools, whatever the viewer's
   * scope: a school staff member compares their school with the district's urban schools
   * without seeing any of them.
   */
  private baselines(ctx: Context): Promise<Map<string, StageCounts>> {
    const loader = ctx.loaders.named.get<string, Map<string, StageCounts>>(
      'staffing:baselines',
      () =>
        new DataLoader(async (keys) => {
          const rows = await this.ds
            .getRepository(School)
            .createQueryBuilder('s')
            .leftJoin('school_staffing', 'c', 'c.school_id = s.id')
            .select(`COALESCE(s.district_id::text, 'city')`, 'district')
            .addSelect(SUMS)
            .where('s.locality = :urban', { urban: SchoolLocality.URBAN })
            .groupBy('GROUPING SETS ((s.district_id, s.stage), (s.stage))')
            .getRawMany<StageCounts & { district: string }>();
          const map = new Map(rows.map((r) => [`${r.district}:${r.stage}`, r]));
          return keys.map(() => map);
        }),
    );
    return loader.load('all');
  }

  /** The baseline a district's schools of `stage` are held to, and where it came from. */
  private pickBaseline(
    all: Map<string, StageCounts>,
    districtId: string,
    stage: SchoolStage,
  ): { counts?: StageCounts; scope: BaselineScope } {
    const own = all.get(`${districtId}:${stage}`);
    if (own && own.fullTime > 0) return { counts: own, scope: BaselineScope.DISTRICT };
    const city = all.get(`city:${stage}`);
    if (city && city.fullTime > 0) return { counts: city, scope: BaselineScope.CITY };
    return { scope: BaselineScope.NONE };
  }

  /** Indicators for groups of schools that all lie in `districtId`. */
  async indicators(ctx: Context, districtId: string, groups: StageCounts[]): Promise<StaffingIndicator[]> {
    const all = await this.baselines(ctx);
    const out: StaffingIndicator[] = [];
    for (const group of [...groups].sort((a, b) => a.stage.localeCompare(b.stage))) {
      const { counts, scope } = this.pickBaseline(all, districtId, group.stage);
      for (const indicator of INDICATORS_BY_STAGE[group.stage]) {
        const value = counted(group, indicator);
        const base: StaffingBaseline = counts
          ? { ...counted(counts, indicator), scope }
          : { schoolCount: 0, fullTimeTeachers: 0, count: 0, share: null, scope };
        const meetsBaseline = value.share == null || base.share == null ? null : value.share >= base.share;
        out.push({ indicator, stage: group.stage, value, baseline: base, meetsBaseline });
      }
    }
    return out;
  }
}

import type { SelectQueryBuilder } from 'typeorm';
import type { Context } from '../../context.js';
import { badInput } from '../../common/errors.js';
import { toGlobalId } from '../../common/global-id.js';
import { requireViewer } from '../../auth/policy.js';
import { School } from '../school/school.entity.js';
import type { SchoolFilter } from '../school/school.inputs.js';
import type { TeacherFilter } from '../teacher/teacher.inputs.js';
import { SchoolDimension, TeacherDimension, type AggregateRow } from './aggregates.types.js';

const MAX_DIMENSIONS = 3;

/** SQL for each dimension, over teacher `t` and its school `t_school`, or school `s`. */
const TEACHER_SQL: Record<TeacherDimension, string> = {
  DISTRICT: 't_school.district_id',
  TOWN: 't_school.town_id',
  STAGE: 't_school.stage',
  LOCALITY: 't_school.locality',
  IS_TOWN_SEAT: 't_school.is_town_seat',
  DEGREE: 't.degree',
  TITLE: 't.title',
  BACKBONE_LEVEL: 't.backbone_level',
  GENDER: 't.gender',
  IS_FULL_TIME: 't.is_full_time',
  SUBJECT: 't.subject',
};
const SCHOOL_SQL: Record<SchoolDimension, string> = {
  DISTRICT: 's.district_id',
  TOWN: 's.town_id',
  STAGE: 's.stage',
  LOCALITY: 's.locality',
  IS_TOWN_SEAT: 's.is_town_seat',
  IS_BOARDING: 's.is_boarding',
};

/**
 * Rows come in a reader's order: districts and towns by their official codes, enums in
 * their declared order (POSTGRADUATE before BACHELOR…), other values alphabetically.
 */
function orderOf(dimension: string, column: string): string {
  if (dimension === 'DISTRICT') return `(SELECT od.code FROM district od WHERE od.id = ${column})`;
  if (dimension === 'TOWN') return `(SELECT ot.code FROM town ot WHERE ot.id = ${column})`;
  return column;
}

/**
 * Counts and shares grouped by up to three dimensions, over exactly the rows the viewer's
 * list would show (same scope, same filter), so data teams need no SQL and see no more.
 */
export class AggregateService {
  private check(groupBy: string[]) {
    if (groupBy.length < 1 || groupBy.length > MAX_DIMENSIONS || new Set(groupBy).size !== groupBy.length) {
      throw badInput([
        {
          path: 'groupBy',
          message: `give 1 to ${MAX_DIMENSIONS} different dimensions`,
          messageZh: `请给出 1 到 ${MAX_DIMENSIONS} 个不同的维度`,
          constraint: 'dimensions',
        },
      ]);
    }
  }

  async teachers(
    ctx: Context,
    groupBy: TeacherDimension[],
    filter: TeacherFilter | undefined,
  ): Promise<AggregateRow[]> {
    requireViewer(ctx.viewer);
    this.check(groupBy);
    const qb = ctx.services.teacher.filtered(ctx, filter);
    if (!qb.expressionMap.joinAttributes.some((j) => j.alias.name === 't_school')) {
      qb.innerJoin(School, 't_school', 't_school.id = t.schoolId');
    }
    return this.run(
      ctx,
      qb,
      groupBy,
      groupBy.map((d) => TEACHER_SQL[d]),
      null,
    );
  }

  async schools(ctx: Context, groupBy: SchoolDimension[], filter: SchoolFilter | undefined): Promise<AggregateRow[]> {
    requireViewer(ctx.viewer);
    this.check(groupBy);
    const qb = ctx.services.school.filtered(ctx, filter);
    return this.run(
      ctx,
      qb,
      groupBy,
      groupBy.map((d) => SCHOOL_SQL[d]),
      'SUM(s.student_count)::int',
    );
  }

  private async run(
    ctx: Context,
    qb: SelectQueryBuilder<object>,
    groupBy: string[],
    columns: string[],
    studentsSql: string | null,
  ): Promise<AggregateRow[]> {
    qb.select([]);
    columns.forEach((c, i) =>
      qb.addSelect(`${c}::text`, `k${i}`).addGroupBy(c).addOrderBy(orderOf(groupBy[i]!, c), 'ASC', 'NULLS LAST'),
    );
    qb.addSelect('COUNT(*)::int', 'count');
    if (studentsSql) qb.addSelect(studentsSql, 'students');
    const rows = await qb.getRawMany<Record<string, string | number | null>>();

    const parentKey = (r: Record<string, unknown>) =>
      columns
        .slice(0, -1)
        .map((_, i) => r[`k${i}`])
        .join('\u0000');
    const totals = new Map<string, number>();
    for (const r of rows) totals.set(parentKey(r), (totals.get(parentKey(r)) ?? 0) + Number(r.count));

    const out: AggregateRow[] = [];
    for (const r of rows) {
      const keys = await Promise.all(
        groupBy.map(async (dimension, i) => {
          const raw = r[`k${i}`] as string | null;
          if (raw == null) return { dimension, value: null, label: null };
          if (dimension === 'DISTRICT')
            return {
              dimension,
              value: toGlobalId('District', raw),
              label: (await ctx.loaders.district.load(raw))?.name ?? null,
            };
          if (dimension === 'TOWN')
            return {
              dimension,
              value: toGlobalId('Town', raw),
              label: (await ctx.loaders.town.load(raw))?.name ?? null,
            };
          return { dimension, value: raw === 't' ? 'true' : raw === 'f' ? 'false' : raw, label: null };
        }),
      );
      out.push({
        keys,
        count: Number(r.count),
        share: Number(r.count) / totals.get(parentKey(r))!,
        students: studentsSql ? Number(r.students ?? 0) : null,
      });
    }
    return out;
  }
}

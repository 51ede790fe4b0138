import DataLoader from 'dataloader';
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Context } from '../../context.js';
import type { ConnectionArgs, ConnectionResult } from '../../common/connection.js';
import { OrderDirection } from '../../common/connection.js';
import { pageWindow, type SortSpec } from '../../common/keyset.js';
import { JointResearchSession, JointResearchSessionSchool, type Researcher } from './research.entity.js';
import { assignmentMonths, type AssignmentMonths, type MonthsKey } from './research-months.js';

export { monthOf, monthsBetween } from '../calendar/school-calendar.js';

interface ResearchLoaders {
  /** by user id: the researcher record linked to the account, within the viewer's researcher scope */
  researcherByUser: DataLoader<string, Researcher | null>;
  /** missing and due months of an assignment over a range (research-months.ts) */
  months: DataLoader<MonthsKey, AssignmentMonths, string>;
  sessionSchoolIds: DataLoader<string, string[]>;
  sessionPages: Map<string, DataLoader<string, ConnectionResult<JointResearchSession>>>;
}

const perRequest = new WeakMap<Context, ResearchLoaders>();

/** Per-request loaders of the research module (the shared registry holds only by-id loaders). */
export function researchLoaders(ctx: Context): ResearchLoaders {
  let loaders = perRequest.get(ctx);
  if (!loaders) {
    loaders = {
      researcherByUser: new DataLoader(async (userIds) => {
        const rows = await ctx.services.researcher
          .scoped(ctx, 'r')
          .andWhere('r.userId IN (:...userIds)', { userIds: [...userIds] })
          .getMany();
        return userIds.map((id) => rows.find((r) => r.userId === id) ?? null);
      }),
      months: new DataLoader(
        (keys) => assignmentMonths(ctx.ds, ctx.services.calendar, keys, ctx.config.clock.today()),
        {
          cacheKeyFn: (k) =>
            `${k.assignment.researcherId}|${k.assignment.schoolId}|${k.assignment.startDate}|${k.from}|${k.to}`,
        },
      ),
      sessionSchoolIds: new DataLoader((ids) => loadSessionSchoolIds(ctx.ds, ids)),
      sessionPages: new Map(),
    };
    perRequest.set(ctx, loaders);
  }
  return loaders;
}

async function loadSessionSchoolIds(ds: DataSource, sessionIds: readonly string[]): Promise<string[][]> {
  const rows = await ds
    .getRepository(JointResearchSessionSchool)
    .createQueryBuilder('ss')
    .where('ss.sessionId IN (:...ids)', { ids: [...sessionIds] })
    .getMany();
  return sessionIds.map((id) => rows.filter((r) => r.sessionId === id).map((r) => r.schoolId));
}

// ── school.jointResearchSessions: sessions reach schools through the join table, so the
// shared paginateByParent (which partitions by a column of the child) cannot page them;
// this is the same ROW_NUMBER() technique with the join table's school_id as the parent.

function cursorValue(row: ObjectLiteral, property: string): string | number {
  const v: unknown = row[property];
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'number' || typeof v === 'string') return v;
  throw new Error(`sort property ${property} must be NOT NULL`);
}

/** Same cursor format as common/keyset.ts, so pageWindow decodes it. */
const encodeCursor = (field: string, value: string | number, id: string) =>
  Buffer.from(JSON.stringify([field, value, id]), 'utf8').toString('base64url');

export function sessionsBySchool(
  ctx: Context,
  schoolId: string,
  key: string,
  query: () => SelectQueryBuilder<JointResearchSession>,
  args: ConnectionArgs,
  sort: SortSpec,
): Promise<ConnectionResult<JointResearchSession>> {
  const pages = researchLoaders(ctx).sessionPages;
  let loader = pages.get(key);
  if (!loader) {
    loader = new DataLoader((schoolIds) => pageSessionsBySchool(ctx, query, schoolIds, args, sort));
    pages.set(key, loader);
  }
  return loader.load(schoolId);
}

async function pageSessionsBySchool(
  ctx: Context,
  query: () => SelectQueryBuilder<JointResearchSession>,
  schoolIds: readonly string[],
  args: ConnectionArgs,
  sort: SortSpec,
): Promise<ConnectionResult<JointResearchSession>[]> {
  const window = pageWindow(args, sort, ctx.config.maxPageSize);
  const qb = query();
  const alias = qb.alias;
  const column = qb.expressionMap.mainAlias!.metadata.findColumnWithPropertyPath(sort.property)!.databaseName;
  const columnSql = `"${alias}"."${column}"`;
  const idSql = `"${alias}"."id"`;
  qb.innerJoin(JointResearchSessionSchool, 'pss', `pss.sessionId = ${alias}.id`).andWhere(
    'pss.schoolId IN (:...pageSchoolIds)',
    { pageSchoolIds: [...schoolIds] },
  );
  const countQb = qb.clone();
  const asc = sort.direction === OrderDirection.ASC;
  if (window.after) {
    qb.andWhere(`(${columnSql}, ${idSql}) ${asc ? '>' : '<'} (:afterValue, :afterId)`, {
      afterValue: window.after.value,
      afterId: window.after.id,
    });
  }
  if (window.before) {
    qb.andWhere(`(${columnSql}, ${idSql}) ${asc ? '<' : '>'} (:beforeValue, :beforeId)`, {
      beforeValue: window.before.value,
      beforeId: window.before.id,
    });
  }
  const dir = asc === window.forward ? 'ASC' : 'DESC';
  const bySchool = new Map<string, JointResearchSession[]>(schoolIds.map((id) => [id, []]));
  if (window.limit > 0) {
    const inner = qb
      .select(idSql, 'id')
      .addSelect('pss.school_id', 'parent')
      .addSelect(`ROW_NUMBER() OVER (PARTITION BY pss.school_id ORDER BY ${columnSql} ${dir}, ${idSql} ${dir})`, 'rn');
    const [innerSql, params] = inner.getQueryAndParameters();
    const ranked: { id: string; parent: string }[] = await ctx.ds.query(
      `SELECT "id", "parent", "rn" FROM (${innerSql}) ranked WHERE "rn" <= $${params.length + 1} ORDER BY "parent", "rn"`,
      [...params, window.limit + 1],
    );
    if (ranked.length) {
      const rows = await ctx.ds
        .getRepository(JointResearchSession)
        .createQueryBuilder('r')
        .whereInIds([...new Set(ranked.map((r) => r.id))])
        .getMany();
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const r of ranked) {
        const row = byId.get(r.id);
        if (row) bySchool.get(r.parent)?.push(row);
      }
    }
  }
  let counts: Promise<Map<string, number>> | undefined;
  const countAll = () =>
    (counts ??= countQb
      .select('pss.school_id', 'parent')
      .addSelect('COUNT(*)', 'count')
      .groupBy('pss.school_id')
      .getRawMany<{ parent: string; count: string }>()
      .then((rows) => new Map(rows.map((r) => [r.parent, Number(r.count)]))));
  return schoolIds.map((schoolId) => {
    const rows = bySchool.get(schoolId) ?? [];
    const hasMore = rows.length > window.limit;
    const page = hasMore ? rows.slice(0, window.limit) : rows;
    if (!window.forward) page.reverse();
    const edges = page.map((node) => ({
      cursor: encodeCursor(sort.field, cursorValue(node, sort.property), node.id),
      node,
    }));
    let counted: Promise<number> | undefined;
    return {
      edges,
      nodes: page,
      pageInfo: {
        hasNextPage: window.forward ? hasMore : Boolean(window.before),
        hasPreviousPage: window.forward ? Boolean(window.after) : hasMore,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      get totalCount() {
        counted ??= countAll().then((m) => m.get(schoolId) ?? 0);
        return counted;
      },
    };
  });
}

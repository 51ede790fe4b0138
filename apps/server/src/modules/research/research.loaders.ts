import DataLoader from 'dataloader';
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Context } from '../../context.js';
import type { ConnectionArgs, ConnectionResult } from '../../common/connection.js';
import { OrderDirection } from '../../common/connection.js';
import { pageWindow, type SortSpec } from '../../common/keyset.js';
import { today } from '../../common/dates.js';
import {
  JointResearchSession,
  JointResearchSessionSchool,
  type Researcher,
  type ResearcherAssignment,
} from './research.entity.js';

/** `YYYY-MM` of a `YYYY-MM-DD` day. */
export const monthOf = (day: string) => day.slice(0, 7);

/** Every month from `first` to `last` (both `YYYY-MM`), inclusive. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** The first day of the month after `month` (`YYYY-MM`), as `YYYY-MM-DD`. */
function nextMonthStart(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * The months an assignment is expected to show a session in, within [from, to]: the
 * overlap of the asked range with the assignment's own period, never past today's month.
 * A partial month at either end (starting mid-month, ending on a day) still counts.
 */
export function expectedMonths(a: ResearcherAssignment, from: string, to: string, day = today()): string[] {
  const start = a.startDate > from ? a.startDate : from;
  let end = to;
  if (a.endDate && a.endDate < end) end = a.endDate;
  if (day < end) end = day;
  return start > end ? [] : monthsBetween(monthOf(start), monthOf(end));
}

interface MissingKey {
  assignment: ResearcherAssignment;
  from: string;
  to: string;
}

interface ResearchLoaders {
  /** by user id: the researcher record linked to the account, within the viewer's researcher scope */
  researcherByUser: DataLoader<string, Researcher | null>;
  missingMonths: DataLoader<MissingKey, string[], string>;
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
      missingMonths: new DataLoader((keys) => loadMissingMonths(ctx.ds, keys), {
        cacheKeyFn: (k) => `${k.assignment.id}|${k.from}|${k.to}`,
      }),
      sessionSchoolIds: new DataLoader((ids) => loadSessionSchoolIds(ctx.ds, ids)),
      sessionPages: new Map(),
    };
    perRequest.set(ctx, loaders);
  }
  return loaders;
}

/** `$1, $2, …` from `offset + 1`: PGlite does not serialise array parameters. */
const placeholders = (n: number, offset: number) =>
  Array.from({ length: n }, (_, i) => `$${offset + i + 1}`).join(', ');

/**
 * Missing months for many assignments in ONE statement: the months in which each
 * (researcher, school) pair held a session, over the union of the asked ranges, diffed
 * against each assignment's expected months in TypeScript.
 */
async function loadMissingMonths(ds: DataSource, keys: readonly MissingKey[]): Promise<string[][]> {
  const expected = keys.map((k) => expectedMonths(k.assignment, k.from, k.to));
  const wanted = expected.flat();
  if (!wanted.length) return expected;
  const first = wanted.reduce((a, b) => (a < b ? a : b));
  const last = wanted.reduce((a, b) => (a > b ? a : b));
  const researcherIds = [...new Set(keys.map((k) => k.assignment.researcherId))];
  const schoolIds = [...new Set(keys.map((k) => k.assignment.schoolId))];
  const rows: { researcher_id: string; school_id: string; month: string }[] = await ds.query(
    `SELECT DISTINCT s.researcher_id, ss.school_id, to_char(s.held_on, 'YYYY-MM') AS month
       FROM joint_research_session s JOIN joint_research_session_school ss ON ss.session_id = s.id
      WHERE s.held_on >= $1 AND s.held_on < $2
        AND s.researcher_id IN (${placeholders(researcherIds.length, 2)})
        AND ss.school_id IN (${placeholders(schoolIds.length, 2 + researcherIds.length)})`,
    [`${first}-01`, nextMonthStart(last), ...researcherIds, ...schoolIds],
  );
  const held = new Set(rows.map((r) => `${r.researcher_id}|${r.school_id}|${r.month}`));
  return keys.map((k, i) =>
    expected[i]!.filter((m) => !held.has(`${k.assignment.researcherId}|${k.assignment.schoolId}|${m}`)),
  );
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

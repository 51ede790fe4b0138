import express, { Router, type Request } from 'express';
import { validate } from 'class-validator';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { In, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { Context } from '../../context.js';
import type { HttpDeps } from '../../http/request-context.js';
import { contextFor } from '../../http/request-context.js';
import { badInput, unauthenticated, type FieldError } from '../../common/errors.js';
import { LIMITS } from '../../common/limits.js';
import { OrderDirection } from '../../common/connection.js';
import { paginate, type SortSpec } from '../../common/keyset.js';
import { sortSpec } from '../../common/order.js';
import { decideOn } from '../../auth/decisions/decide.js';
import { SCHOOL, schoolPlace } from '../../auth/decisions/organisation.js';
import { School } from '../school/school.entity.js';
import { SchoolLocality, SchoolStage } from '../school/school.enums.js';
import { SCHOOL_SORT_PROPERTIES, SchoolFilter, SchoolOrderField } from '../school/school.inputs.js';
import { Town } from '../town/town.entity.js';
import { District } from '../district/district.entity.js';
import type { Teacher } from '../teacher/teacher.entity.js';
import { BackboneLevel, Degree, Title } from '../teacher/teacher.enums.js';
import { TEACHER_SORT_PROPERTIES, TeacherFilter, TeacherOrderField } from '../teacher/teacher.inputs.js';
import { maskIdNumber, maskPhone } from '../teacher/id-number.js';
import {
  BACKBONE_ZH,
  DEGREE_ZH,
  GENDER_ZH,
  LOCALITY_ZH,
  SCHOOL_HEADINGS,
  STAGE_ZH,
  TEACHER_HEADINGS,
  TITLE_ZH,
  yesNo,
} from './export.columns.js';
import { finishDownload, sendErrors, startDownload, type Format, type RowSink } from './export.sinks.js';
import { queryExportHandler } from './export-query.route.js';

/**
 * Streamed CSV / XLSX exports under /api/export (see docs/DATA-TEAMS.md):
 *
 *   GET /api/export/{schools,teachers}.{csv,xlsx}?filter=<JSON>&orderBy=<JSON>
 *
 * `filter` and `orderBy` are the GraphQL list's `SchoolFilter`/`TeacherFilter` and
 * `SchoolOrder`/`TeacherOrder` as JSON. Rows come from the service's `filtered(ctx, filter)`
 * (the list's scope and filter, in SQL) and are read in keyset batches of BATCH rows, each
 * written out before the next is read, so memory stays flat whatever the row count.
 * Personal fields are masked per school exactly as the GraphQL fields are.
 */
export const EXPORT_BATCH = 2000;
let batchSize = EXPORT_BATCH;
/** Tests shrink the batch to walk many batches over a few rows. */
export function setExportBatchSize(size: number): void {
  batchSize = size;
}

type Kind = 'schools' | 'teachers';

const TITLES: Record<Kind, string> = { schools: '学校名单', teachers: '教师名单' };

// ---- filter / orderBy parsing: the GraphQL input types' rules, for a query-string JSON ----

type FieldRule = 'id' | 'boolean' | 'string' | readonly string[];

const SCHOOL_FILTER_RULES: Record<string, FieldRule> = {
  districtId: 'id',
  townId: 'id',
  stage: Object.values(SchoolStage),
  locality: Object.values(SchoolLocality),
  isTownSeat: 'boolean',
  search: 'string',
};
const TEACHER_FILTER_RULES: Record<string, FieldRule> = {
  ...SCHOOL_FILTER_RULES,
  schoolId: 'id',
  degree: Object.values(Degree),
  title: Object.values(Title),
  backboneLevel: Object.values(BackboneLevel),
  isFullTime: 'boolean',
};

function ruleAccepts(rule: FieldRule, v: unknown): boolean {
  if (rule === 'boolean') return typeof v === 'boolean';
  if (rule === 'id' || rule === 'string') return typeof v === 'string';
  return typeof v === 'string' && rule.includes(v);
}

function describe(rule: FieldRule): string {
  return typeof rule === 'string'
    ? `must be ${rule === 'id' ? 'an ID' : `a ${rule}`}`
    : `must be one of ${rule.join(', ')}`;
}

function parseJsonParam(req: Request, name: string): unknown {
  const raw = req.query[name];
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') {
    throw badInput([
      { path: name, message: 'must be given once, as JSON', messageZh: '参数须为 JSON', constraint: 'json' },
    ]);
  }
  try {
    return JSON.parse(raw);
  } catch {
    throw badInput([{ path: name, message: 'is not valid JSON', messageZh: '不是有效的 JSON', constraint: 'json' }]);
  }
}

async function parseFilter<T extends object>(
  req: Request,
  rules: Record<string, FieldRule>,
  make: () => T,
): Promise<T | undefined> {
  const value = parseJsonParam(req, 'filter');
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw badInput([
      { path: 'filter', message: 'must be a JSON object', messageZh: '须为 JSON 对象', constraint: 'object' },
    ]);
  }
  const fields: FieldError[] = [];
  const filter = make();
  for (const [key, v] of Object.entries(value)) {
    const rule = rules[key];
    if (!rule) {
      fields.push({
        path: `filter.${key}`,
        message: 'is not a filter field',
        messageZh: '不是可用的筛选字段',
        constraint: 'unknown',
      });
    } else if (v === null) {
      continue;
    } else if (!ruleAccepts(rule, v)) {
      fields.push({ path: `filter.${key}`, message: describe(rule), messageZh: '取值无效', constraint: 'type' });
    } else {
      (filter as Record<string, unknown>)[key] = v;
    }
  }
  if (fields.length) throw badInput(fields);
  // The same class-validator rules the GraphQL argument passes (e.g. search length).
  const errors = await validate(filter, { skipMissingProperties: true, forbidUnknownValues: false });
  for (const e of errors) {
    for (const [constraint, message] of Object.entries(e.constraints ?? {})) {
      fields.push({ path: `filter.${e.property}`, message, messageZh: '取值无效', constraint });
    }
  }
  if (fields.length) throw badInput(fields);
  return filter;
}

function parseOrder<F extends string>(
  req: Request,
  fields: readonly F[],
  properties: Record<F, string>,
  fallback: F,
): SortSpec {
  const value = parseJsonParam(req, 'orderBy');
  if (value === undefined || value === null) return sortSpec(undefined, properties, fallback);
  const o = value as { field?: unknown; direction?: unknown };
  const bad: FieldError[] = [];
  if (typeof value !== 'object' || Array.isArray(value) || !fields.includes(o.field as F)) {
    bad.push({
      path: 'orderBy.field',
      message: `must be one of ${fields.join(', ')}`,
      messageZh: '排序字段无效',
      constraint: 'enum',
    });
  }
  if (o?.direction != null && o.direction !== OrderDirection.ASC && o.direction !== OrderDirection.DESC) {
    bad.push({
      path: 'orderBy.direction',
      message: 'must be ASC or DESC',
      messageZh: '排序方向无效',
      constraint: 'enum',
    });
  }
  if (bad.length) throw badInput(bad);
  return sortSpec(
    { field: o.field as F, direction: (o.direction as OrderDirection) ?? OrderDirection.ASC },
    properties,
    fallback,
  );
}

// ---- row sources ----

/** Walks `query()` page by page by keyset (never OFFSET): one batch in memory at a time. */
async function* keysetBatches<T extends ObjectLiteral>(
  query: () => SelectQueryBuilder<T>,
  sort: SortSpec,
): AsyncGenerator<T[]> {
  let after: string | undefined;
  for (;;) {
    // paginate's totalCount is lazy: no COUNT runs here.
    const page = await paginate(query(), { first: batchSize, after }, sort, batchSize);
    if (page.nodes.length) yield page.nodes;
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
    after = page.pageInfo.endCursor;
  }
}

/** Small id → row caches, bounded: a city has a few thousand schools and fewer towns. */
class Lookup<T extends { id: string }> {
  private readonly rows = new Map<string, T>();
  constructor(private readonly load: (ids: string[]) => Promise<T[]>) {}
  async ensure(ids: Iterable<string>): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.rows.has(id));
    if (!missing.length) return;
    if (this.rows.size > 20_000) this.rows.clear();
    for (const row of await this.load(missing)) this.rows.set(row.id, row);
  }
  get(id: string): T | undefined {
    return this.rows.get(id);
  }
}

async function writeSchools(ctx: Context, filter: SchoolFilter | undefined, sort: SortSpec, sink: RowSink) {
  const towns = new Lookup((ids) => ctx.ds.getRepository(Town).findBy({ id: In(ids) }));
  const districts = new Lookup((ids) => ctx.ds.getRepository(District).findBy({ id: In(ids) }));
  for await (const batch of keysetBatches<School>(() => ctx.services.school.filtered(ctx, filter), sort)) {
    await towns.ensure(batch.map((s) => s.townId));
    await districts.ensure(batch.map((s) => s.districtId));
    for (const s of batch) {
      const town = towns.get(s.townId);
      await sink.write([
        s.code,
        s.name,
        districts.get(s.districtId)?.name ?? null,
        town?.code ?? null,
        town?.name ?? null,
        STAGE_ZH[s.stage],
        LOCALITY_ZH[s.locality],
        yesNo(s.isTownSeat),
        s.address,
        s.studentCount,
        s.classCount,
        yesNo(s.isBoarding),
        yesNo(s.providesLunch),
        yesNo(s.runsSchoolBus),
        s.foundedYear,
      ]);
    }
  }
}

async function writeTeachers(ctx: Context, filter: TeacherFilter | undefined, sort: SortSpec, sink: RowSink) {
  const schools = new Lookup((ids) =>
    ctx.ds
      .getRepository(School)
      .find({ where: { id: In(ids) }, select: { id: true, code: true, name: true, districtId: true } }),
  );
  // TeacherService.personal's rule, decided once per school instead of once per teacher.
  const fullAccess = new Map<string, boolean>();
  const personalInFull = (school: School | undefined) => {
    if (!school) return false;
    let full = fullAccess.get(school.id);
    if (full === undefined) {
      full = decideOn(ctx.viewer, SCHOOL, 'teacher:readPersonal', schoolPlace(school));
      fullAccess.set(school.id, full);
    }
    return full;
  };
  for await (const batch of keysetBatches<Teacher>(() => ctx.services.teacher.filtered(ctx, filter), sort)) {
    await schools.ensure(batch.map((t) => t.schoolId));
    for (const t of batch) {
      const school = schools.get(t.schoolId);
      const full = personalInFull(school);
      await sink.write([
        school?.code ?? null,
        school?.name ?? null,
        t.staffNumber,
        t.name,
        GENDER_ZH[t.gender],
        t.subject,
        yesNo(t.isFullTime),
        DEGREE_ZH[t.degree],
        TITLE_ZH[t.title],
        BACKBONE_ZH[t.backboneLevel],
        yesNo(t.isRenowned),
        t.hireDate,
        full ? t.idNumber : t.idNumber ? maskIdNumber(t.idNumber) : null,
        full ? t.phone : t.phone ? maskPhone(t.phone) : null,
        full ? t.birthDate : null,
      ]);
    }
  }
}

export interface ExportDeps extends HttpDeps {
  /** the server's own schema: `POST /query.{csv,xlsx}` runs documents through it */
  schema: GraphQLSchema;
}

export function exportRoutes(deps: ExportDeps): Router {
  const router = Router();

  router.post('/query.:format', express.json({ limit: LIMITS.maxBodyBytes }), queryExportHandler(deps));

  router.get('/:file', async (req, res, next) => {
    const m = /^(schools|teachers)\.(csv|xlsx)$/.exec(String(req.params.file));
    if (!m) return next();
    const kind = m[1] as Kind;
    const format = m[2] as Format;
    let ctx: Context;
    let run: (sink: RowSink) => Promise<void>;
    try {
      ctx = await contextFor(req, deps);
      if (!ctx.viewer) return sendErrors(res, req, [unauthenticated()]);
      const viewerCtx = ctx;
      if (kind === 'schools') {
        const filter = await parseFilter(req, SCHOOL_FILTER_RULES, () => new SchoolFilter());
        const sort = parseOrder(req, Object.values(SchoolOrderField), SCHOOL_SORT_PROPERTIES, SchoolOrderField.NAME);
        viewerCtx.services.school.filtered(viewerCtx, filter); // global ids in the filter fail here, before any byte is sent
        run = (sink) => writeSchools(viewerCtx, filter, sort, sink);
      } else {
        const filter = await parseFilter(req, TEACHER_FILTER_RULES, () => new TeacherFilter());
        const sort = parseOrder(req, Object.values(TeacherOrderField), TEACHER_SORT_PROPERTIES, TeacherOrderField.NAME);
        viewerCtx.services.teacher.filtered(viewerCtx, filter);
        run = (sink) => writeTeachers(viewerCtx, filter, sort, sink);
      }
    } catch (error) {
      if (error instanceof GraphQLError && error.extensions?.code) return sendErrors(res, req, [error]);
      return next(error);
    }

    const headings = kind === 'schools' ? SCHOOL_HEADINGS : TEACHER_HEADINGS;
    const sink = startDownload(res, format, { ascii: kind, title: TITLES[kind] }, headings, ctx.config.clock.today());
    await finishDownload(ctx, res, `${kind}.${format}`, sink, run);
  });

  return router;
}

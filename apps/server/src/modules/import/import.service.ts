import { randomUUID } from 'node:crypto';
import {
  getMetadataStorage,
  validateSync,
  ValidationTypes,
  type ValidationArguments,
  type ValidationError,
} from 'class-validator';
import type { EntityManager, EntityMetadata } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import type { Context } from '../../context.js';
import { assertHolds, can, isInScope, schoolScope, type Action } from '../../auth/policy.js';
import { Role, type Viewer } from '../../auth/viewer.js';
import {
  conflict,
  PG_EXCLUSION_VIOLATION,
  PG_FOREIGN_KEY_VIOLATION,
  PG_UNIQUE_VIOLATION,
  pgErrorCode,
  unauthenticated,
} from '../../common/errors.js';
import { inTransaction } from '../../common/unit-of-work.js';
import { dateOrderProblem, leadRoleProblem, sameSchoolsProblem } from '../collaboration/collaboration.rules.js';
import type { GroupMemberRole } from '../collaboration/collaboration.enums.js';
import { cellText, COLUMNS, matchHeading, type ColumnSpec, type ImportKind } from './import.columns.js';
import { PLANS, type ImportPlan } from './import.plans.js';
import { MalformedFileError, readRows, sniffFormat, type FileFormat, type SheetRow } from './import.reader.js';
import { relationChecks } from './import.relations.js';

export const IMPORT_LIMITS = {
  /** upload cap; a larger body is refused with 413 */
  maxBytes: 64 * 1024 * 1024,
  /** data rows per file */
  maxRows: 500_000,
  /** error rows reported in detail; `errorCount` counts them all */
  maxErrors: 1_000,
  /** rows per statement: staged (and, for rosters, upserted) while the next batch is parsed */
  batchRows: 5_000,
};

export interface ImportRowError {
  /** 1-based row number as the spreadsheet shows it (the heading row is 1) */
  row: number;
  /** the column heading as in the file (null: the whole row or file) */
  column: string | null;
  value: string | null;
  message: string;
  messageZh: string;
}

export interface ImportReport {
  kind: ImportKind;
  dryRun: boolean;
  /** data rows read (blank rows are skipped) */
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errors: ImportRowError[];
  /** all errors found, of which `errors` lists the first maxErrors */
  errorCount: number;
}

export interface ImportOptions {
  dryRun: boolean;
  /** the declared format (content type); null: decide by the file's first bytes */
  format?: FileFormat | null;
  /** CSV character set; utf-8 by default */
  charset?: string;
}

/** What a viewer must hold somewhere to import `kind` at all; each row's target is then checked. */
export function importAction(kind: ImportKind): Action {
  return PLANS[kind].action;
}

interface Lookup {
  id: string;
  districtId: string;
}

interface GroupLookup extends Lookup {
  leadSchoolId: string;
}

/** Thrown inside the transaction to roll it back (dry runs, files with errors) with the report. */
class Rollback extends Error {
  constructor(readonly report: ImportReport) {
    super('rollback');
  }
}

const ZH: Record<string, string> = {
  matches: '格式不正确',
  isLength: '长度不符合要求',
  min: '数值过小',
  max: '数值过大',
  arrayMaxSize: '项数过多',
  isIdNumber: '身份证号不正确（位数、出生日期或校验码有误）',
};

/** Per-column Chinese messages where the generic one would be vague. */
const ZH_BY_KEY: Record<string, string> = {
  code: '学校标识码须为 10 位数字',
  staffNumber: '工号须为 1–32 位字母、数字或短横线',
  phone: '联系电话须为 11 位手机号或固定电话',
  name: '名称长度不符合要求',
};

const OUT_OF_SCOPE = {
  message: 'no such school, or school outside your scope',
  messageZh: '学校不存在或学校不在您的管辖范围',
};

/**
 * Bulk import from CSV or xlsx files (see import.plans.ts for the kinds). Every row is
 * parsed and validated with the input classes' own rules while the file streams; valid
 * rows go to a temporary staging table in batches of thousands, one statement per batch
 * whose column values travel as JSON arrays (one parameter per column, which PGlite binds
 * as well as PostgreSQL). The staging table's unique index on the natural key finds the
 * file's duplicates as they arrive. Rosters are upserted batch by batch with
 * `INSERT … ON CONFLICT DO UPDATE … WHERE … IS DISTINCT FROM …` while the next batch is
 * parsed; relations are checked as a whole in SQL, then merged. Everything happens in
 * one transaction with one summary audit entry: any bad row rolls all of it back, and a
 * dry run only stages and counts.
 */
export class ImportService {
  async importFile(ctx: Context, kind: ImportKind, path: string, options: ImportOptions): Promise<ImportReport> {
    const viewer = ctx.viewer;
    if (!viewer) throw unauthenticated();
    const plan = PLANS[kind];
    assertHolds(viewer, plan.action);

    const report: ImportReport = {
      kind,
      dryRun: options.dryRun,
      rows: 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      errors: [],
      errorCount: 0,
    };
    let format: FileFormat | 'empty';
    try {
      format = await sniffFormat(path, options.format ?? null);
    } catch (error) {
      if (!(error instanceof MalformedFileError)) throw error;
      return fileError(report, error);
    }
    if (format === 'empty') return fileError(report, emptyFile());

    try {
      return await inTransaction(ctx, async (em, audit) => {
        const job = new ImportJob(em, viewer, kind, report);
        await job.run(readRows(path, format, options.charset));
        if (report.errorCount > 0) throw new Rollback(report);
        report.unchanged = report.rows - report.inserted - report.updated;
        if (options.dryRun) throw new Rollback(report);
        audit.record(
          plan.auditType,
          randomUUID(),
          'CREATE',
          null,
          {
            format,
            rows: report.rows,
            inserted: report.inserted,
            updated: report.updated,
            unchanged: report.unchanged,
          },
          { districtId: singleDistrict(viewer), schoolId: null },
        );
        return report;
      });
    } catch (error) {
      if (error instanceof Rollback) return error.report;
      if (error instanceof MalformedFileError) return fileError(report, error);
      // Every rule was checked against what this transaction saw; another one that committed
      // meanwhile (the same new code, an overlapping period, a deleted school) trips the
      // database's own guarantee instead.
      if (CONCURRENT_CHANGE.has(pgErrorCode(error) ?? '')) {
        throw conflict(
          'Another change to the same records was saved while this file was imported; nothing was written, import it again',
          '导入期间有其他修改涉及相同记录，本次未写入任何数据，请重新导入',
        );
      }
      throw error;
    }
  }
}

const CONCURRENT_CHANGE = new Set([PG_UNIQUE_VIOLATION, PG_EXCLUSION_VIOLATION, PG_FOREIGN_KEY_VIOLATION]);

function emptyFile(): MalformedFileError {
  return new MalformedFileError('The file is empty', '文件为空', 1);
}

function fileError(report: ImportReport, error: MalformedFileError): ImportReport {
  report.errors = [
    ...report.errors,
    { row: error.row ?? 1, column: null, value: null, message: error.message, messageZh: error.messageZh },
  ];
  report.errorCount = report.errors.length;
  report.inserted = report.updated = report.unchanged = 0;
  return report;
}

/** The district of a district admin's single district grant, so their imports show in their audit log. */
function singleDistrict(viewer: Viewer): string | null {
  const ids = new Set(viewer.grants.filter((g) => g.role === Role.DISTRICT_ADMIN).map((g) => g.districtId));
  return ids.size === 1 ? [...ids][0]! : null;
}

export interface StageColumn {
  property: string;
  column: ColumnMetadata;
  /** the file has no such column: relations take the stored value (or the column's empty value) */
  absent: boolean;
}

/** A row on its way to the staging table: its values in stage order (row number first). */
interface StagedRow {
  values: (string | null)[];
  /** what a duplicate of this row is reported with */
  display: string | null;
}

export const quote = (name: string) => `"${name}"`;

/** One import inside its transaction. */
class ImportJob {
  private readonly plan: ImportPlan;
  private readonly columns: ColumnSpec[];
  private readonly metadata: EntityMetadata;
  private readonly dryRun: boolean;
  /** file column index → spec (null: ignored) */
  private layout: (ColumnSpec | null)[] = [];
  private present = new Set<string>();
  private stage: StageColumn[] = [];
  private batch: StagedRow[] = [];
  /** the batch statement still running while the next batch is parsed */
  private inflight: Promise<void> | null = null;
  private stageSql = '';
  private upsertSql = '';
  private towns = new Map<string, Lookup>();
  private schools = new Map<string, Lookup>();
  private groups = new Map<string, GroupLookup[]>();
  private readonly scope;
  private readonly allowed = new Map<string, boolean>();
  /** teachers: school code → the school's id when the viewer may write its teachers, else null */
  private readonly teacherSchools = new Map<string, string | null>();
  private readonly validator: RowValidator | null;

  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer,
    private readonly kind: ImportKind,
    private readonly report: ImportReport,
  ) {
    this.plan = PLANS[kind];
    this.columns = COLUMNS[kind];
    this.metadata = em.connection.getMetadata(this.plan.entity);
    this.dryRun = report.dryRun;
    this.scope = schoolScope(viewer);
    this.validator = this.plan.input ? new RowValidator(this.plan.input) : null;
  }

  private error(row: number, column: string | null, value: unknown, message: string, messageZh: string): void {
    this.report.errorCount++;
    if (this.report.errors.length >= IMPORT_LIMITS.maxErrors) return;
    const text = cellText(value);
    this.report.errors.push({
      row,
      column,
      value: text === null ? null : text.slice(0, 200),
      message,
      messageZh,
    });
  }

  async run(rows: AsyncGenerator<SheetRow>): Promise<void> {
    let header: SheetRow | undefined;
    try {
      for await (const r of rows) {
        if (isBlank(r.values)) continue;
        if (!header) {
          header = r;
          if (!this.readHeader(r)) return;
          await this.prepare();
          continue;
        }
        if (this.report.rows >= IMPORT_LIMITS.maxRows) {
          this.error(
            r.row,
            null,
            null,
            `The file has more than ${IMPORT_LIMITS.maxRows} data rows; split it into several files`,
            `数据行超过 ${IMPORT_LIMITS.maxRows} 行，请拆分为多个文件`,
          );
          return;
        }
        this.report.rows++;
        const staged = this.parseRow(r);
        if (staged) {
          this.batch.push(staged);
          if (this.batch.length >= IMPORT_LIMITS.batchRows) await this.flush();
        }
      }
      await this.flush();
    } finally {
      // never leave a statement running behind an early return or a malformed file
      await this.settle();
    }
    if (!header) throw emptyFile();
    if (this.report.rows === 0) {
      this.error(header.row, null, null, 'The file has headings but no data rows', '文件只有表头，没有数据行');
      return;
    }
    if (!this.plan.streamed && this.report.errorCount === 0) {
      await this.completeAbsent();
      for (const e of await relationChecks(this.em, this.kind, this.stage, IMPORT_LIMITS.maxErrors)) {
        this.error(e.row, e.column, e.value, e.message, e.messageZh);
      }
      if (this.report.errorCount === 0 && !this.dryRun) await this.merge();
    }
    if (this.report.errorCount === 0 && this.dryRun) await this.countChanges();
    this.report.errors.sort((a, b) => a.row - b.row);
  }

  /** Maps the headings; false when a required column is missing or a heading is unknown. */
  private readHeader(r: SheetRow): boolean {
    const seen = new Set<string>();
    let ok = true;
    this.layout = r.values.map((raw) => {
      const heading = cellText(raw) ?? '';
      const m = matchHeading(this.columns, heading);
      if (m.kind === 'ignored') return null;
      if (m.kind === 'unknown') {
        ok = false;
        this.error(
          r.row,
          heading,
          heading,
          `Unknown column "${heading}"; use the template's headings`,
          `无法识别的列名“${heading}”，请使用模板中的列名`,
        );
        return null;
      }
      if (seen.has(m.spec.key)) {
        ok = false;
        this.error(r.row, heading, heading, `Column "${heading}" appears twice`, `列“${heading}”重复`);
        return null;
      }
      seen.add(m.spec.key);
      return m.spec;
    });
    for (const spec of this.columns) {
      if (spec.required && !seen.has(spec.key)) {
        ok = false;
        this.error(r.row, spec.zh, null, `Missing required column ${spec.zh} (${spec.key})`, `缺少必填列“${spec.zh}”`);
      }
    }
    this.present = seen;
    return ok;
  }

  /** Loads the parents rows refer to, creates the staging table and builds the batch statements. */
  private async prepare(): Promise<void> {
    const schools: { code: string; id: string; district_id: string }[] = await this.em.query(
      'SELECT code, id, district_id FROM school',
    );
    for (const s of schools) this.schools.set(s.code, { id: s.id, districtId: s.district_id });
    if (this.kind === 'schools') {
      const towns: { code: string; id: string; district_id: string }[] = await this.em.query(
        'SELECT code, id, district_id FROM town',
      );
      for (const t of towns) this.towns.set(t.code, { id: t.id, districtId: t.district_id });
    }
    if (this.kind === 'memberships') {
      const groups: { name: string; id: string; district_id: string; lead_school_id: string }[] = await this.em.query(
        'SELECT name, id, district_id, lead_school_id FROM collaboration_group',
      );
      for (const g of groups) {
        const list = this.groups.get(g.name) ?? [];
        list.push({ id: g.id, districtId: g.district_id, leadSchoolId: g.lead_school_id });
        this.groups.set(g.name, list);
      }
    }
    // Rosters stage the columns the file has (the others keep their stored values);
    // relations stage every column, filling absent ones from the stored row.
    const data = this.columns
      .filter((c) => this.metadata.findColumnWithPropertyName(c.key) && !this.plan.parents.includes(c.key))
      .filter((c) => !this.plan.streamed || this.present.has(c.key))
      .map((c) => c.key);
    this.stage = [...this.plan.parents, ...data].map((property) => {
      const column = this.metadata.findColumnWithPropertyName(property);
      if (!column) throw new Error(`${this.metadata.name} has no column ${property}`);
      return { property, column, absent: !this.plan.parents.includes(property) && !this.present.has(property) };
    });
    const names = this.stage.map((s) => quote(s.column.databaseName));
    const keys = this.keyColumns().map(quote);
    // A real roster run writes each batch straight to its table and stages only the keys
    // (to find duplicates); dry runs and relations stage whole rows to count and check.
    const upserting = this.plan.streamed && !this.dryRun;
    const staged = upserting ? keys : names;
    const types = new Map(this.stage.map((s) => [quote(s.column.databaseName), sqlType(s.column)]));
    await this.em.query('DROP TABLE IF EXISTS pg_temp.import_stage');
    await this.em.query(
      `CREATE TEMP TABLE import_stage (row_no integer NOT NULL, ${staged.map((c) => `${c} ${types.get(c)}`).join(', ')}) ON COMMIT DROP`,
    );
    // Finds the file's duplicates as batches arrive: a later row with the same key is not staged.
    await this.em.query(`CREATE UNIQUE INDEX ON pg_temp.import_stage (${keys.join(', ')})`);

    // One JSON array per column, zipped back into rows.
    const cells = ['row_no', ...names].map((_, i) => `json_array_elements_text($${i + 1}::json)`);
    const casts = ['row_no', ...names].map((c, i) => `c${i}::${types.get(c) ?? 'integer'} AS ${c}`);
    const common =
      `WITH v AS MATERIALIZED (SELECT ${casts.join(', ')}
` +
      `   FROM ROWS FROM (${cells.join(', ')}) AS i(${cells.map((_, i) => `c${i}`).join(', ')})),
` +
      ` s AS (INSERT INTO import_stage (row_no, ${staged.join(', ')}) SELECT row_no, ${staged.join(', ')} FROM v ORDER BY row_no
` +
      `   ON CONFLICT (${keys.join(', ')}) DO NOTHING RETURNING row_no)`;
    this.stageSql = `${common}\nSELECT (SELECT count(*) FROM s)::int AS staged`;
    if (upserting) {
      const table = quote(this.metadata.tableName);
      const updatable = this.updatable();
      // A school's district never changes by import (checked per row); the guard keeps it so
      // even if another transaction created the same code elsewhere meanwhile.
      const guard = this.plan.fixed.map((p) => `${table}.${this.col(p)} = EXCLUDED.${this.col(p)} AND `).join('');
      const row = (prefix: string) => `ROW(${updatable.map((c) => `${prefix}.${c}`).join(', ')})`;
      this.upsertSql =
        `${common},\n u AS (INSERT INTO ${table} (${names.join(', ')}) SELECT ${names.join(', ')} FROM v\n` +
        `   WHERE row_no IN (SELECT row_no FROM s)\n` +
        `   ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${updatable.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, "updated_at" = now()\n` +
        `   WHERE ${guard}${row(table)} IS DISTINCT FROM ${row('EXCLUDED')}\n` +
        `   RETURNING (xmax = 0) AS inserted)\n` +
        `SELECT (SELECT count(*) FROM s)::int AS staged, (SELECT count(*) FROM u WHERE inserted)::int AS inserted,\n` +
        `   (SELECT count(*) FROM u WHERE NOT inserted)::int AS updated`;
    }
  }

  private col(property: string): string {
    const column = this.metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${this.metadata.name} has no column ${property}`);
    return quote(column.databaseName);
  }

  private keyColumns(): string[] {
    return this.plan.key.map((p) => this.metadata.findColumnWithPropertyName(p)!.databaseName);
  }

  /** Staged columns an import may change on an existing row. */
  private updatable(): string[] {
    return this.stage
      .filter((s) => !this.plan.key.includes(s.property) && !this.plan.fixed.includes(s.property))
      .map((s) => quote(s.column.databaseName));
  }

  /** Parses and validates one row; its staging values, or null when it has errors. */
  private parseRow(r: SheetRow): StagedRow | null {
    const input: Record<string, unknown> = {};
    const failed = new Set<string>();
    const raw: Record<string, unknown> = {};
    for (let i = 0; i < this.layout.length; i++) {
      const spec = this.layout[i];
      if (!spec) continue;
      const cell = r.values[i];
      raw[spec.key] = cell;
      const parsed = spec.parse(cell);
      if (!parsed.ok) {
        failed.add(spec.key);
        this.error(r.row, spec.zh, cell, `${spec.zh} (${spec.key}) ${parsed.message}`, `${spec.zh}${parsed.messageZh}`);
        continue;
      }
      const value = parsed.value ?? spec.empty ?? null;
      if (value === null && spec.required) {
        failed.add(spec.key);
        this.error(r.row, spec.zh, cell, `${spec.zh} (${spec.key}) is required`, `${spec.zh}不能为空`);
        continue;
      }
      input[spec.key] = value;
    }
    // The input classes' own rules (lengths, ranges, formats, ID-number check digits).
    for (const e of this.validator?.validate(input) ?? []) this.fieldError(r.row, e, failed, raw);
    const parent = this.resolveParent(r.row, input, raw, failed);
    if (failed.size > 0 || !parent) return null;
    const values: (string | null)[] = [String(r.row)];
    for (const s of this.stage) {
      const v = s.property in parent ? parent[s.property] : input[s.property];
      values.push(stageText(v));
    }
    const display = input[this.plan.duplicate.property];
    return { values, display: display === undefined ? null : String(display) };
  }

  private fieldError(row: number, e: ValidationError, failed: Set<string>, raw: Record<string, unknown>): void {
    const spec = this.columns.find((c) => c.key === e.property);
    if (!spec || failed.has(spec.key)) return;
    failed.add(spec.key);
    const [constraint, message] = Object.entries(e.constraints ?? {})[0] ?? ['invalid', 'is invalid'];
    this.error(
      row,
      spec.zh,
      raw[spec.key],
      `${spec.zh} (${spec.key}) ${message.replace(new RegExp(`^${e.property} `), '')}`,
      (constraint === 'isIdNumber' ? undefined : ZH_BY_KEY[spec.key]) ?? `${spec.zh}${ZH[constraint] ?? '取值无效'}`,
    );
  }

  private can(action: Action, target: { districtId: string; schoolId?: string }): boolean {
    const key = `${action}|${target.districtId}|${target.schoolId ?? ''}`;
    let allowed = this.allowed.get(key);
    if (allowed === undefined) {
      allowed = can(this.viewer, action, target);
      this.allowed.set(key, allowed);
    }
    return allowed;
  }

  /** A rule problem on the row's column `key`; marks the row as failed. */
  private problem(
    row: number,
    key: string,
    raw: Record<string, unknown>,
    failed: Set<string>,
    p: { message: string; messageZh: string },
  ): void {
    const spec = this.columns.find((c) => c.key === key)!;
    failed.add(key);
    this.error(row, spec.zh, raw[key], `${spec.zh} (${key}) ${p.message}`, p.messageZh);
  }

  /** The row's parent ids within the viewer's write scope, and the rules that need them. */
  private resolveParent(
    row: number,
    input: Record<string, unknown>,
    raw: Record<string, unknown>,
    failed: Set<string>,
  ): Record<string, string> | null {
    switch (this.kind) {
      case 'schools':
        return this.resolveSchoolRow(row, input, raw, failed);
      case 'teachers':
        return this.resolveTeacherRow(row, input, raw, failed);
      case 'memberships':
        return this.resolveMembershipRow(row, input, raw, failed);
      case 'trusteeships':
        return this.resolveTrusteeshipRow(row, input, raw, failed);
    }
  }

  private resolveSchoolRow(
    row: number,
    input: Record<string, unknown>,
    raw: Record<string, unknown>,
    failed: Set<string>,
  ): Record<string, string> | null {
    if (failed.has('townCode') || failed.has('code')) return null;
    const town = this.towns.get(input.townCode as string);
    if (!town) {
      this.error(
        row,
        '乡镇代码',
        raw.townCode,
        'No town has this 9-digit code',
        '乡镇代码不存在（须为 9 位统计用区划代码）',
      );
      return null;
    }
    const existing = this.schools.get(input.code as string);
    const allowed = existing
      ? this.can('school:update', { districtId: existing.districtId, schoolId: existing.id })
      : this.can('school:create', { districtId: town.districtId });
    if (!allowed) {
      this.error(row, '学校标识码', raw.code, 'school outside your scope', '学校不在您的管辖范围');
      return null;
    }
    if (existing && existing.districtId !== town.districtId) {
      this.error(
        row,
        '乡镇代码',
        raw.townCode,
        "must be a town of the school's own district",
        '只能迁往本校所在区县的乡镇',
      );
      return null;
    }
    return { townId: town.id, districtId: town.districtId };
  }

  private resolveTeacherRow(
    row: number,
    input: Record<string, unknown>,
    raw: Record<string, unknown>,
    failed: Set<string>,
  ): Record<string, string> | null {
    if (failed.has('schoolCode')) return null;
    const code = input.schoolCode as string;
    let schoolId = this.teacherSchools.get(code);
    if (schoolId === undefined) {
      const school = this.schools.get(code);
      // A school outside the viewer's sight reads exactly like one that does not exist.
      const target = school && { districtId: school.districtId, schoolId: school.id };
      const allowed =
        school &&
        target &&
        isInScope(this.scope, school.id, school.districtId) &&
        this.can('teacher:create', target) &&
        this.can('teacher:update', target);
      schoolId = allowed ? school.id : null;
      this.teacherSchools.set(code, schoolId);
    }
    if (schoolId === null) {
      this.error(row, '学校标识码', raw.schoolCode, OUT_OF_SCOPE.message, OUT_OF_SCOPE.messageZh);
      return null;
    }
    return { schoolId };
  }

  /**
   * The group by its name (and lead school, when names repeat), which the viewer must be
   * allowed to manage the members of; the school by its code, anywhere (a group takes in
   * schools of other districts, as GroupMembershipService.add allows).
   */
  private resolveMembershipRow(
    row: number,
    input: Record<string, unknown>,
    raw: Record<string, unknown>,
    failed: Set<string>,
  ): Record<string, string> | null {
    if (failed.has('groupName') || failed.has('leadSchoolCode') || failed.has('schoolCode')) return null;
    // Only groups the viewer manages are candidates: another district's group of the same
    // name neither makes the name ambiguous nor shows that it exists.
    const candidates = (this.groups.get(input.groupName as string) ?? []).filter((g) =>
      this.can('group:manageMembers', { districtId: g.districtId, schoolId: g.leadSchoolId }),
    );
    let group: GroupLookup | undefined;
    if (input.leadSchoolCode) {
      const lead = this.schools.get(input.leadSchoolCode as string);
      group = candidates.find((g) => g.leadSchoolId === lead?.id);
    } else if (candidates.length > 1) {
      this.problem(row, 'groupName', raw, failed, {
        message: 'several groups have this name; add the column 龙头校标识码 to tell them apart',
        messageZh: '有多个同名组织，请增加“龙头校标识码”列加以区分',
      });
      return null;
    } else {
      group = candidates[0];
    }
    if (!group) {
      this.problem(row, 'groupName', raw, failed, {
        message: 'no such group, or group outside your scope',
        messageZh: '组织不存在或不在您的管辖范围',
      });
      return null;
    }
    const school = this.schools.get(input.schoolCode as string);
    if (!school) {
      this.problem(row, 'schoolCode', raw, failed, { message: 'no such school', messageZh: '学校不存在' });
      return null;
    }
    if (!failed.has('role')) {
      const p = leadRoleProblem(school.id === group.leadSchoolId, input.role as GroupMemberRole);
      if (p) this.problem(row, 'role', raw, failed, p);
    }
    const left = input.leftOn as string | null | undefined;
    if (left && !failed.has('joinedOn') && !failed.has('leftOn')) {
      const p = dateOrderProblem(left, input.joinedOn as string, 'the leaving date', '退出日期');
      if (p) this.problem(row, 'leftOn', raw, failed, p);
    }
    return { groupId: group.id, schoolId: school.id };
  }

  /** The lead school within the viewer's reach (as TrusteeshipService.create asks), the partner anywhere. */
  private resolveTrusteeshipRow(
    row: number,
    input: Record<string, unknown>,
    raw: Record<string, unknown>,
    failed: Set<string>,
  ): Record<string, string> | null {
    if (failed.has('leadSchoolCode') || failed.has('partnerSchoolCode')) return null;
    const lead = this.schools.get(input.leadSchoolCode as string);
    const target = lead && { districtId: lead.districtId, schoolId: lead.id };
    if (
      !lead ||
      !target ||
      !isInScope(this.scope, lead.id, lead.districtId) ||
      !this.can('trusteeship:create', target) ||
      !this.can('trusteeship:update', target)
    ) {
      this.problem(row, 'leadSchoolCode', raw, failed, OUT_OF_SCOPE);
      return null;
    }
    const partner = this.schools.get(input.partnerSchoolCode as string);
    if (!partner) {
      this.problem(row, 'partnerSchoolCode', raw, failed, { message: 'no such school', messageZh: '学校不存在' });
      return null;
    }
    const same = sameSchoolsProblem(lead.id, partner.id);
    if (same) this.problem(row, 'partnerSchoolCode', raw, failed, same);
    const start = input.startDate as string | null;
    for (const [key, what, whatZh] of [
      ['plannedEndDate', 'the planned end', '计划结束日期'],
      ['actualEndDate', 'the end', '实际结束日期'],
    ] as const) {
      const day = input[key] as string | null | undefined;
      const p = day && start && !failed.has(key) && dateOrderProblem(day, start, what, whatZh);
      if (p) this.problem(row, key, raw, failed, p);
    }
    return {
      leadSchoolId: lead.id,
      partnerSchoolId: partner.id,
      leadDistrictId: lead.districtId,
      partnerDistrictId: partner.districtId,
    };
  }

  /**
   * Sends the pending rows as one statement and returns as soon as it is on its way, so
   * the next batch is parsed while the database writes this one; at most one is in flight.
   */
  private async flush(): Promise<void> {
    await this.settle();
    if (!this.batch.length) return;
    const rows = this.batch;
    this.batch = [];
    const pending = this.send(rows);
    // awaited by the next flush or by settle(); until then a failure must not go unhandled
    pending.catch(() => undefined);
    this.inflight = pending;
  }

  private async settle(): Promise<void> {
    const pending = this.inflight;
    this.inflight = null;
    if (pending) await pending;
  }

  private async send(rows: StagedRow[]): Promise<void> {
    const upsert = this.upsertSql !== '' && this.report.errorCount === 0;
    const params = rows[0]!.values.map((_, i) => JSON.stringify(rows.map((r) => r.values[i])));
    const [result]: { staged: number; inserted?: number; updated?: number }[] = await this.em.query(
      upsert ? this.upsertSql : this.stageSql,
      params,
    );
    this.report.inserted += Number(result?.inserted ?? 0);
    this.report.updated += Number(result?.updated ?? 0);
    if (Number(result?.staged) < rows.length) {
      const skipped: { row_no: number }[] = await this.em.query(
        `SELECT x::integer AS row_no FROM json_array_elements_text($1::json) x
          WHERE x::integer NOT IN (SELECT row_no FROM import_stage) ORDER BY 1`,
        [params[0]],
      );
      await this.reportDuplicates(
        rows,
        skipped.map((r) => Number(r.row_no)),
      );
    }
  }

  /** Each later row with a key already staged is an error naming the first row. */
  private async reportDuplicates(rows: StagedRow[], rowNumbers: number[]): Promise<void> {
    const keyIndexes = this.plan.key.map((p) => 1 + this.stage.findIndex((s) => s.property === p));
    const keyTypes = this.plan.key.map((p) => sqlType(this.stage.find((s) => s.property === p)!.column));
    const where = this.keyColumns()
      .map((c, i) => `${quote(c)} = $${i + 1}::${keyTypes[i]}`)
      .join(' AND ');
    const d = this.plan.duplicate;
    for (const n of rowNumbers.sort((x, y) => x - y)) {
      const staged = rows.find((r) => r.values[0] === String(n))!;
      let first = '?';
      if (this.report.errors.length < IMPORT_LIMITS.maxErrors) {
        const [hit]: { first: number }[] = await this.em.query(
          `SELECT row_no AS first FROM import_stage WHERE ${where}`,
          keyIndexes.map((i) => staged.values[i]),
        );
        first = String(hit?.first ?? '?');
      }
      this.error(
        n,
        d.column,
        staged.display,
        `${d.message} (first on row ${first})`,
        `${d.messageZh}（首次出现在第 ${first} 行）`,
      );
    }
  }

  private keyJoin(a: string, b: string): string {
    return this.keyColumns()
      .map((c) => `${a}.${quote(c)} = ${b}.${quote(c)}`)
      .join(' AND ');
  }

  /** Relations: a column the file leaves out keeps the stored value, or takes its empty value. */
  private async completeAbsent(): Promise<void> {
    const absent = this.stage.filter((s) => s.absent);
    if (!absent.length) return;
    const table = quote(this.metadata.tableName);
    await this.em.query(
      `UPDATE import_stage s SET ${absent.map((a) => `${quote(a.column.databaseName)} = t.${quote(a.column.databaseName)}`).join(', ')}
         FROM ${table} t WHERE ${this.keyJoin('t', 's')}`,
    );
    for (const a of absent) {
      const empty = this.columns.find((c) => c.key === a.property)?.empty;
      if (empty === undefined) continue;
      await this.em.query(
        `UPDATE import_stage SET ${quote(a.column.databaseName)} = $1::${sqlType(a.column)} WHERE ${quote(a.column.databaseName)} IS NULL`,
        [stageText(empty)],
      );
    }
  }

  /** What a real run would insert and update, without writing (dry runs). */
  private async countChanges(): Promise<void> {
    const table = quote(this.metadata.tableName);
    const updatable = this.updatable();
    const fixed = this.plan.fixed.map((p) => `t.${this.col(p)} = s.${this.col(p)} AND `).join('');
    const row = (prefix: string) => `ROW(${updatable.map((c) => `${prefix}.${c}`).join(', ')})`;
    const [counts]: { inserted: number; updated: number }[] = await this.em.query(
      `SELECT count(*) FILTER (WHERE t.id IS NULL)::int AS inserted,
              count(*) FILTER (WHERE t.id IS NOT NULL AND ${fixed}${row('t')} IS DISTINCT FROM ${row('s')})::int AS updated
         FROM import_stage s LEFT JOIN ${table} t ON ${this.keyJoin('t', 's')}`,
    );
    this.report.inserted = Number(counts?.inserted ?? 0);
    this.report.updated = Number(counts?.updated ?? 0);
  }

  /**
   * Relations: updates first (an ended period makes room for the next one), then inserts,
   * so the exclusion constraints see the file's own order of events.
   */
  private async merge(): Promise<void> {
    const table = quote(this.metadata.tableName);
    const updatable = this.updatable();
    const names = this.stage.map((s) => quote(s.column.databaseName));
    const row = (prefix: string) => `ROW(${updatable.map((c) => `${prefix}.${c}`).join(', ')})`;
    const [updated]: { n: number }[] = await this.em.query(
      `WITH u AS (UPDATE ${table} t SET ${updatable.map((c) => `${c} = s.${c}`).join(', ')}, "updated_at" = now()
         FROM import_stage s WHERE ${this.keyJoin('t', 's')} AND ${row('t')} IS DISTINCT FROM ${row('s')} RETURNING 1)
       SELECT count(*)::int AS n FROM u`,
    );
    const [inserted]: { n: number }[] = await this.em.query(
      `WITH n AS (INSERT INTO ${table} (${names.join(', ')})
         SELECT ${names.map((c) => `s.${c}`).join(', ')} FROM import_stage s
          WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE ${this.keyJoin('t', 's')}) ORDER BY s.row_no RETURNING 1)
       SELECT count(*)::int AS n FROM n`,
    );
    this.report.updated = Number(updated?.n ?? 0);
    this.report.inserted = Number(inserted?.n ?? 0);
  }
}

const VALIDATE_OPTIONS = { skipMissingProperties: true, forbidUnknownValues: false };

type Check = (value: unknown, row: Record<string, unknown>) => boolean;
type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

/**
 * The input class's rules, run per row without class-validator's per-call overhead (its
 * metadata lookup per object was the import's largest cost). Each property's rules are
 * read once from class-validator's own metadata and its own constraint instances decide,
 * exactly as `validateSync` would with skipMissingProperties; a value they refuse is
 * validated again by `validateSync` itself, so the error and its message are its own.
 * A property with any other kind of rule (nested, async, each, validateIf) always goes
 * through `validateSync`.
 */
class RowValidator {
  /** property → its compiled rules; null: validated by validateSync; absent: no rules */
  private readonly checks = new Map<string, Check | null>();

  constructor(private readonly input: new () => object) {
    const storage = getMetadataStorage();
    const byProperty = new Map<string, ValidationMetadata[]>();
    for (const m of storage.getTargetValidationMetadatas(input, '', false, false)) {
      byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m]);
    }
    for (const [property, metas] of byProperty) this.checks.set(property, compileChecks(storage, input, metas));
  }

  validate(values: Record<string, unknown>): ValidationError[] {
    let slow: Record<string, unknown> | null = null;
    for (const key in values) {
      const check = this.checks.get(key);
      if (check === undefined || (check !== null && check(values[key], values))) continue;
      (slow ??= {})[key] = values[key];
    }
    return slow ? validateSync(Object.assign(new this.input(), slow), VALIDATE_OPTIONS) : [];
  }
}

function compileChecks(
  storage: ReturnType<typeof getMetadataStorage>,
  input: new () => object,
  metas: ValidationMetadata[],
): Check | null {
  const conditions: ((row: object, value: unknown) => boolean)[] = [];
  const rules: { validate: (value: unknown, args: ValidationArguments) => unknown; constraints: unknown[] }[] = [];
  for (const m of metas) {
    if (m.each || m.validateIf) return null;
    if (m.type === ValidationTypes.CONDITIONAL_VALIDATION) {
      conditions.push(m.constraints[0] as (row: object, value: unknown) => boolean);
    } else if (m.type === ValidationTypes.CUSTOM_VALIDATION && m.constraintCls) {
      for (const c of storage.getTargetValidatorConstraints(m.constraintCls)) {
        if (c.async) return null;
        const instance = c.instance as { validate: (value: unknown, args: ValidationArguments) => unknown };
        rules.push({ validate: instance.validate.bind(instance), constraints: m.constraints });
      }
    } else {
      return null;
    }
  }
  const property = metas[0]!.propertyName;
  return (value, row) => {
    if (!conditions.every((c) => c(row, value))) return true;
    if (value === null || value === undefined) return true;
    const args = { targetName: input.name, property, object: row, value, constraints: [] as unknown[] };
    return rules.every((r) => {
      args.constraints = r.constraints;
      // class-validator's own test: any truthy answer passes
      return Boolean(r.validate(value, args));
    });
  };
}

function isBlank(values: unknown[]): boolean {
  return values.every((v) => cellText(v) === null);
}

/** A parsed value as the staging statement's text: arrays as PostgreSQL array literals. */
function stageText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return `{${v.join(',')}}`;
  return String(v);
}

export function sqlType(column: ColumnMetadata): string {
  const base =
    column.type === 'enum'
      ? `"${column.enumName}"`
      : // lengths are the input classes' rules; staging never truncates or fails on them
        column.type === 'varchar'
        ? 'text'
        : String(column.type);
  return column.isArray ? `${base}[]` : base;
}

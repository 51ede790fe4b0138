import { randomUUID } from 'node:crypto';
import { validateSync, type ValidationError } from 'class-validator';
import type { EntityManager } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import type { Context } from '../../context.js';
import { assertHolds, can, isInScope, schoolScope, type Action } from '../../auth/policy.js';
import { Role, type Viewer } from '../../auth/viewer.js';
import { unauthenticated } from '../../common/errors.js';
import { inTransaction } from '../../common/unit-of-work.js';
import { CreateSchoolInput } from '../school/school.inputs.js';
import { School } from '../school/school.entity.js';
import { CreateTeacherInput } from '../teacher/teacher.inputs.js';
import { Teacher } from '../teacher/teacher.entity.js';
import { cellText, COLUMNS, matchHeading, type ColumnSpec, type ImportKind } from './import.columns.js';
import { MalformedFileError, readRows, sniffFormat, type FileFormat, type SheetRow } from './import.reader.js';

export const IMPORT_LIMITS = {
  /** upload cap; a larger body is refused with 413 */
  maxBytes: 64 * 1024 * 1024,
  /** data rows per file */
  maxRows: 500_000,
  /** error rows reported in detail; `errorCount` counts them all */
  maxErrors: 1_000,
  /** rows per staging statement */
  batchRows: 2_000,
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

interface Lookup {
  id: string;
  districtId: string;
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
  isIdNumber: '身份证号不正确（位数、出生日期或校验码有误）',
};

/** Per-column Chinese messages where the generic one would be vague. */
const ZH_BY_KEY: Record<string, string> = {
  code: '学校标识码须为 10 位数字',
  staffNumber: '工号须为 1–32 位字母、数字或短横线',
  phone: '联系电话须为 11 位手机号或固定电话',
  name: '名称长度不符合要求',
};

/**
 * Bulk import of schools and teachers from CSV or xlsx files. Every row is parsed and
 * validated with the input classes' own rules while the file streams, valid rows are
 * staged into a temporary table in batches, duplicates within the file are found in SQL,
 * and one `INSERT … ON CONFLICT DO UPDATE … WHERE … IS DISTINCT FROM …` upserts by the
 * natural key (school code; school and staff number), all in one transaction with one
 * summary audit entry. Any bad row rolls everything back; a dry run always does, after
 * counting what the real run would insert and update.
 */
export class ImportService {
  async importFile(ctx: Context, kind: ImportKind, path: string, options: ImportOptions): Promise<ImportReport> {
    const viewer = ctx.viewer;
    if (!viewer) throw unauthenticated();
    assertHolds(viewer, kind === 'schools' ? 'school:update' : 'teacher:create');

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
          kind === 'schools' ? 'SchoolImport' : 'TeacherImport',
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
      throw error;
    }
  }
}

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

interface StageColumn {
  property: string;
  column: ColumnMetadata;
}

/** One import inside its transaction. */
class ImportJob {
  private readonly columns: ColumnSpec[];
  private readonly entity: typeof School | typeof Teacher;
  /** file column index → spec (null: ignored) */
  private layout: (ColumnSpec | null)[] = [];
  private present = new Set<string>();
  private stage: StageColumn[] = [];
  private batch: string[][] = [];
  private batchLength = 0;
  private towns = new Map<string, Lookup>();
  private schools = new Map<string, Lookup>();
  private readonly scope;
  private readonly allowed = new Map<string, boolean>();

  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer,
    private readonly kind: ImportKind,
    private readonly report: ImportReport,
  ) {
    this.columns = COLUMNS[kind];
    this.entity = kind === 'schools' ? School : Teacher;
    this.scope = schoolScope(viewer);
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
      const values = this.parseRow(r);
      if (values) {
        this.batch.push(values);
        if (++this.batchLength >= IMPORT_LIMITS.batchRows) await this.flush();
      }
    }
    if (!header) throw emptyFile();
    if (this.report.rows === 0) {
      this.error(header.row, null, null, 'The file has headings but no data rows', '文件只有表头，没有数据行');
      return;
    }
    await this.flush();
    await this.findDuplicates();
    if (this.report.errorCount === 0) await this.upsert();
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

  /** Loads the parents rows refer to and creates the staging table for the columns present. */
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
    const metadata = this.em.connection.getMetadata(this.entity);
    const parents = this.kind === 'schools' ? ['townId', 'districtId'] : ['schoolId'];
    const data = this.columns.filter((c) => this.present.has(c.key) && !c.key.endsWith('Code')).map((c) => c.key);
    this.stage = [...parents, ...data].map((property) => {
      const column = metadata.findColumnWithPropertyName(property);
      if (!column) throw new Error(`${metadata.name} has no column ${property}`);
      return { property, column };
    });
    await this.em.query('DROP TABLE IF EXISTS pg_temp.import_stage');
    await this.em.query(
      `CREATE TEMP TABLE import_stage (row_no integer NOT NULL, ${this.stage
        .map((s) => `"${s.column.databaseName}" ${sqlType(s.column)}`)
        .join(', ')}) ON COMMIT DROP`,
    );
  }

  /** Parses and validates one row; its staging values, or null when it has errors. */
  private parseRow(r: SheetRow): string[] | null {
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
    const instance = Object.assign(this.kind === 'schools' ? new CreateSchoolInput() : new CreateTeacherInput(), input);
    for (const e of validateSync(instance, { skipMissingProperties: true, forbidUnknownValues: false })) {
      this.fieldError(r.row, e, failed, raw);
    }
    const parent = this.resolveParent(r.row, input, raw, failed);
    if (failed.size > 0 || !parent) return null;
    const values = [String(r.row)];
    for (const s of this.stage) {
      const v = s.property in parent ? parent[s.property] : input[s.property];
      values.push(v === null || v === undefined ? (null as unknown as string) : String(v));
    }
    return values;
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

  /** The row's parent ids (town and district; school) within the viewer's write scope. */
  private resolveParent(
    row: number,
    input: Record<string, unknown>,
    raw: Record<string, unknown>,
    failed: Set<string>,
  ): Record<string, string> | null {
    if (this.kind === 'schools') {
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
    if (failed.has('schoolCode')) return null;
    const school = this.schools.get(input.schoolCode as string);
    // A school outside the viewer's sight reads exactly like one that does not exist.
    const target = school && { districtId: school.districtId, schoolId: school.id };
    if (
      !school ||
      !target ||
      !isInScope(this.scope, school.id, school.districtId) ||
      !this.can('teacher:create', target) ||
      !this.can('teacher:update', target)
    ) {
      this.error(
        row,
        '学校标识码',
        raw.schoolCode,
        'no such school, or school outside your scope',
        '学校不存在或学校不在您的管辖范围',
      );
      return null;
    }
    return { schoolId: school.id };
  }

  /** Writes the pending rows into the staging table: one unnest statement per batch. */
  private async flush(): Promise<void> {
    if (!this.batch.length) return;
    const rows = this.batch;
    this.batch = [];
    this.batchLength = 0;
    const arrays = [`$1::text[]::integer[]`, ...this.stage.map((s, i) => `$${i + 2}::text[]::${sqlType(s.column)}[]`)];
    const params = arrays.map((_, i) => rows.map((r) => r[i]!));
    await this.em.query(
      `INSERT INTO import_stage (row_no, ${this.stage.map((s) => `"${s.column.databaseName}"`).join(', ')}) ` +
        `SELECT * FROM unnest(${arrays.join(', ')})`,
      params,
    );
  }

  /** The same natural key twice in the file: every later row is an error. */
  private async findDuplicates(): Promise<void> {
    const [keySql, heading] = this.kind === 'schools' ? ['code', '学校标识码'] : ['school_id, staff_number', '工号'];
    const valueSql = this.kind === 'schools' ? 'code' : 'staff_number';
    const groups: { value: string; rows: string }[] = await this.em.query(
      `SELECT min(${valueSql}) AS value, string_agg(row_no::text, ',' ORDER BY row_no) AS rows
         FROM import_stage GROUP BY ${keySql} HAVING count(*) > 1 ORDER BY min(row_no) LIMIT ${IMPORT_LIMITS.maxErrors}`,
    );
    for (const g of groups) {
      const [first, ...later] = g.rows.split(',').map(Number);
      for (const row of later) {
        this.error(
          row,
          heading,
          g.value,
          this.kind === 'schools'
            ? `duplicate school code in this file (first on row ${first})`
            : `duplicate staff number for this school in this file (first on row ${first})`,
          this.kind === 'schools'
            ? `学校标识码在文件中重复（首次出现在第 ${first} 行）`
            : `同一学校的工号在文件中重复（首次出现在第 ${first} 行）`,
        );
      }
    }
  }

  /**
   * One statement upserts every staged row. Rows equal to the stored ones are left alone
   * (not even updated_at changes), so a re-import of the same file changes nothing;
   * `xmax = 0` tells inserted rows from updated ones.
   */
  private async upsert(): Promise<void> {
    const metadata = this.em.connection.getMetadata(this.entity);
    const table = `"${metadata.tableName}"`;
    const cols = this.stage.map((s) => `"${s.column.databaseName}"`);
    const keys = this.kind === 'schools' ? ['"code"'] : ['"school_id"', '"staff_number"'];
    const updatable = cols.filter((c) => !keys.includes(c) && c !== '"district_id"');
    const row = (prefix: string) => `ROW(${updatable.map((c) => `${prefix}.${c}`).join(', ')})`;
    // A school's district never changes by import (checked per row); the guard keeps it so
    // even if another transaction created the same code elsewhere meanwhile.
    const guard = this.kind === 'schools' ? `${table}."district_id" = EXCLUDED."district_id" AND ` : '';
    const [counts]: { inserted: string; updated: string }[] = await this.em.query(
      `WITH up AS (
         INSERT INTO ${table} (${cols.join(', ')}) SELECT ${cols.join(', ')} FROM import_stage ORDER BY row_no
         ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${updatable.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, "updated_at" = now()
         WHERE ${guard}${row(table)} IS DISTINCT FROM ${row('EXCLUDED')}
         RETURNING (xmax = 0) AS inserted)
       SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated FROM up`,
    );
    this.report.inserted = Number(counts?.inserted ?? 0);
    this.report.updated = Number(counts?.updated ?? 0);
  }
}

function isBlank(values: unknown[]): boolean {
  return values.every((v) => cellText(v) === null);
}

function sqlType(column: ColumnMetadata): string {
  if (column.type === 'enum') return `"${column.enumName}"`;
  // lengths are the input classes' rules; staging never truncates or fails on them
  if (column.type === 'varchar') return 'text';
  return String(column.type);
}

import { randomUUID } from 'node:crypto';
import type { ValidationError } from 'class-validator';
import type { EntityManager, EntityMetadata } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import type { Context } from '../../context.js';
import { assertHolds, type Action } from '../../auth/policy.js';
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
import { cellText, COLUMNS, matchHeading, type ColumnSpec, type ImportKind } from './import.columns.js';
import { PLANS, type ImportPlan } from './import.plans.js';
import {
  checkWorkbook,
  MalformedFileError,
  READER_LIMITS,
  readRows,
  sniffFormat,
  type FileFormat,
  type SheetRow,
} from './import.reader.js';
import { relationChecks } from './import.relations.js';
import { RowValidator } from './import.validator.js';
import { ParentResolver, type CellProblem } from './import.parents.js';

export const IMPORT_LIMITS = {
  /** upload cap; a larger body is refused with 413 */
  maxBytes: 64 * 1024 * 1024,
  /** rows per file, blank ones included (a file of blank rows is work too) */
  maxRows: 500_000,
  /** error rows reported in detail; `errorCount` counts them all */
  maxErrors: 1_000,
  /** rows per statement: staged (and, for rosters, upserted) while the next batch is parsed */
  batchRows: 5_000,
};
// The CSV reader counts lines as the bytes arrive, so a file of blank lines stops at the cap.
READER_LIMITS.maxLines = () => IMPORT_LIMITS.maxRows + 1;

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
  /** CSV character set; utf-8 by default (a UTF-16 byte-order mark overrides it) */
  charset?: string;
  /** stops the import and rolls it back: the client left, or the wall-clock limit passed */
  signal?: AbortSignal;
}

/** What a viewer must hold somewhere to import `kind` at all; each row's target is then checked. */
export function importAction(kind: ImportKind): Action {
  return PLANS[kind].action;
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
    let charset = options.charset;
    try {
      const sniffed = await sniffFormat(path, options.format ?? null);
      format = sniffed.format;
      charset = sniffed.charset ?? charset;
      // A zip bomb or oversized shared strings are refused before any row is read.
      if (format === 'xlsx') await checkWorkbook(path, options.signal);
    } catch (error) {
      if (!(error instanceof MalformedFileError)) throw error;
      return fileError(report, error);
    }
    if (format === 'empty') return fileError(report, emptyFile());
    const fileFormat = format;

    try {
      return await inTransaction(ctx, async (em, audit) => {
        const job = new ImportJob(em, viewer, kind, report, ctx.config.clock.now(), options.signal);
        await job.run(readRows(path, fileFormat, charset));
        options.signal?.throwIfAborted();
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
  private readonly parents: ParentResolver;
  private readonly validator: RowValidator | null;

  constructor(
    private readonly em: EntityManager,
    viewer: Viewer,
    private readonly kind: ImportKind,
    private readonly report: ImportReport,
    now: Date,
    private readonly signal?: AbortSignal,
  ) {
    this.plan = PLANS[kind];
    this.columns = COLUMNS[kind];
    this.metadata = em.connection.getMetadata(this.plan.entity);
    this.dryRun = report.dryRun;
    this.parents = new ParentResolver(viewer, kind, now);
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
      let read = 0;
      for await (const r of rows) {
        this.signal?.throwIfAborted();
        // Blank rows count toward the cap: sixty megabytes of them were four minutes of work.
        if (++read > IMPORT_LIMITS.maxRows + 1) {
          this.error(
            r.row,
            null,
            null,
            `The file has more than ${IMPORT_LIMITS.maxRows} rows (blank rows count); split it into several files`,
            `文件超过 ${IMPORT_LIMITS.maxRows} 行（空行也计入），请拆分为多个文件`,
          );
          return;
        }
        if (isBlank(r.values)) continue;
        if (!header) {
          header = r;
          if (!this.readHeader(r)) return;
          await this.prepare();
          continue;
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
    this.signal?.throwIfAborted();
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
      this.signal?.throwIfAborted();
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
    await this.parents.load(this.em);
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
      .filter(
        (s) =>
          !this.plan.key.includes(s.property) &&
          !this.plan.fixed.includes(s.property) &&
          !this.plan.createOnly?.includes(s.property),
      )
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
    const problems: CellProblem[] = [];
    const parent = this.parents.resolve(input, failed, problems);
    for (const p of problems) {
      failed.add(p.key);
      this.error(r.row, this.columns.find((c) => c.key === p.key)!.zh, raw[p.key], p.message, p.messageZh);
    }
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

import type { EntityMetadata } from 'typeorm';
import {
  badInput,
  conflict,
  pgErrorCode,
  serviceUnavailable,
  PG_CHECK_VIOLATION,
  PG_EXCLUSION_VIOLATION,
  PG_FOREIGN_KEY_VIOLATION,
  PG_UNIQUE_VIOLATION,
  type AppError,
} from './errors.js';

const PG_NOT_NULL_VIOLATION = '23502';

/** Socket-level failures and pg's own messages when it cannot reach or lost the server. */
const UNREACHABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
]);
const UNREACHABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|connection error|Client was closed|Connection is not established|Cannot use a pool after calling end/i;

function driverField(error: unknown, name: 'constraint' | 'column' | 'table'): string | undefined {
  const e = error as Record<string, unknown> & { driverError?: Record<string, unknown> };
  const v = e?.driverError?.[name] ?? e?.[name];
  return typeof v === 'string' ? v : undefined;
}

/** True when the error means the database cannot be reached now (503, not the client's fault). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = pgErrorCode(error);
  if (
    code &&
    (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code.startsWith('53'))
  )
    return true;
  if (code && UNREACHABLE_ERRNO.has(code)) return true;
  const message = error instanceof Error ? error.message : '';
  return UNREACHABLE_MESSAGE.test(message);
}

/**
 * The one mapping from a database refusal to what the client is told, used by every write
 * path and, as a net under all of them, by the error formatter (format-error.ts):
 *
 * - class 23 (integrity): unique → CONFLICT naming the input fields, foreign key and
 *   exclusion → CONFLICT, check and not-null → BAD_USER_INPUT (the column's field named);
 * - class 22 (data: too long, out of range, bad text or date) and 54 (a value too large to
 *   index) → BAD_USER_INPUT;
 * - serialization failure and deadlock → CONFLICT (retry);
 * - statement / lock / idle-transaction timeouts and an unreachable server → SERVICE_UNAVAILABLE.
 *
 * `metadatas` lets a unique violation name the fields of whichever entity owns the
 * constraint. Anything else gives undefined: a real bug, masked as INTERNAL_SERVER_ERROR.
 */
export function translateDatabaseError(
  error: unknown,
  metadatas: readonly EntityMetadata[],
  inputPath = 'input',
): AppError | undefined {
  const code = pgErrorCode(error);
  if (isDatabaseUnavailable(error)) return serviceUnavailable();
  if (!code || !/^[0-9A-Z]{5}$/.test(code)) return undefined;
  const constraint = driverField(error, 'constraint');
  const table = driverField(error, 'table');
  const owner =
    (constraint ? metadatas.find((m) => ownsConstraint(m, constraint)) : undefined) ??
    metadatas.find((m) => m.tableName === table);
  const entity = owner?.name ?? metadatas[0]?.name ?? 'record';

  if (code === PG_UNIQUE_VIOLATION) {
    const columns =
      owner?.uniques.find((u) => u.name === constraint)?.columns ??
      owner?.indices.find((i) => i.name === constraint)?.columns ??
      [];
    const props = columns.map((c) => c.propertyName).filter((p) => !p.endsWith('Id'));
    const fields = (props.length ? props : ['id']).map((p) => ({
      path: `${inputPath}.${p}`,
      message: 'is already taken',
      messageZh: '已被占用',
      constraint: 'unique',
    }));
    return conflict(
      `A ${entity} with this ${props.join(' and ') || 'key'} already exists`,
      `已存在相同${props.join('、') || '标识'}的记录`,
      fields,
    );
  }
  if (code === PG_FOREIGN_KEY_VIOLATION) {
    return conflict(
      `${entity} is still referenced by, or refers to, a missing record`,
      '该记录仍被其他记录引用，或引用的记录不存在',
    );
  }
  // Safety nets behind rules services check first: an exclusion constraint (overlapping
  // periods) is a CONFLICT, a check constraint (e.g. end before start) is bad input.
  if (code === PG_EXCLUSION_VIOLATION) {
    return conflict(
      `${entity} overlaps an existing record (${constraint ?? 'exclusion constraint'})`,
      '与已有记录的期间重叠',
    );
  }
  if (code === PG_CHECK_VIOLATION) {
    return badInput(
      [
        {
          path: inputPath,
          message: `violates ${constraint ?? 'a check constraint'}`,
          messageZh: '取值不符合规则',
          constraint: 'check',
        },
      ],
      `Invalid ${entity}: violates ${constraint ?? 'a check constraint'}`,
    );
  }
  if (code === PG_NOT_NULL_VIOLATION) {
    const column = driverField(error, 'column');
    const prop = owner?.columns.find((c) => c.databaseName === column)?.propertyName ?? column ?? '';
    return badInput([
      {
        path: prop ? `${inputPath}.${prop}` : inputPath,
        message: 'is required',
        messageZh: '不能为空',
        constraint: 'isNotEmpty',
      },
    ]);
  }
  if (code.startsWith('23')) return conflict(`${entity} conflicts with existing records`, '与已有记录冲突');
  if (code.startsWith('22') || code === '54000') {
    const message = DATA_MESSAGES[code] ?? ['is not a value the database can store', '取值无法保存'];
    return badInput([{ path: inputPath, message: message[0], messageZh: message[1], constraint: `sqlstate:${code}` }]);
  }
  if (code === '40001' || code === '40P01') {
    return conflict(
      'Another change to the same records happened at the same time; retry',
      '有其他人同时修改了相同的记录，请重试',
    );
  }
  if (code === '57014' || code === '55P03' || code === '25P03') return serviceUnavailable('timeout');
  return undefined;
}

const DATA_MESSAGES: Record<string, [string, string]> = {
  '22001': ['is too long', '过长'],
  '22003': ['is out of range', '数值超出范围'],
  '22P02': ['is not in a valid format', '格式不正确'],
  '22007': ['is not a valid date or time', '日期时间格式不正确'],
  '22008': ['is not a valid date or time', '日期时间超出范围'],
  '22021': ['contains characters that cannot be stored', '含有无法保存的字符'],
  '22P05': ['contains characters that cannot be stored', '含有无法保存的字符'],
  '54000': ['is too large to store', '内容过大，无法保存'],
};

function ownsConstraint(m: EntityMetadata, name: string): boolean {
  return (
    m.uniques.some((u) => u.name === name) ||
    m.indices.some((i) => i.name === name) ||
    m.foreignKeys.some((f) => f.name === name) ||
    m.checks.some((c) => c.name === name) ||
    m.exclusions.some((x) => x.name === name)
  );
}

/**
 * A write's refusal as the client sees it, naming `metadata`'s fields first; anything the
 * mapping does not know is rethrown untouched (and masked by the error formatter). The
 * database, not a racy pre-check, is what guarantees uniqueness.
 */
export function translateWriteError(error: unknown, metadata: EntityMetadata, inputPath = 'input'): AppError | unknown {
  return translateDatabaseError(error, [metadata, ...metadata.connection.entityMetadatas], inputPath) ?? error;
}

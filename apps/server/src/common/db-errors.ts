import type { EntityMetadata } from 'typeorm';
import {
  badInput,
  conflict,
  pgErrorCode,
  PG_CHECK_VIOLATION,
  PG_EXCLUSION_VIOLATION,
  PG_FOREIGN_KEY_VIOLATION,
  PG_UNIQUE_VIOLATION,
  type AppError,
} from './errors.js';

/**
 * Turns a unique or foreign-key violation into a CONFLICT naming the input fields
 * involved; anything else is rethrown untouched (and masked by the error formatter).
 * The database, not a racy pre-check, is what guarantees uniqueness.
 */
export function translateWriteError(error: unknown, metadata: EntityMetadata, inputPath = 'input'): AppError | unknown {
  const code = pgErrorCode(error);
  const constraint =
    (error as { constraint?: string; driverError?: { constraint?: string } }).driverError?.constraint ??
    (error as { constraint?: string }).constraint;
  if (code === PG_UNIQUE_VIOLATION) {
    const columns =
      metadata.uniques.find((u) => u.name === constraint)?.columns ??
      metadata.indices.find((i) => i.name === constraint)?.columns ??
      [];
    const props = columns.map((c) => c.propertyName).filter((p) => !p.endsWith('Id'));
    const fields = (props.length ? props : ['id']).map((p) => ({
      path: `${inputPath}.${p}`,
      message: 'is already taken',
      messageZh: '已被占用',
      constraint: 'unique',
    }));
    return conflict(
      `A ${metadata.name} with this ${props.join(' and ') || 'key'} already exists`,
      `已存在相同${props.join('、') || '标识'}的记录`,
      fields,
    );
  }
  if (code === PG_FOREIGN_KEY_VIOLATION) {
    return conflict(`${metadata.name} is still referenced by other records`, '该记录仍被其他记录引用，无法完成操作');
  }
  // Safety nets behind rules services check first: an exclusion constraint (overlapping
  // periods) is a CONFLICT, a check constraint (e.g. end before start) is bad input.
  if (code === PG_EXCLUSION_VIOLATION) {
    return conflict(
      `${metadata.name} overlaps an existing record (${constraint ?? 'exclusion constraint'})`,
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
      `Invalid ${metadata.name}: violates ${constraint ?? 'a check constraint'}`,
    );
  }
  return error;
}

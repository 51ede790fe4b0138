import { GraphQLError } from 'graphql';

/**
 * The typed error codes clients and data teams can rely on (`extensions.code`).
 * Messages are English for scripts; `extensions.messageZh` carries the Chinese one the
 * consoles show. Field errors carry `extensions.fields[].path` (e.g. `input.code`).
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** a file (or the work it inflates to) over an import cap: split it */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** the database is unreachable or the request ran out of time there; retry later */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * The HTTP status a response carries when an error of this code is all it has (no data):
 * a client mistake is a 4xx, only a server fault or outage a 5xx. See format-error.ts.
 */
export const HTTP_STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  QUERY_TOO_COMPLEX: 400,
  OPERATION_NOT_REGISTERED: 400,
  PERSISTED_QUERY_NOT_FOUND: 400,
  PERSISTED_QUERY_NOT_SUPPORTED: 400,
  OPERATION_RESOLUTION_FAILURE: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
};

/** Seconds a client is told to wait (Retry-After) when the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;

export interface FieldError {
  /** dotted path from the argument root, e.g. `input.code` or `filter.districtId` */
  path: string;
  message: string;
  messageZh?: string;
  /** the rule that failed, e.g. `matches`, `isInt`, `unique` */
  constraint?: string;
}

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, messageZh: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, messageZh, ...extra } });
  }
}

export function badInput(fields: FieldError[], message?: string): AppError {
  const first = fields[0];
  return new AppError(
    ErrorCode.BAD_USER_INPUT,
    message ?? (first ? `Invalid value for ${first.path}: ${first.message}` : 'Invalid input'),
    first?.messageZh ?? '输入有误',
    { fields },
  );
}

export function notFound(type: string, id: string): AppError {
  return new AppError(ErrorCode.NOT_FOUND, `${type} ${id} was not found`, `未找到该记录（${type}）`, {
    type,
    id,
  });
}

export function conflict(message: string, messageZh: string, fields: FieldError[] = []): AppError {
  return new AppError(ErrorCode.CONFLICT, message, messageZh, { fields });
}

export function unauthenticated(): AppError {
  return new AppError(ErrorCode.UNAUTHENTICATED, 'You must sign in', '请先登录');
}

export function forbidden(message = 'You may not do this', messageZh = '无权执行此操作'): AppError {
  return new AppError(ErrorCode.FORBIDDEN, message, messageZh);
}

export function serviceUnavailable(reason: 'unreachable' | 'timeout' = 'unreachable'): AppError {
  return reason === 'timeout'
    ? new AppError(
        ErrorCode.SERVICE_UNAVAILABLE,
        'The request ran out of time in the database; ask for less, or retry later',
        '请求在数据库中超时，请缩小查询范围或稍后重试',
        { retryAfter: RETRY_AFTER_SECONDS, http: { status: 503, headers: retryAfterHeaders() } },
      )
    : new AppError(
        ErrorCode.SERVICE_UNAVAILABLE,
        'The database is unavailable; retry later',
        '数据库暂时不可用，请稍后重试',
        { retryAfter: RETRY_AFTER_SECONDS, http: { status: 503, headers: retryAfterHeaders() } },
      );
}

function retryAfterHeaders(): Map<string, string> {
  return new Map([['retry-after', String(RETRY_AFTER_SECONDS)]]);
}

/** PostgreSQL SQLSTATE for unique_violation; services translate it into CONFLICT. */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';
export const PG_EXCLUSION_VIOLATION = '23P01';
export const PG_CHECK_VIOLATION = '23514';

export function pgErrorCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

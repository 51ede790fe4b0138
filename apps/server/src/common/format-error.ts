import type { GraphQLFormattedError } from 'graphql';
import type { EntityMetadata } from 'typeorm';
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Context } from '../context.js';
import type { Logger } from '../logger.js';
import { ErrorCode, HTTP_STATUS, RETRY_AFTER_SECONDS } from './errors.js';
import { translateDatabaseError } from './db-errors.js';

/** Codes a client may see as they are; anything else is an internal error and masked. */
const PUBLIC_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'OPERATION_NOT_REGISTERED',
]);

/** Limits the validation rules enforce (limits.ts): refusals are QUERY_TOO_COMPLEX, like cost. */
const SHAPE_LIMITS = new Set(['maxDepth', 'maxAliases']);

export function isPublicCode(code: unknown): boolean {
  return typeof code === 'string' && PUBLIC_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR;
}

export interface FormatErrorOptions {
  /** the entities, so a unique violation raised anywhere names its input fields */
  metadatas?: () => readonly EntityMetadata[];
}

/**
 * Clients get a code, a message and field paths, never a stack or SQL. A database refusal
 * that no service translated (a unique race, a value too long for its column, an outage) is
 * translated here by db-errors.ts's one mapping; what is left is a real bug, answered with
 * INTERNAL_SERVER_ERROR, which `errorLoggingPlugin` has logged in full with the request id
 * the client also receives.
 */
export function formatError(options: FormatErrorOptions = {}) {
  return (formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (isPublicCode(code)) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      if (code === 'GRAPHQL_VALIDATION_FAILED' && SHAPE_LIMITS.has(String(extensions.limit)))
        extensions.code = ErrorCode.QUERY_TOO_COMPLEX;
      return { ...formatted, extensions };
    }
    const translated = publicTranslation(error, options);
    if (translated) {
      const { http: _http, ...extensions } = translated.extensions;
      return { message: translated.message, locations: formatted.locations, path: formatted.path, extensions };
    }
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, messageZh: '服务器内部错误' },
    };
  };
}

function publicTranslation(error: unknown, options: FormatErrorOptions) {
  if (error === undefined) return undefined;
  return translateDatabaseError(unwrapResolverError(error), options.metadatas?.() ?? []);
}

/**
 * The HTTP status of a response that carries errors and no data: the status its first
 * error's code maps to (errors.ts HTTP_STATUS), so a client mistake is a 4xx and only an
 * outage or a bug a 5xx. A response with data stays 2xx, as GraphQL over HTTP requires, and
 * so does a batch (each of its operations has its own errors). A status Apollo chose other
 * than 200 or 500 (405 for a mutation over GET) is kept. An unavailable database adds
 * Retry-After.
 */
export function httpStatusPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (!errors?.length) return;
          const codes = errors.map((e) => String(e.extensions?.code ?? ''));
          if (codes.includes(ErrorCode.SERVICE_UNAVAILABLE)) {
            response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
          }
          if (data != null || contextValue?.httpBatch) return;
          const current = response.http.status;
          if (current !== undefined && current !== 200 && current !== 500) return;
          const statuses = codes.map((c) => HTTP_STATUS[c]).filter((s): s is number => s !== undefined);
          const status = statuses.find((s) => s >= 500) ?? statuses[0];
          if (status) response.http.status = status;
        },
      };
    },
  };
}

/** Logs every unexpected error with the request's logger (its lines carry the request id). */
export function errorLoggingPlugin(rootLogger: Logger, options: FormatErrorOptions = {}): ApolloServerPlugin<Context> {
  return {
    async contextCreationDidFail({ error }) {
      // No context yet, so no request logger: the root one says it.
      rootLogger.error({ err: error }, 'context creation failed');
    },
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (isPublicCode(error.extensions?.code)) continue;
            const translated = publicTranslation(error, options);
            if (translated && translated.extensions.code !== ErrorCode.SERVICE_UNAVAILABLE) continue;
            const level = translated ? 'warn' : 'error';
            contextValue.logger[level](
              { err: unwrapResolverError(error), path: error.path },
              translated ? 'database unavailable' : 'unexpected error',
            );
          }
        },
      };
    },
  };
}

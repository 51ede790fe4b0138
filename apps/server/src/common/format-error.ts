import type { GraphQLFormattedError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Context } from '../context.js';
import type { Logger } from '../logger.js';
import { ErrorCode } from './errors.js';

/** Codes a client may see as they are; anything else is an internal error and masked. */
const PUBLIC_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_COMPLEX',
  'OPERATION_NOT_REGISTERED',
]);

export function isPublicCode(code: unknown): boolean {
  return typeof code === 'string' && PUBLIC_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR;
}

/**
 * Clients get a code, a message and field paths, never a stack or SQL. Unexpected errors
 * are answered with INTERNAL_SERVER_ERROR; `errorLoggingPlugin` has logged them in full,
 * with the request id the client also receives.
 */
export function formatError() {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    if (isPublicCode(formatted.extensions?.code)) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, messageZh: '服务器内部错误' },
    };
  };
}

/** Logs every unexpected error with the request's logger (its lines carry the request id). */
export function errorLoggingPlugin(rootLogger: Logger): ApolloServerPlugin<Context> {
  return {
    async contextCreationDidFail({ error }) {
      // No context yet, so no request logger: the root one says it.
      rootLogger.error({ err: error }, 'context creation failed');
    },
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (!isPublicCode(error.extensions?.code)) {
              contextValue.logger.error({ err: unwrapResolverError(error), path: error.path }, 'unexpected error');
            }
          }
        },
      };
    },
  };
}

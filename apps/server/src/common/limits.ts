import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { GraphQLError, visit, type DocumentNode, type GraphQLSchema, type ValidationContext } from 'graphql';
import type { Context } from '../context.js';
import { DEFAULT_PAGE_SIZE } from './keyset.js';
import { ErrorCode } from './errors.js';

/**
 * The limits that keep one request from exhausting the server. docs/ACCESS.md lists them
 * for administrators; each has its own error so a client knows which one it hit.
 */
export const LIMITS = {
  maxDepth: 16,
  maxAliases: 15,
  maxCost: 25_000,
  maxBatch: 10,
  maxBodyBytes: 1_000_000,
} as const;

/** Report a rejected limit as a validation error naming it (throwing would surface as a 500). */
const report =
  (limit: string, value: number) =>
  (context: ValidationContext | null, error: GraphQLError): void => {
    context?.reportError(
      new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { limit, max: value } }),
    );
  };

export const validationRules = [
  maxDepthRule({
    n: LIMITS.maxDepth,
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [report('maxDepth', LIMITS.maxDepth)],
  }),
  maxAliasesRule({
    n: LIMITS.maxAliases,
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [report('maxAliases', LIMITS.maxAliases)],
  }),
];

/**
 * A connection costs its page size times what each of its items costs, so
 * `schools(first: 100) { teachers(first: 100) { … } }` is priced as the 10 000 rows it
 * can return, not as two fields.
 */
const connectionEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const size = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : undefined;
  if (size === undefined && !('first' in args) && !('last' in args) && !('after' in args)) return undefined;
  return 1 + (size ?? DEFAULT_PAGE_SIZE) * Math.max(1, childComplexity);
};

function usesIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
}

function loadAllowlist(path: string): Set<string> {
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { operations?: { body: string }[] };
  return new Set((manifest.operations ?? []).map((o) => sha256(o.body)));
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface LimitOptions {
  production: boolean;
  /** path to a persisted-query manifest; when set, only its operations run */
  operationsAllowlist?: string;
}

export function limitsPlugin(schema: GraphQLSchema, options: LimitOptions): ApolloServerPlugin<Context> {
  const allowlist = options.operationsAllowlist ? loadAllowlist(options.operationsAllowlist) : undefined;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, source, document, contextValue }) {
          // `source` is the text Apollo ran, also when the client sent only an APQ hash.
          if (allowlist && !allowlist.has(sha256(source ?? request.query ?? ''))) {
            throw new GraphQLError('Only registered operations are accepted by this server', {
              extensions: { code: 'OPERATION_NOT_REGISTERED', messageZh: '本服务器只接受已登记的操作' },
            });
          }
          if (options.production && !contextValue.viewer && usesIntrospection(document)) {
            throw new GraphQLError('Introspection requires signing in', {
              extensions: { code: ErrorCode.UNAUTHENTICATED, messageZh: '登录后才能查看 schema' },
            });
          }
          const cost = getComplexity({
            schema,
            query: document,
            variables: request.variables ?? {},
            operationName: request.operationName ?? undefined,
            estimators: [connectionEstimator, simpleEstimator({ defaultComplexity: 1 })],
          });
          if (cost > LIMITS.maxCost) {
            throw new GraphQLError(`Query cost ${cost} exceeds the limit of ${LIMITS.maxCost}; ask for smaller pages`, {
              extensions: {
                code: 'QUERY_TOO_COMPLEX',
                limit: LIMITS.maxCost,
                cost,
                messageZh: '查询过于复杂，请减小每页条数',
              },
            });
          }
        },
        async willSendResponse({ response, contextValue }) {
          // Every error carries the request id, so a user's report finds the log lines.
          if (response.body.kind === 'single' && response.body.singleResult.errors) {
            for (const error of response.body.singleResult.errors) {
              (error as { extensions?: Record<string, unknown> }).extensions = {
                ...error.extensions,
                requestId: contextValue?.requestId,
              };
            }
          }
        },
      };
    },
  };
}

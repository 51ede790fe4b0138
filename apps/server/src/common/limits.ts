import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import {
  getNamedType,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  isLeafType,
  isListType,
  isNonNullType,
  Kind,
  parse,
  visit,
  type DocumentNode,
  type GraphQLType,
  type GraphQLSchema,
  type ValidationContext,
} from 'graphql';
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

/**
 * Report a rejected limit as a validation error naming it (throwing would surface as a
 * 500), coded QUERY_TOO_COMPLEX as the cost limit is (Apollo recodes validation errors;
 * format-error.ts restores the code).
 */
const report =
  (limit: string, value: number) =>
  (context: ValidationContext | null, error: GraphQLError): void => {
    context?.reportError(
      new GraphQLError(error.message.replace(/^Syntax Error: /, ''), {
        extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit, max: value, messageZh: '查询嵌套过深或别名过多' },
      }),
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
 * What a field costs beyond 1 when it does much more work than reading a row: the
 * programme-wide summaries read every town's figures (about 80 ms each, measured by
 * bench/hostile.bench.ts), so fifteen aliased summaries no longer fit in one request.
 * Keyed `Type.field`; each is multiplied by the lists around it like any field.
 */
export const FIELD_COST: Record<string, number> = {
  'Query.programmeSummary': 2_000,
  'Query.goalAttainment': 200,
  'Query.schoolAggregates': 500,
  'Query.teacherAggregates': 500,
};

/** How many items a list with no size argument (`indicators`, `statusHistory`) is priced at. */
export const PLAIN_LIST_SIZE = 20;

const unwrap = <T extends GraphQLType>(type: T): GraphQLType => (isNonNullType(type) ? type.ofType : type);

/**
 * A connection costs its page size times what each of its items costs, so
 * `schools(first: 100) { teachers(first: 100) { … } }` is priced as the 10 000 rows it
 * can return, not as two fields.
 */
const connectionEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const size = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : undefined;
  if (size === undefined && !('first' in args) && !('last' in args) && !('after' in args)) return undefined;
  return fieldCost(type, field) + (size ?? DEFAULT_PAGE_SIZE) * Math.max(1, childComplexity);
};

/**
 * Any other list costs its length times its items: `nodes(ids: [100 ids])` is 100 records
 * with everything selected under each, a plain list of objects PLAIN_LIST_SIZE of them.
 * A connection's own `nodes` and `edges` are already counted by the connection's size.
 */
const listEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const fieldType = unwrap(field.type);
  if (!isListType(fieldType)) return undefined;
  // The schema's own lists (introspection: types, fields, args) are small and fixed; a
  // tool's full introspection query must stay affordable.
  if (type.name.startsWith('__') || field.name.startsWith('__')) return childComplexity + 1;
  if (type.name.endsWith('Connection')) return fieldCost(type, field) + childComplexity;
  const idList = field.args.find((a) => {
    const t = unwrap(a.type);
    return isListType(t) && getNamedType(t).name === 'ID' && Array.isArray(args[a.name]);
  });
  if (!idList && isLeafType(getNamedType(fieldType))) return fieldCost(type, field);
  const size = idList ? (args[idList.name] as unknown[]).length : PLAIN_LIST_SIZE;
  return fieldCost(type, field) + size * Math.max(1, childComplexity);
};

const fieldEstimator: ComplexityEstimator = ({ type, field, childComplexity }) =>
  fieldCost(type, field) + childComplexity;

function fieldCost(type: { name: string }, field: { name: string }): number {
  // `__typename` is answered from the schema, never resolved: Apollo Client adds it to every
  // selection set, and pricing it made the portal's school list (30 401) and the dashboard's
  // staffing card (30 601) exceed the budget only as the clients send them.
  if (field.name === '__typename') return 0;
  return FIELD_COST[`${type.name}.${field.name}`] ?? 1;
}

/**
 * Coerces an operation's variables as execution will, so a wrongly typed or missing used
 * variable is BAD_USER_INPUT naming it (pricing the query first would throw graphql's
 * coercion error from a plugin, which Apollo answers 500).
 */
export function coerceVariables(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) return variables ?? {};
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 10 });
  if (result.errors) {
    const fields = result.errors.map((e) => ({
      // `Variable "$input" got invalid value … at "input.startDate"`: the field's path when
      // graphql names one, the variable otherwise
      path: /at "([^"]+)"/.exec(e.message)?.[1] ?? `$${/Variable "\$(\w+)"/.exec(e.message)?.[1] ?? ''}`,
      message: e.message,
      messageZh: String(
        e.originalError instanceof GraphQLError
          ? (e.originalError.extensions.messageZh ?? '变量取值无效')
          : '变量取值无效',
      ),
      constraint: 'variable',
    }));
    throw new GraphQLError(result.errors[0]!.message, {
      nodes: result.errors[0]!.nodes,
      extensions: {
        code: ErrorCode.BAD_USER_INPUT,
        variable: /Variable "\$(\w+)"/.exec(result.errors[0]!.message)?.[1],
        fields,
        messageZh:
          fields[0]!.messageZh === '变量取值无效' ? `变量 ${fields[0]!.path} 的取值无效` : fields[0]!.messageZh,
        http: { status: 400 },
      },
    });
  }
  return result.coerced;
}

/**
 * The cost of one operation under the model above. `variables` are the request's own (raw)
 * ones, already checked by coerceVariables: the pricer coerces them again, and coerced
 * values (an enum's internal value) would not coerce twice.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
): number {
  try {
    return getComplexity({
      schema,
      query: document,
      variables,
      operationName: operationName ?? undefined,
      estimators: [connectionEstimator, listEstimator, fieldEstimator],
    });
  } catch (error) {
    throw new GraphQLError(error instanceof Error ? error.message : String(error), {
      extensions: { code: 'BAD_REQUEST', messageZh: '无法计算查询成本', http: { status: 400 } },
    });
  }
}

export function tooComplex(cost: number, batch = false): GraphQLError {
  return new GraphQLError(
    batch
      ? `The batch's total cost ${cost} exceeds the limit of ${LIMITS.maxCost}; send fewer operations or smaller pages`
      : `Query cost ${cost} exceeds the limit of ${LIMITS.maxCost}; ask for smaller pages`,
    {
      extensions: {
        code: ErrorCode.QUERY_TOO_COMPLEX,
        limit: LIMITS.maxCost,
        cost,
        messageZh: batch ? '批量请求的总成本过高，请减少操作数或每页条数' : '查询过于复杂，请减小每页条数',
        http: { status: 400 },
      },
    },
  );
}

/**
 * A batch is priced as a whole before any of it runs: each operation alone may fit while
 * ten of them do not. Operations that do not parse or validate are left to Apollo, which
 * reports them; the batch holds at most LIMITS.maxBatch operations.
 */
export function batchCost(schema: GraphQLSchema, body: unknown[]): number {
  let total = 0;
  for (const item of body) {
    const op = item as { query?: unknown; variables?: unknown; operationName?: unknown };
    if (typeof op?.query !== 'string') continue;
    let document: DocumentNode;
    try {
      document = parse(op.query);
    } catch {
      continue;
    }
    try {
      const name = typeof op.operationName === 'string' ? op.operationName : undefined;
      const variables = (op.variables ?? {}) as Record<string, unknown>;
      coerceVariables(schema, document, name, variables);
      total += operationCost(schema, document, name, variables);
    } catch {
      continue;
    }
  }
  return total;
}

/**
 * Whether an operation reads the schema: `__schema`, or `__type` naming a type the schema
 * has. `__type` of a name it does not have answers null and reveals nothing, so it is not
 * refused; the GraphQL over HTTP audit's MUST checks ask for exactly such a lookup.
 */
function readsSchema(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema') found = true;
      if (node.name.value !== '__type') return;
      const arg = node.arguments?.find((a) => a.name.value === 'name')?.value;
      const name =
        arg?.kind === Kind.STRING ? arg.value : arg?.kind === Kind.VARIABLE ? variables[arg.name.value] : undefined;
      if (typeof name !== 'string' || schema.getType(name)) found = true;
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
              extensions: {
                code: 'OPERATION_NOT_REGISTERED',
                messageZh: '本服务器只接受已登记的操作',
                http: { status: 400 },
              },
            });
          }
          const variables = coerceVariables(schema, document, request.operationName, request.variables);
          if (options.production && !contextValue.viewer && readsSchema(schema, document, variables)) {
            throw new GraphQLError('Introspection requires signing in', {
              extensions: {
                code: ErrorCode.UNAUTHENTICATED,
                messageZh: '登录后才能查看 schema',
                http: { status: 401 },
              },
            });
          }
          const cost = operationCost(schema, document, request.operationName, request.variables ?? {});
          if (cost > LIMITS.maxCost) throw tooComplex(cost);
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

import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  getNamedType,
  isEnumType,
  isInterfaceType,
  isLeafType,
  isObjectType,
  parse,
  parseType,
  specifiedRules,
  validate,
  visit,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLLeafType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from 'graphql';
import { badInput, type FieldError } from '../../common/errors.js';
import { validationRules } from '../../common/limits.js';
import { yesNo, type Cell } from './export.columns.js';

/**
 * Turns the body of `POST /api/export/query.{csv,xlsx}` into a plan the exporter can walk:
 * the client's query checked as /graphql checks it, rewritten so the exporter drives the
 * connection's `first`/`after`, and each column resolved against the schema.
 */

export interface ExportColumnInput {
  /** dotted path into a node, by response key (alias or field name): `district.name` */
  path: string;
  heading?: string;
}

export interface QueryExportBody {
  query: string;
  variables: Record<string, unknown>;
  columns: ExportColumnInput[];
  title?: string;
}

export interface PlannedColumn {
  heading: string;
  cell(node: unknown): Cell;
}

export interface QueryExportPlan {
  /** the connection's field name, e.g. `collaborationGroups` */
  rootField: string;
  /** where the connection sits in `data` (its alias, if any) */
  rootKey: string;
  /** response keys from the connection to its nodes: `['nodes']` or `['edges', 'node']` (or their aliases) */
  nodesPath: string[];
  /** the first page also asks for totalCount, so the row cap is checked before streaming */
  firstPage: DocumentNode;
  nextPages: DocumentNode;
  hasTotalCount: boolean;
  /** the variables the exporter sets on every page */
  firstVariable: string;
  afterVariable: string;
  columns: PlannedColumn[];
}

/** Several errors at once (a query's validation), answered together. */
export class ExportRequestError extends Error {
  constructor(readonly errors: GraphQLError[]) {
    super(errors[0]?.message ?? 'Invalid export request');
  }
}

const MAX_COLUMNS = 200;
const MAX_TEXT = 200;
const PATH = /^[_A-Za-z]\w*(\.[_A-Za-z]\w*)*$/;
/** The paging arguments the exporter owns; the client's values for them are dropped. */
const PAGING_ARGS = new Set(['first', 'after', 'last', 'before']);

// ---- body ----

export function parseBody(body: unknown): QueryExportBody {
  const errors: FieldError[] = [];
  const bad = (path: string, message: string, messageZh: string, constraint: string) =>
    errors.push({ path, message, messageZh, constraint });
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw badInput(
      [{ path: 'body', message: 'must be a JSON object', messageZh: '请求体须为 JSON 对象', constraint: 'object' }],
      'The request body must be a JSON object { query, variables, columns } sent as application/json',
    );
  }
  const b = body as Record<string, unknown>;
  if (typeof b.query !== 'string' || !b.query.trim()) {
    bad('query', 'must be a GraphQL query document', '须为 GraphQL 查询文本', 'required');
  }
  if (b.variables != null && (typeof b.variables !== 'object' || Array.isArray(b.variables))) {
    bad('variables', 'must be a JSON object', '须为 JSON 对象', 'object');
  }
  if (b.title != null && (typeof b.title !== 'string' || b.title.length > MAX_TEXT)) {
    bad('title', `must be text of at most ${MAX_TEXT} characters`, `须为不超过 ${MAX_TEXT} 字的文本`, 'maxLength');
  }
  const columns: ExportColumnInput[] = [];
  if (!Array.isArray(b.columns) || b.columns.length === 0 || b.columns.length > MAX_COLUMNS) {
    bad('columns', `must list 1 to ${MAX_COLUMNS} columns`, `须列出 1 至 ${MAX_COLUMNS} 列`, 'arrayLength');
  } else {
    b.columns.forEach((c: unknown, i) => {
      const col = (c ?? {}) as Record<string, unknown>;
      if (typeof col.path !== 'string' || !PATH.test(col.path)) {
        bad(
          `columns[${i}].path`,
          'must be a dotted field path such as district.name',
          '须为字段路径，如 district.name',
          'path',
        );
      } else if (col.heading != null && (typeof col.heading !== 'string' || col.heading.length > MAX_TEXT)) {
        bad(
          `columns[${i}].heading`,
          `must be text of at most ${MAX_TEXT} characters`,
          `须为不超过 ${MAX_TEXT} 字的文本`,
          'maxLength',
        );
      } else {
        columns.push({ path: col.path, heading: col.heading as string | undefined });
      }
    });
  }
  if (errors.length) throw badInput(errors);
  return {
    query: b.query as string,
    variables: (b.variables as Record<string, unknown> | null) ?? {},
    columns,
    title: (b.title as string | undefined) || undefined,
  };
}

// ---- selections ----

interface Selected {
  field: FieldNode;
  /** the fragment's type condition the field was selected under, if any */
  on?: string;
}

type Fragments = Map<string, FragmentDefinitionNode>;

/** The fields of a selection set by response key, fragments spread in. */
function collect(
  set: SelectionSetNode | undefined,
  fragments: Fragments,
  out = new Map<string, Selected[]>(),
  on?: string,
) {
  for (const s of set?.selections ?? []) {
    if (s.kind === Kind.FIELD) {
      const key = s.alias?.value ?? s.name.value;
      out.set(key, [...(out.get(key) ?? []), { field: s, on }]);
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      collect(s.selectionSet, fragments, out, s.typeCondition?.name.value ?? on);
    } else {
      const fragment = fragments.get(s.name.value);
      if (fragment) collect(fragment.selectionSet, fragments, out, fragment.typeCondition.name.value);
    }
  }
  return out;
}

/** The sub-selections of every field selected under one response key, as one set. */
function merged(selected: Selected[]): SelectionSetNode {
  return {
    kind: Kind.SELECTION_SET,
    selections: selected.flatMap((s) => (s.field.selectionSet?.selections ?? []) as SelectionNode[]),
  };
}

function fieldOf(schema: GraphQLSchema, type: GraphQLNamedType, s: Selected) {
  const name = s.field.name.value;
  if (name === '__typename') return schema.getType('String') as GraphQLNamedType;
  const owner = s.on ? (schema.getType(s.on) ?? type) : type;
  const def = isObjectType(owner) || isInterfaceType(owner) ? owner.getFields()[name] : undefined;
  return def ? getNamedType(def.type) : undefined;
}

// ---- columns ----

/** "中文 / English" descriptions: the Chinese half. */
function chineseLabel(description: string | null | undefined): string | undefined {
  const zh = description?.split(/\s*\/\s+/)[0]?.trim();
  return zh || undefined;
}

function renderer(type: GraphQLLeafType): (value: unknown) => Cell {
  if (isEnumType(type)) {
    const labels = new Map(type.getValues().map((v) => [v.name, chineseLabel(v.description) ?? v.name]));
    return (v) => labels.get(String(v)) ?? String(v);
  }
  if (type.name === 'Boolean') return (v) => yesNo(Boolean(v));
  return (v) => (typeof v === 'number' || typeof v === 'string' ? v : JSON.stringify(v));
}

/** Every value at `segments` below `value`, lists walked through. */
function valuesAt(value: unknown, segments: readonly string[], i: number, out: unknown[]): void {
  if (value == null) return;
  if (Array.isArray(value)) {
    for (const item of value) valuesAt(item, segments, i, out);
  } else if (i === segments.length) {
    out.push(value);
  } else {
    valuesAt((value as Record<string, unknown>)[segments[i]!], segments, i + 1, out);
  }
}

function planColumn(
  schema: GraphQLSchema,
  nodeType: GraphQLNamedType,
  nodeSelection: SelectionSetNode,
  fragments: Fragments,
  column: ExportColumnInput,
  index: number,
): PlannedColumn | FieldError {
  const segments = column.path.split('.');
  const fail = (message: string, messageZh: string): FieldError => ({
    path: `columns[${index}].path`,
    message: `${column.path}: ${message}`,
    messageZh: `${column.path}：${messageZh}`,
    constraint: 'path',
  });
  let type = nodeType;
  let selection = nodeSelection;
  for (const [i, segment] of segments.entries()) {
    const where = segments.slice(0, i).join('.') || 'the node';
    const selected = collect(selection, fragments).get(segment);
    if (!selected) {
      const exists = (isObjectType(type) || isInterfaceType(type)) && type.getFields()[segment];
      return exists
        ? fail(`${segment} is not selected under ${where} in the query`, `查询中 ${where} 下未选取字段 ${segment}`)
        : fail(`${type.name} has no field ${segment}`, `${type.name} 没有字段 ${segment}`);
    }
    const next = selected.map((s) => fieldOf(schema, type, s)).find(Boolean);
    if (!next) return fail(`${type.name} has no field ${segment}`, `${type.name} 没有字段 ${segment}`);
    const last = i === segments.length - 1;
    if (isLeafType(next)) {
      if (!last) {
        return fail(`${segments.slice(0, i + 1).join('.')} is a value, not an object`, `${segment} 是取值，不是对象`);
      }
      const render = renderer(next);
      return {
        heading: column.heading ?? column.path,
        cell(node) {
          const values: unknown[] = [];
          valuesAt(node, segments, 0, values);
          if (values.length === 0) return null;
          if (values.length === 1) return render(values[0]);
          return values.map((v) => String(render(v) ?? '')).join('、');
        },
      };
    }
    if (last) {
      return fail(
        `ends at ${next.name}, an object: name one of its fields, e.g. ${column.path}.name`,
        `指向对象 ${next.name}，请写到它的字段，如 ${column.path}.name`,
      );
    }
    type = next;
    selection = merged(selected);
  }
  return fail('is empty', '为空');
}

// ---- the query ----

const requestError = (message: string, messageZh: string, constraint: string) =>
  badInput([{ path: 'query', message, messageZh, constraint }], message);

function checked(schema: GraphQLSchema, document: DocumentNode): void {
  const errors = validate(schema, document, [...specifiedRules, ...validationRules]);
  if (errors.length) {
    throw new ExportRequestError(
      errors.map(
        (e) =>
          new GraphQLError(e.message, {
            nodes: e.nodes,
            source: e.source,
            positions: e.positions,
            // the limits' own refusals (depth, aliases) keep their QUERY_TOO_COMPLEX
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED', messageZh: '查询未通过校验', ...e.extensions },
          }),
      ),
    );
  }
}

function usedVariables(nodes: readonly (SelectionSetNode | FragmentDefinitionNode)[]): Set<string> {
  const used = new Set<string>();
  for (const node of nodes) {
    visit(node, {
      Variable(v) {
        used.add(v.name.value);
      },
    });
  }
  return used;
}

const name = (value: string) => ({ kind: Kind.NAME, value }) as const;
const variableArg = (arg: string, variable: string): ArgumentNode => ({
  kind: Kind.ARGUMENT,
  name: name(arg),
  value: { kind: Kind.VARIABLE, name: name(variable) },
});

/** The pieces the exporter adds under the connection field. */
const PAGE_INFO = (parse('{ pageInfo { hasNextPage endCursor } }').definitions[0] as OperationDefinitionNode)
  .selectionSet.selections;
const TOTAL_COUNT = (parse('{ totalCount }').definitions[0] as OperationDefinitionNode).selectionSet.selections;

/**
 * Checks the body's query as /graphql does (the same validation rules, depth and aliases
 * included) and requires exactly one operation, a query, selecting exactly one connection
 * field. Nested `first`/`last` stay within `maxPageSize`, as they would over /graphql.
 */
export function planQueryExport(schema: GraphQLSchema, body: QueryExportBody, maxPageSize: number): QueryExportPlan {
  let document: DocumentNode;
  try {
    document = parse(body.query);
  } catch (error) {
    const e = error as GraphQLError;
    throw new GraphQLError(e.message, {
      positions: e.positions,
      source: e.source,
      extensions: { code: 'GRAPHQL_PARSE_FAILED', messageZh: '查询文本有语法错误' },
    });
  }
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1) {
    throw requestError(
      'An export runs exactly one operation; send a document with one query',
      '导出只能执行一个操作，请只提供一个查询',
      'oneOperation',
    );
  }
  const operation = operations[0]!;
  if (operation.operation !== OperationTypeNode.QUERY) {
    throw requestError(
      `Only queries can be exported, not a ${operation.operation}`,
      '导出只接受查询，不接受变更或订阅',
      'queryOnly',
    );
  }
  checked(schema, document);

  const fragments: Fragments = new Map(
    document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const top = operation.selectionSet.selections;
  const root = top.length === 1 && top[0]!.kind === Kind.FIELD ? top[0] : undefined;
  const rootDef = root && schema.getQueryType()?.getFields()[root.name.value];
  const connection = rootDef && getNamedType(rootDef.type);
  const argNames = new Set(rootDef?.args.map((a) => a.name));
  if (
    !root ||
    !rootDef ||
    !isObjectType(connection) ||
    !connection.getFields().pageInfo ||
    !argNames.has('first') ||
    !argNames.has('after')
  ) {
    throw requestError(
      'The query must select exactly one connection field (a list with first/after, e.g. collaborationGroups) at its top level',
      '查询顶层须恰好选取一个分页列表字段（如 collaborationGroups）',
      'oneConnection',
    );
  }

  // The rows, wherever the client put them (an alias such as `rows: nodes` is fine).
  const byName = (set: SelectionSetNode | undefined, fieldName: string) => {
    for (const [key, list] of collect(set, fragments)) {
      const hits = list.filter((s) => s.field.name.value === fieldName);
      if (hits.length) return { key, selection: merged(hits) };
    }
    return undefined;
  };
  const nodes = byName(root.selectionSet, 'nodes');
  const edges = nodes ? undefined : byName(root.selectionSet, 'edges');
  const edgeNode = edges && byName(edges.selection, 'node');
  const rows = nodes ?? edgeNode;
  if (!rows) {
    throw requestError(
      `Select the rows as ${root.name.value} { nodes { … } } or { edges { node { … } } }`,
      '请以 nodes { … } 或 edges { node { … } } 选取记录',
      'nodes',
    );
  }
  const nodesPath = nodes ? [nodes.key] : [edges!.key, edgeNode!.key];
  const nodeSelection = rows.selection;
  const fields = connection.getFields();
  const edgeType = fields.edges && getNamedType(fields.edges.type);
  const nodeNamedType = nodes
    ? getNamedType(fields.nodes!.type)
    : getNamedType((edgeType as typeof connection).getFields().node!.type);

  const columns: PlannedColumn[] = [];
  const columnErrors: FieldError[] = [];
  body.columns.forEach((c, i) => {
    const planned = planColumn(schema, nodeNamedType, nodeSelection, fragments, c, i);
    if ('cell' in planned) columns.push(planned);
    else columnErrors.push(planned);
  });
  if (columnErrors.length) throw badInput(columnErrors);

  // The exporter's own variables, named apart from the client's.
  const taken = new Set(operation.variableDefinitions?.map((v) => v.variable.name.value));
  const fresh = (base: string) => {
    let n = base;
    for (let i = 2; taken.has(n); i++) n = `${base}${i}`;
    return n;
  };
  const firstVariable = fresh('exportFirst');
  const afterVariable = fresh('exportAfter');
  const typeOf = (arg: string) => parseType(String(rootDef.args.find((a) => a.name === arg)!.type));

  const hasTotalCount = Boolean(connection.getFields().totalCount);
  const rewrite = (withCount: boolean): { document: DocumentNode; field: FieldNode } => {
    const field: FieldNode = {
      ...root,
      arguments: [
        ...(root.arguments ?? []).filter((a) => !PAGING_ARGS.has(a.name.value)),
        variableArg('first', firstVariable),
        variableArg('after', afterVariable),
      ],
      selectionSet: {
        kind: Kind.SELECTION_SET,
        selections: [...root.selectionSet!.selections, ...PAGE_INFO, ...(withCount ? TOTAL_COUNT : [])],
      },
    };
    const selectionSet: SelectionSetNode = { kind: Kind.SELECTION_SET, selections: [field] };
    // The client's $first/$after/… are unused once their arguments are gone: drop them.
    const used = usedVariables([selectionSet, ...fragments.values()]);
    const definitions: VariableDefinitionNode[] = [
      ...(operation.variableDefinitions ?? []).filter((v) => used.has(v.variable.name.value)),
      {
        kind: Kind.VARIABLE_DEFINITION,
        variable: { kind: Kind.VARIABLE, name: name(firstVariable) },
        type: typeOf('first'),
      },
      {
        kind: Kind.VARIABLE_DEFINITION,
        variable: { kind: Kind.VARIABLE, name: name(afterVariable) },
        type: typeOf('after'),
      },
    ];
    const rewritten: OperationDefinitionNode = { ...operation, variableDefinitions: definitions, selectionSet };
    return {
      document: {
        kind: Kind.DOCUMENT,
        definitions: document.definitions.map((d) => (d === operation ? rewritten : d)),
      },
      field,
    };
  };
  const firstPage = rewrite(hasTotalCount);
  checked(schema, firstPage.document);
  checkNestedPageSizes(firstPage.document, firstPage.field, operation, body.variables, maxPageSize);

  return {
    rootField: root.name.value,
    rootKey: root.alias?.value ?? root.name.value,
    nodesPath,
    firstPage: firstPage.document,
    nextPages: rewrite(false).document,
    hasTotalCount,
    firstVariable,
    afterVariable,
    columns,
  };
}

/**
 * The exporter pages the top connection beyond MAX_PAGE_SIZE, so the context it runs in
 * allows that; a nested connection must still ask for no more than /graphql would give.
 */
function checkNestedPageSizes(
  document: DocumentNode,
  exported: FieldNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  maxPageSize: number,
): void {
  const defaults = new Map<string, unknown>();
  for (const v of operation.variableDefinitions ?? []) {
    if (v.defaultValue?.kind === Kind.INT) defaults.set(v.variable.name.value, Number(v.defaultValue.value));
  }
  const errors: FieldError[] = [];
  visit(document, {
    Field(field) {
      if (field === exported) return;
      for (const arg of field.arguments ?? []) {
        if (arg.name.value !== 'first' && arg.name.value !== 'last') continue;
        const value =
          arg.value.kind === Kind.INT
            ? Number(arg.value.value)
            : arg.value.kind === Kind.VARIABLE
              ? (variables[arg.value.name.value] ?? defaults.get(arg.value.name.value))
              : undefined;
        if (typeof value === 'number' && value > maxPageSize) {
          errors.push({
            path: `${field.alias?.value ?? field.name.value}.${arg.name.value}`,
            message: `must be between 0 and ${maxPageSize}`,
            messageZh: `每页条数须在 0 到 ${maxPageSize} 之间`,
            constraint: 'maxPageSize',
          });
        }
      }
    },
  });
  if (errors.length) throw badInput(errors);
}

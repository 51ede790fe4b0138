import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import type { TestApp } from '../harness.js';
import { HOSTILE_BY_TYPE, HOSTILE_OBJECT, hostileEnum, hostileList } from './hostile-values.js';

/**
 * Fuzzing every root query and mutation (issue 13, section 2): the schema is read by
 * introspection, each field gets a baseline of plausible arguments (real ids from the
 * seeded world), and each case replaces one argument or input field, at any depth, with
 * one hostile value of hostile-values.ts. A case passes when the answer is not a 5xx,
 * carries no INTERNAL_SERVER_ERROR and, when a mutation is refused, wrote nothing.
 */
export interface FuzzCase {
  kind: 'query' | 'mutation';
  field: string;
  /** the argument path replaced, e.g. `input.name` */
  path: string;
  value: unknown;
  query: string;
  variables: Record<string, unknown>;
}

export interface FuzzOutcome {
  cases: number;
  byStatus: Record<string, number>;
  byCode: Record<string, number>;
  serverErrors: number;
  internalErrors: number;
  partialWrites: number;
  failures: { field: string; path: string; value: string; status: number; detail: string }[];
}

const MAX_DEPTH = 3;

export async function introspect(t: TestApp, token: string): Promise<GraphQLSchema> {
  const r = await t.gql<IntrospectionQuery>(getIntrospectionQuery(), {}, token);
  if (!r.data) throw new Error(`introspection failed: ${JSON.stringify(r.errors)}`);
  return buildClientSchema(r.data);
}

/** Real global ids of the seeded world, by type name in lower case, for baseline arguments. */
export async function worldIds(t: TestApp, token: string): Promise<Record<string, string>> {
  const lists = [
    'schools',
    'towns',
    'districts',
    'teachers',
    'users',
    'collaborationGroups',
    'researchers',
    'trusteeships',
    'townPlans',
    'assessments',
    'rectificationItems',
    'teacherExchanges',
    'jointResearchSessions',
  ];
  const r = await t.gql(`{ ${lists.map((l) => `${l}(first: 1) { nodes { id } }`).join(' ')} }`, {}, token);
  const ids: Record<string, string> = {};
  for (const l of lists) {
    const id = (r.data?.[l] as { nodes: { id: string }[] } | undefined)?.nodes[0]?.id;
    if (id) ids[l.replace(/s$/, '').toLowerCase()] = id;
  }
  return ids;
}

function idFor(name: string, field: string, ids: Record<string, string>): string {
  const lower = name.toLowerCase();
  const key =
    Object.keys(ids).find((k) => lower !== 'id' && lower.includes(k)) ??
    Object.keys(ids).find((k) => field.toLowerCase().includes(k)) ??
    'school';
  return ids[key] ?? 'U2Nob29sOjA=';
}

const SCALAR_BASE: Record<string, unknown> = {
  String: 'fuzz',
  Int: 1,
  Float: 1,
  Boolean: false,
  Date: '2026-01-15',
  DateTimeISO: '2026-01-15T00:00:00.000Z',
  JSONObject: {},
};

function baseline(
  type: GraphQLInputType,
  name: string,
  field: string,
  ids: Record<string, string>,
  depth = 0,
): unknown {
  if (isNonNullType(type)) return baseline(type.ofType, name, field, ids, depth);
  if (isListType(type)) return [baseline(type.ofType, name, field, ids, depth)];
  if (isEnumType(type)) return type.getValues()[0]?.name;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    if (depth > MAX_DEPTH) return out;
    for (const f of Object.values(type.getFields())) {
      if (isNonNullType(f.type) && f.defaultValue === undefined)
        out[f.name] = baseline(f.type, f.name, field, ids, depth + 1);
    }
    return out;
  }
  if (type.name === 'ID') return idFor(name, field, ids);
  return SCALAR_BASE[type.name] ?? 'fuzz';
}

function hostileFor(type: GraphQLInputType, name: string, field: string, ids: Record<string, string>): unknown[] {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return hostileList(baseline(inner.ofType, name, field, ids));
  if (isEnumType(inner)) return hostileEnum(inner.getValues().map((v) => v.name));
  if (isInputObjectType(inner)) return [...HOSTILE_OBJECT];
  return [...(HOSTILE_BY_TYPE[inner.name] ?? HOSTILE_BY_TYPE.String!)];
}

/** Every (argument path × hostile value) of one root field. */
function casesOf(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  ids: Record<string, string>,
): FuzzCase[] {
  const args = field.args;
  const declared = args.map((a, i) => `$a${i}: ${String(a.type)}`).join(', ');
  const passed = args.map((a, i) => `${a.name}: $a${i}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  const query = `${kind}${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`;
  const base = Object.fromEntries(
    args.map((a, i) => [`a${i}`, isNonNullType(a.type) ? baseline(a.type, a.name, field.name, ids) : undefined]),
  );
  const out: FuzzCase[] = [];
  const visit = (type: GraphQLInputType, path: string[], varPath: string[], depth: number) => {
    for (const value of hostileFor(type, path.at(-1)!, field.name, ids)) {
      out.push({
        kind,
        field: field.name,
        path: path.join('.'),
        value,
        query,
        variables: replaced(base, varPath, value, args, ids, field.name),
      });
    }
    const inner = getNamedType(type);
    if (isInputObjectType(inner) && depth < MAX_DEPTH && !isListType(isNonNullType(type) ? type.ofType : type)) {
      for (const f of Object.values(inner.getFields()))
        visit(f.type, [...path, f.name], [...varPath, f.name], depth + 1);
    }
  };
  args.forEach((a, i) => visit(a.type, [a.name], [`a${i}`], 0));
  if (!args.length) out.push({ kind, field: field.name, path: '', value: undefined, query, variables: {} });
  return out;
}

/** The baseline with the value at `path` replaced, filling the objects on the way. */
function replaced(
  base: Record<string, unknown>,
  path: string[],
  value: unknown,
  args: readonly { name: string; type: GraphQLInputType }[],
  ids: Record<string, string>,
  field: string,
): Record<string, unknown> {
  const copy = structuredClone(base) as Record<string, unknown>;
  let at = copy;
  for (const [i, key] of path.slice(0, -1).entries()) {
    if (at[key] === undefined || at[key] === null || typeof at[key] !== 'object') {
      const arg = i === 0 ? args[Number(key.slice(1))] : undefined;
      at[key] = arg ? baseline(arg.type, arg.name, field, ids) : {};
    }
    at = at[key] as Record<string, unknown>;
  }
  at[path.at(-1)!] = value;
  return copy;
}

export function fuzzCases(schema: GraphQLSchema, ids: Record<string, string>): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const [kind, type] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(type?.getFields() ?? {})) cases.push(...casesOf(kind, field, ids));
  }
  return cases;
}

/** Every `step`-th case from `offset`: a deterministic sample. */
export function sample<T>(all: T[], size: number): T[] {
  if (all.length <= size) return all;
  const step = all.length / size;
  return Array.from({ length: size }, (_, i) => all[Math.floor(i * step)]!);
}

const UNAUDITED = new Set(['sign_in_throttle', 'auth_session', 'migrations']);

/** Row counts of every application table: a refused mutation must leave them as they were. */
async function fingerprint(t: TestApp): Promise<string> {
  const tables: { tablename: string }[] = await t.ds.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const counted = tables.filter((r) => !UNAUDITED.has(r.tablename));
  const [row] = await t.ds.query(
    `SELECT ${counted.map((r) => `(SELECT count(*) FROM "${r.tablename}")::text`).join(` || ',' || `)} AS f`,
  );
  return row.f as string;
}

/**
 * Runs the cases as one signed-in caller. A case may end that caller's session (logout, a
 * password change, deactivating the account): `signIn` then gives a fresh one.
 */
export async function runFuzz(t: TestApp, signIn: () => Promise<string>, cases: FuzzCase[]): Promise<FuzzOutcome> {
  let token = await signIn();
  const outcome: FuzzOutcome = {
    cases: 0,
    byStatus: {},
    byCode: {},
    serverErrors: 0,
    internalErrors: 0,
    partialWrites: 0,
    failures: [],
  };
  const describe = (v: unknown) => {
    const s = JSON.stringify(v) ?? 'undefined';
    return s.length > 60 ? `${s.slice(0, 60)}…(${s.length})` : s;
  };
  for (const c of cases) {
    const before = c.kind === 'mutation' ? await fingerprint(t) : '';
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: c.query, variables: c.variables }),
    });
    const text = await res.text();
    let body: { data?: unknown; errors?: { extensions?: { code?: string } }[] } = {};
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: counted by status
    }
    outcome.cases++;
    outcome.byStatus[res.status] = (outcome.byStatus[res.status] ?? 0) + 1;
    const codes = (body.errors ?? []).map((e) => e.extensions?.code ?? 'NONE');
    for (const code of new Set(codes)) outcome.byCode[code] = (outcome.byCode[code] ?? 0) + 1;
    const fail = (detail: string) =>
      outcome.failures.push({ field: c.field, path: c.path, value: describe(c.value), status: res.status, detail });
    if (res.status >= 500) {
      outcome.serverErrors++;
      fail(text.slice(0, 200));
    }
    if (codes.includes('INTERNAL_SERVER_ERROR')) {
      outcome.internalErrors++;
      if (res.status < 500) fail('INTERNAL_SERVER_ERROR');
    }
    if (c.kind === 'mutation' && codes.length && !(body.data && Object.values(body.data).some((v) => v !== null))) {
      if ((await fingerprint(t)) !== before) {
        outcome.partialWrites++;
        fail('a refused mutation changed the database');
      }
    }
    // after the check above: signing in again writes an account of its own
    if (codes.includes('UNAUTHENTICATED')) token = await signIn();
  }
  return outcome;
}

export function printOutcome(outcome: FuzzOutcome, label: string): void {
  const lines = [
    `[fuzz ${label}] cases ${outcome.cases}; 5xx ${outcome.serverErrors}; INTERNAL_SERVER_ERROR ${outcome.internalErrors}; partial writes ${outcome.partialWrites}`,
    `[fuzz ${label}] by HTTP status: ${JSON.stringify(outcome.byStatus)}`,
    `[fuzz ${label}] by error code: ${JSON.stringify(outcome.byCode)}`,
    ...outcome.failures
      .slice(0, 40)
      .map((f) => `[fuzz ${label}] FAIL ${f.field}(${f.path} = ${f.value}) → ${f.status}: ${f.detail}`),
  ];
  console.info(lines.join('\n'));
}

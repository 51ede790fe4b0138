import {
  getNamedType,
  isEnumType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/**
 * One query per root connection of the schema, selecting every scalar and enum field of its
 * nodes (lists of them too: the enum arrays are what broke on a restarted embedded database).
 * Built from the schema, so a connection or field added later is queried without anyone
 * remembering to list it.
 */
export interface RootConnectionQuery {
  field: string;
  query: string;
}

const PAGE = 5;

const takesNoRequiredArgument = (f: GraphQLField<unknown, unknown>) =>
  f.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined);

function scalarFields(type: GraphQLObjectType): string[] {
  return Object.values(type.getFields())
    .filter((f) => takesNoRequiredArgument(f))
    .filter((f) => {
      const named = getNamedType(f.type);
      return isScalarType(named) || isEnumType(named);
    })
    .map((f) => f.name);
}

export function rootConnectionQueries(schema: GraphQLSchema): RootConnectionQuery[] {
  const out: RootConnectionQuery[] = [];
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    const type = getNamedType(field.type);
    if (!isObjectType(type) || !type.name.endsWith('Connection') || !takesNoRequiredArgument(field)) continue;
    const nodes = type.getFields().nodes;
    const node = nodes && getNamedType(nodes.type);
    if (!node || !isObjectType(node)) continue;
    const selection = [
      'totalCount',
      `pageInfo { ${scalarFields(schema.getType('PageInfo') as GraphQLObjectType).join(' ')} }`,
      `nodes { ${scalarFields(node).join(' ')} }`,
    ];
    out.push({ field: field.name, query: `{ ${field.name}(first: ${PAGE}) { ${selection.join(' ')} } }` });
  }
  return out;
}

export interface RootConnectionAnswer {
  field: string;
  totalCount?: number;
  errors?: unknown[];
}

/** Runs every root connection query against `graphqlUrl` as the bearer of `token`. */
export async function queryRootConnections(
  schema: GraphQLSchema,
  graphqlUrl: string,
  token: string,
): Promise<RootConnectionAnswer[]> {
  const answers: RootConnectionAnswer[] = [];
  for (const { field, query } of rootConnectionQueries(schema)) {
    const res = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    const body = (await res.json()) as { data?: Record<string, { totalCount: number } | null>; errors?: unknown[] };
    const errors = body.errors ?? (res.ok ? undefined : [`HTTP ${res.status}`]);
    answers.push({ field, totalCount: body.data?.[field]?.totalCount, ...(errors ? { errors } : {}) });
  }
  return answers;
}

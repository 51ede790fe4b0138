import { beforeAll, describe, expect, it } from 'vitest';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  type GraphQLSchema,
} from 'graphql';
import { createSchema } from './schema.js';

/** graphql-js's own scalars: their descriptions come from the spec and are not ours to write. */
const BUILT_IN_SCALARS = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);

/**
 * Scalars imported from libraries (type-graphql, graphql-scalars). They must still carry a
 * description, but it is the library's English text; wrapping them only to translate it is
 * not worth a second scalar definition. Everything we define ourselves must be bilingual.
 */
const THIRD_PARTY_SCALARS = new Set(['DateTimeISO', 'JSONObject']);

/**
 * type-graphql builds the root operation types itself and offers no option to describe
 * them, so only their fields (the operations) are checked.
 */
const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
const LATIN = /[A-Za-z]/;

interface Described {
  /** e.g. `Query.schools(filter:)`, `SchoolOrderField.NAME` */
  path: string;
  description: string | null | undefined;
  bilingual: boolean;
}

/** Every describable element of the schema: types, fields, arguments, input fields, enum values. */
function describables(schema: GraphQLSchema): Described[] {
  const out: Described[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || BUILT_IN_SCALARS.has(type.name)) continue;
    if (!ROOT_TYPES.has(type.name)) {
      const bilingual = !(isScalarType(type) && THIRD_PARTY_SCALARS.has(type.name));
      out.push({ path: type.name, description: type.description, bilingual });
    }

    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        out.push({ path: `${type.name}.${field.name}`, description: field.description, bilingual: true });
        for (const arg of field.args) {
          out.push({
            path: `${type.name}.${field.name}(${arg.name}:)`,
            description: arg.description,
            bilingual: true,
          });
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        out.push({ path: `${type.name}.${field.name}`, description: field.description, bilingual: true });
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) {
        out.push({ path: `${type.name}.${value.name}`, description: value.description, bilingual: true });
      }
    }
    // Scalars and unions have nothing inside them to describe beyond the type itself.
  }
  return out;
}

describe('schema documentation', () => {
  let items: Described[];

  beforeAll(async () => {
    items = describables(await createSchema());
  });

  it('walks the whole schema', () => {
    // Guards against a walk that silently finds nothing (and so passes vacuously).
    expect(items.length).toBeGreaterThan(100);
    expect(items.map((i) => i.path)).toEqual(
      expect.arrayContaining(['School', 'Query.schools(filter:)', 'SchoolOrder.direction', 'OrderDirection.ASC']),
    );
  });

  it('describes every type, field, argument, input field and enum value', () => {
    const missing = items.filter((i) => !i.description?.trim()).map((i) => i.path);
    expect(missing, `missing descriptions:\n  ${missing.join('\n  ')}`).toEqual([]);
  });

  it('writes every description in Chinese and English ("中文 / English")', () => {
    const monolingual = items
      .filter((i) => i.bilingual && i.description?.trim())
      .filter((i) => !CJK.test(i.description!) || !LATIN.test(i.description!))
      .map((i) => `${i.path}: ${JSON.stringify(i.description)}`);
    expect(monolingual, `descriptions not in both Chinese and English:\n  ${monolingual.join('\n  ')}`).toEqual([]);
  });
});

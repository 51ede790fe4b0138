import { EventEmitter } from 'node:events';
import { PGlite, types, type PGliteOptions } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';

/**
 * A `pg`-shaped driver for TypeORM over one in-process PGlite database.
 *
 * PGlite is a single session. typeorm-pglite hands that one session to every query
 * runner at once, so two concurrent transactions interleave their statements and one
 * runner's ROLLBACK can undo (or fail to undo) the other's work. Here the pool lends the
 * session to one query runner at a time: `connect` waits until the previous runner has
 * released it. Transactions are therefore serialised, which is what a single session can
 * honestly offer. The one rule this imposes on callers: never open a second query runner
 * while holding one (inside a transaction, use its EntityManager), or it waits forever.
 * `pglite-isolation.test.ts` proves the behaviour.
 */

type Callback = (err: Error | null, result?: unknown) => void;

class SessionLock {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const granted = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    return granted;
  }
}

function commandOf(sql: string): string {
  const m = /^\s*(?:WITH\b[\s\S]*?\)\s*)?([A-Za-z]+)/.exec(sql);
  return m ? m[1]!.toUpperCase() : '';
}

const boolSerializer = (val: unknown) => {
  if (val === true || val === 'true' || val === 1) return 'TRUE';
  if (val === false || val === 'false' || val === 0) return 'FALSE';
  return val as string;
};

let sharedDb: Promise<PGlite> | undefined;
let sharedDataDir: string | undefined;

/** The process's one PGlite instance (PGlite allows only one per process). */
export function openPGlite(dataDir: string | undefined): Promise<PGlite> {
  if (sharedDb) {
    if (sharedDataDir !== dataDir) {
      throw new Error(`PGlite is already open on ${sharedDataDir ?? 'memory'}; one instance per process`);
    }
    return sharedDb;
  }
  sharedDataDir = dataDir;
  const options: PGliteOptions = {
    dataDir,
    extensions: { pg_trgm, btree_gist },
    serializers: { [types.BOOL]: boolSerializer },
  };
  sharedDb = PGlite.create(options);
  return sharedDb;
}

export async function closePGlite(): Promise<void> {
  const db = sharedDb;
  sharedDb = undefined;
  sharedDataDir = undefined;
  if (db) await (await db).close();
}

class PGliteConnection extends EventEmitter {
  constructor(private readonly db: PGlite) {
    super();
  }

  async query(sql: string, params?: unknown[] | Callback, cb?: Callback) {
    if (typeof params === 'function') {
      cb = params;
      params = undefined;
    }
    try {
      const hasParams = Array.isArray(params) && params.length > 0;
      // exec() runs multi-statement strings (migrations); TypeORM expects the last result.
      const raw = hasParams
        ? await this.db.query(sql, params as unknown[])
        : ((await this.db.exec(sql)).at(-1) ?? { rows: [], affectedRows: 0 });
      const result = { rows: raw.rows, rowCount: raw.affectedRows ?? raw.rows.length, command: commandOf(sql) };
      cb?.(null, result);
      return result;
    } catch (error) {
      cb?.(error as Error);
      throw error;
    }
  }
}

export function createPGliteDriver(dataDir: string | undefined) {
  const lock = new SessionLock();

  class SerialPool extends EventEmitter {
    async connect(callback: (err: Error | null, conn?: PGliteConnection, release?: (err?: unknown) => void) => void) {
      try {
        const db = await openPGlite(dataDir);
        const release = await lock.acquire();
        let released = false;
        const conn = new PGliteConnection(db);
        callback(null, conn, () => {
          if (released) return;
          released = true;
          release();
        });
      } catch (error) {
        callback(error as Error);
      }
    }

    async query(sql: string, params?: unknown[]) {
      const db = await openPGlite(dataDir);
      const release = await lock.acquire();
      try {
        return await new PGliteConnection(db).query(sql, params);
      } finally {
        release();
      }
    }

    end(callback?: (err: Error | null) => void) {
      closePGlite().then(
        () => callback?.(null),
        (err: Error) => callback?.(err),
      );
    }
  }

  return { Pool: SerialPool };
}

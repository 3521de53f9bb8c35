import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { claimDataFolder, DataFolderUnreadableError } from "./data-folder";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction: data-layer helpers take this so they compose. */
export type Executor = Database | Transaction;

/** The rows of a raw `execute` on either driver: postgres.js returns an array, PGlite `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}

export type DatabaseKind = "pglite" | "postgres";

export type DatabaseHandle = {
  db: Database;
  kind: DatabaseKind;
  /**
   * Calls `onPayload` for every NOTIFY on `channel`; resolves to an unsubscribe function. `onListen` runs
   * each time the LISTEN is (re-)established — on PostgreSQL also after a dropped connection comes back,
   * when notifications sent in between are lost and listeners should re-read the state.
   */
  listen(channel: string, onPayload: (payload: string) => void, onListen?: () => void): Promise<() => Promise<void>>;
  /**
   * One raw statement with positional parameters ($1, $2 …), for the few hot statements written in SQL.
   * On PostgreSQL it is a named prepared statement (parsed and planned once per connection) — which a
   * pooler in transaction mode must support (PgBouncer ≥ 1.21 with max_prepared_statements).
   */
  run(text: string, params: unknown[]): Promise<Record<string, unknown>[]>;
  migrate(): Promise<void>;
  close(): Promise<void>;
};

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "db/migrations");
/** The advisory lock key that serialises migrations across processes ("antrean" in ASCII, shortened to an int). */
const MIGRATION_LOCK = 0x616e7472;

export type OpenOptions =
  | {
      kind: "postgres";
      url: string;
      max?: number;
      /** A pooled connection closed: maybe the server went away. */
      onConnectionClosed?: () => void;
      /** The app's pool: the server ends statements running longer (not for migrations, which may run long). 0/unset: the server's setting. */
      statementTimeoutMs?: number;
      /** Seconds to wait for a connection (default 3), so a request answers 503 instead of hanging. */
      connectTimeoutS?: number;
    }
  | { kind: "pglite"; dataDir?: string /* in memory when absent */; loadDataDir?: Blob /* a dumpDataDir() image to start from */ };

export function openDatabase(options: OpenOptions): DatabaseHandle {
  if (options.kind === "postgres") {
    const client = postgres(options.url, { max: options.max ?? 10, onnotice: () => {}, onclose: options.onConnectionClosed, ...failFast(options) });
    const db = drizzlePostgres({ client, schema, casing: "snake_case" }) as unknown as Database;
    return {
      db,
      kind: "postgres",
      async listen(channel, onPayload, onListen) {
        const sub = await client.listen(channel, onPayload, onListen);
        return () => sub.unlisten();
      },
      run: (text, params) => client.unsafe(text, params as never[], { prepare: true }) as unknown as Promise<Record<string, unknown>[]>,
      migrate: async () => {
        // Several instances starting together (each migrates at start, lib/start-up.ts): one applies the
        // migrations, the others wait on the lock and then find nothing to do. The lock is held on a
        // connection of its own, so it needs a pool of two.
        if ((options.max ?? 10) < 2) return migratePostgres(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
        const lock = await client.reserve();
        try {
          await lock`select pg_advisory_lock(${MIGRATION_LOCK})`;
          await migratePostgres(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
        } finally {
          await lock`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {});
          lock.release();
        }
      },
      close: () => client.end({ timeout: 5 }),
    };
  }

  const { dataDir } = options;
  const release = dataDir ? claimDataFolder(dataDir) : () => {};
  // The options form: with `undefined` as the first argument PGlite ignores the second.
  const client = new PGlite({ dataDir, loadDataDir: options.loadDataDir });
  // A folder that does not open is reported with its path and a way out, and its lock let go.
  let failed = false;
  const ready = client.waitReady.catch((error: unknown) => {
    failed = true;
    release();
    throw dataDir ? new DataFolderUnreadableError(dataDir, error) : error;
  });
  ready.catch(() => {});
  const db = drizzlePglite({ client, schema, casing: "snake_case" }) as unknown as Database;
  return {
    db,
    kind: "pglite",
    async listen(channel, onPayload, onListen) {
      const unlisten = await client.listen(channel, onPayload);
      onListen?.();
      return unlisten;
    },
    run: async (text, params) => {
      await ready;
      return (await client.query<Record<string, unknown>>(text, params)).rows;
    },
    migrate: async () => {
      await ready;
      await migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    },
    close: async () => {
      try {
        // A PGlite that never started cannot be closed (close() rethrows its start-up failure).
        if (!failed && !client.closed) await client.close();
      } finally {
        release();
      }
    },
  };
}

/**
 * Fail fast while PostgreSQL is away, so a request answers 503 at once instead of waiting: postgres.js's
 * default reconnect back-off grows to 20 s (requests queued behind it hung ~30 s after a restart and were
 * committed after their clients had given up) and it waits 30 s for a connection. In the app's pool a
 * statement or an idle transaction that runs away is ended by the server (lib/db.ts passes
 * ANTREAN_DB_STATEMENT_TIMEOUT_MS; 0 leaves the server's setting alone, for a pooler that rejects startup
 * parameters: set it on the role instead).
 */
function failFast({ statementTimeoutMs: statementTimeout = 0, connectTimeoutS = 3 }: { statementTimeoutMs?: number; connectTimeoutS?: number }) {
  return {
    connect_timeout: connectTimeoutS,
    backoff: () => 0.1,
    connection: {
      application_name: "antrean",
      ...(statementTimeout > 0 ? { statement_timeout: statementTimeout, idle_in_transaction_session_timeout: 2 * statementTimeout } : {}),
    },
  };
}

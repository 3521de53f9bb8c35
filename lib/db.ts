import "server-only";
import { sql } from "drizzle-orm";
import { openDatabase, type Database, type DatabaseHandle, type OpenOptions } from "@/db/client";
import { embeddedFolder } from "@/db/connect-from-env";
import { checkDatabaseSoon, setDatabaseProbe } from "./db-status";
import { getEnv, isBuildPhase, type Env } from "./env";

const globalForDb = globalThis as unknown as { antreanDb?: Promise<DatabaseHandle> };

/**
 * The process-wide database. Embedded default: PGlite in `<ANTREAN_DATA_DIR>/pglite`. With DATABASE_URL:
 * a PostgreSQL pool. Migrated (and the embedded default seeded) once, at the process's start
 * (lib/start-up.ts), never here. Cached on globalThis so dev-mode module reloads never open the PGlite
 * folder twice.
 */
export function getDatabaseHandle(): Promise<DatabaseHandle> {
  globalForDb.antreanDb ??= connect().catch((error: unknown) => {
    globalForDb.antreanDb = undefined;
    throw error;
  });
  return globalForDb.antreanDb;
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}

/** Tests install their own database (PGlite in memory or a fresh PostgreSQL database). */
export function setDatabaseHandleForTests(handle: DatabaseHandle): void {
  globalForDb.antreanDb = Promise.resolve(handle);
}

// While the database is unreachable, this is what tells the app it is back (lib/db-status.ts).
setDatabaseProbe(async () => {
  await (await getDb()).execute(sql`select 1`);
});

/** The app's PostgreSQL pool: fail fast while the server is away, end runaway statements (lib/env.ts). */
export function appPoolOptions(env: Pick<Env, "ANTREAN_DB_CONNECT_TIMEOUT_S" | "ANTREAN_DB_STATEMENT_TIMEOUT_MS">, url: string): OpenOptions {
  return {
    kind: "postgres",
    url,
    statementTimeoutMs: env.ANTREAN_DB_STATEMENT_TIMEOUT_MS,
    connectTimeoutS: env.ANTREAN_DB_CONNECT_TIMEOUT_S,
    onConnectionClosed: checkDatabaseSoon,
  };
}

async function connect(): Promise<DatabaseHandle> {
  const env = getEnv();
  if (env.DATABASE_URL) return openDatabase(appPoolOptions(env, env.DATABASE_URL));
  if (isBuildPhase()) {
    // `next build` never opens (or creates) the embedded folder: a running server may hold it, and the
    // build has no business with the office's data. While prerendering, connection() marks the page as
    // rendered per request; anywhere else the build asked for data it must not have.
    await (await import("next/server")).connection();
    throw new Error("The embedded database is not opened during `next build`: read data at request time.");
  }
  const handle = openDatabase({ kind: "pglite", dataDir: embeddedFolder(env) });
  try {
    await handle.run("select 1", []);
  } catch (error) {
    // Let the folder go, so the next attempt (or another process) may open it.
    await handle.close().catch(() => {});
    throw error;
  }
  return handle;
}

import "server-only";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase, type Database, type DatabaseHandle } from "@/db/client";
import { seedDatabase } from "@/db/seed/seed";
import { checkDatabaseSoon, setDatabaseProbe } from "./db-status";
import { getEnv, isBuildPhase } from "./env";

const globalForDb = globalThis as unknown as { antreanDb?: Promise<DatabaseHandle> };

/**
 * The process-wide database. Embedded default: PGlite in `<ANTREAN_DATA_DIR>/pglite`, migrated and seeded
 * on first open. With DATABASE_URL: PostgreSQL, migrated by `npm run db:migrate` (run by `npm start`).
 * Cached on globalThis so dev-mode module reloads never open the PGlite folder twice.
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

async function connect(): Promise<DatabaseHandle> {
  const env = getEnv();
  if (env.DATABASE_URL) return openDatabase({ kind: "postgres", url: env.DATABASE_URL, statementTimeouts: true, onConnectionClosed: checkDatabaseSoon });
  if (isBuildPhase()) {
    // `next build` never opens (or creates) the embedded folder: a running server may hold it, and the
    // build has no business with the office's data. While prerendering, connection() marks the page as
    // rendered per request; anywhere else the build asked for data it must not have.
    await (await import("next/server")).connection();
    throw new Error("The embedded database is not opened during `next build`: read data at request time.");
  }
  const handle = openDatabase({ kind: "pglite", dataDir: path.resolve(env.ANTREAN_DATA_DIR, "pglite") });
  try {
    await handle.migrate();
    await seedDatabase(handle.db, { now: new Date() });
  } catch (error) {
    // Let the folder go, so the next attempt (or another process) may open it.
    await handle.close().catch(() => {});
    throw error;
  }
  return handle;
}

import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle, type DatabaseKind } from "@/db/client";
import { prepareDatabase } from "@/db/prepare";
import { setDatabaseHandleForTests } from "@/lib/db";
import { migratedPgliteImage } from "./pglite-image";
import { migratedPostgresTemplate } from "./postgres-template";

export const DATABASE_KINDS: DatabaseKind[] = ["pglite", "postgres"];

/** The server that integration tests create their throw-away databases on. Required: no silent skipping. */
export function adminDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
}

export type TestDatabase = { handle: DatabaseHandle; dispose(): Promise<void> };

/**
 * A migrated, empty database of the given kind (db/prepare.ts, as the app prepares its own, without the
 * demo office): PGlite in memory, or a new PostgreSQL database (a copy of the migrated template,
 * tests/helpers/postgres-template.ts) that is dropped afterwards. Fails loudly when PostgreSQL is unreachable.
 */
export async function createTestDatabase(kind: DatabaseKind, options: { max?: number } = {}): Promise<TestDatabase> {
  if (kind === "pglite") {
    const handle = openDatabase({ kind: "pglite", loadDataDir: await migratedPgliteImage() });
    await prepareDatabase(handle, { seedDemo: false });
    return { handle, dispose: () => handle.close() };
  }
  const adminUrl = adminDatabaseUrl();
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const name = `antrean_test_${randomBytes(6).toString("hex")}`;
  const databaseUrl = (database: string) => {
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    return url.toString();
  };
  try {
    await admin.unsafe(`create database ${name} template ${await migratedPostgresTemplate(admin, databaseUrl)}`);
  } catch (error) {
    await admin.end();
    throw new Error(`PostgreSQL at ${new URL(adminUrl).host} is required for the integration tests: ${String(error)}`);
  }
  const handle = openDatabase({ kind: "postgres", url: databaseUrl(name), max: options.max ?? 10 });
  await prepareDatabase(handle, { seedDemo: false });
  return {
    handle,
    async dispose() {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Creates the database and makes it the one the data layer uses. */
export async function useTestDatabase(kind: DatabaseKind, options: { max?: number } = {}): Promise<TestDatabase> {
  const testDb = await createTestDatabase(kind, options);
  setDatabaseHandleForTests(testDb.handle);
  return testDb;
}

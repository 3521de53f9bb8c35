import path from "node:path";
import { openDatabase, type DatabaseHandle } from "./client";

type Target = { DATABASE_URL?: string; ANTREAN_DATA_DIR?: string };
const fromEnvironment = (): Target => ({ DATABASE_URL: process.env.DATABASE_URL, ANTREAN_DATA_DIR: process.env.ANTREAN_DATA_DIR });

/** Scripts' view of the configuration: DATABASE_URL, or the embedded PGlite folder. */
export function openDatabaseFromEnv(): DatabaseHandle {
  const url = process.env.DATABASE_URL;
  if (url) return openDatabase({ kind: "postgres", url, max: 2 });
  return openDatabase({ kind: "pglite", dataDir: embeddedFolder(fromEnvironment()) });
}

/** Where the data goes, without the password (the app passes its validated settings, scripts their environment). */
export function describeTarget(target: Target = fromEnvironment()): string {
  const url = target.DATABASE_URL;
  if (!url) return `embedded PGlite in ${embeddedFolder(target)}`;
  const u = new URL(url);
  return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`;
}

export function embeddedFolder(target: Target): string {
  return path.resolve(target.ANTREAN_DATA_DIR || ".data", "pglite");
}

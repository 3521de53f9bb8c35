import path from "node:path";
import { openDatabase, type DatabaseHandle } from "./client";

/** Scripts' view of the configuration: DATABASE_URL, or the embedded PGlite folder. */
export function openDatabaseFromEnv(): DatabaseHandle {
  const url = process.env.DATABASE_URL;
  if (url) return openDatabase({ kind: "postgres", url, max: 2 });
  const dataDir = path.resolve(process.env.ANTREAN_DATA_DIR || ".data", "pglite");
  return openDatabase({ kind: "pglite", dataDir });
}

/** Where the data goes, without the password. */
export function describeTarget(): string {
  const url = process.env.DATABASE_URL;
  if (!url) return `embedded PGlite in ${path.resolve(process.env.ANTREAN_DATA_DIR || ".data", "pglite")}`;
  const u = new URL(url);
  return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`;
}

import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { MIGRATIONS_FOLDER } from "@/db/client";

/**
 * A short hash of every migration file (names and contents) and `extra`: a new migration makes a new key.
 * Names the prepared test databases of both kinds (the PGlite image, the PostgreSQL template).
 */
export function migrationsKey(extra = ""): string {
  const hash = createHash("sha256").update(extra);
  const files = readdirSync(MIGRATIONS_FOLDER, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".sql") || f.endsWith(".json")).sort();
  for (const f of files) hash.update(f).update(readFileSync(path.join(MIGRATIONS_FOLDER, f)));
  return hash.digest("hex").slice(0, 16);
}

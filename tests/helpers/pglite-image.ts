import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { readFile, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { MIGRATIONS_FOLDER } from "@/db/client";

/**
 * A freshly migrated PGlite data folder, as a tarball. Starting PGlite from it costs about a third of the
 * CPU of a fresh start plus migrations, which adds up over a dozen test files on two shared cores. It is
 * built once per set of migrations and PGlite version and kept in the OS temp folder; the caller still
 * runs the migrator, so a stale image could only ever be a slower start, never a wrong schema.
 */
export async function migratedPgliteImage(): Promise<Blob> {
  const file = path.join(tmpdir(), `antrean-pglite-${imageKey()}.tar`);
  try {
    return new Blob([await readFile(file)]);
  } catch {
    const client = new PGlite();
    await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
    const image = await client.dumpDataDir("none");
    await client.close();
    // Several test workers may build it at once: each writes its own file and renames it into place.
    const partial = `${file}.${randomBytes(4).toString("hex")}`;
    await writeFile(partial, Buffer.from(await image.arrayBuffer()));
    await rename(partial, file);
    return image;
  }
}

function imageKey(): string {
  const hash = createHash("sha256");
  const pglite = path.resolve(process.cwd(), "node_modules/@electric-sql/pglite/package.json");
  hash.update((JSON.parse(readFileSync(pglite, "utf8")) as { version: string }).version);
  const files = readdirSync(MIGRATIONS_FOLDER, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".sql") || f.endsWith(".json")).sort();
  for (const f of files) hash.update(f).update(readFileSync(path.join(MIGRATIONS_FOLDER, f)));
  return hash.digest("hex").slice(0, 16);
}

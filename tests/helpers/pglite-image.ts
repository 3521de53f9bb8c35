import { randomBytes } from "node:crypto";
import { openAsBlob, readFileSync } from "node:fs";
import { link, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { MIGRATIONS_FOLDER } from "@/db/client";
import { migrationsKey } from "./migrations-key";

/**
 * A freshly migrated PGlite data folder, as a tarball. Starting PGlite from it costs about a third of the
 * CPU of a fresh start plus migrations, which adds up over a dozen test files on two shared cores. It is
 * built once per set of migrations and PGlite version and kept in the OS temp folder; the caller still
 * runs the migrator, so a stale image could only ever be a slower start, never a wrong schema.
 */
export async function migratedPgliteImage(): Promise<Blob> {
  const file = path.join(tmpdir(), `antrean-pglite-${imageKey()}.tar`);
  try {
    // A blob backed by the file, read once by PGlite: reading it into a buffer and copying that into a Blob
    // cost another 0.4-0.6 s per database on two busy cores.
    return await openAsBlob(file);
  } catch {
    const client = new PGlite();
    await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
    const image = await client.dumpDataDir("none");
    await client.close();
    // Several test workers may build it at once: each writes its own file and links it into place unless
    // one is there already. Never replaced once there: a file-backed blob refuses to read a file changed
    // under it.
    const partial = `${file}.${randomBytes(4).toString("hex")}`;
    await writeFile(partial, Buffer.from(await image.arrayBuffer()));
    await link(partial, file).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST") throw error;
    });
    await unlink(partial);
    return image;
  }
}

function imageKey(): string {
  const pglite = path.resolve(process.cwd(), "node_modules/@electric-sql/pglite/package.json");
  return migrationsKey((JSON.parse(readFileSync(pglite, "utf8")) as { version: string }).version);
}

import { randomBytes } from "node:crypto";
import type postgres from "postgres";
import { openDatabase } from "@/db/client";
import { prepareDatabase } from "@/db/prepare";
import { migrationsKey } from "./migrations-key";

/**
 * The name of a migrated, empty PostgreSQL database that test databases are copied from
 * (`create database … template …`): a copy costs a fraction of running every migration again, which adds
 * up over a hundred test databases on two shared cores. Built once per set of migrations and kept on the
 * server (like the PGlite image in the OS temp folder); the caller still runs the migrator on its copy, so a
 * stale template could only ever be a slower start, never a wrong schema.
 */
let known: string | undefined;

export async function migratedPostgresTemplate(admin: postgres.Sql, databaseUrl: (name: string) => string): Promise<string> {
  if (known) return known;
  known = await findOrBuild(admin, databaseUrl);
  return known;
}

async function findOrBuild(admin: postgres.Sql, databaseUrl: (name: string) => string): Promise<string> {
  const name = `antrean_template_${migrationsKey()}`;
  if (await exists(admin, name)) return name;
  // Several test workers may build it at once: each migrates a database of its own and renames it into
  // place; a copy may only start from a database nobody is connected to, so none is ever half-migrated.
  const building = `${name}_${randomBytes(4).toString("hex")}`;
  await admin.unsafe(`create database ${building}`);
  try {
    const handle = openDatabase({ kind: "postgres", url: databaseUrl(building), max: 2 });
    try {
      await prepareDatabase(handle, { seedDemo: false });
    } finally {
      await handle.close();
    }
    await admin.unsafe(`alter database ${building} rename to ${name}`);
  } catch (error) {
    await admin.unsafe(`drop database if exists ${building} with (force)`);
    // Another worker renamed its copy into place first.
    if (!(await exists(admin, name))) throw error;
  }
  return name;
}

async function exists(admin: postgres.Sql, name: string): Promise<boolean> {
  return (await admin`select 1 from pg_database where datname = ${name}`).length > 0;
}

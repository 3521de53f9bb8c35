import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { openDatabase } from "../db/client";
import { prepareDatabase } from "../db/prepare";
import { seedAlwaysOpenOffice } from "../db/seed/e2e-office";
import { assertSeedTargetIsLocal } from "../db/seed/guard";
import { E2E_OFFICE, E2E_STAFF } from "../tests/e2e/fixtures/accounts";

/**
 * Run by playwright.config.ts just before each test server starts, with that server's environment:
 *   postgres  — drop and recreate the database named by DATABASE_URL, prepare it as the app does
 *               (db/prepare.ts: migrations, Kota Bogor), then add the always-open e2e office and its staff;
 *   embedded  — empty ANTREAN_DATA_DIR, so the app's start-up (lib/start-up.ts) migrates and seeds PGlite
 *               itself, as on a newcomer's machine.
 */
const mode = process.argv[2];
const started = Date.now();

if (mode === "postgres") await preparePostgres();
else if (mode === "embedded") prepareEmbedded();
else throw new Error("usage: tsx scripts/e2e-prepare.ts postgres|embedded");
console.log(`[e2e-prepare] ${mode} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

async function preparePostgres(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("[e2e-prepare] DATABASE_URL is required for the postgres server");
  // Dropping is destructive: the same guard as the demo seed, local servers only.
  assertSeedTargetIsLocal();
  const target = new URL(url);
  const name = target.pathname.slice(1);
  if (!/^antrean_[a-z0-9_]*e2e[a-z0-9_]*$/.test(name)) throw new Error(`[e2e-prepare] refusing to recreate "${name}": not an e2e database name`);

  const adminUrl = new URL(url);
  adminUrl.pathname = "/postgres";
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
  } catch (error) {
    throw new Error(`[e2e-prepare] PostgreSQL at ${target.host} is required for the e2e tests: ${String(error)}`);
  } finally {
    await admin.end();
  }

  const handle = openDatabase({ kind: "postgres", url, max: 2 });
  try {
    // The app's own preparation (db/prepare.ts), as ANTREAN_SEED_DEMO=1 would do at start; then the e2e office.
    await prepareDatabase(handle, { seedDemo: true });
    await seedAlwaysOpenOffice(handle.db, { slug: E2E_OFFICE.slug, name: E2E_OFFICE.name, staff: Object.values(E2E_STAFF) });
  } finally {
    await handle.close();
  }
}

function prepareEmbedded(): void {
  const dir = process.env.ANTREAN_DATA_DIR;
  // Never empty a folder that is not obviously ours (a person's real .data, say).
  if (!dir || !path.basename(dir).startsWith("antrean-e2e-")) throw new Error(`[e2e-prepare] refusing to empty ANTREAN_DATA_DIR=${dir ?? ""}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { count, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase } from "@/db/client";
import { prepareDatabase } from "@/db/prepare";
import { offices, staffUsers } from "@/db/schema";
import { DEMO_STAFF } from "@/db/seed/demo-staff";
import { adminDatabaseUrl } from "../helpers/databases";

/**
 * The one start-up path (lib/start-up.ts), as instrumentation.ts runs it in `npm run dev`/`npm start` and
 * the e2e servers: a real embedded folder and a real, empty PostgreSQL database. A fresh set of modules
 * per case, since the environment is validated once per process.
 */
const state = globalThis as unknown as { antreanDb?: Promise<{ close(): Promise<void> }>; antreanStartUpPrinted?: boolean };

async function load(env: Record<string, string>) {
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  vi.resetModules();
  return import("@/lib/start-up");
}

function logs() {
  return { info: vi.fn<(line: string) => void>(), warn: vi.fn<(line: string) => void>() };
}

afterEach(() => vi.unstubAllEnvs());

describe("start-up on the embedded default (a newcomer's first `npm run dev`)", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "antrean-start-up-"));
  afterAll(async () => {
    await (await state.antreanDb)?.close();
    delete state.antreanDb;
    delete state.antreanStartUpPrinted;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("migrates, seeds the demo office and prints the demo logins and notices once", async () => {
    delete state.antreanStartUpPrinted;
    const { startUp } = await load({ DATABASE_URL: "", ANTREAN_DATA_DIR: dataDir, ANTREAN_TRUST_PROXY: "0", ANTREAN_POW: "off" });
    const first = logs();
    const report = await startUp(first);
    expect(report.database).toBe(`embedded PGlite in ${path.join(dataDir, "pglite")}`);
    expect(report.seeded).toBe(true);
    expect(first.info).toHaveBeenCalledTimes(1);
    const printed = first.info.mock.calls[0]![0];
    expect(printed).toContain(`[antrean] database: embedded PGlite in ${path.join(dataDir, "pglite")} (seeded just now)`);
    for (const s of DEMO_STAFF) expect(printed).toMatch(new RegExp(`${s.role}\\s+${s.email.replace(".", "\\.")}\\s+${s.password}`));
    expect(printed).toContain("latihan.admin@antrean.test");
    expect(printed).toContain("[antrean] messages: whatsapp off, email off");
    const warnings = first.warn.mock.calls.map((c) => c[0]);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain("ANTREAN_TRUST_PROXY is not set");
    expect(warnings[1]).toContain("ANTREAN_POW=off");

    // The app's own database is the one prepared: the office and the demo accounts are there.
    const { getDb } = await import("@/lib/db");
    const db = await getDb();
    expect(await db.select({ slug: offices.slug }).from(offices).where(sql`${offices.slug} = 'kota-bogor'`)).toHaveLength(1);
    expect((await db.select({ n: count() }).from(staffUsers))[0]!.n).toBeGreaterThanOrEqual(DEMO_STAFF.length);

    // Again in the same process (a dev-mode reload): nothing seeded twice, nothing said twice.
    const again = logs();
    const second = await startUp(again);
    expect(second.seeded).toBe(false);
    expect(again.info).not.toHaveBeenCalled();
    expect(again.warn).not.toHaveBeenCalled();
  }, 240_000); // a fresh folder on disk: every migration and the whole seed, on shared cores
});

describe("start-up on PostgreSQL (DATABASE_URL)", () => {
  const admin = postgres(adminDatabaseUrl(), { max: 1, onnotice: () => {} });
  const name = `antrean_test_startup_${Date.now().toString(36)}`;
  const url = new URL(adminDatabaseUrl());
  url.pathname = `/${name}`;
  const target = () => openDatabase({ kind: "postgres", url: url.toString(), max: 1 });

  beforeAll(async () => {
    await admin.unsafe(`create database ${name}`);
  });
  afterAll(async () => {
    delete state.antreanStartUpPrinted;
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it("migrates an empty database but never seeds it, and prints no demo logins", async () => {
    delete state.antreanStartUpPrinted;
    const { startUp } = await load({ DATABASE_URL: url.toString(), ANTREAN_TRUST_PROXY: "1", ANTREAN_POW: "on" });
    const log = logs();
    const report = await startUp(log);
    expect(report).toMatchObject({ seeded: false, warnings: [] });
    expect(report.database).toBe(`PostgreSQL ${url.hostname}:${url.port || 5432}/${name}`);
    expect(log.info).toHaveBeenCalledTimes(1);
    expect(log.info.mock.calls[0]![0]).not.toContain("Demo staff logins");
    expect(log.info.mock.calls[0]![0]).not.toMatch(/password|Antrean-2026/i);
    const db = target();
    try {
      expect((await db.db.select({ n: count() }).from(offices))[0]!.n).toBe(0);
      const migrations = (await db.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)) as unknown as { n: number }[];
      expect(migrations[0]!.n).toBeGreaterThan(10);
    } finally {
      await db.close();
    }
  });

  it("seeds the demo office with ANTREAN_SEED_DEMO=1 on a local server, and says the logins", async () => {
    delete state.antreanStartUpPrinted;
    const { startUp } = await load({ DATABASE_URL: url.toString(), ANTREAN_SEED_DEMO: "1" });
    const log = logs();
    expect((await startUp(log)).seeded).toBe(true);
    expect(log.info.mock.calls[0]![0]).toContain("Demo staff logins");
  });

  it("two instances starting together on an empty database both come up: one migrates, the other waits", async () => {
    const fresh = `${name}_pair`;
    await admin.unsafe(`create database ${fresh}`);
    const freshUrl = new URL(url);
    freshUrl.pathname = `/${fresh}`;
    const handles = [1, 2].map(() => openDatabase({ kind: "postgres", url: freshUrl.toString(), max: 2 }));
    try {
      await Promise.all(handles.map((handle) => prepareDatabase(handle, { seedDemo: false })));
      const rows = (await handles[0]!.db.execute(sql`select count(*)::int as n, count(distinct hash)::int as d from drizzle.__drizzle_migrations`)) as unknown as { n: number; d: number }[];
      expect(rows[0]!.n).toBe(rows[0]!.d);
    } finally {
      await Promise.all(handles.map((handle) => handle.close()));
      await admin.unsafe(`drop database if exists ${fresh} with (force)`);
    }
  });

  it("refuses the demo seed into a server on another machine, before connecting", async () => {
    delete state.antreanStartUpPrinted;
    const { startUp } = await load({ DATABASE_URL: "postgres://postgres@db.example.invalid:5432/antrean", ANTREAN_SEED_DEMO: "1" });
    const log = logs();
    await expect(startUp(log)).rejects.toThrow(/Refusing to seed demo data into db\.example\.invalid/);
    expect(log.info).not.toHaveBeenCalled();
  });
});

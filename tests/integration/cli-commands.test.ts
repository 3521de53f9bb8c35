import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { verify } from "@node-rs/argon2";
import { and, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase, type DatabaseHandle, type DatabaseKind } from "@/db/client";
import { prepareDatabase } from "@/db/prepare";
import { apiKeys, auditLogs, staffUsers } from "@/db/schema";
import { hashToken } from "@/lib/crypto";
import { adminDatabaseUrl, DATABASE_KINDS } from "../helpers/databases";
import { createTestOffice, type TestOffice } from "../helpers/fixtures";

/**
 * `npm run staff:create` and `npm run api-key:create` as a person runs them: a child process with the
 * package script's own command line, against a real database (an embedded folder, a PostgreSQL database),
 * then the rows read back. Both go through the data layer: the portal's validation, its audit row, its
 * "address already taken".
 */
const SCRIPT = (file: string) => ["--conditions=react-server", "--import", "tsx", file];
// Each run starts Node, tsx and the database afresh: seconds each, more on busy shared cores.
vi.setConfig({ testTimeout: 240_000 });

type Run = { code: number; stdout: string; stderr: string };

/** A database the scripts can reach through the app's settings, opened here only between their runs. */
type Target = { env: Record<string, string>; open(): DatabaseHandle; dispose(): Promise<void> };

async function createTarget(kind: DatabaseKind): Promise<Target> {
  if (kind === "pglite") {
    const dir = mkdtempSync(path.join(tmpdir(), "antrean-cli-"));
    return {
      env: { DATABASE_URL: "", ANTREAN_DATA_DIR: dir },
      open: () => openDatabase({ kind: "pglite", dataDir: path.join(dir, "pglite") }),
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const admin = postgres(adminDatabaseUrl(), { max: 1, onnotice: () => {} });
  const name = `antrean_test_cli_${Date.now().toString(36)}`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminDatabaseUrl());
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    open: () => openDatabase({ kind: "postgres", url: url.toString(), max: 2 }),
    async dispose() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

describe.each(DATABASE_KINDS)("command-line tools on %s", (kind) => {
  let target: Target;
  let t: TestOffice;

  /** Opens the database for a look (the embedded folder is the script's while it runs). */
  async function withDb<T>(read: (db: DatabaseHandle["db"]) => Promise<T>): Promise<T> {
    const handle = target.open();
    try {
      return await read(handle.db);
    } finally {
      await handle.close();
    }
  }

  async function run(file: string, args: string[]): Promise<Run> {
    const env = { ...process.env, NODE_ENV: "production" as const, ANTREAN_SECRET: "cli-secret-cli-secret-cli-secret-cli-0123", ...target.env };
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [...SCRIPT(file), ...args], { env, timeout: 120_000 });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code?: number; stdout?: string; stderr?: string };
      if (typeof e.code !== "number") throw error;
      return { code: e.code, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
    }
  }

  const staffCount = () => withDb(async (db) => (await db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.officeId, t.office.id))).length);

  beforeAll(async () => {
    target = await createTarget(kind);
    // A fresh target, prepared as the app prepares its database, then an office for the accounts.
    const handle = target.open();
    try {
      await prepareDatabase(handle, { seedDemo: false });
      t = await createTestOffice(handle.db);
    } finally {
      await handle.close();
    }
  });
  afterAll(() => target?.dispose());

  it("staff:create makes the account through the data layer: the password works, the audit row says cli", async () => {
    const result = await run("db/create-staff.ts", ["--email", "Kasi.Baru@Example.go.id", "--name", "Kasi Baru", "--role", "admin", "--office", t.office.slug]);
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Created admin kasi.baru@example.go.id at ${t.office.slug}`);
    const password = /Password \(shown once\): (\S+)/.exec(result.stdout)![1]!;
    await withDb(async (db) => {
      const [row] = await db.select().from(staffUsers).where(eq(staffUsers.email, "kasi.baru@example.go.id"));
      expect(row).toMatchObject({ officeId: t.office.id, name: "Kasi Baru", role: "admin", isActive: true });
      expect(await verify(row!.passwordHash, password)).toBe(true);
      const audits = await db.select().from(auditLogs).where(and(eq(auditLogs.action, "staff.create"), eq(auditLogs.officeId, t.office.id)));
      expect(audits).toHaveLength(1);
      expect(audits[0]!.details).toMatchObject({ staffId: row!.id, email: "kasi.baru@example.go.id", role: "admin", via: "cli" });
    });
  });

  it("staff:create refuses a taken address (any case) with a clear message and exit code 1, nothing written", async () => {
    const before = await staffCount();
    const result = await run("db/create-staff.ts", ["--email", "KASI.BARU@example.go.id", "--name", "Orang Lain", "--office", t.office.slug]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("--email: This email is already used by another account.");
    expect(result.stdout).not.toContain("Password");
    expect(await staffCount()).toBe(before);
  });

  it("staff:create refuses bad arguments with the portal's messages, the usage and exit code 2", async () => {
    const result = await run("db/create-staff.ts", ["--email", "bukan-email", "--role", "kepala", "--office", t.office.slug]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--email: .*email/i);
    expect(result.stderr).toContain("--role:");
    expect(result.stderr).toContain("--name:");
    expect(result.stderr).toContain("Usage: npm run staff:create");
    expect(await staffCount()).toBe(1);
  });

  it("staff:create and api-key:create refuse an unknown office with exit code 1", async () => {
    const staff = await run("db/create-staff.ts", ["--email", "x@example.go.id", "--name", "Siapa", "--office", "tidak-ada"]);
    expect(staff.code).toBe(1);
    expect(staff.stderr).toContain("--office: Unknown office.");
    const key = await run("db/create-api-key.ts", ["--name", "Dasbor", "--scopes", "reports", "--office", "tidak-ada"]);
    expect(key.code).toBe(1);
    expect(key.stderr).toContain("--office: Unknown office.");
  });

  it("api-key:create issues a key through the data layer: only its hash is kept, the audit row says cli", async () => {
    const result = await run("db/create-api-key.ts", ["--name", "Dasbor Kota", "--scopes", "reports,booking", "--office", t.office.slug]);
    expect(result.code).toBe(0);
    const key = /Key \(shown once\): (antr_\S+)/.exec(result.stdout)![1]!;
    await withDb(async (db) => {
      const [row] = await db.select().from(apiKeys).where(eq(apiKeys.keyHash, hashToken(key)));
      expect(row).toMatchObject({ officeId: t.office.id, name: "Dasbor Kota", scopes: ["reports", "booking"], createdByStaffId: null });
      const audits = await db.select().from(auditLogs).where(and(eq(auditLogs.action, "api_key.create"), sql`${auditLogs.details}->>'apiKeyId' = ${row!.id}`));
      expect(audits).toHaveLength(1);
      expect(audits[0]!.details).toMatchObject({ name: "Dasbor Kota", via: "cli" });
    });
  });

  it("api-key:create refuses an unknown scope with exit code 2, nothing written", async () => {
    const result = await run("db/create-api-key.ts", ["--name", "Dasbor", "--scopes", "reports,root", "--office", t.office.slug]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--scopes:");
    expect(result.stderr).toContain("Usage: npm run api-key:create");
    expect(await withDb(async (db) => (await db.select().from(apiKeys).where(eq(apiKeys.officeId, t.office.id))).length)).toBe(1);
  });
});

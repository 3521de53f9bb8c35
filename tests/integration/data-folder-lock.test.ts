import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase } from "@/db/client";
import { claimDataFolder } from "@/db/data-folder";

/**
 * One process per embedded data folder, proven with real processes: `tsx db/migrate.ts` (what `npm start`
 * runs before the server, through the same openDatabase as the server) against a folder held by another.
 */
const TSX = path.resolve("node_modules/.bin/tsx");
let root: string;

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, args, { env: { ...process.env, DATABASE_URL: "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

const migrateIn = (dataRoot: string) => run(["db/migrate.ts"], { ANTREAN_DATA_DIR: dataRoot });
const lockOf = (dataRoot: string) => path.join(dataRoot, "pglite.lock");
const ownerOf = (dataRoot: string) => JSON.parse(readFileSync(lockOf(dataRoot), "utf8")) as { pid: number; startTime?: string };

function deadPid(): number {
  return Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout);
}

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "antrean-lock-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the embedded data folder lock", () => {
  it("refuses a second process while the first holds the folder, with the owner's pid", async () => {
    const dataRoot = path.join(root, "held");
    const release = claimDataFolder(path.join(dataRoot, "pglite"));
    try {
      expect(ownerOf(dataRoot).pid).toBe(process.pid);
      const refused = await migrateIn(dataRoot);
      expect(refused.code).not.toBe(0);
      expect(refused.output).toContain(`The embedded database ${path.join(dataRoot, "pglite")} is in use by another Antrean process (pid ${process.pid})`);
      expect(refused.output).not.toContain("Migrations applied");
      // The refused process neither took nor removed the lock.
      expect(ownerOf(dataRoot).pid).toBe(process.pid);
    } finally {
      release();
    }
    expect(existsSync(lockOf(dataRoot))).toBe(false);
  });

  it("refuses a second opener inside one process too", () => {
    const dataDir = path.join(root, "same-process", "pglite");
    const release = claimDataFolder(dataDir);
    try {
      expect(() => openDatabase({ kind: "pglite", dataDir })).toThrow(/in use by another Antrean process/);
    } finally {
      release();
    }
  });

  it("takes over a stale lock: its process is gone, or its pid now belongs to another process", () => {
    const dataRoot = path.join(root, "stale");
    mkdirSync(dataRoot, { recursive: true });
    for (const stale of [{ pid: deadPid() }, { pid: process.pid }, { pid: process.ppid, startTime: "1" }, "not json"]) {
      writeFileSync(lockOf(dataRoot), typeof stale === "string" ? stale : JSON.stringify(stale));
      const release = claimDataFolder(path.join(dataRoot, "pglite"));
      expect(ownerOf(dataRoot).pid).toBe(process.pid);
      release();
      expect(existsSync(lockOf(dataRoot))).toBe(false);
    }
  });

  it("keeps a lock whose process is alive", async () => {
    const dataRoot = path.join(root, "alive");
    mkdirSync(dataRoot, { recursive: true });
    const sleeper: ChildProcess = spawn("sleep", ["30"]);
    try {
      writeFileSync(lockOf(dataRoot), JSON.stringify({ pid: sleeper.pid }));
      expect(() => claimDataFolder(path.join(dataRoot, "pglite"))).toThrow(`(pid ${sleeper.pid})`);
    } finally {
      sleeper.kill();
    }
  });

  it("is released when its process exits without closing", async () => {
    const dataRoot = path.join(root, "exit");
    const script = `import { claimDataFolder } from "./db/data-folder"; claimDataFolder(process.env.DIR); console.log("claimed"); process.exit(0);`;
    const result = await run(["-e", script], { DIR: path.join(dataRoot, "pglite") });
    expect(result.output).toContain("claimed");
    expect(existsSync(path.join(dataRoot, "pglite"))).toBe(true);
    expect(existsSync(lockOf(dataRoot))).toBe(false);
  });
});

describe("an embedded data folder that does not open", () => {
  it("is reported with its path and a way out, left as it is, and its lock let go", async () => {
    const dataRoot = path.join(root, "corrupt");
    const dataDir = path.join(dataRoot, "pglite");
    mkdirSync(dataDir, { recursive: true });
    // What a half-deleted or damaged folder looks like to PGlite: it fails to start (RuntimeError/Aborted).
    writeFileSync(path.join(dataDir, "PG_VERSION"), "17\n");

    const result = await migrateIn(dataRoot);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(`The embedded database in ${dataDir} could not be opened`);
    expect(result.output).toContain("restore the folder from a backup");
    expect(result.output).toContain(`mv "${dataDir}" "${dataDir}.broken"`);
    expect(readdirSync(dataDir)).toEqual(["PG_VERSION"]);
    expect(existsSync(lockOf(dataRoot))).toBe(false);
  });

  it("is never initialised afresh when it is not a database folder", () => {
    const dataDir = path.join(root, "junk", "pglite");
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(path.join(dataDir, "notes.txt"), "not a database");
    expect(() => openDatabase({ kind: "pglite", dataDir })).toThrow(/could not be opened \(not a database folder/);
    expect(readdirSync(dataDir)).toEqual(["notes.txt"]);
  });
});

describe("next build", () => {
  it("does not open or create the embedded data folder (nor its secret)", async () => {
    const dataRoot = path.join(root, "build");
    vi.resetModules();
    vi.stubEnv("NEXT_PHASE", "phase-production-build");
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("ANTREAN_SECRET", "");
    vi.stubEnv("ANTREAN_DATA_DIR", dataRoot);
    try {
      const { getEnv } = await import("@/lib/env");
      expect(getEnv().secret.length).toBeGreaterThan(32);
      const { getDatabaseHandle } = await import("@/lib/db");
      // While prerendering, Next's connection() interrupts the render (the page is rendered per request);
      // outside a render it refuses. Either way nothing is opened. scripts/e2e-build.ts checks a real build.
      await expect(getDatabaseHandle()).rejects.toThrow(/outside a request scope|not opened during `next build`/);
      expect(existsSync(dataRoot)).toBe(false);
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});

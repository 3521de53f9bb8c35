import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const DIST_DIR = process.env.BENCH_DIST_DIR || ".next-bench";
const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");

const CLUSTER_LAUNCHER = "scripts/start-cluster.ts";

// The cluster launcher only starts `next start`: not part of the build.
const NOT_BUILT = ["--", ".", ":!scripts/bench", ":!scripts/start-cluster*.ts", ":!README.md", ":!docs", ":!tsconfig.json", ":!tests"];

/** The tracked files' contents (index + unstaged changes): the build is reused only while this stays the same. */
function sourceStamp(): string {
  const index = execFileSync("git", ["ls-files", "-s", ...NOT_BUILT], { encoding: "utf8", maxBuffer: 1 << 26 });
  const unstaged = execFileSync("git", ["diff", ...NOT_BUILT], { encoding: "utf8", maxBuffer: 1 << 26 });
  return createHash("sha256").update(index).update(unstaged).digest("hex");
}

/** Builds the production app into its own folder, unless that folder already holds this source's build. */
export function buildIfNeeded(force: boolean): void {
  const stampFile = path.join(DIST_DIR, "bench-source-stamp");
  const stamp = sourceStamp();
  if (!force && existsSync(path.join(DIST_DIR, "BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) {
    console.log(`Reusing the build in ${DIST_DIR} (same source).`);
    return;
  }
  console.log(`Building into ${DIST_DIR} …`);
  execFileSync(process.execPath, [NEXT_BIN, "build"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1", ANTREAN_SKIP_BUILD_TYPECHECK: "1" },
  });
  mkdirSync(DIST_DIR, { recursive: true });
  writeFileSync(stampFile, stamp);
}

export type Server = { port: number; child: ChildProcess; stop: () => Promise<void> };

/**
 * `next start` on a port, with the given database environment; resolves once /api/health answers 200.
 * With `workers`, scripts/start-cluster.ts runs that many `next start` workers behind a node:cluster primary
 * (with `proxy`, the primary queues requests for `maxconn` connections per worker).
 */
export type Launcher = { workers?: number; proxy?: { maxconn: number; queueSeconds: number } };
export async function startServer(port: number, env: Record<string, string>, { workers, proxy }: Launcher = {}): Promise<Server> {
  const listen = ["-p", String(port), "-H", "127.0.0.1"];
  const queue = proxy ? ["--proxy", "--maxconn", String(proxy.maxconn), "--queue-timeout", String(proxy.queueSeconds)] : [];
  // BENCH_NODE_ARGS: Node options for the server(s), e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" (not allowed in NODE_OPTIONS).
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
  const command = [...nodeArgs, ...(workers ? ["--import", "tsx", CLUSTER_LAUNCHER, "--workers", String(workers), ...queue, ...listen] : [NEXT_BIN, "start", ...listen, "--keepAliveTimeout", "65000"])];
  const child = spawn(process.execPath, command, {
    env: {
      ...process.env,
      ...env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      ANTREAN_TRUST_PROXY: "1",
      // The benchmark measures the server; proof of work is the client's cost (and the server's is two HMACs).
      ANTREAN_POW: "off",
      ANTREAN_SECRET: "bench-secret-bench-secret-bench-secret-0123",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  await waitForHealth(`http://127.0.0.1:${port}/api/health`, child, () => log);
  return { port, child, stop: () => stopProcess(child) };
}

export async function waitForHealth(url: string, child: ChildProcess | null, log: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log()}`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer 200 within 120 s:\n${log()}`);
}

/** Stops a process group we started (SIGTERM, then SIGKILL after 10 s). */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((r) => child.once("exit", r));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // gone already
    }
  }, 10_000);
  await exited;
  clearTimeout(timer);
}

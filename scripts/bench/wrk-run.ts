import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const SCRIPT = path.resolve("scripts/bench/wrk.lua");

export type WrkResult = {
  requests: number;
  seconds: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  over2s: number;
  errors: { connect: number; read: number; write: number; timeout: number };
  statuses: Record<string, number>;
  /** CPU milliseconds per request (scripts/bench/cpu-sample.ts), when the run was measured so. */
  cpu?: { app: number; db: number; machine: number };
};

export type WrkLoad =
  | { mode: "get"; paths: string[] }
  | { mode: "book"; service: string; slots: string[]; same?: boolean };

let runNumber = 0;

/** One wrk run against `base`; every run gets people (NIKs, phones, addresses) no other run used. */
export async function runWrk(base: string, load: WrkLoad, opts: { connections: number; seconds: number; threads?: number }): Promise<WrkResult> {
  runNumber++;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BENCH_MODE: load.mode,
    BENCH_OFFSET: String(runNumber * 5_000_000),
  };
  if (load.mode === "get") env.BENCH_PATHS = load.paths.join("|");
  else {
    env.BENCH_SERVICE = load.service;
    env.BENCH_SLOTS = load.slots.join("|");
    if (load.same) env.BENCH_SAME = "1";
  }
  const threads = Math.min(opts.threads ?? 2, opts.connections);
  const { stdout } = await run(
    "/usr/bin/wrk",
    ["-t", String(threads), "-c", String(opts.connections), "-d", `${opts.seconds}s`, "--timeout", "30s", "-s", SCRIPT, base],
    { env, maxBuffer: 1 << 20 },
  );
  const line = stdout.split("\n").find((l) => l.startsWith("BENCH_JSON "));
  if (!line) throw new Error(`wrk printed no result:\n${stdout}`);
  return JSON.parse(line.slice("BENCH_JSON ".length)) as WrkResult;
}

export const perSecond = (r: WrkResult) => r.requests / r.seconds;

export function countStatus(r: WrkResult, test: (status: number) => boolean): number {
  return Object.entries(r.statuses).reduce((sum, [status, count]) => sum + (test(Number(status)) ? count : 0), 0);
}

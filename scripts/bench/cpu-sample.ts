import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU time, read from /proc around one wrk run: the app (every process in the servers' process groups),
 * PostgreSQL (every `postgres` process: backends, WAL writer, checkpointer) and the whole machine. Req/s on a
 * shared 2-core machine mostly measures the queue for a core; CPU milliseconds per request measure what a
 * request costs, and hold when other work runs beside the bench. Linux only.
 */
export type CpuSample = { app: number; db: number; machine: number };

const TICK_MS = 1000 / Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim() || 100);

/** utime + stime (ms), process group and command of every process. */
function processes(): { pgrp: number; comm: string; ms: number }[] {
  const out = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // gone
    }
    // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses, so split after the last ")".
    const close = stat.lastIndexOf(")");
    const comm = stat.slice(stat.indexOf("(") + 1, close);
    const fields = stat.slice(close + 2).split(" ");
    out.push({ pgrp: Number(fields[2]), comm, ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS });
  }
  return out;
}

function machineMs(): number {
  const line = readFileSync("/proc/stat", "utf8").split("\n").find((l) => l.startsWith("cpu "))!;
  // user nice system idle iowait irq softirq steal: everything but idle and iowait.
  const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  return (user! + nice! + system! + irq! + softirq! + (steal ?? 0)) * TICK_MS;
}

/** A reading now; `appGroups` are the process-group ids of the app's servers (each started detached). */
export function cpuNow(appGroups: number[]): CpuSample {
  let app = 0;
  let db = 0;
  for (const p of processes()) {
    if (appGroups.includes(p.pgrp)) app += p.ms;
    else if (p.comm === "postgres") db += p.ms;
  }
  return { app, db, machine: machineMs() };
}

/** Milliseconds of CPU per request between two readings. */
export function perRequest(before: CpuSample, after: CpuSample, requests: number): CpuSample {
  const per = (k: keyof CpuSample) => (requests > 0 ? (after[k] - before[k]) / requests : NaN);
  return { app: per("app"), db: per("db"), machine: per("machine") };
}

/**
 * Report time on a year of generated data. Run: `npm run bench:reports` (PostgreSQL at TEST_DATABASE_URL or
 * 127.0.0.1:5432; BENCH_PGLITE=0 skips the embedded database, BENCH_BOOKINGS sets the volume).
 *
 * Generates ≈60,000 bookings over 365 days in SQL (statuses, channels, services and counters mixed; calls for
 * every called visit; a survey sheet for one served visit in ten), then times getReport — the staff page's
 * and the API's whole query set — for a month by day and for the year by month, median of several runs.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import os from "node:os";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { aggregateQuota } from "@/lib/dal/reports/hours-quota";
import { aggregateIkm } from "@/lib/dal/reports/ikm";
import { getReport } from "@/lib/dal/reports/summary";
import { aggregateVisits } from "@/lib/dal/reports/visits";
import { setDatabaseHandleForTests } from "@/lib/db";
import { createTestOffice } from "@/tests/helpers/fixtures";
import { generate } from "./reports-data";

const adminUrl = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const BOOKINGS = Number(process.env.BENCH_BOOKINGS || 60_000);
const RUNS = 5;

/**
 * CPU time spent by this process and by the bench database's PostgreSQL backends (read from /proc when the
 * server runs on this machine; 0 otherwise). On a shared, loaded machine wall time mostly measures the
 * queue for a core; CPU time is the work the report costs, whatever the load.
 */
let backendPids: () => Promise<number[]> = async () => [];
const TICK_MS = 10; // USER_HZ = 100 on Linux
function procCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}
async function cpuNow(): Promise<number> {
  const pids = await backendPids();
  const own = process.cpuUsage();
  return pids.reduce((sum, pid) => sum + procCpuMs(pid), 0) + (own.user + own.system) / 1000;
}

async function time(label: string, run: () => Promise<unknown>): Promise<void> {
  await run(); // warm-up: plans, caches
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const cpuStart = await cpuNow();
    const start = performance.now();
    await run();
    ms.push(performance.now() - start);
    cpu.push((await cpuNow()) - cpuStart);
  }
  ms.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const median = (xs: number[]) => xs[Math.floor(RUNS / 2)]!.toFixed(0).padStart(5);
  console.log(`  ${label.padEnd(28)} median ${median(ms)} ms   max ${ms[RUNS - 1]!.toFixed(0).padStart(5)} ms   cpu (db + app) median ${median(cpu)} ms`);
}

async function bench(kind: string, handle: DatabaseHandle): Promise<void> {
  setDatabaseHandleForTests(handle);
  // PGlite runs inside this process: its work is in process.cpuUsage(). PostgreSQL: the database's backends.
  backendPids =
    kind === "PostgreSQL"
      ? async () => ((await handle.db.execute(sql`select pid from pg_stat_activity where datname = current_database()`)) as unknown as { pid: number }[]).map((r) => Number(r.pid))
      : async () => [];
  await handle.migrate();
  const t = await createTestOffice(handle.db);
  const started = performance.now();
  await generate(handle, t, BOOKINGS);
  const actor = { type: "system" } as const;
  console.log(`${kind}: ${BOOKINGS.toLocaleString("en")} bookings generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await time("month by day (June)", () => getReport(actor, { from: "2026-06-01", to: "2026-06-30", groupBy: "day", office: t.office.slug }));
  await time("year by month", () => getReport(actor, { from: "2026-01-01", to: "2026-12-31", groupBy: "month", office: t.office.slug }));
  await time("year by week", () => getReport(actor, { from: "2026-01-01", to: "2026-12-31", groupBy: "week", office: t.office.slug }));
  // The year's parts, one at a time (getReport runs them side by side).
  const year = { officeId: t.office.id, office: t.office, from: "2026-01-01", to: "2026-12-31", groupBy: "month" as const };
  await time("  part: visits and hours", () => aggregateVisits(handle.db, { ...year, hoursIn: t.office.timezone }));
  await time("  part: quota", () => aggregateQuota(handle.db, year));
  await time("  part: ikm", () => aggregateIkm(handle.db, year));
}

console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} on ${os.cpus().length} cores`);
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
const name = `antrean_bench_${randomBytes(4).toString("hex")}`;
await admin.unsafe(`create database ${name}`);
try {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ kind: "postgres", url: url.toString(), max: 10 });
  try {
    await bench("PostgreSQL", handle);
  } finally {
    await handle.close();
  }
} finally {
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
if (process.env.BENCH_PGLITE !== "0") {
  const handle = openDatabase({ kind: "pglite" });
  try {
    await bench("PGlite", handle);
  } finally {
    await handle.close();
  }
}

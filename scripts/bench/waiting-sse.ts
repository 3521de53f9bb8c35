/**
 * 1,000 open live pages on one production process: `next start` from the e2e build (run
 * `npx tsx scripts/e2e-build.ts` first) on a fresh PostgreSQL database, BENCH_CLIENTS event streams of
 * GET /api/v1/queue/{reference}/events (one per waiting citizen), then an operator's "call next" made from
 * this process. Reports the server's memory and CPU, and the delay from the call to the last page updated.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import postgres from "postgres";
import { openDatabase } from "@/db/client";
import { and, eq } from "drizzle-orm";
import { bookings, weeklySessions } from "@/db/schema";
import { callNext } from "@/lib/dal/queue/calls";
import { setDatabaseHandleForTests } from "@/lib/db";
import { createTestOffice } from "@/tests/helpers/fixtures";
import { actorOf, createTestStaff } from "@/tests/helpers/staff";

const CLIENTS = Number(process.env.BENCH_CLIENTS || 1000);
const PORT = Number(process.env.BENCH_PORT || 3950);
const DIST = process.env.E2E_DIST_DIR || ".next-e2e";
const adminUrl = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const name = `antrean_bench_waiting_${process.pid}`;
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const handle = openDatabase({ kind: "postgres", url: url.toString(), max: 5 });
let server: ReturnType<typeof spawn> | null = null;
try {
  await handle.migrate();
  setDatabaseHandleForTests(handle);
  const t = await createTestOffice(handle.db, { office: { dailyCap: CLIENTS + 10 } });
  const op = actorOf(await createTestStaff(handle.db, t.office.id));
  // The day runs until 23:59, so the app's end-of-day sweep leaves the waiting room alone while the bench runs.
  await handle.db.update(weeklySessions).set({ endsAt: "23:59" }).where(and(eq(weeklySessions.officeId, t.office.id), eq(weeklySessions.startsAt, "13:00")));
  // The waiting room, written directly: CLIENTS checked-in citizens of today.
  const now = new Date();
  const rows = Array.from({ length: CLIENTS }, (_, i) => ({
    officeId: t.office.id,
    serviceId: t.kk.id,
    serviceDate: localToday(),
    sessionStartsAt: "00:00",
    sessionEndsAt: "23:59",
    queueLetter: "C",
    queueSeq: i + 1,
    reference: benchReference(i),
    nikHash: `bench-${i}`,
    nikMasked: "3271********0001",
    fullName: null,
    phone: "+6281200000000",
    channel: "walk_in" as const,
    status: "checked_in" as const,
    checkedInAt: new Date(now.getTime() - (CLIENTS - i) * 1000),
    queueSortAt: new Date(now.getTime() - CLIENTS * 1000),
  }));
  for (let i = 0; i < rows.length; i += 200) await handle.db.insert(bookings).values(rows.slice(i, i + 200));

  server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "--hostname", "127.0.0.1", "--port", String(PORT)], {
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: DIST, ANTREAN_PUBLIC_URL: `http://127.0.0.1:${PORT}`, DATABASE_URL: url.toString(), NEXTAUTH_SECRET: "bench-nextauth-secret-bench-nextauth-secret-01", ANTREAN_SECRET: "bench-antrean-secret-bench-antrean-secret-0123" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 120 && !(await ok(`/api/v1/queue/${rows[0]!.reference}`)); i++) await sleep(500);
  const pid = server.pid!;
  const before = usage(pid);

  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  let updated = 0;
  let ended = 0;
  let lastAt = 0;
  let callAt = 0;
  const opened = rows.map(
    (r) =>
      new Promise<void>((resolve, reject) => {
        const req = http.get({ host: "127.0.0.1", port: PORT, path: `/api/v1/queue/${r.reference}/events`, agent }, (res) => {
          let seen = 0;
          res.setEncoding("utf8");
          res.on("end", () => ended++);
          res.on("data", (chunk: string) => {
            const before = seen;
            seen += chunk.split("event: status").length - 1;
            if (before === 0 && seen >= 1) resolve();
            // The first status after the call: this page has moved.
            if (callAt && before < 2 && seen >= 2) {
              updated++;
              lastAt = performance.now();
            }
          });
        });
        req.on("error", reject);
      }),
  );
  const t0 = performance.now();
  await Promise.all(opened);
  const openMs = performance.now() - t0;
  await sleep(2000);
  const idle = usage(pid);

  callAt = performance.now();
  await callNext(op, { counterNumber: 1 });
  for (let i = 0; i < 600 && updated < CLIENTS; i++) await sleep(50);
  const after = usage(pid);
  console.log(`waiting SSE: ${CLIENTS} open streams on one next start process (PostgreSQL)`);
  console.log(`  all streams open with their first status in ${(openMs / 1000).toFixed(1)} s`);
  console.log(`  server RSS: ${before.rssMb} MB before, ${idle.rssMb} MB with ${CLIENTS} streams open`);
  console.log(`  one call next → ${updated} of ${CLIENTS} pages updated; last after ${(lastAt - callAt).toFixed(0)} ms`);
  if (ended > 0) console.log(`  streams ended by the server: ${ended}`);
  console.log(`  server CPU for that update: ${((after.cpuMs - idle.cpuMs) / 1).toFixed(0)} ms`);
  agent.destroy();
} finally {
  if (server) server.kill("SIGTERM");
  await sleep(1000);
  await handle.close();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}

/** References from the real alphabet (lib/reference.ts), distinct per citizen. */
function benchReference(i: number): string {
  const alphabet = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
  let out = "";
  for (let n = i + 1, k = 0; k < 8; k++, n = Math.floor(n / alphabet.length)) out += alphabet[n % alphabet.length];
  return out;
}

function localToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date());
}

function usage(pid: number): { rssMb: number; cpuMs: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  const ticks = Number(stat[11]) + Number(stat[12]);
  return { rssMb: Math.round(rss), cpuMs: (ticks * 1000) / 100 };
}

async function ok(path: string): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${PORT}${path}`)).ok;
  } catch {
    return false;
  }
}

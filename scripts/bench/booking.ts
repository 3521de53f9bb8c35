/**
 * Booking throughput and latency, measured side by side in one run (machines are noisy: compare the
 * ratios). Run: `npm run bench` (needs PostgreSQL at TEST_DATABASE_URL or 127.0.0.1:5432).
 *
 *   spread       2,000 bookings over 7 dates × 6 sessions (little contention)
 *   one date     2,000 bookings on one date (every booking locks that day's counter row)
 *   one session  2,000 bookings into one session (day + session rows hot)
 *   burst        1,000 simultaneous bookings at a session of 40 (the 00:00 rush): drain time, exactly 40 booked
 *   pglite       the "one date" load on the embedded database (transactions serialised in-process)
 *   availability getAvailability for 7 days, on both databases
 */
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { citizen } from "@/lib/auth/actor";
import { getAvailability } from "@/lib/dal/availability";
import { createBooking } from "@/lib/dal/bookings";
import { addDays } from "@/lib/dates";
import { setDatabaseHandleForTests } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { createTranslator } from "@/lib/i18n/translate";
import { createTestOffice, makeNik, NOW, TOMORROW } from "@/tests/helpers/fixtures";

const adminUrl = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 50);
const actor = citizen("bench");
const ctx = { locale: "id" as const, now: NOW };
let person = 0;

function nextPerson() {
  person++;
  const birth = `19${String(50 + (person % 40)).padStart(2, "0")}-${String(1 + (person % 12)).padStart(2, "0")}-${String(1 + (person % 28)).padStart(2, "0")}`;
  return { nik: makeNik(birth, person % 2 ? "M" : "F", 1 + (person % 9999), `32710${1 + Math.floor(person / 9999) % 9}`), phone: `+62813${String(10_000_000 + person)}` };
}

async function withPostgres<T>(fn: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const name = `antrean_bench_${randomBytes(4).toString("hex")}`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ kind: "postgres", url: url.toString(), max: 20 });
  try {
    await handle.migrate();
    return await fn(handle);
  } finally {
    await handle.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function withPglite<T>(fn: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = openDatabase({ kind: "pglite" });
  try {
    await handle.migrate();
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

type Run = { label: string; perSecond: number; p50: number; p95: number; booked: number; refused: number; ms: number };

/** Runs `total` bookings with at most CONCURRENCY in flight; slot(i) picks the date and session. */
async function load(label: string, handle: DatabaseHandle, total: number, slot: (i: number) => { date: string; session: string }, concurrency = CONCURRENCY): Promise<Run> {
  setDatabaseHandleForTests(handle);
  const office = await createTestOffice(handle.db, { sessionCapacity: 100_000, office: { dailyCap: 1_000_000, phoneDailyLimit: 50 } });
  const latencies: number[] = [];
  let booked = 0;
  let refused = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const p = nextPerson();
        const t0 = performance.now();
        try {
          await createBooking(actor, { office: office.office.slug, service: "kk", ...slot(i), nik: p.nik, name: "Bench", phone: p.phone }, ctx);
          booked++;
        } catch (error) {
          if (!isAppError(error)) throw error;
          refused++;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const ms = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const pct = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { label, perSecond: (total / ms) * 1000, p50: pct(0.5), p95: pct(0.95), booked, refused, ms };
}

async function burst(handle: DatabaseHandle): Promise<Run> {
  setDatabaseHandleForTests(handle);
  const office = await createTestOffice(handle.db, { sessionCapacity: 40 });
  const started = performance.now();
  const results = await Promise.allSettled(
    Array.from({ length: 1000 }, () => {
      const p = nextPerson();
      return createBooking(actor, { office: office.office.slug, service: "kk", date: TOMORROW, session: "08:00", nik: p.nik, name: "Bench", phone: p.phone }, ctx);
    }),
  );
  const ms = performance.now() - started;
  const booked = results.filter((r) => r.status === "fulfilled").length;
  return { label: "burst 1000 → cap 40", perSecond: (1000 / ms) * 1000, p50: NaN, p95: NaN, booked, refused: 1000 - booked, ms };
}

async function availability(handle: DatabaseHandle, label: string) {
  setDatabaseHandleForTests(handle);
  const office = await createTestOffice(handle.db);
  const t = createTranslator("id");
  const iterations = 200;
  const started = performance.now();
  for (let i = 0; i < iterations; i++) await getAvailability({ officeSlug: office.office.slug, serviceSlug: "kk", t, now: NOW });
  return { label, msPerCall: (performance.now() - started) / iterations };
}

const SESSIONS = ["08:00", "09:00", "10:00", "11:00", "12:00", "13:00"];
const runs: Run[] = [];
await withPostgres(async (h) => {
  runs.push(await load("postgres spread (7 dates × 6 sessions)", h, 2000, (i) => ({ date: addDays(TOMORROW, i % 7), session: SESSIONS[Math.floor(i / 7) % 6]! })));
  runs.push(await load("postgres one date (6 sessions)", h, 2000, (i) => ({ date: TOMORROW, session: SESSIONS[i % 6]! })));
  runs.push(await load("postgres one session", h, 2000, () => ({ date: TOMORROW, session: "08:00" })));
  runs.push(await burst(h));
});
await withPglite(async (h) => {
  runs.push(await load("pglite one date (6 sessions)", h, 1000, (i) => ({ date: TOMORROW, session: SESSIONS[i % 6]! })));
});
const reads = [await withPostgres((h) => availability(h, "postgres")), await withPglite((h) => availability(h, "pglite"))];

const base = runs[0]!.perSecond;
console.log(`\nBooking throughput (concurrency ${CONCURRENCY}, pool 20; each booking = one transaction with its counter rows, queue number, row and audit row)\n`);
console.log("scenario".padEnd(40), "bookings/s".padStart(11), "ratio".padStart(7), "p50 ms".padStart(8), "p95 ms".padStart(8), "booked".padStart(7), "refused".padStart(8));
for (const r of runs) {
  console.log(
    r.label.padEnd(40),
    r.perSecond.toFixed(0).padStart(11),
    (r.perSecond / base).toFixed(2).padStart(7),
    (Number.isNaN(r.p50) ? "-" : r.p50.toFixed(1)).padStart(8),
    (Number.isNaN(r.p95) ? "-" : r.p95.toFixed(1)).padStart(8),
    String(r.booked).padStart(7),
    String(r.refused).padStart(8),
  );
}
console.log(`\nburst drained in ${runs.find((r) => r.label.startsWith("burst"))!.ms.toFixed(0)} ms`);
console.log("\nAvailability (7 days, one service):");
for (const r of reads) console.log(`  ${r.label.padEnd(10)} ${r.msPerCall.toFixed(2)} ms per call`);

/**
 * Report time on a year of generated data. Run: `npm run bench:reports` (PostgreSQL at TEST_DATABASE_URL or
 * 127.0.0.1:5432; BENCH_PGLITE=0 skips the embedded database, BENCH_BOOKINGS sets the volume).
 *
 * Generates ≈60,000 bookings over 365 days in SQL (statuses, channels, services and counters mixed; calls for
 * every called visit; a survey sheet for one served visit in ten), then times getReport — the staff page's
 * and the API's whole query set — for a month by day and for the year by month, median of several runs.
 */
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { aggregateHours, aggregateQuota } from "@/lib/dal/reports/hours-quota";
import { aggregateIkm } from "@/lib/dal/reports/ikm";
import { getReport } from "@/lib/dal/reports/summary";
import { aggregateVisits } from "@/lib/dal/reports/visits";
import { setDatabaseHandleForTests } from "@/lib/db";
import { createTestOffice, type TestOffice } from "@/tests/helpers/fixtures";

const adminUrl = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const BOOKINGS = Number(process.env.BENCH_BOOKINGS || 60_000);
const RUNS = 5;

async function generate(handle: DatabaseHandle, t: TestOffice): Promise<void> {
  const [c1, c2] = t.counterIds;
  await handle.db.execute(sql`
    insert into bookings (reference, office_id, service_id, service_date, session_starts_at, session_ends_at, queue_letter, queue_seq,
                          status, channel, nik_masked, checked_in_at, called_at, serving_started_at, finished_at, cancelled_at, counter_id, created_at)
    select 'R' || lpad(g::text, 7, '0'), ${t.office.id}, (array[${t.ktp.id}, ${t.kia.id}, ${t.kk.id}]::uuid[])[1 + g % 3],
           d, s, s + interval '1 hour', (array['A', 'B', 'C'])[1 + g % 3], g,
           st::booking_status, (array['online', 'online', 'online', 'assisted', 'walk_in'])[1 + g % 5]::booking_channel, '3271********0001',
           case when st in ('done', 'no_show', 'checked_in') then arrive end,
           case when st in ('done', 'no_show') then arrive + (g % 40) * interval '1 minute' end,
           case when st = 'done' then arrive + (g % 40 + 1) * interval '1 minute' end,
           case when st = 'done' then arrive + (g % 40 + 5 + g % 17) * interval '1 minute' end,
           case when st = 'cancelled' then created - interval '1 hour' end,
           case when st in ('done', 'no_show') then (array[${c1}, ${c2}]::uuid[])[1 + g % 2] end,
           created
    from generate_series(1, ${BOOKINGS}) g,
         lateral (select date '2026-01-01' + (g % 365) as d, time '08:00' + (g % 6) * interval '1 hour' as s) x,
         lateral (select (array['done','done','done','done','done','done','done','done','done','done','done','done','done','done',
                                'no_show','expired','cancelled','cancelled','booked','checked_in'])[1 + g % 20] as st,
                         ((d + s)::timestamp at time zone 'Asia/Jakarta') + (g % 50) * interval '1 minute' as arrive,
                         ((d - 1 + time '09:00')::timestamp at time zone 'Asia/Jakarta') + (g % 600) * interval '1 second' as created) y
  `);
  await handle.db.execute(sql`
    insert into calls (office_id, booking_id, counter_id, kind, called_at)
    select office_id, id, counter_id, 'call', called_at from bookings where office_id = ${t.office.id} and called_at is not null
  `);
  await handle.db.execute(sql`
    insert into survey_responses (office_id, booking_id, service_id, counter_id, service_date, u1, u2, u3, u4, u5, u6, u7, u8, u9)
    select office_id, id, service_id, counter_id, service_date, 3 + queue_seq % 2, 3, 2 + queue_seq % 3, 4, 3, 3 + queue_seq % 2, 4, 2 + queue_seq % 2, 3
    from bookings where office_id = ${t.office.id} and status = 'done' and queue_seq % 10 = 0
  `);
  await handle.db.execute(sql`analyze`);
}

async function time(label: string, run: () => Promise<unknown>): Promise<void> {
  await run(); // warm-up: plans, caches
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  console.log(`  ${label.padEnd(28)} median ${ms[Math.floor(RUNS / 2)]!.toFixed(0).padStart(5)} ms   max ${ms[RUNS - 1]!.toFixed(0).padStart(5)} ms`);
}

async function bench(kind: string, handle: DatabaseHandle): Promise<void> {
  setDatabaseHandleForTests(handle);
  await handle.migrate();
  const t = await createTestOffice(handle.db);
  const started = performance.now();
  await generate(handle, t);
  const actor = { type: "system" } as const;
  console.log(`${kind}: ${BOOKINGS.toLocaleString("en")} bookings generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await time("month by day (June)", () => getReport(actor, { from: "2026-06-01", to: "2026-06-30", groupBy: "day", office: t.office.slug }));
  await time("year by month", () => getReport(actor, { from: "2026-01-01", to: "2026-12-31", groupBy: "month", office: t.office.slug }));
  await time("year by week", () => getReport(actor, { from: "2026-01-01", to: "2026-12-31", groupBy: "week", office: t.office.slug }));
  // The year's parts, one at a time (getReport runs them side by side).
  const year = { officeId: t.office.id, office: t.office, from: "2026-01-01", to: "2026-12-31", groupBy: "month" as const };
  await time("  part: visits", () => aggregateVisits(handle.db, year));
  await time("  part: hours", () => aggregateHours(handle.db, year));
  await time("  part: quota", () => aggregateQuota(handle.db, year));
  await time("  part: ikm", () => aggregateIkm(handle.db, year));
}

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

import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { DEMO_OFFICE_SLUG, seedDatabase } from "@/db/seed/seed";
import { bookableDateRange } from "@/lib/booking-window";
import { addDays, daysBetween } from "@/lib/dates";

export const ADMIN_URL = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
export const RUSH_SESSION = "08:00";
export const FULL_SESSION = "09:00";
const HOURLY = ["08:00", "09:00", "10:00", "11:00", "12:00", "13:00"];

/** The dates the benchmark uses: spread bookings over all but the last; the rush and "full" on the last. */
export type BenchPlan = { dates: string[]; rushDate: string; rushPlaces: number };

export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  const name = `antrean_bench_${randomBytes(4).toString("hex")}`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * Migrates and seeds the demo office, then opens every day of the week with hourly sessions and caps no
 * one reaches (so the spread bookings all succeed) — except the last bookable date, whose 08:00 session
 * has `rushPlaces` places (the rush) and whose 09:00 session has one (the "full" case, filled by the caller).
 */
export async function prepareBenchDatabase(handle: DatabaseHandle, rushPlaces: number, now = new Date()): Promise<BenchPlan> {
  const { db } = handle;
  await handle.migrate();
  await seedDatabase(db, { now, withDemoStaff: false });
  await db.execute(sql`update offices set open_weekdays = '{1,2,3,4,5,6,7}', daily_cap = 10000000, walk_in_reserve_percent = 0,
    observes_national_holidays = false, phone_daily_limit = 50 where slug = ${DEMO_OFFICE_SLUG}`);
  const [office] = rowsOf(
    await db.execute(sql`select id, timezone, booking_days_ahead, booking_opens_at, booking_cutoff_days_before,
      booking_cutoff_at from offices where slug = ${DEMO_OFFICE_SLUG}`),
  ) as Record<string, string>[];
  const id = office!.id!;
  await db.execute(sql`delete from date_overrides where office_id = ${id}`);
  await db.execute(sql`delete from weekly_sessions where office_id = ${id}`);
  for (let weekday = 1; weekday <= 7; weekday++) {
    for (const start of HOURLY) {
      await db.execute(sql`insert into weekly_sessions (office_id, weekday, starts_at, ends_at, capacity)
        values (${id}, ${weekday}, ${start}, ${`${String(Number(start.slice(0, 2)) + 1).padStart(2, "0")}:00`}, 1000000)`);
    }
  }
  await db.execute(sql`update services set daily_cap = null where office_id = ${id}`);
  const range = bookableDateRange(now, {
    timezone: office!.timezone!,
    bookingDaysAhead: Number(office!.booking_days_ahead),
    bookingOpensAt: office!.booking_opens_at!,
    bookingCutoffDaysBefore: Number(office!.booking_cutoff_days_before),
    bookingCutoffAt: office!.booking_cutoff_at!,
  });
  const dates = Array.from({ length: daysBetween(range.from, range.to) + 1 }, (_, i) => addDays(range.from, i));
  const rushDate = dates.at(-1)!;
  await db.execute(sql`insert into session_capacity_overrides (office_id, date, starts_at, capacity)
    values (${id}, ${rushDate}, ${RUSH_SESSION}, ${rushPlaces}), (${id}, ${rushDate}, ${FULL_SESSION}, 1)`);
  return { dates, rushDate, rushPlaces };
}

/** Active bookings in one session: the exact count after the rush. */
export async function countBooked(handle: DatabaseHandle, date: string, session: string): Promise<number> {
  const result = await handle.db.execute(sql`select count(*)::int as n from bookings where service_date = ${date}
    and session_starts_at = ${session}::time and status in ('booked', 'checked_in', 'called', 'serving')`);
  return rowsOf(result)[0]!.n as number;
}

export function rowsOf(result: unknown): Record<string, unknown>[] {
  return Array.isArray(result) ? (result as Record<string, unknown>[]) : ((result as { rows: Record<string, unknown>[] }).rows ?? []);
}

export function openBenchDatabase(kind: "postgres" | "pglite", target: string): DatabaseHandle {
  return kind === "postgres" ? openDatabase({ kind, url: target, max: 2 }) : openDatabase({ kind, dataDir: target });
}

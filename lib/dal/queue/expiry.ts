import "server-only";
import { and, eq, inArray, lt, lte, or, type SQL } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { bookings, offices, type Office } from "@/db/schema";
import { SYSTEM } from "../../auth/actor";
import { missedCutoff } from "../../check-in-window";
import { localDate, zonedInstant } from "../../dates";
import { getDb } from "../../db";
import { QUEUE_TRANSITIONS } from "../../queue-transitions";
import { loadDayPlan } from "../calendar";
import { changeBookings, type BulkChange } from "../change-booking";
import type { CommandOptions } from "../command-options";

export type ExpiryResult = { noShows: number; expired: number };

/** Bookings moved per statement (`batch`, smaller in tests); a backlog (say, after days without a server) takes several. */
const SWEEP_BATCH = 500;

/**
 * The system's sweep, run every minute by every app instance (see lib/maintenance.ts):
 * - bookings still "booked" once their session and the check-in grace are over become no-shows
 *   (the transition table's `miss`);
 * - citizens still checked in or called once the office's last session and the grace are over expire
 *   (`expire`).
 * Both through `changeBookings`, as every bulk change: per office one transaction, in batches of one
 * SELECT … FOR UPDATE SKIP LOCKED, one UPDATE and one INSERT of the audit rows (from/to, actor "system"),
 * and the office's queue event. Idempotent and safe to run twice at once: rows another sweep (or an
 * operator) holds are skipped and taken a minute later if still due, and the status is re-checked under
 * the lock, so a booking moves (and is audited) once.
 * Places are not released: they belong to sessions that have ended, which no channel can book any more,
 * so giving them back would only make the day's usage figures wrong.
 */
export async function expireMissedBookings({ now = new Date(), batch = SWEEP_BATCH }: CommandOptions & { batch?: number } = {}): Promise<ExpiryResult> {
  const db = await getDb();
  const all = await db.select().from(offices);
  const total: ExpiryResult = { noShows: 0, expired: 0 };
  for (const office of all) {
    const dayEnd = await lastSessionEnd(office, now);
    const result = await db.transaction(async (tx) => {
      const scope = { tx, office, now, batch };
      const noShows = await sweep(scope, {
        where: noShowsDue(office, now),
        action: "miss",
        set: { noShowAt: now },
        audit: "booking.no_show_expired",
        details: () => ({ reason: "not_checked_in" }),
      });
      const expired = await sweep(scope, { where: openEntriesDue(office, now, dayEnd), action: "expire", audit: "queue.expired", details: () => ({ reason: "end_of_day" }) });
      return { noShows, expired };
    });
    total.noShows += result.noShows;
    total.expired += result.expired;
  }
  return total;
}

/** Moves every due row the sweep can lock, a batch at a time; a moved row no longer matches `where`. */
async function sweep(scope: { tx: Transaction; office: Office; now: Date; batch: number }, spec: Pick<BulkChange, "action" | "set" | "audit" | "details"> & { where: SQL }): Promise<number> {
  let moved = 0;
  for (;;) {
    const batch = await changeBookings(SYSTEM, scope, { ...spec, limit: scope.batch, skipLocked: true });
    moved += batch.length;
    if (batch.length < scope.batch) return moved;
  }
}

function noShowsDue(office: Office, now: Date): SQL {
  const cutoff = missedCutoff(now, office);
  return and(
    inArray(bookings.status, [...QUEUE_TRANSITIONS.miss.from]),
    or(lt(bookings.serviceDate, cutoff.date), and(eq(bookings.serviceDate, cutoff.date), lte(bookings.sessionEndsAt, cutoff.time))),
  )!;
}

function openEntriesDue(office: Office, now: Date, dayEnd: Date): SQL {
  const today = localDate(now, office.timezone);
  const dayOver = now.getTime() >= dayEnd.getTime() + office.checkInGraceMinutes * 60_000;
  return and(inArray(bookings.status, [...QUEUE_TRANSITIONS.expire.from]), dayOver ? lte(bookings.serviceDate, today) : lt(bookings.serviceDate, today))!;
}

/** The end of today's last planned session; a closed day (e.g. a holiday declared late) ends at midnight. */
async function lastSessionEnd(office: Office, now: Date): Promise<Date> {
  const today = localDate(now, office.timezone);
  const plan = await loadDayPlan(await getDb(), office, today);
  const end = plan.open && plan.sessions.length > 0 ? plan.sessions.map((s) => s.end).sort().at(-1)! : "23:59";
  return zonedInstant(today, end, office.timezone);
}

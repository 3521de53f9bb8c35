import "server-only";
import { and, eq, inArray, lt, lte, or, type SQL } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { auditLogs, bookings, offices, type Office } from "@/db/schema";
import { SYSTEM } from "../../auth/actor";
import { missedCutoff } from "../../check-in-window";
import { localDate, zonedInstant } from "../../dates";
import { getDb } from "../../db";
import { QUEUE_TRANSITIONS } from "../../queue-transitions";
import { loadDayPlan } from "../calendar";
import { publishQueueEvent } from "../queue-events";

export type ExpiryResult = { noShows: number; expired: number };

/**
 * The system's sweep, run every minute by every app instance (see instrumentation.ts):
 * - bookings still "booked" once their session and the check-in grace are over become no-shows;
 * - citizens still checked in or called once the office's last session and the grace are over expire.
 * Per office and kind, one UPDATE … RETURNING and one INSERT of their audit rows, in one transaction.
 * Idempotent and safe to run twice at once: rows are claimed with FOR UPDATE SKIP LOCKED and the status
 * is re-checked under the lock, so a booking moves (and is audited) once.
 * Places are not released: they belong to sessions that have ended, which no channel can book any more,
 * so giving them back would only make the day's usage figures wrong.
 */
export async function expireMissedBookings({ now = new Date() }: { now?: Date } = {}): Promise<ExpiryResult> {
  const db = await getDb();
  const all = await db.select().from(offices);
  const total: ExpiryResult = { noShows: 0, expired: 0 };
  for (const office of all) {
    const dayEnd = await lastSessionEnd(office, now);
    const result = await db.transaction(async (tx) => {
      const noShows = await sweepNoShows(tx, office, now);
      const expired = await sweepOpenEntries(tx, office, now, dayEnd);
      if (noShows + expired > 0) await publishQueueEvent(tx, { officeId: office.id, kind: "update", at: now.toISOString() });
      return { noShows, expired };
    });
    total.noShows += result.noShows;
    total.expired += result.expired;
  }
  return total;
}

async function sweepNoShows(tx: Transaction, office: Office, now: Date): Promise<number> {
  const cutoff = missedCutoff(now, office);
  const due = and(
    eq(bookings.officeId, office.id),
    inArray(bookings.status, [...QUEUE_TRANSITIONS.miss.from]),
    or(lt(bookings.serviceDate, cutoff.date), and(eq(bookings.serviceDate, cutoff.date), lte(bookings.sessionEndsAt, cutoff.time))),
  )!;
  const rows = await tx
    .update(bookings)
    .set({ status: QUEUE_TRANSITIONS.miss.to, noShowAt: now, updatedAt: now })
    .where(and(due, inArray(bookings.id, unlocked(tx, due))))
    .returning({ id: bookings.id });
  await auditAll(tx, office, rows, "booking.no_show_expired", { reason: "not_checked_in" });
  return rows.length;
}

async function sweepOpenEntries(tx: Transaction, office: Office, now: Date, dayEnd: Date): Promise<number> {
  const today = localDate(now, office.timezone);
  const dayOver = now.getTime() >= dayEnd.getTime() + office.checkInGraceMinutes * 60_000;
  const due = and(
    eq(bookings.officeId, office.id),
    inArray(bookings.status, [...QUEUE_TRANSITIONS.expire.from]),
    dayOver ? lte(bookings.serviceDate, today) : lt(bookings.serviceDate, today),
  )!;
  const rows = await tx
    .update(bookings)
    .set({ status: QUEUE_TRANSITIONS.expire.to, updatedAt: now })
    .where(and(due, inArray(bookings.id, unlocked(tx, due))))
    .returning({ id: bookings.id });
  await auditAll(tx, office, rows, "queue.expired", { reason: "end_of_day" });
  return rows.length;
}

/**
 * The due rows nobody holds: a second instance sweeping at the same moment, or an operator moving one of
 * them, keeps its rows and this sweep takes the rest, so two sweeps never wait on (or deadlock with) each
 * other; a row skipped now is taken a minute later if it is still due.
 */
function unlocked(tx: Transaction, due: SQL) {
  return tx.select({ id: bookings.id }).from(bookings).where(due).for("update", { skipLocked: true });
}

/** The end of today's last planned session; a closed day (e.g. a holiday declared late) ends at midnight. */
async function lastSessionEnd(office: Office, now: Date): Promise<Date> {
  const today = localDate(now, office.timezone);
  const plan = await loadDayPlan(await getDb(), office, today);
  const end = plan.open && plan.sessions.length > 0 ? plan.sessions.map((s) => s.end).sort().at(-1)! : "23:59";
  return zonedInstant(today, end, office.timezone);
}

async function auditAll(tx: Transaction, office: Office, rows: { id: string }[], action: string, details: Record<string, unknown>): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(auditLogs).values(
    rows.map((r) => ({ officeId: office.id, actorType: SYSTEM.type, action, bookingId: r.id, details })),
  );
}

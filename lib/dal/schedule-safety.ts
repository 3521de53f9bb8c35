import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { bookings, capacityUsages, dateOverrides, weeklySessions, type Booking, type Office } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { isoWeekday, normalizeTime } from "../dates";
import { AppError } from "../errors";
import { formatPhoneLocal, phoneForWhatsApp } from "../phone";
import { formatQueueNumber, formatReference } from "../reference";
import type { OnConflict } from "../validation/schedule";
import { createTranslator } from "../i18n/translate";
import { loadDayPlan } from "./calendar";
import { cancelWithPriorityRebooking, type PublicReason } from "./priority-rebooking";

const CLOSURE_ACTIONS = new Set(["schedule.close", "schedule.import_closures", "schedule.weekly_remove"]);

/** The public reason given to citizens whose booking a lower capacity cancels (a closure gives its own). */
function capacityReason(): PublicReason {
  return { id: createTranslator("id")("schedule.reason.capacity"), en: createTranslator("en")("schedule.reason.capacity") };
}

/** A cap a schedule change sets: a date's day (no `session`) or one session (`HH:MM`); 0 closes it. */
export type CapTarget = { date: string; session?: string; capacity: number };

/** What staff need to contact a citizen whose booking a change touches; never the NIK. */
export type AffectedBooking = {
  reference: string;
  referenceDisplay: string;
  queueNumber: string;
  name: string;
  phone: string | null;
  whatsapp: string | null;
  date: string;
  session: string;
};

/** 409 `below_booked`: the change would leave more bookings than places; `affected` are the ones it would cancel. */
export class BelowBookedError extends AppError {
  constructor(
    readonly booked: number,
    readonly affected: AffectedBooking[],
  ) {
    super("below_booked", "schedule.error.belowBooked", { params: { booked } });
  }
}

function toAffected(b: Booking): AffectedBooking {
  return {
    reference: b.reference,
    referenceDisplay: formatReference(b.reference),
    queueNumber: formatQueueNumber(b.queueLetter, b.queueSeq),
    name: b.fullName ?? "",
    phone: b.phone ? formatPhoneLocal(b.phone) : null,
    whatsapp: b.phone ? `https://wa.me/${phoneForWhatsApp(b.phone)}` : null,
    date: b.serviceDate,
    session: b.sessionStartsAt.slice(0, 5),
  };
}

const matches = (b: Booking, t: CapTarget) => b.serviceDate === t.date && (!t.session || b.sessionStartsAt.slice(0, 5) === t.session);

/**
 * The safety rule of every schedule change, inside its transaction and before it writes: the bookings not
 * yet arrived on the dates are locked first (a citizen cancelling locks the booking, then the counters:
 * the same order), then each target's counter row, so no booking slips in between the count and the
 * change. Where a new cap is below what is booked, nothing changes without `onConflict`
 * (BelowBookedError with the bookings that would go, latest made first); `keep` keeps them, and
 * `cancel_and_rebook` cancels them with priority rebooking (`cancelWithPriorityRebooking`): their places
 * go back, each gets an audit row, a 72 h priority token and one notice with the reason and the link.
 */
export async function settleBookings(
  tx: Executor,
  office: Office,
  actor: Actor,
  targets: CapTarget[],
  onConflict: OnConflict | undefined,
  context: { action: string; reason?: PublicReason | ((date: string) => PublicReason); now: Date },
): Promise<{ booked: number; cancelled: AffectedBooking[]; kept: AffectedBooking[] }> {
  const dates = [...new Set(targets.map((t) => t.date))].sort();
  if (dates.length === 0) return { booked: 0, cancelled: [], kept: [] };
  const activeOn = () => and(eq(bookings.officeId, office.id), inArray(bookings.serviceDate, dates), eq(bookings.status, "booked"));
  await tx.select({ id: bookings.id }).from(bookings).where(activeOn()).orderBy(asc(bookings.id)).for("update");

  // Counters in the bookings' own lock order: each date's day row, then its sessions.
  const used = new Map<string, number>();
  const ordered = [...targets].sort((a, b) => a.date.localeCompare(b.date) || (a.session ?? "").localeCompare(b.session ?? ""));
  for (const date of dates) used.set(keyOf({ date }), await lockCounter(tx, office.id, date));
  for (const t of ordered) if (t.session) used.set(keyOf(t), await lockCounter(tx, office.id, t.date, t.session));
  // Bookings that committed while we waited for the counters count there too: read again. A row another
  // transaction holds (a citizen cancelling or moving it) is left to that transaction.
  const held = await tx.select().from(bookings).where(activeOn()).orderBy(asc(bookings.id)).for("update", { skipLocked: true });

  // Latest bookings go first; a session's excess also counts towards its day's.
  const candidates = [...held].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.queueSeq - a.queueSeq);
  const picked = new Set<Booking>();
  let booked = 0;
  const over = ordered.filter((t) => (used.get(keyOf(t)) ?? 0) > t.capacity).sort((a, b) => Number(!a.session) - Number(!b.session));
  for (const t of over) {
    const count = used.get(keyOf(t))!;
    booked = Math.max(booked, count);
    let need = count - t.capacity - [...picked].filter((b) => matches(b, t)).length;
    for (const b of candidates) {
      if (need <= 0) break;
      if (!picked.has(b) && matches(b, t)) {
        picked.add(b);
        need--;
      }
    }
  }
  const affected = [...picked].sort((a, b) => a.serviceDate.localeCompare(b.serviceDate) || a.sessionStartsAt.localeCompare(b.sessionStartsAt) || a.queueSeq - b.queueSeq);
  if (over.length === 0) return { booked: 0, cancelled: [], kept: [] };
  if (!onConflict) throw new BelowBookedError(booked, affected.map(toAffected));
  if (onConflict === "keep") return { booked, cancelled: [], kept: affected.map(toAffected) };

  // Cancelled citizens get priority rebooking (72 h, ahead of the normal quota) and one notice with the
  // reason and their rebooking link, in this same transaction (lib/dal/priority-rebooking.ts).
  const reasonOf = (date: string) => (typeof context.reason === "function" ? context.reason(date) : (context.reason ?? capacityReason()));
  const byReason = new Map<string, { reason: PublicReason; ids: string[] }>();
  for (const b of affected) {
    const reason = reasonOf(b.serviceDate);
    const group = byReason.get(JSON.stringify(reason)) ?? { reason, ids: [] };
    group.ids.push(b.id);
    byReason.set(JSON.stringify(reason), group);
  }
  const done = [];
  for (const { reason, ids } of byReason.values()) {
    const source = CLOSURE_ACTIONS.has(context.action) ? "closure" : "capacity";
    done.push(...(await cancelWithPriorityRebooking(tx, { officeId: office.id, bookingIds: ids, source, reason, actor, now: context.now, details: { by: context.action } })));
  }
  const cancelledIds = new Set(done.map((c) => c.bookingId));
  return { booked, cancelled: affected.filter((b) => cancelledIds.has(b.id)).map(toAffected), kept: [] };
}

function keyOf(t: { date: string; session?: string }): string {
  return `${t.date}|${t.session ?? ""}`;
}

/** Creates (used 0) or locks a day or session counter row and returns what it counts. */
async function lockCounter(tx: Executor, officeId: string, date: string, session?: string): Promise<number> {
  const [row] = await tx
    .insert(capacityUsages)
    .values({ officeId, serviceDate: date, scope: session ? "session" : "day", scopeKey: session ?? "", used: 0 })
    .onConflictDoUpdate({
      target: [capacityUsages.officeId, capacityUsages.serviceDate, capacityUsages.scope, capacityUsages.scopeKey],
      set: { used: sql`${capacityUsages.used}` },
    })
    .returning({ used: capacityUsages.used });
  return row!.used;
}

/**
 * Writes the dates' caps onto their counter rows as `ceiling` (migration 0014), from the plan as this
 * transaction sees it: a closed date 0, a date with its own cap that cap, each session its capacity. A
 * booking that read the old cap a moment ago (read cache, another instance) is then still refused past
 * the new one by the database. Dates without an override keep no day ceiling (the office's cap applies).
 */
export async function syncCeilings(tx: Executor, office: Office, dates: string[]): Promise<void> {
  const template = await tx.select().from(weeklySessions).where(eq(weeklySessions.officeId, office.id));
  for (const date of [...new Set(dates)].sort()) {
    const plan = await loadDayPlan(tx, office, date);
    const [override] = await tx
      .select()
      .from(dateOverrides)
      .where(and(eq(dateOverrides.officeId, office.id), eq(dateOverrides.date, date)));
    const dayCeiling = override ? (plan.open ? (override.dailyCap ?? null) : 0) : null;
    await setCeiling(tx, office.id, date, "day", "", dayCeiling);
    const starts = new Set(template.filter((s) => s.weekday === isoWeekday(date)).map((s) => normalizeTime(s.startsAt)));
    const sessions = new Map(plan.open ? plan.sessions.map((s) => [s.start, s.capacity]) : []);
    for (const start of new Set([...starts, ...sessions.keys()])) {
      await setCeiling(tx, office.id, date, "session", start, plan.open ? (sessions.get(start) ?? 0) : null);
    }
  }
}

async function setCeiling(tx: Executor, officeId: string, date: string, scope: "day" | "session", scopeKey: string, ceiling: number | null): Promise<void> {
  if (ceiling === null) {
    await tx
      .update(capacityUsages)
      .set({ ceiling: null })
      .where(and(eq(capacityUsages.officeId, officeId), eq(capacityUsages.serviceDate, date), eq(capacityUsages.scope, scope), eq(capacityUsages.scopeKey, scopeKey)));
    return;
  }
  await tx
    .insert(capacityUsages)
    .values({ officeId, serviceDate: date, scope, scopeKey, used: 0, ceiling })
    .onConflictDoUpdate({
      target: [capacityUsages.officeId, capacityUsages.serviceDate, capacityUsages.scope, capacityUsages.scopeKey],
      set: { ceiling },
    });
}

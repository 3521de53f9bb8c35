import "server-only";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Executor, Transaction } from "@/db/client";
import { bookings, calls, counters, type Booking, type Counter, type Office } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { assertCan, type Permission } from "../auth/permissions";
import { localDate } from "../dates";
import { getDb } from "../db";
import { AppError, notFound } from "../errors";
import type { Locale, MessageKey } from "../i18n/messages";
import { verifyManageToken } from "../manage-token";
import { assertTransition, canTransition, QUEUE_TRANSITIONS, type QueueAction } from "../queue-transitions";
import { formatQueueNumber } from "../reference";
import { writeAudit, writeAudits } from "./audit";
import { withDefaults, type CommandOptions } from "./command-options";
import { selectEntry, type QueueEntryDTO } from "./booking-dto";
import { provesNik } from "./booking-rules";
import { requireOfficeById } from "./offices";
import { publishQueueEvent, type QueueEvent } from "./queue-events";


/** Proof that a citizen may change a booking: its NIK, or a manage token issued after the NIK was checked. */
export type Ownership = { nik: string; phoneLast4?: string } | { manageToken: string };

/** The condition "this reference, and the caller proved the NIK"; never true for a bad proof. */
export function ownedBy(reference: string, proof: Ownership, now: Date): SQL {
  const byReference = eq(bookings.reference, reference);
  if ("nik" in proof) return and(byReference, provesNik(proof))!;
  return verifyManageToken(proof.manageToken, reference, now) ? byReference : sql`false`;
}

export type Locked = { tx: Transaction; booking: Booking; office: Office; now: Date };

export type Change = {
  set?: Partial<typeof bookings.$inferInsert>;
  audit: string;
  details?: Record<string, unknown>;
  /** A `calls` row and a call/recall event; without it the change publishes an "update". */
  call?: { counter: Counter; kind: "call" | "recall" };
};

/**
 * The one locker: locks one booking row for the rest of the transaction, so two people (two operators,
 * an operator and the sweep, a citizen and the desk) cannot both move it: the second waits, then sees the
 * first one's result.
 */
export async function lockBooking(tx: Executor, where: SQL): Promise<Booking | null> {
  const [row] = await tx.select().from(bookings).where(where).for("update");
  return row ?? null;
}

/** Updates the locked booking to `to`, records the call, writes the audit row and publishes the event. */
export async function applyChange(actor: Actor, locked: Locked, to: Booking["status"], change: Change): Promise<Booking> {
  const { tx, booking, office, now } = locked;
  const [updated] = await tx
    .update(bookings)
    .set({ ...change.set, status: to, updatedAt: now })
    .where(eq(bookings.id, booking.id))
    .returning();
  const counter = change.call?.counter ?? (updated!.counterId ? await findCounter(tx, updated!.counterId) : null);
  if (change.call) {
    await tx.insert(calls).values({ officeId: office.id, bookingId: booking.id, counterId: change.call.counter.id, kind: change.call.kind, calledAt: now });
  }
  await writeAudit(tx, {
    officeId: office.id,
    actor,
    action: change.audit,
    bookingId: booking.id,
    details: { from: booking.status, to, ...change.details },
    at: now,
  });
  const event: QueueEvent = {
    officeId: office.id,
    kind: change.call?.kind ?? "update",
    queueNumber: formatQueueNumber(updated!.queueLetter, updated!.queueSeq),
    ...(counter ? { counterNumber: counter.number, counterName: counter.name } : {}),
    at: now.toISOString(),
  };
  await publishQueueEvent(tx, event);
  return updated!;
}

/** Who may change the booking: staff/devices/keys by a permission (checked against the booking's office), citizens by proof. */
type Authority = { permission: Permission; proof?: Ownership } | { permission?: undefined; proof: Ownership };

export type ChangeSpec<T> = Authority & {
  reference: string;
  action: QueueAction;
  /** "today": queue work happens on the day; "not_past": a later booking may be changed too. Unset: the guard decides. */
  when?: "today" | "not_past";
  /** One message for every refusal (status or date) instead of the table's: the citizen's pages and API say it this way. */
  refused?: MessageKey;
  /** Checked before the transition: true means "already done", and the booking comes back unchanged. */
  unchanged?: (locked: Locked) => boolean;
  guard?: (locked: Locked) => void | Promise<void>;
  /** The change to write; null when there is nothing to do (no write, no audit row, no event). */
  change: (locked: Locked) => Change | null | Promise<Change | null>;
  /** How the caller sees the result, read after the commit; the staff desk's entry by default. */
  view?: (db: Executor, bookingId: string, locale: Locale) => Promise<T>;
};

/**
 * Every change of a booking's status, by the citizen or by staff, has this shape: permission → lock (by
 * reference, and the proof when there is one) → permission for the booking's office → the transition
 * table → the booking's date → the action's own rule → one transaction with the audit row and the queue
 * event → the caller's view of the result.
 */
export async function changeBooking<T = QueueEntryDTO>(actor: Actor, spec: ChangeSpec<T>, options: CommandOptions = {}): Promise<T> {
  if (spec.permission) assertCan(actor, spec.permission);
  const { now, locale } = withDefaults(options);
  const db = await getDb();
  const where = spec.proof ? ownedBy(spec.reference, spec.proof, now) : eq(bookings.reference, spec.reference);
  const id = await db.transaction(async (tx) => {
    const booking = await lockBooking(tx, where);
    if (!booking) throw notFound();
    if (spec.permission) assertCan(actor, spec.permission, booking.officeId);
    const office = await requireOfficeById(booking.officeId, tx);
    const locked = { tx, booking, office, now };
    if (spec.unchanged?.(locked)) return booking.id;
    const to = refusedAs(spec.refused, () => assertTransition(spec.action, booking.status));
    if (spec.when) refusedAs(spec.refused, () => assertDate(booking, office, now, spec.when!));
    await spec.guard?.(locked);
    const change = await spec.change(locked);
    if (change) await applyChange(actor, locked, to, change);
    return booking.id;
  });
  const view = spec.view ?? (selectEntry as unknown as NonNullable<ChangeSpec<T>["view"]>);
  return view(db, id, locale);
}

/** A change many bookings of one office undergo at once, inside the caller's transaction. */
export type BulkChange = BulkSelection & {
  action: QueueAction;
  /** What every moved row gets besides its status (e.g. `cancelledAt`). */
  set?: Partial<typeof bookings.$inferInsert>;
  audit: string;
  details?: (booking: Booking) => Record<string, unknown>;
};

/**
 * Which bookings of the office: these ids (an outage, a closure: the caller chose them), or those a
 * condition matches (the expiry sweep), at most `limit` of them, skipping rows another transaction holds
 * (`skipLocked`: the sweep never waits for an operator or a second sweep; a skipped row is taken next time).
 */
export type BulkSelection =
  | { bookingIds: readonly string[]; where?: undefined; limit?: undefined; skipLocked?: undefined }
  | { bookingIds?: undefined; where: SQL; limit?: number; skipLocked?: boolean };

/**
 * The bulk twin of `changeBooking`, for an outage or a closure cancelling a day's bookings in the
 * transaction that declared it (the caller checked the permission), and for the system's expiry sweep:
 * locks the bookings in id order, so two bulk changes over the same rows never deadlock and a single
 * change waits for them; keeps the ones the transition table lets `action` move (the others are left as
 * they are: someone checked in is at the office already); moves them to the table's status in one UPDATE,
 * with their audit rows (from/to, as `applyChange` writes) in one INSERT and one queue event for the
 * office. Returns the moved bookings as they were.
 */
export async function changeBookings(actor: Actor, scope: { tx: Executor; office: Office; now: Date }, spec: BulkChange): Promise<Booking[]> {
  const { tx, office, now } = scope;
  if (spec.bookingIds?.length === 0) return [];
  const which = spec.bookingIds ? inArray(bookings.id, [...spec.bookingIds]) : spec.where;
  const query = tx.select().from(bookings).where(and(eq(bookings.officeId, office.id), which)).orderBy(asc(bookings.id)).$dynamic();
  if (spec.limit !== undefined) query.limit(spec.limit);
  const rows = await query.for("update", spec.skipLocked ? { skipLocked: true } : {});
  const moving = rows.filter((b) => canTransition(spec.action, b.status));
  if (moving.length === 0) return [];
  const to = QUEUE_TRANSITIONS[spec.action].to;
  await tx
    .update(bookings)
    .set({ ...spec.set, status: to, updatedAt: now })
    .where(inArray(bookings.id, moving.map((b) => b.id)));
  await writeAudits(
    tx,
    moving.map((b) => ({ officeId: office.id, actor, action: spec.audit, bookingId: b.id, details: { from: b.status, to, ...spec.details?.(b) }, at: now })),
  );
  await publishQueueEvent(tx, { officeId: office.id, kind: "update", at: now.toISOString() });
  return moving;
}

function refusedAs<R>(messageKey: MessageKey | undefined, check: () => R): R {
  if (!messageKey) return check();
  try {
    return check();
  } catch (error) {
    if (error instanceof AppError && error.code === "invalid_transition") throw new AppError("invalid_transition", messageKey);
    throw error;
  }
}

function assertDate(booking: Booking, office: Office, now: Date, when: "today" | "not_past"): void {
  const today = localDate(now, office.timezone);
  if (when === "today" && booking.serviceDate !== today) {
    throw new AppError("invalid_transition", "queue.error.notToday", { params: { date: booking.serviceDate } });
  }
  if (when === "not_past" && booking.serviceDate < today) throw new AppError("invalid_transition", "queue.error.pastDate");
}

async function findCounter(db: Executor, id: string): Promise<Counter | null> {
  const [row] = await db.select().from(counters).where(eq(counters.id, id));
  return row ?? null;
}

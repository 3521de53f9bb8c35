import "server-only";
import { and, eq, type SQL } from "drizzle-orm";
import type { Executor, Transaction } from "@/db/client";
import { bookings, calls, counters, type Booking, type Counter, type Office } from "@/db/schema";
import type { Actor } from "../../auth/actor";
import { assertCan, type Permission } from "../../auth/permissions";
import { localDate } from "../../dates";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { DEFAULT_LOCALE, type Locale } from "../../i18n/messages";
import { assertTransition, type QueueAction } from "../../queue-transitions";
import { formatQueueNumber } from "../../reference";
import { writeAudit } from "../audit";
import { requireOfficeById } from "../offices";
import { publishQueueEvent, type QueueEvent } from "../queue-events";
import { selectEntry, type QueueEntryDTO } from "./entry-dto";

/** Every queue function's third argument: a fixed clock for tests, the reader's language for the DTO. */
export type QueueOptions = { now?: Date; locale?: Locale };

export function resolveOptions(options: QueueOptions = {}): { now: Date; locale: Locale } {
  return { now: options.now ?? new Date(), locale: options.locale ?? DEFAULT_LOCALE };
}

export type Locked = { tx: Transaction; booking: Booking; office: Office; now: Date };

export type Change = {
  set?: Partial<typeof bookings.$inferInsert>;
  audit: string;
  details?: Record<string, unknown>;
  /** A `calls` row and a call/recall event; without it the change publishes an "update". */
  call?: { counter: Counter; kind: "call" | "recall" };
};

export const notFound = () => new AppError("not_found", "error.notFound");

/**
 * Locks one booking row for the rest of the transaction, so two operators (or an operator and the sweep)
 * cannot both move it: the second waits, then sees the first one's result.
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

/**
 * The common shape of an operator's action on one booking, by reference: permission → lock → the
 * transition table → the booking's date → the action's own rule → one transaction with audit and event.
 */
export async function changeBooking(
  actor: Actor,
  spec: {
    permission: Permission;
    reference: string;
    action: QueueAction;
    /** "today": queue work happens on the day; "not_past": a later booking may be changed too. */
    when: "today" | "not_past";
    guard?: (locked: Locked) => void | Promise<void>;
    change: (locked: Locked) => Change | Promise<Change>;
  },
  options: QueueOptions,
): Promise<QueueEntryDTO> {
  assertCan(actor, spec.permission);
  const { now, locale } = resolveOptions(options);
  const db = await getDb();
  const id = await db.transaction(async (tx) => {
    const booking = await lockBooking(tx, eq(bookings.reference, spec.reference));
    if (!booking) throw notFound();
    assertCan(actor, spec.permission, booking.officeId);
    const office = await requireOfficeById(booking.officeId, tx);
    const to = assertTransition(spec.action, booking.status);
    assertDate(booking, office, now, spec.when);
    const locked = { tx, booking, office, now };
    await spec.guard?.(locked);
    return (await applyChange(actor, locked, to, await spec.change(locked))).id;
  });
  return selectEntry(db, id, locale);
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type CounterRef = { counterId: string } | { counterNumber: number };

/**
 * The counter an operator works at, checked against the actor's office (403 for another office's).
 * By number within the actor's own office, or by id.
 */
export async function requireCounter(db: Executor, actor: Actor, ref: CounterRef, permission: Permission): Promise<Counter> {
  const where =
    "counterId" in ref
      ? UUID.test(ref.counterId)
        ? eq(counters.id, ref.counterId)
        : undefined
      : actor.type === "staff" || actor.type === "device"
        ? and(eq(counters.officeId, actor.officeId), eq(counters.number, ref.counterNumber))
        : undefined;
  const [counter] = where ? await db.select().from(counters).where(where) : [];
  if (!counter) throw new AppError("not_found", "queue.error.counterNotFound");
  assertCan(actor, permission, counter.officeId);
  return counter;
}

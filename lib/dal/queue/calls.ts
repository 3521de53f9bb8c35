import "server-only";
import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { bookings, counterServices, type Counter, type Office } from "@/db/schema";
import type { Actor } from "../../auth/actor";
import { assertCan } from "../../auth/permissions";
import { localDate } from "../../dates";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { assertTransition } from "../../queue-transitions";
import { requireOfficeById } from "../offices";
import { applyChange, changeBooking, requireCounter, withDefaults, type CounterRef, type QueueOptions } from "./change";
import { lockFreeCounter } from "./counter-lock";
import { selectEntry, type QueueEntryDTO } from "./entry-dto";

export type CallNextResult = { called: true; entry: QueueEntryDTO; waiting: number } | { called: false; waiting: 0 };

/**
 * Who a counter may call today: checked-in bookings of a service it serves, or transferred to it by name.
 * (A booking transferred to another counter carries that counter's id and waits only for it.)
 */
export function waitingFor(counter: Counter, today: string): SQL {
  return and(
    eq(bookings.officeId, counter.officeId),
    eq(bookings.serviceDate, today),
    eq(bookings.status, "checked_in"),
    or(
      eq(bookings.counterId, counter.id),
      and(isNull(bookings.counterId), inArray(bookings.serviceId, sql`(select ${counterServices.serviceId} from ${counterServices} where ${counterServices.counterId} = ${counter.id})`)),
    ),
  )!;
}

/** Fair order: priority groups first (only where the office enables it), then place in the queue, then arrival. */
export function fairOrder(office: Pick<Office, "isPriorityEnabled">): SQL[] {
  return [
    ...(office.isPriorityEnabled ? [desc(bookings.isPriority)] : []),
    asc(bookings.queueSortAt),
    asc(bookings.checkedInAt),
    asc(bookings.queueSeq),
    asc(bookings.id),
  ];
}

export async function countWaiting(db: Executor, counter: Counter, today: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(bookings).where(waitingFor(counter, today));
  return row?.n ?? 0;
}

/**
 * "Panggil berikutnya": the first waiting citizen in fair order, taken with FOR UPDATE SKIP LOCKED so two
 * counters pressing at the same moment lock two different rows and never get the same person; a row
 * another counter has just called no longer matches when re-checked under the lock and is passed over.
 * A counter that still has a called or serving citizen is refused (409) under the counter's lock, so a
 * double press or a second tab never calls two people to one desk. Nobody waiting is a normal answer.
 */
export async function callNext(actor: Actor, input: CounterRef, options: QueueOptions = {}): Promise<CallNextResult> {
  assertCan(actor, "queue.operate");
  const { now, locale } = withDefaults(options);
  const db = await getDb();
  const counter = await requireCounter(db, actor, input, "queue.operate");
  if (!counter.isActive) throw new AppError("invalid_transition", "queue.error.counterInactive");
  const office = await requireOfficeById(counter.officeId, db);
  const today = localDate(now, office.timezone);
  const id = await db.transaction(async (tx) => {
    await lockFreeCounter(tx, counter, today);
    const [next] = await tx
      .select()
      .from(bookings)
      .where(waitingFor(counter, today))
      .orderBy(...fairOrder(office))
      .limit(1)
      .for("update", { skipLocked: true });
    if (!next) return null;
    const to = assertTransition("call", next.status);
    await applyChange(actor, { tx, booking: next, office, now }, to, {
      set: { calledAt: now, callCount: next.callCount + 1, counterId: counter.id },
      audit: "queue.call",
      details: { counter: counter.number },
      call: { counter, kind: "call" },
    });
    return next.id;
  });
  if (!id) return { called: false, waiting: 0 };
  return { called: true, entry: await selectEntry(db, id, locale), waiting: await countWaiting(db, counter, today) };
}

export type RecallInput = CounterRef & { reference: string };

/**
 * Calls the same citizen again (to this counter): one more call on the display and towards "no-show after N".
 * Recalling to a counter that has someone else open is refused, as call next is.
 */
export async function recall(actor: Actor, input: RecallInput, options: QueueOptions = {}): Promise<QueueEntryDTO> {
  assertCan(actor, "queue.operate");
  const counter = await requireCounter(await getDb(), actor, input, "queue.operate");
  return changeBooking(
    actor,
    {
      permission: "queue.operate",
      reference: input.reference,
      action: "recall",
      when: "today",
      guard: ({ tx, booking, office, now }) => lockFreeCounter(tx, counter, localDate(now, office.timezone), booking.id),
      change: ({ booking, now }) => ({
        set: { calledAt: now, callCount: booking.callCount + 1, counterId: counter.id },
        audit: "queue.recall",
        details: { counter: counter.number, callCount: booking.callCount + 1 },
        call: { counter, kind: "recall" },
      }),
    },
    options,
  );
}

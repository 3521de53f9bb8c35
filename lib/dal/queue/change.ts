import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { counters, type Counter } from "@/db/schema";
import type { Actor } from "../../auth/actor";
import { assertCan, type Permission } from "../../auth/permissions";
import { AppError } from "../../errors";
import type { CommandOptions } from "../command-options";

// The booking command moved to lib/dal/change-booking.ts (citizen and staff alike); re-exported for existing imports.
export { applyChange, changeBooking, lockBooking, type Change, type Locked } from "../change-booking";
export { withDefaults } from "../command-options";
export { notFound } from "../../errors";

/** The queue's commands take the common options (`fn(actor, input, options)`). */
export type QueueOptions = CommandOptions;

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

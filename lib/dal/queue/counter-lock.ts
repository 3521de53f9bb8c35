import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { bookings, counters, type Counter } from "@/db/schema";
import { AppError } from "../../errors";
import { formatQueueNumber } from "../../reference";

/**
 * One called-or-serving citizen per counter: the counter's row is locked for the rest of the transaction,
 * so simultaneous presses at one counter run one after another, and each re-reads (READ COMMITTED: a new
 * snapshot per statement) who is open at the counter after the previous one committed. The operator must
 * recall, start, record a no-show or finish first. `except` is the booking being recalled to this counter.
 * No deadlock with a recall, which holds its booking and then waits here: call next takes booking rows only
 * with SKIP LOCKED, so it never waits for one while holding a counter.
 */
export async function lockFreeCounter(tx: Transaction, counter: Counter, today: string, except?: string): Promise<void> {
  await tx.select({ id: counters.id }).from(counters).where(eq(counters.id, counter.id)).for("update");
  const [open] = await tx
    .select({ letter: bookings.queueLetter, seq: bookings.queueSeq })
    .from(bookings)
    .where(
      and(
        eq(bookings.officeId, counter.officeId),
        eq(bookings.serviceDate, today),
        inArray(bookings.status, ["called", "serving"]),
        eq(bookings.counterId, counter.id),
        except ? ne(bookings.id, except) : undefined,
      ),
    )
    .limit(1);
  if (open) {
    throw new AppError("invalid_transition", "queue.error.counterBusy", { params: { counter: counter.number, number: formatQueueNumber(open.letter, open.seq) } });
  }
}

import "server-only";
import type { Counter, Service } from "@/db/schema";
import type { Actor } from "../../auth/actor";
import { assertCan } from "../../auth/permissions";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { requireOfficeById } from "../offices";
import { requireService } from "../services";
import { changeBooking, requireCounter, type QueueOptions } from "./change";
import type { QueueEntryDTO } from "./entry-dto";

export type TransferInput = { reference: string } & ({ toCounterId: string } | { toCounterNumber: number } | { toServiceSlug: string });

/**
 * Sends a called or served citizen back to the waiting list at another counter (only that counter will call
 * them) or another service (any counter serving it will). They keep their place in the fair order — the
 * same queue position and check-in time — so they do not queue again from the back. The queue number stays
 * (it is printed on their slip); the count of calls starts again for the new counter.
 * Capacity is not moved: the visit is already under way, and the caps govern booking, not serving.
 */
export async function transfer(actor: Actor, input: TransferInput, options: QueueOptions = {}): Promise<QueueEntryDTO> {
  assertCan(actor, "queue.operate");
  const db = await getDb();
  let counter: Counter | null = null;
  let service: Service | null = null;
  if ("toServiceSlug" in input) {
    if (actor.type !== "staff") throw new AppError("validation", "error.validation", { fields: { toService: ["queue.error.transferTarget"] } });
    service = await requireService(await requireOfficeById(actor.officeId, db), input.toServiceSlug, db);
  } else {
    counter = await requireCounter(db, actor, "toCounterId" in input ? { counterId: input.toCounterId } : { counterNumber: input.toCounterNumber }, "queue.operate");
    if (!counter.isActive) throw new AppError("invalid_transition", "queue.error.counterInactive");
  }
  return changeBooking(
    actor,
    {
      permission: "queue.operate",
      reference: input.reference,
      action: "transfer",
      when: "today",
      guard: ({ booking }) => {
        if (service && service.officeId !== booking.officeId) throw new AppError("forbidden", "error.forbidden");
      },
      change: ({ booking }) => ({
        set: {
          counterId: counter?.id ?? null,
          ...(service ? { serviceId: service.id } : {}),
          calledAt: null,
          callCount: 0,
          servingStartedAt: null,
        },
        audit: "queue.transfer",
        details: {
          fromCounterId: booking.counterId,
          ...(counter ? { toCounter: counter.number } : {}),
          ...(service ? { toService: service.slug } : {}),
        },
      }),
    },
    options,
  );
}

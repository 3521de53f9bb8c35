import "server-only";
import type { Actor } from "../../auth/actor";
import { AppError } from "../../errors";
import { giveUpPlace } from "../capacity-release";
import type { ChangeSpec } from "../change-booking";
import { changeBooking, type QueueOptions } from "./change";
import type { QueueEntryDTO } from "./entry-dto";

export type BookingRefInput = { reference: string };

/** A counter's move of today's booking by its reference (`queue.operate`): the action, its own rule and what it writes. */
function operate(actor: Actor, input: BookingRefInput, move: Pick<ChangeSpec<QueueEntryDTO>, "action" | "guard" | "change">, options: QueueOptions): Promise<QueueEntryDTO> {
  return changeBooking(actor, { permission: "queue.operate", reference: input.reference, when: "today", ...move }, options);
}

/** The called citizen has come to the counter: called → serving. */
export function startService(actor: Actor, input: BookingRefInput, options: QueueOptions = {}): Promise<QueueEntryDTO> {
  return operate(actor, input, { action: "start", change: ({ now }) => ({ set: { servingStartedAt: now }, audit: "queue.start" }) }, options);
}

/** serving → done. */
export function finishService(actor: Actor, input: BookingRefInput, options: QueueOptions = {}): Promise<QueueEntryDTO> {
  return operate(actor, input, { action: "finish", change: ({ now }) => ({ set: { finishedAt: now }, audit: "queue.finish" }) }, options);
}

/**
 * called → no_show, only once the office's number of calls has been made: a citizen who is merely slow to
 * walk up is not dropped after one call. The place is not given back: the session is under way.
 */
export function markNoShow(actor: Actor, input: BookingRefInput, options: QueueOptions = {}): Promise<QueueEntryDTO> {
  return operate(
    actor,
    input,
    {
      action: "no_show",
      guard: ({ booking, office }) => {
        if (booking.callCount < office.noShowAfterCalls) {
          throw new AppError("invalid_transition", "queue.error.noShowTooEarly", { params: { calls: office.noShowAfterCalls, count: booking.callCount } });
        }
      },
      change: ({ booking, now }) => ({ set: { noShowAt: now }, audit: "queue.no_show", details: { callCount: booking.callCount } }),
    },
    options,
  );
}

/**
 * A supervisor's override: cancels a booking that has not been checked in (today or later). No re-release
 * delay: the delay is against anonymous cancel-and-resell, and a supervisor acts for a person in front of
 * them. The place still goes to the standby list first, in the same transaction (lib/dal/capacity-release.ts).
 */
export function cancelByStaff(actor: Actor, input: BookingRefInput & { reason?: string }, options: QueueOptions = {}): Promise<QueueEntryDTO> {
  return changeBooking(
    actor,
    {
      permission: "booking.override",
      reference: input.reference,
      action: "cancel",
      when: "not_past",
      change: async ({ tx, booking, office, now }) => {
        await giveUpPlace(tx, office, booking, now, 0);
        return { set: { cancelledAt: now }, audit: "booking.cancel_by_staff", details: input.reason ? { reason: input.reason } : undefined };
      },
    },
    options,
  );
}

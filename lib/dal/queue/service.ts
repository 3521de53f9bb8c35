import "server-only";
import type { Actor } from "../../auth/actor";
import { assertCan } from "../../auth/permissions";
import { AppError } from "../../errors";
import { getDb } from "../../db";
import { giveUpPlace } from "../capacity-release";
import type { ChangeSpec } from "../change-booking";
import { changeBooking, requireCounter, type CounterRef, type QueueOptions } from "./change";
import type { QueueEntryDTO } from "./entry-dto";

export type BookingRefInput = { reference: string };

/** A booking acted on from a counter: the reference and the counter the operator works at. */
export type CounterBookingInput = BookingRefInput & CounterRef;

/**
 * A counter's move of today's booking by its reference (`queue.operate`): the action, its own rule and what
 * it writes. Only the counter the citizen was called to may move them: another counter (a stale second tab,
 * a slip of the number field) gets a 409 and changes nothing. The counter is written in the audit row.
 */
async function operate(
  actor: Actor,
  input: CounterBookingInput,
  move: Pick<ChangeSpec<QueueEntryDTO>, "action" | "guard" | "change">,
  options: QueueOptions,
): Promise<QueueEntryDTO> {
  assertCan(actor, "queue.operate");
  const counter = await requireCounter(await getDb(), actor, input, "queue.operate");
  return changeBooking(
    actor,
    {
      permission: "queue.operate",
      reference: input.reference,
      when: "today",
      action: move.action,
      guard: async (context) => {
        const { booking } = context;
        // Checked after the status rule (changeBooking's transition check) so a finished visit still says so.
        if (booking.counterId !== counter.id) {
          throw new AppError("invalid_transition", "queue.error.otherCounter", { params: { counter: counter.number } });
        }
        await move.guard?.(context);
      },
      change: async (context) => {
        const change = await move.change(context);
        return change && { ...change, details: { ...change.details, counter: counter.number } };
      },
    },
    options,
  );
}

/** The called citizen has come to the counter: called → serving. */
export function startService(actor: Actor, input: CounterBookingInput, options: QueueOptions = {}): Promise<QueueEntryDTO> {
  return operate(actor, input, { action: "start", change: ({ now }) => ({ set: { servingStartedAt: now }, audit: "queue.start" }) }, options);
}

/** serving → done. */
export function finishService(actor: Actor, input: CounterBookingInput, options: QueueOptions = {}): Promise<QueueEntryDTO> {
  return operate(actor, input, { action: "finish", change: ({ now }) => ({ set: { finishedAt: now }, audit: "queue.finish" }) }, options);
}

/**
 * called → no_show, only once the office's number of calls has been made: a citizen who is merely slow to
 * walk up is not dropped after one call. The place is not given back: the session is under way.
 */
export function markNoShow(actor: Actor, input: CounterBookingInput, options: QueueOptions = {}): Promise<QueueEntryDTO> {
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

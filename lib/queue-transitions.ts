import type { BookingStatus } from "@/db/schema";
import { AppError } from "./errors";
import type { MessageKey } from "./i18n/messages";

/**
 * The booking lifecycle, in one place. Every data-layer function that moves a booking names its action
 * here and calls `assertTransition` on the row it holds locked; anything not listed is refused.
 *
 *   booked → checked_in → called → serving → done
 *   booked → cancelled            booked → no_show (never checked in: the expiry sweep)
 *   booked → booked (reschedule: another date or session)
 *   called → no_show (after N calls)        called/serving → checked_in (transfer)
 *   checked_in/called → expired (still open at the end of the day)
 */
export const BOOKING_STATUSES = ["booked", "checked_in", "called", "serving", "done", "cancelled", "no_show", "expired"] as const satisfies readonly BookingStatus[];

export type QueueAction = "check_in" | "call" | "recall" | "start" | "finish" | "no_show" | "miss" | "transfer" | "cancel" | "reschedule" | "expire";

type Transition = { from: readonly BookingStatus[]; to: BookingStatus; refused: MessageKey };

export const QUEUE_TRANSITIONS: Record<QueueAction, Transition> = {
  check_in: { from: ["booked"], to: "checked_in", refused: "queue.transition.checkIn" },
  call: { from: ["checked_in"], to: "called", refused: "queue.transition.call" },
  // A recall stays "called"; it only counts one more call.
  recall: { from: ["called"], to: "called", refused: "queue.transition.recall" },
  start: { from: ["called"], to: "serving", refused: "queue.transition.start" },
  finish: { from: ["serving"], to: "done", refused: "queue.transition.finish" },
  no_show: { from: ["called"], to: "no_show", refused: "queue.transition.noShow" },
  miss: { from: ["booked"], to: "no_show", refused: "queue.transition.miss" },
  transfer: { from: ["called", "serving"], to: "checked_in", refused: "queue.transition.transfer" },
  cancel: { from: ["booked"], to: "cancelled", refused: "queue.transition.cancel" },
  reschedule: { from: ["booked"], to: "booked", refused: "queue.transition.reschedule" },
  expire: { from: ["checked_in", "called"], to: "expired", refused: "queue.transition.expire" },
};

export function canTransition(action: QueueAction, from: BookingStatus): boolean {
  return QUEUE_TRANSITIONS[action].from.includes(from);
}

/** The status `action` leads to from `from`, or a 409 that says what was refused and, via `status`, why. */
export function assertTransition(action: QueueAction, from: BookingStatus): BookingStatus {
  const transition = QUEUE_TRANSITIONS[action];
  if (!transition.from.includes(from)) {
    throw new AppError("invalid_transition", transition.refused, { params: { status: from } });
  }
  return transition.to;
}


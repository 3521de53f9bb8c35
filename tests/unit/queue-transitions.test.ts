import { describe, expect, it } from "vitest";
import { bookingStatusEnum, type BookingStatus } from "@/db/schema";
import { assertTransition, BOOKING_STATUSES, canTransition, QUEUE_TRANSITIONS, type QueueAction } from "@/lib/queue-transitions";

/** Every (from → to) move the table allows, recalls (called → called) included. */
function allowedMoves(): ReadonlySet<`${BookingStatus}>${BookingStatus}`> {
  const moves = new Set<`${BookingStatus}>${BookingStatus}`>();
  for (const { from, to } of Object.values(QUEUE_TRANSITIONS)) for (const f of from) moves.add(`${f}>${to}`);
  return moves;
}

describe("the status transition table", () => {
  it("knows every status the database knows", () => {
    expect([...BOOKING_STATUSES].sort()).toEqual([...bookingStatusEnum.enumValues].sort());
  });

  it("allows exactly the lifecycle of the design", () => {
    expect([...allowedMoves()].sort()).toEqual(
      [
        "booked>checked_in",
        "checked_in>called",
        "called>called",
        "called>serving",
        "serving>done",
        "called>no_show",
        "booked>no_show",
        "called>checked_in",
        "serving>checked_in",
        "booked>cancelled",
        "booked>booked",
        "checked_in>expired",
        "called>expired",
      ].sort(),
    );
  });

  it("refuses every other (action, status) pair with invalid_transition, naming the current status", () => {
    let refused = 0;
    for (const action of Object.keys(QUEUE_TRANSITIONS) as QueueAction[]) {
      for (const from of BOOKING_STATUSES) {
        if (canTransition(action, from)) {
          expect(assertTransition(action, from)).toBe(QUEUE_TRANSITIONS[action].to);
          continue;
        }
        refused++;
        expect(() => assertTransition(action, from)).toThrow(expect.objectContaining({ code: "invalid_transition", params: { status: from } }));
      }
    }
    // 11 actions × 8 statuses, minus the 13 allowed (action, from) pairs.
    expect(refused).toBe(11 * 8 - 13);
  });

  it("has no way out of a final status", () => {
    for (const final of ["done", "cancelled", "no_show", "expired"] as const) {
      expect([...allowedMoves()].filter((m) => m.startsWith(`${final}>`))).toEqual([]);
    }
  });
});

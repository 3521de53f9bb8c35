import "server-only";
import { eq } from "drizzle-orm";
import { bookings } from "@/db/schema";
import type { Actor } from "../../auth/actor";
import { assertCan, type Permission } from "../../auth/permissions";
import { evaluateCheckIn, type CheckInVerdict } from "../../check-in-window";
import { localDate } from "../../dates";
import { getDb } from "../../db";
import { AppError, notFound } from "../../errors";
import { normalizeNik } from "../../nik";
import { requireOfficeById } from "../offices";
import { applyChange, changeBooking, lockBooking, withDefaults, type QueueOptions } from "./change";
import { selectEntry, type QueueEntryDTO } from "./entry-dto";

export type CheckInInput = { reference: string; nik: string };
export type CheckInResult = { entry: QueueEntryDTO; alreadyCheckedIn: boolean; late: boolean };

/**
 * Checks a citizen in at the counter (staff, "booking.check_in") or at the kiosk (device,
 * "kiosk.check_in"), with the same rules: the reference and the NIK from the physical KTP must match
 * (a wrong NIK and an unknown reference get the same 404), today only, inside the check-in window.
 * Idempotent: a booking already checked in comes back unchanged, without a second audit row.
 */
export function checkInBooking(actor: Actor, input: CheckInInput, options: QueueOptions = {}): Promise<CheckInResult> {
  return checkInArrived(actor, input, options, {});
}

/** Shared with the walk-in flow, whose citizen is standing at the counter: `allowEarly` skips "too early". */
export async function checkInArrived(actor: Actor, input: CheckInInput, options: QueueOptions, rules: { allowEarly?: boolean }): Promise<CheckInResult> {
  const permission: Permission = actor?.type === "device" ? "kiosk.check_in" : "booking.check_in";
  const outcome = { alreadyCheckedIn: false, late: false };
  const entry = await changeBooking(
    actor,
    {
      permission,
      // The NIK from the physical KTP must match: a wrong one is the same 404 as an unknown reference.
      proof: { nik: normalizeNik(input.nik) },
      reference: input.reference,
      action: "check_in",
      unchanged: ({ booking }) => (outcome.alreadyCheckedIn = booking.status === "checked_in"),
      change: ({ booking, office, now }) => {
        const verdict = evaluateCheckIn(booking, office, now, rules);
        if (!verdict.ok) throw refusal(verdict);
        outcome.late = verdict.late;
        return {
          set: { checkedInAt: now, queueSortAt: verdict.queueSortAt, counterId: null },
          audit: "booking.check_in",
          details: { late: verdict.late, via: actor.type === "device" ? "kiosk" : "counter" },
        };
      },
    },
    options,
  );
  // A kiosk stands in the waiting room: it gets the queue number, not the person's name.
  if (actor.type === "device") entry.name = null;
  return { entry, ...outcome };
}

function refusal(verdict: Exclude<CheckInVerdict, { ok: true }>): AppError {
  switch (verdict.reason) {
    case "not_today":
      return new AppError("invalid_transition", "queue.error.notToday", { params: { date: verdict.date } });
    case "too_early":
      return new AppError("invalid_transition", "queue.error.tooEarly", { params: { time: verdict.opensAt } });
    case "late_refused":
      return new AppError("invalid_transition", "queue.error.lateRefused");
    case "closed":
      return new AppError("invalid_transition", "queue.error.checkInClosed");
  }
}

export type SetPriorityInput = { reference: string; reason: "disability" | "pregnant" };

/**
 * Marks a citizen as priority (disability, pregnancy: seen by staff, not derivable from the NIK) while they
 * still wait; elderly priority is set at booking from the NIK. It only changes the order when the office
 * enables priority.
 */
export async function setPriority(actor: Actor, input: SetPriorityInput, options: QueueOptions = {}): Promise<QueueEntryDTO> {
  assertCan(actor, "booking.check_in");
  const { now, locale } = withDefaults(options);
  const db = await getDb();
  const id = await db.transaction(async (tx) => {
    const booking = await lockBooking(tx, eq(bookings.reference, input.reference));
    if (!booking) throw notFound();
    assertCan(actor, "booking.check_in", booking.officeId);
    const office = await requireOfficeById(booking.officeId, tx);
    if (booking.status !== "booked" && booking.status !== "checked_in") {
      throw new AppError("invalid_transition", "queue.error.priorityClosed", { params: { status: booking.status } });
    }
    if (booking.serviceDate < localDate(now, office.timezone)) throw new AppError("invalid_transition", "queue.error.pastDate");
    await applyChange(actor, { tx, booking, office, now }, booking.status, {
      set: { isPriority: true, priorityReason: input.reason },
      audit: "booking.set_priority",
      details: { reason: input.reason, previous: booking.priorityReason },
    });
    return booking.id;
  });
  return selectEntry(db, id, locale);
}

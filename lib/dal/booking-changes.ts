import "server-only";
import { eq } from "drizzle-orm";
import { services } from "@/db/schema";
import { decryptNik } from "../crypto";
import { AppError, pgErrorCode } from "../errors";
import type { RescheduleBookingInput } from "../validation/booking";
import { selectBookingDTO, type BookingDTO } from "./booking-dto";
import { requirePerson, claimChanges, phoneChange, releaseChanges, requireSlot } from "./booking-rules";
import { giveUpPlace, recordFreedPlace } from "./capacity-release";
import { applyUsageChanges, takeQueueNumber } from "./capacity-usage";
import type { Actor } from "../auth/actor";
import { changeBooking, type Ownership } from "./change-booking";
import type { CommandOptions } from "./command-options";

export type { Ownership } from "./change-booking";

/**
 * The citizen's changes go through the same `changeBooking` as the staff desk's, proven by the NIK (or a
 * manage token) instead of a permission; a wrong proof and an unknown reference are the same 404, and every
 * refusal says "not possible for the booking's current status" (error.invalidTransition).
 */
const CITIZEN = { when: "not_past", refused: "error.invalidTransition", view: selectBookingDTO } as const;

/**
 * Cancels a booking that has not been checked in. The phone's allowance comes back at once; the place after
 * the office's re-release delay, first to the standby list (lib/dal/capacity-release.ts).
 */
export function cancelBooking(actor: Actor, input: { reference: string } & Ownership, options: CommandOptions = {}): Promise<BookingDTO> {
  return changeBooking(
    actor,
    {
      ...CITIZEN,
      reference: input.reference,
      proof: input,
      action: "cancel",
      change: async ({ tx, booking, office, now }) => {
        await giveUpPlace(tx, office, booking, now);
        return { set: { cancelledAt: now }, audit: "booking.cancel" };
      },
    },
    options,
  );
}

/**
 * Moves a booking to another date or session in one transaction: the new places are claimed and the old
 * one recorded for release together, so the citizen never holds two bookings, nor none when the new slot
 * is full. The old place returns to sale after the re-release delay, like a cancelled one.
 * Ownership is checked once, by the lock; a missed visit is a no-show, not something to move afterwards.
 */
export async function rescheduleBooking(
  actor: Actor,
  input: Omit<RescheduleBookingInput, "nik"> & { reference: string } & Ownership,
  options: CommandOptions = {},
): Promise<BookingDTO> {
  try {
    return await changeBooking(
      actor,
      {
        ...CITIZEN,
        reference: input.reference,
        proof: input,
        action: "reschedule",
        change: async ({ tx, booking, office, now }) => {
          const [service] = await tx.select().from(services).where(eq(services.id, booking.serviceId));
          // The age rule is checked again for the new date, from the stored NIK.
          if (booking.nikEncrypted) requirePerson(decryptNik(booking.nikEncrypted), service!, office, input.date, now);
          const slot = await requireSlot(tx, office, service!, input.date, input.session, "online", now);
          const sameDate = booking.serviceDate === input.date;
          if (sameDate && booking.sessionStartsAt.slice(0, 5) === slot.start) return null;

          const claims = claimChanges(office, service!, input.date, slot.start, slot.limits);
          if (booking.phoneHash) claims.push(phoneChange(office, input.date, booking.phoneHash));
          // On the same date only the session moves; the day, service and phone places stay where they are.
          // The phone's old date comes back at once; the old place only after the re-release delay.
          const phoneBack = releaseChanges(office, booking).filter((c) => c.scope === "phone");
          const freed = await recordFreedPlace(tx, office, { booking, isWholePlace: !sameDate }, now);
          await applyUsageChanges(tx, [...(sameDate ? claims.filter((c) => c.scope === "session") : [...claims, ...phoneBack]), ...freed]);
          const queueSeq = sameDate ? booking.queueSeq : await takeQueueNumber(tx, office.id, input.date, booking.queueLetter);
          return {
            set: { serviceDate: input.date, sessionStartsAt: slot.start, sessionEndsAt: slot.end, queueSeq },
            audit: "booking.reschedule",
            details: { from: { date: booking.serviceDate, session: booking.sessionStartsAt.slice(0, 5) }, to: { date: input.date, session: slot.start } },
          };
        },
      },
      options,
    );
  } catch (error) {
    const { code, constraint } = pgErrorCode(error);
    if (code === "23505" && constraint === "bookings_active_person_day_uq") throw new AppError("duplicate", "error.duplicate");
    throw error;
  }
}

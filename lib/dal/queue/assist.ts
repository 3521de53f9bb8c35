import "server-only";
import type { Actor } from "../../auth/actor";
import { assertCan } from "../../auth/permissions";
import { localDate } from "../../dates";
import { AppError, isAppError } from "../../errors";
import type { MessageKey } from "../../i18n/messages";
import type { CreateBookingInput } from "../../validation/booking";
import type { BookingDTO } from "../booking-dto";
import { createBooking } from "../bookings";
import { requireOfficeById } from "../offices";
import { withDefaults, type QueueOptions } from "./change";
import { checkInArrived } from "./check-in";
import type { QueueEntryDTO } from "./entry-dto";

export type AssistBookingInput = Omit<CreateBookingInput, "office"> & {
  channel: "assisted" | "walk_in";
  priorityReason?: "disability" | "pregnant";
  /**
   * Staff checked the document that makes a younger person eligible (a KTP-el is for 17 and over *or*
   * anyone who is or was married): the service's minimum age is not applied, and the audit row says so.
   */
  ageException?: boolean;
};

export type AssistBookingResult = {
  booking: BookingDTO;
  /** Walk-ins only: the queue entry once checked in. */
  entry: QueueEntryDTO | null;
  checkInError: MessageKey | null;
};

/**
 * A booking made by staff for a citizen who cannot book online, with every rule of the online booking
 * (createBooking), from the places the walk-in reserve keeps off the online channel:
 * - "assisted": for a later date (or a later session today), on the citizen's behalf;
 * - "walk_in": today, and the citizen, who is standing at the counter, is checked in straight away.
 * The walk-in's check-in is a second transaction right after the booking's (createBooking owns its own):
 * should it fail, the booking still stands and the operator checks it in by reference like any other.
 */
export async function assistBooking(actor: Actor, input: AssistBookingInput, options: QueueOptions = {}): Promise<AssistBookingResult> {
  assertCan(actor, "booking.assist");
  if (actor.type !== "staff") throw new AppError("forbidden", "error.forbidden");
  const { now, locale } = withDefaults(options);
  const office = await requireOfficeById(actor.officeId);
  if (input.channel === "walk_in" && input.date !== localDate(now, office.timezone)) {
    throw new AppError("validation", "error.validation", { fields: { date: ["queue.error.walkInToday"] } });
  }
  const booking = await createBooking(actor, { ...input, office: office.slug }, { locale, now });
  if (input.channel !== "walk_in") return { booking, entry: null, checkInError: null };
  try {
    const { entry } = await checkInArrived(actor, { reference: booking.reference, nik: input.nik }, { now, locale }, { allowEarly: true });
    return { booking: { ...booking, status: entry.status, checkedInAt: entry.checkedInAt }, entry, checkInError: null };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { booking, entry: null, checkInError: "queue.error.walkInCheckIn" };
  }
}

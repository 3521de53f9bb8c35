import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { bookings, type Booking, type Office } from "@/db/schema";
import type { Channel } from "../capacity";
import { decryptNik } from "../crypto";
import { localDate } from "../dates";
import { getDb } from "../db";
import { AppError, pgErrorCode } from "../errors";
import type { Locale } from "../i18n/messages";
import { verifyManageToken } from "../manage-token";
import type { RescheduleBookingInput } from "../validation/booking";
import { writeAudit } from "./audit";
import { selectBookingWith, toBookingDTO, type BookingDTO } from "./booking-dto";
import { checkPerson, claimChanges, notFound, phoneChange, provesNik, releaseChanges, resolveSlot } from "./booking-rules";
import type { BookingContext } from "./bookings";
import { giveUpPlace, recordFreedPlace } from "./capacity-release";
import { applyUsageChanges, takeQueueNumber } from "./capacity-usage";
import { requireOfficeById } from "./offices";

/** Proof that the caller may change a booking: its NIK, or a manage token issued after the NIK was checked. */
export type Ownership = { nik: string; phoneLast4?: string } | { manageToken: string };

/**
 * Cancels a booking that has not been checked in. The phone's allowance comes back at once; the place after
 * the office's re-release delay, first to the standby list (lib/dal/capacity-release.ts).
 */
export async function cancelBooking(input: { reference: string } & Ownership, ctx: BookingContext): Promise<BookingDTO> {
  const now = ctx.now ?? new Date();
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    const { booking, office } = await lockOwnedBooking(tx, input, now);
    if (booking.status !== "booked") throw new AppError("invalid_transition", "error.invalidTransition");
    if (booking.serviceDate < localDate(now, office.timezone)) throw new AppError("invalid_transition", "error.invalidTransition");
    await giveUpPlace(tx, office, booking, now);
    const [updated] = await tx
      .update(bookings)
      .set({ status: "cancelled", cancelledAt: now, updatedAt: now })
      .where(eq(bookings.id, booking.id))
      .returning();
    await writeAudit(tx, { officeId: office.id, actor: ctx.actor, action: "booking.cancel", bookingId: booking.id });
    return updated!;
  });
  return findDTO(db, row.id, ctx.locale);
}

/**
 * Moves a booking to another date or session in one transaction: the new places are claimed and the old
 * one recorded for release together, so the citizen never holds two bookings, nor none when the new slot
 * is full. The old place returns to sale after the re-release delay, like a cancelled one.
 */
export async function rescheduleBooking(
  input: Omit<RescheduleBookingInput, "nik"> & { reference: string } & Ownership,
  ctx: BookingContext,
): Promise<BookingDTO> {
  const now = ctx.now ?? new Date();
  const db = await getDb();
  const current = await selectBookingWith(db, ownedBy(input, now));
  if (!current) throw notFound();
  const { office, service } = current;
  const channel: Channel = "online";
  // The age rule is checked again for the new date, from the stored NIK.
  if (current.booking.nikEncrypted) checkPerson(decryptNik(current.booking.nikEncrypted), service, office, input.date, now);
  const slot = await resolveSlot(db, office, service, input.date, input.session, channel, now);

  try {
    const row = await db.transaction(async (tx) => {
      const { booking } = await lockOwnedBooking(tx, input, now);
      if (booking.status !== "booked") throw new AppError("invalid_transition", "error.invalidTransition");
      // A missed visit is a no-show, not something to move afterwards (cancelling refuses it too).
      if (booking.serviceDate < localDate(now, office.timezone)) throw new AppError("invalid_transition", "error.invalidTransition");
      const sameDate = booking.serviceDate === input.date;
      if (sameDate && booking.sessionStartsAt.slice(0, 5) === slot.start) return booking;

      const claims = claimChanges(office, service, input.date, slot.start, slot.limits);
      if (booking.phoneHash) claims.push(phoneChange(office, input.date, booking.phoneHash));
      // On the same date only the session moves; the day, service and phone places stay where they are.
      // The phone's old date comes back at once; the old place only after the re-release delay.
      const phoneBack = releaseChanges(office, booking).filter((c) => c.scope === "phone");
      const freed = await recordFreedPlace(tx, office, { booking, isWholePlace: !sameDate }, now);
      await applyUsageChanges(tx, [...(sameDate ? claims.filter((c) => c.scope === "session") : [...claims, ...phoneBack]), ...freed]);
      const queueSeq = sameDate ? booking.queueSeq : await takeQueueNumber(tx, office.id, input.date, booking.queueLetter);
      const [updated] = await tx
        .update(bookings)
        .set({ serviceDate: input.date, sessionStartsAt: slot.start, sessionEndsAt: slot.end, queueSeq, updatedAt: now })
        .where(eq(bookings.id, booking.id))
        .returning();
      await writeAudit(tx, {
        officeId: office.id,
        actor: ctx.actor,
        action: "booking.reschedule",
        bookingId: booking.id,
        details: { from: { date: booking.serviceDate, session: booking.sessionStartsAt.slice(0, 5) }, to: { date: input.date, session: slot.start } },
      });
      return updated!;
    });
    return toBookingDTO(row, service, office, ctx.locale);
  } catch (error) {
    const { code, constraint } = pgErrorCode(error);
    if (code === "23505" && constraint === "bookings_active_person_day_uq") throw new AppError("duplicate", "error.duplicate");
    throw error;
  }
}

async function findDTO(db: Executor, id: string, locale: Locale): Promise<BookingDTO> {
  const found = await selectBookingWith(db, eq(bookings.id, id));
  return toBookingDTO(found!.booking, found!.service, found!.office, locale);
}

/** The condition "this reference, and the caller proved the NIK"; never true for a bad proof. */
function ownedBy(input: { reference: string } & Ownership, now: Date): SQL {
  const byReference = eq(bookings.reference, input.reference);
  if ("nik" in input) return and(byReference, provesNik(input))!;
  return verifyManageToken(input.manageToken, input.reference, now) ? byReference : sql`false`;
}

/** Locks the booking row (reference + proof of NIK) for the rest of the transaction. */
async function lockOwnedBooking(tx: Executor, input: { reference: string } & Ownership, now: Date): Promise<{ booking: Booking; office: Office }> {
  const [booking] = await tx.select().from(bookings).where(ownedBy(input, now)).for("update");
  if (!booking) throw notFound();
  return { booking, office: await requireOfficeById(booking.officeId, tx) };
}


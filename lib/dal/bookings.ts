import "server-only";
import { and, eq } from "drizzle-orm";
import { bookings } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import type { Channel } from "../capacity";
import { encryptNik, hashNik, hashPhone } from "../crypto";
import { getDb } from "../db";
import { AppError, pgErrorCode } from "../errors";
import type { Locale } from "../i18n/messages";
import { maskNik } from "../nik";
import { createReference } from "../reference";
import type { CreateBookingInput, LookupBookingInput } from "../validation/booking";
import { writeAudit } from "./audit";
import { selectBookingWith, toBookingDTO, type BookingDTO } from "./booking-dto";
import { assertNoActiveBooking, checkPersonOrSuggest, claimChanges, notFound, phoneChange, provesNik, resolveSlot } from "./booking-rules";
import { applyUsageChanges, takeQueueNumber } from "./capacity-usage";
import { requireOffice } from "./offices";
import { requireService } from "./services";

export type BookingContext = { actor: Actor; locale: Locale; now?: Date };

export { cancelBooking, rescheduleBooking, type Ownership } from "./booking-changes";
export { recoverBooking } from "./booking-recovery";

/**
 * Books a visit. Every rule is checked here, for the citizen's form, the JSON API and staff alike:
 * the service's age rule, the date and session for the channel, and — in one transaction, in the
 * database — every cap, the phone allowance and "one visit a day".
 */
export async function createBooking(
  input: CreateBookingInput & { consent?: boolean; channel?: Channel; priorityReason?: "disability" | "pregnant" },
  ctx: BookingContext,
): Promise<BookingDTO> {
  const now = ctx.now ?? new Date();
  const channel: Channel = ctx.actor.type === "staff" ? (input.channel === "walk_in" ? "walk_in" : "assisted") : "online";
  const db = await getDb();
  const office = await requireOffice(input.office, db);
  // Citizens book online; anyone else books on a citizen's behalf and needs the permission for this office.
  if (ctx.actor.type !== "citizen") assertCan(ctx.actor, "booking.assist", office.id);
  const service = await requireService(office, input.service, db);
  const person = await checkPersonOrSuggest(db, input.nik, service, office, input.date, now, ctx.locale);
  const slot = await resolveSlot(db, office, service, input.date, input.session, channel, now);

  const nikHash = hashNik(person.nik);
  const phoneHash = hashPhone(input.phone);
  const dedupeKey = office.allowSeveralServicesPerDay ? `${nikHash}:${service.id}` : nikHash;
  const isElderly = office.isPriorityEnabled && person.age >= 60;

  for (let attempt = 0; ; attempt++) {
    try {
      const row = await db.transaction(async (tx) => {
        await assertNoActiveBooking(tx, input.date, dedupeKey);
        await applyUsageChanges(tx, [
          ...claimChanges(office, service, input.date, slot.start, slot.limits),
          phoneChange(office, input.date, phoneHash),
        ]);
        const queueSeq = await takeQueueNumber(tx, office.id, input.date, service.queueLetter);
        const [inserted] = await tx
          .insert(bookings)
          .values({
            reference: createReference(),
            officeId: office.id,
            serviceId: service.id,
            serviceDate: input.date,
            sessionStartsAt: slot.start,
            sessionEndsAt: slot.end,
            queueLetter: service.queueLetter,
            queueSeq,
            channel,
            nikHash,
            nikEncrypted: encryptNik(person.nik),
            nikMasked: maskNik(person.nik),
            fullName: input.name,
            phone: input.phone,
            phoneHash,
            email: input.email ?? null,
            ageYears: person.age,
            sex: person.sex,
            dedupeKey,
            isPriority: isElderly || Boolean(input.priorityReason),
            priorityReason: input.priorityReason ?? (isElderly ? "elderly" : null),
            consentAt: input.consent ? now : null,
            createdByStaffId: ctx.actor.type === "staff" ? ctx.actor.staffId : null,
          })
          .returning();
        await writeAudit(tx, {
          officeId: office.id,
          actor: ctx.actor,
          action: "booking.create",
          bookingId: inserted!.id,
          details: { channel, service: service.slug, date: input.date, session: slot.start },
        });
        return inserted!;
      });
      return toBookingDTO(row, service, office, ctx.locale);
    } catch (error) {
      const { code, constraint } = pgErrorCode(error);
      if (code === "23505" && constraint === "bookings_active_person_day_uq") throw new AppError("duplicate", "error.duplicate");
      if (code === "23505" && constraint === "bookings_reference_uq" && attempt < 3) continue;
      throw error;
    }
  }
}

/** The booking a reference names, for the confirmation page (whoever holds the reference may see it). */
export async function findBookingByReference(reference: string, locale: Locale): Promise<BookingDTO | null> {
  const db = await getDb();
  const found = await selectBookingWith(db, eq(bookings.reference, reference));
  return found ? toBookingDTO(found.booking, found.service, found.office, locale) : null;
}

/** Reference + NIK → the booking. An unknown reference and a wrong NIK get the same 404. */
export async function lookupBooking(input: LookupBookingInput, ctx: BookingContext): Promise<BookingDTO> {
  const db = await getDb();
  const found = await selectBookingWith(db, and(eq(bookings.reference, input.reference), provesNik(input))!);
  if (!found) throw notFound();
  return toBookingDTO(found.booking, found.service, found.office, ctx.locale);
}

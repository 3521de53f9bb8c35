import "server-only";
import { bookings, capacityReleases, services, standbyEntries } from "@/db/schema";
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import { decryptNik, encryptNik, hashNik, hashPhone } from "../crypto";
import { verifyManageToken } from "../manage-token";
import { getDb } from "../db";
import { AppError, notFound } from "../errors";
import { maskNik } from "../nik";
import { toBookingDTO, type BookingDTO } from "./booking-dto";
import { requirePerson, phoneChange } from "./booking-rules";
import { auditEntryBooking, entryBookingValues, withFreshReference } from "./citizen-entries";
import { withDefaults, type CommandOptions } from "./command-options";
import { applyUsageChanges, takeQueueNumber } from "./capacity-usage";
import { requireOfficeById } from "./offices";

/**
 * Accepts a standby offer: the held place becomes a booking in one transaction. The day, session and
 * service counters already count the held place, so only the phone's allowance and a queue number are
 * claimed; "one visit a day" is the same unique index as every booking. Locks: the entry, then its held
 * release (the expiry pass takes them in the same order), then the counters in applyUsageChanges' order.
 * A refusal (phone limit, already booked that day) writes nothing and leaves the offer standing.
 */
export async function acceptStandbyOffer(actor: Actor, input: { reference: string } & StandbyProof, options: CommandOptions = {}): Promise<BookingDTO> {
  const { now, locale } = withDefaults(options);
  const db = await getDb();
  return withFreshReference({ reference: "bookings_reference_uq", personDay: "bookings_active_person_day_uq" }, "error.duplicate", (reference) =>
    db.transaction(async (tx) => {
      const [entry] = await tx.select().from(standbyEntries).where(ownedBy(input, now)).for("update");
      if (!entry) throw notFound();
      const nik = "nik" in input ? input.nik : decryptNik(entry.nikEncrypted);
      const nikHash = entry.nikHash;
      if (entry.status !== "offered") throw new AppError("invalid_transition", "standby.error.noOffer");
      if (entry.offerExpiresAt!.getTime() <= now.getTime()) throw new AppError("invalid_transition", "standby.error.offerExpired");
      const [held] = await tx
        .select()
        .from(capacityReleases)
        .where(and(eq(capacityReleases.standbyEntryId, entry.id), eq(capacityReleases.status, "held")))
        .for("update");
      if (!held) throw new AppError("invalid_transition", "standby.error.noOffer");
      const office = await requireOfficeById(entry.officeId, tx);
      const [service] = await tx.select().from(services).where(eq(services.id, entry.serviceId));
      const person = requirePerson(nik, service!, office, entry.serviceDate, now);

      const phoneHash = hashPhone(entry.phone);
      await applyUsageChanges(tx, [phoneChange(office, entry.serviceDate, phoneHash)]);
      const queueSeq = await takeQueueNumber(tx, office.id, entry.serviceDate, service!.queueLetter);
      const [booking] = await tx
        .insert(bookings)
        .values({
          ...entryBookingValues(office, service!, entry, person, { nikHash, phoneHash }, now),
          reference,
          sessionStartsAt: entry.offeredSessionStartsAt!,
          sessionEndsAt: entry.offeredSessionEndsAt!,
          queueSeq,
          nikHash,
          nikEncrypted: encryptNik(person.nik),
          nikMasked: maskNik(person.nik),
          consentAt: entry.createdAt,
          language: locale,
        })
        .returning();
      await tx.update(capacityReleases).set({ status: "used", updatedAt: now }).where(eq(capacityReleases.id, held.id));
      await tx.update(standbyEntries).set({ status: "booked", bookingId: booking!.id, updatedAt: now }).where(eq(standbyEntries.id, entry.id));
      await auditEntryBooking(tx, actor, { ...booking!, session: booking!.sessionStartsAt.slice(0, 5) }, service!, { standby: entry.reference });
      return toBookingDTO(booking!, service!, office, locale);
    }),
  );
}

/**
 * Proof that the caller is the person on the list: the NIK (API), or the token the look-up page set after
 * checking the NIK (the web page's accept button, so the NIK never sits in a hidden field).
 */
export type StandbyProof = { nik: string } | { manageToken: string };

/** The manage token's subject for a standby entry (kept apart from booking references). */
export const standbyTokenSubject = (reference: string) => `standby:${reference}`;

function ownedBy(input: { reference: string } & StandbyProof, now: Date): SQL {
  const byReference = eq(standbyEntries.reference, input.reference);
  if ("nik" in input) return and(byReference, eq(standbyEntries.nikHash, hashNik(input.nik)))!;
  return verifyManageToken(input.manageToken, standbyTokenSubject(input.reference), now) ? byReference : sql`false`;
}

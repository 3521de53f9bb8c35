import "server-only";
import { and, eq, inArray, type SQL } from "drizzle-orm";
import { ACTIVE_BOOKING_STATUSES, bookings, lotteryEntries, offices, services, standbyEntries, type Office, type Service } from "@/db/schema";
import type { Executor } from "@/db/client";
import type { Actor } from "../auth/actor";
import { encryptNik, hashNik } from "../crypto";
import { AppError, pgErrorCode } from "../errors";
import type { Locale, MessageKey } from "../i18n/messages";
import { maskNik } from "../nik";
import { createReference, formatReference } from "../reference";
import { writeAudit } from "./audit";
import { serviceName } from "./services";

/**
 * What a citizen's request that is not (yet) a booking shares with one: the standby list's entries
 * (`standby.ts`), the lottery's (`lottery/entries.ts`), and the bookings they become (`standby-accept.ts`,
 * `lottery/draw.ts`).
 */

/** The "one visit a day" key of the bookings' unique index: the NIK's hash, with the service where the office allows several a day. */
export function dedupeKey(office: Pick<Office, "allowSeveralServicesPerDay">, nikHash: string, serviceId: string): string {
  return office.allowSeveralServicesPerDay ? `${nikHash}:${serviceId}` : nikHash;
}

/** 409 `duplicate` when the person already holds an active booking for the date (an entry would be pointless). */
export async function assertNotBookedThatDay(db: Executor, office: Office, service: Service, date: string, nikHash: string): Promise<void> {
  const [booked] = await db
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(eq(bookings.serviceDate, date), eq(bookings.dedupeKey, dedupeKey(office, nikHash, service.id)), inArray(bookings.status, [...ACTIVE_BOOKING_STATUSES])));
  if (booked) throw new AppError("duplicate", "error.duplicate");
}

/** The people still waiting on one standby list (an office's date and service), in the list's order by `seq`. */
export function waitingOnList(list: { officeId: string; serviceDate: string; serviceId: string }): SQL {
  return and(
    eq(standbyEntries.officeId, list.officeId),
    eq(standbyEntries.serviceDate, list.serviceDate),
    eq(standbyEntries.serviceId, list.serviceId),
    eq(standbyEntries.status, "waiting"),
  )!;
}

/** The NIK as every row that holds one stores it: the keyed hash, the ciphertext and the masked form. */
export function storedNik(nik: string): { nikHash: string; nikEncrypted: string; nikMasked: string } {
  return { nikHash: hashNik(nik), nikEncrypted: encryptNik(nik), nikMasked: maskNik(nik) };
}

/**
 * Runs `insert` with a fresh random reference, again (at most three times) when the table's unique reference
 * index says it is taken; the person's unique per-day index becomes a 409 `duplicate` worded by `duplicate`.
 * `fresh` draws the references (tests hand it a taken one first).
 */
export async function withFreshReference<T>(
  constraints: { reference: string; personDay: string },
  duplicate: MessageKey,
  insert: (reference: string) => Promise<T>,
  fresh: () => string = createReference,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const reference = fresh();
    try {
      return await insert(reference);
    } catch (error) {
      const { code, constraint } = pgErrorCode(error);
      if (code === "23505" && constraint === constraints.personDay) throw new AppError("duplicate", duplicate);
      if (code === "23505" && constraint === constraints.reference && attempt < 3) continue;
      throw error;
    }
  }
}

type EntryTable = typeof standbyEntries | typeof lotteryEntries;

/** One entry with its service, office and (once it became one) its booking's reference. */
export async function selectEntry<T extends EntryTable>(
  db: Executor,
  table: T,
  where: SQL | undefined,
): Promise<{ entry: T["$inferSelect"]; service: Service; office: Office; bookingReference: string | null } | undefined> {
  const entries = table as EntryTable;
  const [row] = await db
    .select({ entry: entries, service: services, office: offices, bookingReference: bookings.reference })
    .from(entries)
    .innerJoin(services, eq(services.id, entries.serviceId))
    .innerJoin(offices, eq(offices.id, entries.officeId))
    .leftJoin(bookings, eq(bookings.id, entries.bookingId))
    .where(where);
  return row as { entry: T["$inferSelect"]; service: Service; office: Office; bookingReference: string | null } | undefined;
}

/** The part of an entry's page every entry shows: its reference, date, service and office. */
export function entrySummary(entry: { reference: string; serviceDate: string }, service: Service, office: Office, locale: Locale) {
  return {
    reference: entry.reference,
    referenceDisplay: formatReference(entry.reference),
    date: entry.serviceDate,
    service: { slug: service.slug, name: serviceName(service, locale) },
    office: { slug: office.slug, name: office.name, timezone: office.timezone },
  };
}

/** The booking an entry became, as its page links it. */
export function bookingLink(reference: string): { reference: string; referenceDisplay: string } {
  return { reference, referenceDisplay: formatReference(reference) };
}

/**
 * The columns of the booking an entry becomes (an accepted standby offer, a lottery winner) that follow from
 * the entry and the person: place, service, date, name and phone, age, "one visit a day", the elderly's
 * priority. The caller adds the reference, session, queue number, NIK, consent and language.
 */
export function entryBookingValues(
  office: Office,
  service: Service,
  entry: { serviceDate: string; fullName: string; phone: string },
  person: { age: number; sex: string },
  ids: { nikHash: string; phoneHash: string },
  now: Date,
) {
  const isElderly = office.isPriorityEnabled && person.age >= 60;
  return {
    officeId: office.id,
    serviceId: service.id,
    serviceDate: entry.serviceDate,
    queueLetter: service.queueLetter,
    channel: "online" as const,
    fullName: entry.fullName,
    phone: entry.phone,
    phoneHash: ids.phoneHash,
    ageYears: person.age,
    sex: person.sex,
    dedupeKey: dedupeKey(office, ids.nikHash, service.id),
    isPriority: isElderly,
    priorityReason: isElderly ? ("elderly" as const) : null,
    createdAt: now,
    updatedAt: now,
  };
}

/** The audit row of a booking an entry became, naming the entry (`{ standby: reference }` or `{ lottery: reference }`). */
export function auditEntryBooking(
  tx: Executor,
  actor: Actor,
  booking: { id: string; officeId: string; serviceDate: string; session: string },
  service: Service,
  entry: { standby: string } | { lottery: string },
): Promise<void> {
  return writeAudit(tx, {
    officeId: booking.officeId,
    actor,
    action: "booking.create",
    bookingId: booking.id,
    details: { channel: "online", service: service.slug, date: booking.serviceDate, session: booking.session, ...entry },
  });
}

import { sql } from "drizzle-orm";
import { bigint, boolean, check, date, index, pgEnum, pgTable, time, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { bookings } from "./bookings";
import { languageCheck, languageColumn, timestamps } from "./columns";
import { entryColumns, entryPersonColumns } from "./entry-columns";
import { officeRef, serviceRef } from "./offices";

/**
 * A freed place on its way back to sale (issue 9's re-release delay): `pending` until `release_at`, then
 * `held` for the first person on the standby list (offered, not sold) or `released` (the counters given
 * back); a held place becomes `used` when the offer is accepted. Until it is released, the place stays
 * counted in `capacity_usages`, so nobody can book it in the meantime.
 */
export const capacityReleaseStatusEnum = pgEnum("capacity_release_status", ["pending", "held", "released", "used"]);

/** waiting → offered → booked, or expired (an offer not taken in time). */
export const standbyStatusEnum = pgEnum("standby_status", ["waiting", "offered", "booked", "expired"]);

export const standbyEntries = pgTable(
  "standby_entries",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The order of the list: first come, first offered. */
    seq: bigint({ mode: "number" }).generatedAlwaysAsIdentity(),
    ...entryColumns(),
    /** The one session the person can come to, or null for any session of the day. */
    sessionStartsAt: time(),
    ...entryPersonColumns(),
    language: languageColumn(),
    status: standbyStatusEnum().notNull().default("waiting"),
    offeredAt: timestamp({ withTimezone: true }),
    offerExpiresAt: timestamp({ withTimezone: true }),
    offeredSessionStartsAt: time(),
    offeredSessionEndsAt: time(),
    bookingId: uuid().references(() => bookings.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("standby_entries_reference_uq").on(t.reference),
    uniqueIndex("standby_entries_person_day_uq").on(t.officeId, t.serviceDate, t.nikHash),
    index("standby_entries_waiting_idx")
      .on(t.officeId, t.serviceDate, t.serviceId, t.seq)
      .where(sql`${t.status} = 'waiting'`),
    index("standby_entries_offer_due_idx")
      .on(t.offerExpiresAt)
      .where(sql`${t.status} = 'offered'`),
    languageCheck("standby_entries", t.language),
    check(
      "standby_entries_offer_ck",
      sql`${t.status} <> 'offered' or (${t.offerExpiresAt} is not null and ${t.offeredSessionStartsAt} is not null)`,
    ),
  ],
);

export const capacityReleases = pgTable(
  "capacity_releases",
  {
    id: uuid().primaryKey().defaultRandom(),
    officeId: officeRef(),
    serviceId: serviceRef(),
    serviceDate: date({ mode: "string" }).notNull(),
    sessionStartsAt: time().notNull(),
    sessionEndsAt: time().notNull(),
    /** A whole place (day, session and service counters); false when a booking only moved to another session of the same day. */
    isWholePlace: boolean().notNull(),
    releaseAt: timestamp({ withTimezone: true }).notNull(),
    status: capacityReleaseStatusEnum().notNull().default("pending"),
    /** The booking that gave the place up (cancelled or moved). */
    sourceBookingId: uuid().references(() => bookings.id, { onDelete: "set null" }),
    /** While `held`: the standby entry it is offered to. */
    standbyEntryId: uuid().references(() => standbyEntries.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    index("capacity_releases_due_idx")
      .on(t.releaseAt)
      .where(sql`${t.status} = 'pending'`),
    index("capacity_releases_office_day_idx").on(t.officeId, t.serviceDate, t.status),
    index("capacity_releases_entry_idx").on(t.standbyEntryId),
  ],
);

export type StandbyEntry = typeof standbyEntries.$inferSelect;
export type CapacityRelease = typeof capacityReleases.$inferSelect;

import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, primaryKey, smallint, text, time, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { languageCheck, languageColumn, timestamps } from "./columns";
import { bookingChannelEnum, bookingStatusEnum, callKindEnum, priorityReasonEnum } from "./enums";
import { officeRef, offices, serviceRef, services } from "./offices";
import { staffUsers } from "./staff";

/** Statuses that hold a place: they count against caps and against "one visit a day". */
export const ACTIVE_BOOKING_STATUSES = ["booked", "checked_in", "called", "serving"] as const;

/** A loket: a desk that serves a set of services. */
export const counters = pgTable(
  "counters",
  {
    id: uuid().primaryKey().defaultRandom(),
    officeId: officeRef(),
    number: smallint().notNull(),
    name: text().notNull(),
    isActive: boolean().notNull().default(true),
  },
  (t) => [uniqueIndex("counters_office_number_uq").on(t.officeId, t.number)],
);

export const counterServices = pgTable(
  "counter_services",
  {
    counterId: uuid()
      .notNull()
      .references(() => counters.id, { onDelete: "cascade" }),
    serviceId: serviceRef(),
  },
  (t) => [primaryKey({ columns: [t.counterId, t.serviceId] })],
);

export const bookings = pgTable(
  "bookings",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Random, unguessable, human-typable; never the row id. */
    reference: text().notNull(),
    officeId: uuid()
      .notNull()
      .references(() => offices.id),
    serviceId: uuid()
      .notNull()
      .references(() => services.id),
    serviceDate: date({ mode: "string" }).notNull(),
    sessionStartsAt: time().notNull(),
    sessionEndsAt: time().notNull(),
    queueLetter: text().notNull(),
    queueSeq: integer().notNull(),
    status: bookingStatusEnum().notNull().default("booked"),
    channel: bookingChannelEnum().notNull().default("online"),
    /** Keyed hash of the NIK (HMAC-SHA256) for uniqueness and look-up. Null once purged. */
    nikHash: text(),
    /** AES-256-GCM ciphertext of the NIK. Null once purged. */
    nikEncrypted: text(),
    nikMasked: text().notNull(),
    fullName: text(),
    phone: text(),
    phoneHash: text(),
    email: text(),
    ageYears: smallint(),
    sex: text(),
    /** "One visit a day" key: the NIK hash, or NIK hash + service where the office allows several. */
    dedupeKey: text(),
    isPriority: boolean().notNull().default(false),
    priorityReason: priorityReasonEnum(),
    consentAt: timestamp({ withTimezone: true }),
    /** The language the citizen booked in: its messages use it ("id" or "en"). */
    language: languageColumn(),
    /** Set when the citizen turned reminders off from the booking page. */
    remindersOptedOutAt: timestamp({ withTimezone: true }),
    /** Fair calling order: the session start for on-time arrivals, the check-in time for late ones. */
    queueSortAt: timestamp({ withTimezone: true }),
    checkedInAt: timestamp({ withTimezone: true }),
    calledAt: timestamp({ withTimezone: true }),
    callCount: smallint().notNull().default(0),
    counterId: uuid().references(() => counters.id),
    servingStartedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    noShowAt: timestamp({ withTimezone: true }),
    createdByStaffId: uuid().references(() => staffUsers.id),
    purgedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("bookings_reference_uq").on(t.reference),
    uniqueIndex("bookings_queue_number_uq").on(t.officeId, t.serviceDate, t.queueLetter, t.queueSeq),
    uniqueIndex("bookings_active_person_day_uq")
      .on(t.serviceDate, t.dedupeKey)
      .where(sql`${t.status} in ('booked', 'checked_in', 'called', 'serving')`),
    index("bookings_office_day_status_idx").on(t.officeId, t.serviceDate, t.status),
    index("bookings_waiting_idx")
      .on(t.officeId, t.serviceDate, t.queueSortAt)
      .where(sql`${t.status} = 'checked_in'`),
    index("bookings_nik_hash_idx").on(t.nikHash),
    check("bookings_session_ck", sql`${t.sessionStartsAt} < ${t.sessionEndsAt}`),
    check("bookings_sex_ck", sql`${t.sex} is null or ${t.sex} in ('M', 'F')`),
    languageCheck("bookings", t.language),
  ],
);

/** Every call and recall of a booking to a counter: the call display's history and the wait-time record. */
export const calls = pgTable(
  "calls",
  {
    id: uuid().primaryKey().defaultRandom(),
    officeId: officeRef(),
    bookingId: uuid()
      .notNull()
      .references(() => bookings.id, { onDelete: "cascade" }),
    counterId: uuid()
      .notNull()
      .references(() => counters.id),
    kind: callKindEnum().notNull(),
    calledAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // By booking: the reports take each visit's first call (its waiting time).
  (t) => [index("calls_office_called_idx").on(t.officeId, t.calledAt), index("calls_booking_idx").on(t.bookingId, t.calledAt)],
);

export type Booking = typeof bookings.$inferSelect;
export type BookingStatus = Booking["status"];
export type Counter = typeof counters.$inferSelect;

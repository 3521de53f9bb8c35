import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  time,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { timestamps } from "./columns";
import { documentCopyEnum, lateArrivalPolicyEnum, requirementKindEnum } from "./enums";

/** One civil-registration office; every rule that an office may tune lives on this row. */
export const offices = pgTable(
  "offices",
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull(),
    name: text().notNull(),
    shortName: text().notNull(),
    timezone: text().notNull().default("Asia/Jakarta"),
    regionCode: text().notNull(),
    address: text(),
    website: text(),
    /** ISO weekdays (1 = Monday) open every week; other days open only through a date override. */
    openWeekdays: smallint().array().notNull().default(sql`'{1,2,3,4,5}'::smallint[]`),
    dailyCap: integer().notNull().default(250),
    walkInReservePercent: smallint().notNull().default(20),
    bookingDaysAhead: smallint().notNull().default(7),
    bookingOpensAt: time().notNull().default("00:00"),
    bookingCutoffDaysBefore: smallint().notNull().default(1),
    bookingCutoffAt: time().notNull().default("23:59"),
    phoneDailyLimit: smallint().notNull().default(5),
    allowSeveralServicesPerDay: boolean().notNull().default(false),
    checkInOpensMinutes: smallint().notNull().default(60),
    checkInGraceMinutes: smallint().notNull().default(30),
    lateArrivalPolicy: lateArrivalPolicyEnum().notNull().default("back_of_queue"),
    noShowAfterCalls: smallint().notNull().default(3),
    /** The citizen's live page says "your turn is near" (sound, vibration) at this many or fewer ahead. */
    nearTurnAhead: smallint().notNull().default(3),
    isPriorityEnabled: boolean().notNull().default(true),
    retentionDays: smallint().notNull().default(365),
    /** Close Indonesian national holidays automatically (the hourly job adds each new year's). */
    observesNationalHolidays: boolean().notNull().default(true),
    /**
     * Proof of work for anonymous bookings: the largest counter a browser may have to try (each try is
     * one PBKDF2 of POW_COST rounds); about three quarters of it on average.
     */
    powDifficulty: integer().notNull().default(2000),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("offices_slug_uq").on(t.slug),
    check("offices_daily_cap_ck", sql`${t.dailyCap} >= 0`),
    check("offices_reserve_ck", sql`${t.walkInReservePercent} between 0 and 100`),
    check("offices_days_ahead_ck", sql`${t.bookingDaysAhead} between 1 and 90`),
    check("offices_phone_limit_ck", sql`${t.phoneDailyLimit} between 1 and 50`),
    check("offices_near_turn_ck", sql`${t.nearTurnAhead} between 0 and 50`),
    check("offices_pow_difficulty_ck", sql`${t.powDifficulty} between 1 and 1000000`),
  ],
);

export const services = pgTable(
  "services",
  {
    id: uuid().primaryKey().defaultRandom(),
    officeId: uuid()
      .notNull()
      .references(() => offices.id, { onDelete: "cascade" }),
    slug: text().notNull(),
    category: text().notNull(),
    categoryEn: text(),
    name: text().notNull(),
    nameEn: text(),
    minAge: smallint(),
    maxAge: smallint(),
    eligibilityNote: text(),
    eligibilityNoteEn: text(),
    queueLetter: text().notNull(),
    /** Optional cap on this service's bookings per day (in addition to the office's caps). */
    dailyCap: integer(),
    isActive: boolean().notNull().default(true),
    position: smallint().notNull().default(0),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("services_office_slug_uq").on(t.officeId, t.slug),
    check("services_letter_ck", sql`${t.queueLetter} ~ '^[A-Z]$'`),
    check("services_daily_cap_ck", sql`${t.dailyCap} is null or ${t.dailyCap} >= 0`),
  ],
);

export const serviceRequirements = pgTable(
  "service_requirements",
  {
    id: uuid().primaryKey().defaultRandom(),
    serviceId: uuid()
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    position: smallint().notNull(),
    text: text().notNull(),
    textEn: text(),
    kind: requirementKindEnum().notNull().default("document"),
    /** Documents only: original, photocopy or both, and how many copies, where the office says so. */
    copy: documentCopyEnum(),
    copies: smallint(),
  },
  (t) => [
    index("service_requirements_service_idx").on(t.serviceId, t.position),
    check("service_requirements_copy_ck", sql`${t.kind} = 'document' or (${t.copy} is null and ${t.copies} is null)`),
    check("service_requirements_copies_ck", sql`${t.copies} is null or ${t.copies} between 1 and 20`),
  ],
);

export const forms = pgTable(
  "forms",
  {
    id: uuid().primaryKey().defaultRandom(),
    officeId: uuid()
      .notNull()
      .references(() => offices.id, { onDelete: "cascade" }),
    slug: text().notNull(),
    name: text().notNull(),
    nameEn: text(),
    description: text(),
    descriptionEn: text(),
    note: text(),
    noteEn: text(),
    url: text().notNull(),
  },
  (t) => [uniqueIndex("forms_office_slug_uq").on(t.officeId, t.slug)],
);

export const requirementForms = pgTable(
  "requirement_forms",
  {
    requirementId: uuid()
      .notNull()
      .references(() => serviceRequirements.id, { onDelete: "cascade" }),
    formId: uuid()
      .notNull()
      .references(() => forms.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.requirementId, t.formId] })],
);

export type Office = typeof offices.$inferSelect;
export type Service = typeof services.$inferSelect;
export type ServiceRequirement = typeof serviceRequirements.$inferSelect;
export type Form = typeof forms.$inferSelect;

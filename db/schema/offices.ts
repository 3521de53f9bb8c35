import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  time,
  timestamp,
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
    /** The place's name in English where it differs (citizens reading English see it); null: the Indonesian. */
    nameEn: text(),
    shortName: text().notNull(),
    timezone: text().notNull().default("Asia/Jakarta"),
    regionCode: text().notNull(),
    address: text(),
    website: text(),
    /**
     * Service points: the organisation's main office has no parent; every other place (Mal Pelayanan
     * Publik, a kecamatan, the training place) points at it. Each place keeps its own schedule, caps,
     * counters, staff and devices; the citizen chooses among the main office and its public places.
     */
    parentId: uuid().references((): AnyPgColumn => offices.id, { onDelete: "restrict" }),
    /** Listed to citizens and bookable online. Off: staff, devices and assisted booking only. */
    isPublic: boolean().notNull().default(true),
    /** A practice place: never in reports or transparency figures, hidden from citizens unless public. */
    isTraining: boolean().notNull().default(false),
    /** A plain https link to the place on a map (OpenStreetMap, Google Maps); never an embedded map. */
    mapUrl: text(),
    /** Order in the citizen's list of places. */
    placePosition: smallint().notNull().default(0),
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
    /** A cancelled or moved booking's place returns to sale (or goes to the standby list) this long after. */
    releaseDelayMinutes: smallint().notNull().default(30),
    /** How long a standby offer is held for the person it is offered to. */
    standbyOfferMinutes: smallint().notNull().default(120),
    isPriorityEnabled: boolean().notNull().default(true),
    /**
     * Priority rebookings (after an outage or closure) may use this share of a day's cap on top of the
     * online quota, inside the walk-in reserve and never over the day's or a session's full capacity.
     */
    priorityRebookPercent: smallint().notNull().default(10),
    retentionDays: smallint().notNull().default(365),
    /** Close Indonesian national holidays automatically (the hourly job adds each new year's). */
    observesNationalHolidays: boolean().notNull().default(true),
    /**
     * Proof of work for anonymous bookings: the largest counter a browser may have to try (each try is
     * one PBKDF2 of POW_COST rounds); about three quarters of it on average.
     */
    powDifficulty: integer().notNull().default(2000),
    /**
     * Fair release (issue 9): requests in the first `lotteryWindowMinutes` after a date opens are collected
     * as lottery entries and the places drawn when the window closes, instead of first come, first served.
     */
    isLotteryEnabled: boolean().notNull().default(false),
    lotteryWindowMinutes: smallint().notNull().default(30),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("offices_slug_uq").on(t.slug),
    index("offices_parent_idx").on(t.parentId),
    check("offices_map_url_ck", sql`${t.mapUrl} is null or ${t.mapUrl} ~ '^https://[^[:space:]]+$'`),
    check("offices_parent_ck", sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
    check("offices_daily_cap_ck", sql`${t.dailyCap} >= 0`),
    check("offices_reserve_ck", sql`${t.walkInReservePercent} between 0 and 100`),
    check("offices_days_ahead_ck", sql`${t.bookingDaysAhead} between 1 and 90`),
    check("offices_phone_limit_ck", sql`${t.phoneDailyLimit} between 1 and 50`),
    check("offices_near_turn_ck", sql`${t.nearTurnAhead} between 0 and 50`),
    // The rest of the tunables: the admin's settings form mirrors these (lib/validation/office-settings.ts).
    check("offices_daily_cap_max_ck", sql`${t.dailyCap} <= 10000000`),
    check("offices_cutoff_ck", sql`${t.bookingCutoffDaysBefore} between 0 and 90`),
    check("offices_check_in_ck", sql`${t.checkInOpensMinutes} between 0 and 600 and ${t.checkInGraceMinutes} between 0 and 240`),
    check("offices_no_show_ck", sql`${t.noShowAfterCalls} between 1 and 10`),
    check("offices_retention_ck", sql`${t.retentionDays} between 30 and 3650`),
    check("offices_name_ck", sql`length(${t.name}) between 1 and 200 and length(${t.shortName}) between 1 and 60`),
    // Mirrored by the places form (lib/validation/places.ts).
    check("offices_name_en_ck", sql`${t.nameEn} is null or length(${t.nameEn}) between 1 and 200`),
    check("offices_place_position_ck", sql`${t.placePosition} between 0 and 999`),
    check("offices_release_delay_ck", sql`${t.releaseDelayMinutes} between 0 and 1440`),
    check("offices_standby_offer_ck", sql`${t.standbyOfferMinutes} between 5 and 1440`),
    check("offices_priority_rebook_ck", sql`${t.priorityRebookPercent} between 0 and 100`),
    check("offices_pow_difficulty_ck", sql`${t.powDifficulty} between 1 and 1000000`),
    check("offices_lottery_window_ck", sql`${t.lotteryWindowMinutes} between 1 and 1440`),
  ],
);

/** A row that belongs to one office and goes with it (`office_id … references offices on delete cascade`). */
export const officeRef = () =>
  uuid()
    .notNull()
    .references((): AnyPgColumn => offices.id, { onDelete: "cascade" });

/** A row that belongs to one service and goes with it. */
export const serviceRef = () =>
  uuid()
    .notNull()
    .references((): AnyPgColumn => services.id, { onDelete: "cascade" });

export const services = pgTable(
  "services",
  {
    id: uuid().primaryKey().defaultRandom(),
    officeId: officeRef(),
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
    // Mirrored by the admin's service form (lib/validation/services.ts).
    check("services_daily_cap_max_ck", sql`${t.dailyCap} is null or ${t.dailyCap} <= 10000000`),
    check(
      "services_age_ck",
      sql`(${t.minAge} is null or ${t.minAge} between 0 and 120) and (${t.maxAge} is null or ${t.maxAge} between 0 and 120) and (${t.minAge} is null or ${t.maxAge} is null or ${t.minAge} <= ${t.maxAge})`,
    ),
    check("services_name_ck", sql`length(${t.name}) between 1 and 200 and length(${t.category}) between 1 and 100`),
  ],
);

export const serviceRequirements = pgTable(
  "service_requirements",
  {
    id: uuid().primaryKey().defaultRandom(),
    serviceId: serviceRef(),
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

/** Raw bytes (`bytea`): a Buffer on both drivers (postgres.js gives a Buffer, PGlite a Uint8Array). */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (value) => value,
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** The largest form PDF an office may upload (2 MiB); the database holds the same bound. */
export const FORM_FILE_MAX_BYTES = 2 * 1024 * 1024;

export const forms = pgTable(
  "forms",
  {
    id: uuid().primaryKey().defaultRandom(),
    officeId: officeRef(),
    slug: text().notNull(),
    name: text().notNull(),
    nameEn: text(),
    description: text(),
    descriptionEn: text(),
    note: text(),
    noteEn: text(),
    /** A link to the form on another site; optional when the office uploaded the PDF itself. */
    url: text(),
    /**
     * The uploaded PDF, served at a stable public address (`/api/v1/forms/{office}/{slug}.pdf`). Selected
     * only by the download route: list queries name their columns.
     */
    file: bytea(),
    fileName: text(),
    fileSha256: text(),
    fileUpdatedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("forms_office_slug_uq").on(t.officeId, t.slug),
    check("forms_source_ck", sql`${t.url} is not null or ${t.file} is not null`),
    check(
      "forms_file_ck",
      sql`(${t.file} is null and ${t.fileName} is null and ${t.fileSha256} is null and ${t.fileUpdatedAt} is null) or (${t.file} is not null and ${t.fileName} is not null and ${t.fileSha256} is not null and ${t.fileUpdatedAt} is not null and octet_length(${t.file}) between 5 and ${sql.raw(String(FORM_FILE_MAX_BYTES))} and substring(${t.file} from 1 for 5) = '\\x255044462d'::bytea and length(${t.fileName}) between 5 and 120)`,
    ),
  ],
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

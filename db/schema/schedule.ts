import { sql } from "drizzle-orm";
import { boolean, check, date, integer, pgTable, primaryKey, smallint, text, time, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { capacityScopeEnum, dateOverrideKindEnum } from "./enums";
import { officeRef } from "./offices";

/** The weekly template: one row per session (e.g. Monday 08:00–09:00, capacity 42). weekday is ISO (1 = Monday). */
export const weeklySessions = pgTable(
  "weekly_sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    officeId: officeRef(),
    weekday: smallint().notNull(),
    startsAt: time().notNull(),
    endsAt: time().notNull(),
    capacity: integer().notNull(),
  },
  (t) => [
    uniqueIndex("weekly_sessions_office_day_start_uq").on(t.officeId, t.weekday, t.startsAt),
    check("weekly_sessions_weekday_ck", sql`${t.weekday} between 1 and 7`),
    check("weekly_sessions_order_ck", sql`${t.startsAt} < ${t.endsAt}`),
    check("weekly_sessions_capacity_ck", sql`${t.capacity} >= 0`),
  ],
);

/**
 * A date that departs from the weekly template: `closed` (holiday, office closure) or `open`
 * (e.g. a Saturday service day, using that weekday's sessions) with its own daily cap.
 */
export const dateOverrides = pgTable(
  "date_overrides",
  {
    id: uuid().primaryKey().defaultRandom(),
    officeId: officeRef(),
    date: date({ mode: "string" }).notNull(),
    kind: dateOverrideKindEnum().notNull(),
    reason: text().notNull(),
    reasonEn: text(),
    dailyCap: integer(),
    /**
     * A `closed` day that is a holiday (national holidays, the imported cuti bersama): citizens read
     * "Libur: …". An ad-hoc closure (SIAK down, an office event) is not, and reads "Tutup: …".
     */
    isHoliday: boolean().notNull().default(false),
  },
  (t) => [
    uniqueIndex("date_overrides_office_date_uq").on(t.officeId, t.date),
    check("date_overrides_cap_ck", sql`${t.dailyCap} is null or ${t.dailyCap} >= 0`),
  ],
);

/** A per-date change to one session's capacity (0 closes that session on that date). */
export const sessionCapacityOverrides = pgTable(
  "session_capacity_overrides",
  {
    officeId: officeRef(),
    date: date({ mode: "string" }).notNull(),
    startsAt: time().notNull(),
    capacity: integer().notNull(),
    /** Set when the session is closed on that date (capacity 0): the public reason, shown to citizens. */
    reason: text(),
    reasonEn: text(),
  },
  (t) => [
    primaryKey({ columns: [t.officeId, t.date, t.startsAt] }),
    check("session_capacity_overrides_ck", sql`${t.capacity} >= 0`),
  ],
);

/**
 * Locked counter rows that enforce every cap. A booking increments each of its rows with
 * `update … set used = used + 1 where used < $limit`, in one fixed order, inside its transaction;
 * a row that does not move means "full" and the whole transaction rolls back.
 * scope_key: '' for day, 'HH:MM' for session, service id, phone hash, or the queue letter (sequence).
 */
export const capacityUsages = pgTable(
  "capacity_usages",
  {
    officeId: officeRef(),
    serviceDate: date({ mode: "string" }).notNull(),
    scope: capacityScopeEnum().notNull(),
    scopeKey: text().notNull(),
    used: integer().notNull().default(0),
    /**
     * The cap the database itself holds a day or session row to, set by schedule changes (a lowered cap,
     * a closure: 0). An increment past it is skipped by a trigger (migration "capacity_ceiling"), so a
     * booking that read the old cap a moment earlier can never oversell the new one. Null: no ceiling.
     */
    ceiling: integer(),
  },
  (t) => [
    primaryKey({ columns: [t.officeId, t.serviceDate, t.scope, t.scopeKey] }),
    check("capacity_usages_used_ck", sql`${t.used} >= 0`),
  ],
);

export type WeeklySession = typeof weeklySessions.$inferSelect;
export type DateOverride = typeof dateOverrides.$inferSelect;

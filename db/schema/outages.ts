import { sql } from "drizzle-orm";
import { check, date, index, pgTable, text, time, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { services, officeRef } from "./offices";
import { staffUsers } from "./staff";

/**
 * The outage switch: a session, a day or a service suspended from `starts_at` on (SIAK or the network down,
 * blank cards run out). While `lifted_at` is null no new booking is taken for what it covers and the public
 * pages and the availability API show the reason; the bookings it cancelled got a priority rebooking.
 */
export const outages = pgTable(
  "outages",
  {
    id: uuid().primaryKey().defaultRandom(),
    officeId: officeRef(),
    date: date({ mode: "string" }).notNull(),
    /** Null: every session of the date. */
    sessionStartsAt: time(),
    /** Null: every service. */
    serviceId: uuid().references(() => services.id, { onDelete: "cascade" }),
    reasonCode: text().notNull(),
    reason: text().notNull(),
    reasonEn: text(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    liftedAt: timestamp({ withTimezone: true }),
    createdByStaffId: uuid().references(() => staffUsers.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("outages_office_date_idx").on(t.officeId, t.date),
    // One active outage per scope (date; a session or all of them; a service or all of them): two declared at
    // once (the API and the staff form) would leave the scope suspended after one of them was lifted.
    uniqueIndex("outages_active_scope_uq")
      .on(t.officeId, t.date, sql`coalesce(${t.sessionStartsAt}::text, '')`, sql`coalesce(${t.serviceId}::text, '')`)
      .where(sql`${t.liftedAt} is null`),
    check("outages_reason_code_ck", sql`${t.reasonCode} in ('siak_down', 'network_down', 'blanko_empty', 'other')`),
    check("outages_reason_ck", sql`length(${t.reason}) between 1 and 300 and (${t.reasonEn} is null or length(${t.reasonEn}) between 1 and 300)`),
  ],
);

export type Outage = typeof outages.$inferSelect;

import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bookings } from "./bookings";
import { actorTypeEnum } from "./enums";
import { offices } from "./offices";
import { devices, staffUsers } from "./staff";

/** Who did what to which booking, when and from where; written in the same transaction as the change. */
export const auditLogs = pgTable(
  "audit_logs",
  {
    id: uuid().primaryKey().defaultRandom(),
    officeId: uuid().references(() => offices.id, { onDelete: "cascade" }),
    actorType: actorTypeEnum().notNull(),
    actorStaffId: uuid().references(() => staffUsers.id),
    actorDeviceId: uuid().references(() => devices.id),
    action: text().notNull(),
    bookingId: uuid().references(() => bookings.id, { onDelete: "set null" }),
    details: jsonb().$type<Record<string, unknown>>(),
    ip: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_logs_booking_idx").on(t.bookingId),
    index("audit_logs_office_created_idx").on(t.officeId, t.createdAt),
    // The reports' fill-minute replays reschedules: few rows among many audit rows.
    index("audit_logs_reschedule_idx").on(t.officeId, t.createdAt).where(sql`${t.action} = 'booking.reschedule'`),
  ],
);

/** Fixed-window request counters for public endpoints, shared by every app instance. */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text().notNull(),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    count: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

export type AuditLog = typeof auditLogs.$inferSelect;

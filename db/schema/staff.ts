import { sql } from "drizzle-orm";
import { boolean, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "./columns";
import { deviceKindEnum, staffRoleEnum } from "./enums";
import { offices, officeRef } from "./offices";

export const staffUsers = pgTable(
  "staff_users",
  {
    id: uuid().primaryKey().defaultRandom(),
    officeId: uuid()
      .notNull()
      .references(() => offices.id),
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    role: staffRoleEnum().notNull(),
    isActive: boolean().notNull().default(true),
    /** Bumped on logout-everywhere, role change or disable: older sessions stop at their next request. */
    sessionVersion: integer().notNull().default(1),
    lastLoginAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex("staff_users_email_uq").on(sql`lower(${t.email})`)],
);

/** Failed-login bookkeeping per account and per address, shared by every app instance. */
export const loginThrottles = pgTable("login_throttles", {
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  lastFailedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp({ withTimezone: true }),
});

/** A screen without a person logged in (call display, check-in kiosk), authenticated by a revocable token. */
export const devices = pgTable(
  "devices",
  {
    id: uuid().primaryKey().defaultRandom(),
    officeId: officeRef(),
    kind: deviceKindEnum().notNull(),
    name: text().notNull(),
    tokenHash: text().notNull(),
    createdByStaffId: uuid().references(() => staffUsers.id),
    lastSeenAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("devices_token_hash_uq").on(t.tokenHash)],
);

export type StaffUser = typeof staffUsers.$inferSelect;
export type StaffRole = StaffUser["role"];
export type Device = typeof devices.$inferSelect;

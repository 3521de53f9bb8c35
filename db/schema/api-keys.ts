import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { officeRef } from "./offices";
import { staffUsers } from "./staff";

export const API_KEY_SCOPES = ["booking", "admin", "reports"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/**
 * A key for a trusted integration (kiosk, partner system, reporting). Only the key's SHA-256 is stored;
 * `prefix` (the first characters) lets an admin tell keys apart without revealing one.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid().primaryKey().defaultRandom(),
    officeId: officeRef(),
    name: text().notNull(),
    prefix: text().notNull(),
    keyHash: text().notNull(),
    scopes: text().array().$type<ApiKeyScope[]>().notNull(),
    createdByStaffId: uuid().references(() => staffUsers.id),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("api_keys_key_hash_uq").on(t.keyHash),
    index("api_keys_office_idx").on(t.officeId),
    check("api_keys_scopes_ck", sql`cardinality(${t.scopes}) > 0 and ${t.scopes} <@ array['booking', 'admin', 'reports']::text[]`),
  ],
);

export type ApiKey = typeof apiKeys.$inferSelect;

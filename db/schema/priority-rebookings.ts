import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bookings } from "./bookings";
import { officeRef } from "./offices";

/**
 * A booking the office cancelled (outage, closure, lowered cap) and the citizen's right to a priority
 * rebooking: for `expires_at` they may move to any later session ahead of the normal online quota, once.
 * The token itself is never stored: it is an HMAC of the reference and the expiry (lib/priority-token.ts),
 * so the row only says whether the right still stands.
 */
export const priorityRebookings = pgTable(
  "priority_rebookings",
  {
    bookingId: uuid()
      .primaryKey()
      .references(() => bookings.id, { onDelete: "cascade" }),
    officeId: officeRef(),
    /** What caused the cancellation: an outage, a closed day, a lowered cap. */
    source: text().notNull(),
    /** The public reason, as the citizen read it (Indonesian, and English where given). */
    reason: text().notNull(),
    reasonEn: text(),
    /** The outage (or other change) that caused it, for the contact list. */
    sourceId: uuid(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** Set once, by the rebooking that used the right. */
    usedAt: timestamp({ withTimezone: true }),
    newBookingId: uuid().references(() => bookings.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("priority_rebookings_office_idx").on(t.officeId, t.createdAt),
    index("priority_rebookings_source_idx").on(t.sourceId),
    check("priority_rebookings_source_ck", sql`${t.source} in ('outage', 'closure', 'capacity')`),
  ],
);

export type PriorityRebooking = typeof priorityRebookings.$inferSelect;

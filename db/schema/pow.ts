import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Proof-of-work challenges (and no-JavaScript wait tokens) already used for a booking attempt, by their
 * nonce: a second use is refused on every instance. A row is useless once its challenge has expired and
 * is pruned then (unlogged, like rate limits: see the migration).
 */
export const powSpent = pgTable(
  "pow_spent",
  {
    nonce: text().primaryKey(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("pow_spent_expires_idx").on(t.expiresAt)],
);

import { sql } from "drizzle-orm";
import { check, date, index, integer, pgEnum, pgTable, text, time, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { bookings } from "./bookings";
import { languageCheck, languageColumn, timestamps } from "./columns";
import { entryColumns, entryPersonColumns } from "./entry-columns";
import { officeRef } from "./offices";

/** waiting (until the draw) → drawn (a booking was made) or not_drawn. */
export const lotteryEntryStatusEnum = pgEnum("lottery_entry_status", ["waiting", "drawn", "not_drawn"]);

/**
 * A citizen's request made during a date's lottery window (issue 9's fair release): the same checks as a
 * booking, kept until the draw. One entry per NIK, office and date. Deleted after the retention period.
 */
export const lotteryEntries = pgTable(
  "lottery_entries",
  {
    id: uuid().primaryKey().defaultRandom(),
    ...entryColumns(),
    /** The session the person chose; a winner whose session is full gets another of the same date. */
    sessionStartsAt: time().notNull(),
    /** When the window closes and the date's entries are drawn. */
    drawAt: timestamp({ withTimezone: true }).notNull(),
    ...entryPersonColumns(),
    email: text(),
    language: languageColumn(),
    consentAt: timestamp({ withTimezone: true }),
    status: lotteryEntryStatusEnum().notNull().default("waiting"),
    bookingId: uuid().references(() => bookings.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("lottery_entries_reference_uq").on(t.reference),
    uniqueIndex("lottery_entries_person_day_uq").on(t.officeId, t.serviceDate, t.nikHash),
    index("lottery_entries_due_idx")
      .on(t.drawAt)
      .where(sql`${t.status} = 'waiting'`),
    index("lottery_entries_office_day_idx").on(t.officeId, t.serviceDate),
    languageCheck("lottery_entries", t.language),
  ],
);

/**
 * One draw per office and date (the unique index is what makes two instances never draw twice). The seed
 * is stored so anyone holding it and the entries' ids can redo the order (lib/lottery/draw.ts).
 */
export const lotteryDraws = pgTable(
  "lottery_draws",
  {
    id: uuid().primaryKey().defaultRandom(),
    officeId: officeRef(),
    serviceDate: date({ mode: "string" }).notNull(),
    seed: text().notNull(),
    entryCount: integer().notNull(),
    /** The online places free when the draw ran. */
    places: integer().notNull(),
    winners: integer().notNull(),
    drawnAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("lottery_draws_office_day_uq").on(t.officeId, t.serviceDate),
    check("lottery_draws_seed_ck", sql`${t.seed} ~ '^[0-9a-f]{64}$'`),
    check("lottery_draws_counts_ck", sql`${t.entryCount} >= 0 and ${t.places} >= 0 and ${t.winners} between 0 and ${t.entryCount}`),
  ],
);

export type LotteryEntry = typeof lotteryEntries.$inferSelect;
export type LotteryDraw = typeof lotteryDraws.$inferSelect;

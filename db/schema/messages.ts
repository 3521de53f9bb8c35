import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "./columns";
import { bookings } from "./bookings";
import { messageChannelEnum, messageKindEnum, messageStatusEnum } from "./enums";
import { officeRef } from "./offices";

/** What a template may use. Never a NIK: the trigger that writes these never reads one. */
export type MessageParams = {
  reference: string;
  queueNumber: string;
  service: string;
  date: string;
  sessionStart: string;
  sessionEnd: string;
  arriveBy: string;
  place: string;
  address: string | null;
  bring: string[];
  link: string;
  /** A standby offer's deadline, office-local (`YYYY-MM-DD`, `HH:MM`). */
  deadlineDate?: string;
  deadlineTime?: string;
  /** Outage and closure notices: the priority rebooking page (with its token), why, and until when. */
  rebookLink?: string;
  reason?: string;
  rebookUntil?: string;
};

/**
 * The outbox. Rows are written in the same transaction as their cause (a trigger on `bookings`, see the
 * messages migration) and sent by the worker (lib/messages/worker.ts), at least once.
 */
export const messages = pgTable(
  "messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    officeId: officeRef(),
    bookingId: uuid().references(() => bookings.id, { onDelete: "set null" }),
    kind: messageKindEnum().notNull(),
    channel: messageChannelEnum().notNull(),
    /** The phone number (62…) or email address; null once the booking's personal data is purged. */
    recipient: text(),
    language: text().notNull().default("id"),
    params: jsonb().$type<MessageParams>().notNull(),
    /** The text as sent the last time (templates may change between attempts). */
    renderedText: text(),
    /** Stable across retries: the gateway's idempotency key, so a retry after a crash is not a second message. */
    idempotencyKey: text().notNull(),
    status: messageStatusEnum().notNull().default("queued"),
    attempts: smallint().notNull().default(0),
    /** When the worker may (re)try; also the lease of a claimed row, so a dead worker's row comes back. */
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastError: text(),
    providerMessageId: text(),
    sentAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("messages_idempotency_key_uq").on(t.idempotencyKey),
    index("messages_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'queued'`),
    index("messages_office_created_idx").on(t.officeId, t.createdAt),
    index("messages_booking_idx").on(t.bookingId),
  ],
);

/** Every attempt to send a message: when, on which channel, what the provider answered. */
export const messageAttempts = pgTable(
  "message_attempts",
  {
    id: uuid().primaryKey().defaultRandom(),
    messageId: uuid()
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    attemptedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    channel: messageChannelEnum().notNull(),
    isSuccess: boolean().notNull(),
    /** HTTP status or SMTP response code, when there was one. */
    providerStatus: integer(),
    /** The provider's answer, shortened. */
    providerAnswer: text(),
    error: text(),
  },
  (t) => [index("message_attempts_message_idx").on(t.messageId, t.attemptedAt)],
);

export type Message = typeof messages.$inferSelect;
export type MessageAttempt = typeof messageAttempts.$inferSelect;

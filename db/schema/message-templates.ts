import { sql } from "drizzle-orm";
import { check, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { languageCheck, timestamps } from "./columns";
import { messageKindEnum } from "./enums";
import { officeRef } from "./offices";
import { staffUsers } from "./staff";

/** An office's own text for one message kind and language; without a row the default in lib/messages/templates.ts is used. */
export const messageTemplates = pgTable(
  "message_templates",
  {
    id: uuid().primaryKey().defaultRandom(),
    officeId: officeRef(),
    kind: messageKindEnum().notNull(),
    language: text().notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    updatedBy: uuid().references(() => staffUsers.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("message_templates_office_kind_language_uq").on(t.officeId, t.kind, t.language),
    index("message_templates_office_idx").on(t.officeId),
    languageCheck("message_templates", t.language),
    check("message_templates_length_ck", sql`length(${t.subject}) between 1 and 200 and length(${t.body}) between 1 and 2000`),
  ],
);

export type MessageTemplate = typeof messageTemplates.$inferSelect;

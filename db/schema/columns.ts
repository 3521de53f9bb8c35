import { sql } from "drizzle-orm";
import { check, text, timestamp, type PgColumn } from "drizzle-orm/pg-core";

export const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
};

/** The language of a row's messages: Indonesian or English (`<table>_language_ck`). */
export const languageColumn = () => text().notNull().default("id");
export const languageCheck = (table: string, language: PgColumn) => check(`${table}_language_ck`, sql`${language} in ('id', 'en')`);

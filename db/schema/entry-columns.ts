import { date, text } from "drizzle-orm/pg-core";
import { officeRef, serviceRef } from "./offices";

/**
 * The columns a citizen's request for a visit carries before it is a booking (a standby entry, a lottery
 * entry): its reference, the office, service and date, and the person as a booking stores them (the NIK as a
 * keyed hash for "one entry per NIK and date" and the look-up, encrypted for the booking it may become, and
 * masked), with the language its messages are written in. Entries are deleted after the retention period.
 */
export const entryColumns = () => ({
  /** Random, like a booking's; with the NIK it opens the look-up (and a standby offer's accept page). */
  reference: text().notNull(),
  officeId: officeRef(),
  serviceId: serviceRef(),
  serviceDate: date({ mode: "string" }).notNull(),
});

export const entryPersonColumns = () => ({
  nikHash: text().notNull(),
  nikEncrypted: text().notNull(),
  nikMasked: text().notNull(),
  fullName: text().notNull(),
  phone: text().notNull(),
});

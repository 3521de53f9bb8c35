import { sql } from "drizzle-orm";
import { check, date, index, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { bookings, counters } from "./bookings";
import { services, officeRef } from "./offices";

const score = () => smallint().notNull();

/**
 * One SKM answer sheet (PermenPANRB 14/2017): the nine elements on the 1–4 scale, an optional comment and
 * the optional respondent profile. No NIK, name or phone: the booking link only enforces "one response per
 * served visit" and is cut when the booking is purged; office, service, counter and date stay for the IKM.
 */
export const surveyResponses = pgTable(
  "survey_responses",
  {
    id: uuid().primaryKey().defaultRandom(),
    officeId: officeRef(),
    bookingId: uuid().references(() => bookings.id, { onDelete: "set null" }),
    serviceId: uuid().references(() => services.id, { onDelete: "set null" }),
    counterId: uuid().references(() => counters.id, { onDelete: "set null" }),
    /** The visit's service date (office-local): the IKM's period is the period of service. */
    serviceDate: date({ mode: "string" }).notNull(),
    u1: score(),
    u2: score(),
    u3: score(),
    u4: score(),
    u5: score(),
    u6: score(),
    u7: score(),
    u8: score(),
    u9: score(),
    comment: text(),
    ageBand: text(),
    sex: text(),
    education: text(),
    occupation: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("survey_responses_booking_uq").on(t.bookingId),
    index("survey_responses_office_date_idx").on(t.officeId, t.serviceDate),
    check(
      "survey_responses_scores_ck",
      sql`least(${t.u1}, ${t.u2}, ${t.u3}, ${t.u4}, ${t.u5}, ${t.u6}, ${t.u7}, ${t.u8}, ${t.u9}) >= 1 and greatest(${t.u1}, ${t.u2}, ${t.u3}, ${t.u4}, ${t.u5}, ${t.u6}, ${t.u7}, ${t.u8}, ${t.u9}) <= 4`,
    ),
    check("survey_responses_sex_ck", sql`${t.sex} is null or ${t.sex} in ('M', 'F')`),
  ],
);

export type SurveyResponse = typeof surveyResponses.$inferSelect;

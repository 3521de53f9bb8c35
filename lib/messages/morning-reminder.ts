import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "@/db/client";
import { offices } from "@/db/schema";
import { addDays, localDate, localTime, zonedInstant } from "../dates";

/**
 * Issue 12's optional morning-of-visit reminder (ANTREAN_MORNING_REMINDER_AT, off when unset). From that
 * office-local time on, every booking for today that is still `booked`, whose session has not started,
 * that was made before the reminder time and has not opted out gets one per channel. The key carries the
 * date, so repeated passes (and several workers) write it once; cancelled, checked-in or finished bookings
 * get none, and a morning reminder still waiting for a booking that has since changed is withdrawn (the
 * bookings trigger only withdraws the day-before kind).
 */
export async function scheduleMorningReminders(db: Database, now: Date, at: string): Promise<number> {
  await db.execute(sql`update "messages" m set "status" = 'cancelled', "last_error" = 'the booking changed', "updated_at" = ${now.toISOString()}::timestamptz
    from "bookings" b
    where m."booking_id" = b."id" and m."kind" = 'reminder_morning' and m."status" in ('queued', 'no_channel')
      and (b."status" <> 'booked' or b."reminders_opted_out_at" is not null or m."params"->>'date' <> to_char(b."service_date", 'YYYY-MM-DD'))`);
  return enqueueReminders(db, now, at, "reminder_morning");
}

/**
 * One reminder kind for every office: from `at` (office-local) on, every `booked` booking of the target
 * day (tomorrow for the day-before reminder, today for the morning one, whose session must not have
 * started yet) that was made before `at` and has not opted out gets one per channel. The key carries the
 * date, so repeated passes write it once. The number written.
 */
export async function enqueueReminders(db: Database, now: Date, at: string, kind: "reminder" | "reminder_morning"): Promise<number> {
  let total = 0;
  for (const office of await db.select({ id: offices.id, timezone: offices.timezone }).from(offices)) {
    const today = localDate(now, office.timezone);
    const from = zonedInstant(today, at, office.timezone);
    if (now < from) continue;
    const day = kind === "reminder" ? addDays(today, 1) : today;
    const notStarted = kind === "reminder_morning" ? sql`and b."session_starts_at" > ${localTime(now, office.timezone)}::time` : sql``;
    const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from (
      select "antrean_enqueue_booking_message"(b, ${sql.raw(`'${kind}'`)}, ${":" + day}, ${now.toISOString()}::timestamptz)
      from "bookings" b where b."office_id" = ${office.id} and b."service_date" = ${day} and b."status" = 'booked' ${notStarted}
        and b."reminders_opted_out_at" is null and b."created_at" < ${from.toISOString()}::timestamptz) x`);
    total += Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
  }
  return total;
}

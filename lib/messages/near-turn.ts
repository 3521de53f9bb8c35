import { and, between, eq, sql } from "drizzle-orm";
import { rowsOf, type Database } from "@/db/client";
import { bookings } from "@/db/schema";
import { addDays, localDate } from "../dates";
import { requireOfficeById } from "../dal/offices";
import { loadOfficeDay } from "../dal/queue/office-day";
import { countAhead } from "../queue-wait";

/**
 * Issue 13's "your turn is near" on WhatsApp: every checked-in citizen with the office's `near_turn_ahead`
 * or fewer ahead gets one `near_turn` message. Positions come from the same day read and counting as the
 * live status page (loadOfficeDay + countAhead), so the message and the page agree. The key is per booking
 * and date, so repeated passes (and several workers) queue it once. The insert re-checks the status, so a
 * citizen called, finished or cancelled since the read gets nothing; so does one who opted out of reminders.
 */
export async function scheduleNearTurns(db: Database, now: Date): Promise<number> {
  // Checked-in rows are today's somewhere: a day either side of UTC covers every office's "today".
  const utcToday = now.toISOString().slice(0, 10);
  const officeIds = await db
    .selectDistinct({ id: bookings.officeId })
    .from(bookings)
    .where(and(eq(bookings.status, "checked_in"), between(bookings.serviceDate, addDays(utcToday, -1), addDays(utcToday, 1))));
  let total = 0;
  for (const { id } of officeIds) {
    const office = await requireOfficeById(id, db);
    const day = await loadOfficeDay(db, office, localDate(now, office.timezone));
    const waiting = day.rows.filter((r) => r.status === "checked_in");
    const near = waiting.filter((r) => (countAhead(waiting, r.id, day.counters)?.ahead.length ?? Infinity) <= office.nearTurnAhead).map((r) => r.id);
    if (near.length === 0) continue;
    const result = await db.execute<{ id: string }>(sql`insert into "messages"
        ("office_id", "booking_id", "kind", "channel", "recipient", "language", "params", "idempotency_key", "next_attempt_at")
      select b."office_id", b."id", 'near_turn', 'whatsapp', ltrim(b."phone", '+'), b."language", "antrean_booking_message_params"(b),
        'near_turn:' || b."id" || ':' || to_char(b."service_date", 'YYYY-MM-DD') || ':whatsapp', ${now.toISOString()}::timestamptz
      from "bookings" b
      where b."id" in (${sql.join(near.map((n) => sql`${n}::uuid`), sql`, `)}) and b."status" = 'checked_in'
        and b."phone" is not null and b."reminders_opted_out_at" is null
      on conflict ("idempotency_key") do nothing
      returning "id"`);
    total += rowsOf(result).length;
  }
  return total;
}

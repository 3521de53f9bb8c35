import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { bookings, messages } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { writeAudit } from "./audit";
import { notFound } from "../errors";
import { ownedBy, type Ownership } from "./change-booking";
import { withDefaults, type CommandOptions } from "./command-options";

/** Whether a booking still gets reminders (null: no such booking). Shows the right button on its page. */
export async function findRemindersEnabled(reference: string): Promise<boolean | null> {
  const db = await getDb();
  const [row] = await db.select({ off: bookings.remindersOptedOutAt }).from(bookings).where(eq(bookings.reference, reference));
  return row ? row.off === null : null;
}

/**
 * Turns the day-before reminder off (or back on) for the citizen who proved the booking is theirs (the
 * manage cookie or the NIK). Turning it off also withdraws a reminder already waiting in the outbox;
 * confirmations and change notices are service messages and keep coming.
 */
export async function updateReminders(actor: Actor, input: { reference: string; enabled: boolean } & Ownership, options: CommandOptions = {}): Promise<void> {
  const { now } = withDefaults(options);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [booking] = await tx.select({ id: bookings.id, officeId: bookings.officeId }).from(bookings).where(ownedBy(input.reference, input, now)).for("update");
    if (!booking) throw notFound();
    await tx.update(bookings).set({ remindersOptedOutAt: input.enabled ? null : now, updatedAt: now }).where(eq(bookings.id, booking.id));
    if (!input.enabled) {
      await tx
        .update(messages)
        .set({ status: "cancelled", lastError: "reminders turned off by the citizen", updatedAt: now })
        .where(and(eq(messages.bookingId, booking.id), inArray(messages.kind, ["reminder", "reminder_morning"]), inArray(messages.status, ["queued", "no_channel"])));
    }
    await writeAudit(tx, { officeId: booking.officeId, actor, action: input.enabled ? "booking.reminders_on" : "booking.reminders_off", bookingId: booking.id });
  });
}

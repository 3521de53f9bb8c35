import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { bookings, messages } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { hashNik } from "../crypto";
import { getDb } from "../db";
import { verifyManageToken } from "../manage-token";
import { writeAudit } from "./audit";
import { notFound } from "../errors";
import type { Ownership } from "./booking-changes";

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
export async function updateReminders(input: { reference: string; enabled: boolean } & Ownership, ctx: { actor: Actor; now?: Date }): Promise<void> {
  const now = ctx.now ?? new Date();
  const db = await getDb();
  await db.transaction(async (tx) => {
    const byReference = eq(bookings.reference, input.reference);
    const owned = "nik" in input ? and(byReference, eq(bookings.nikHash, hashNik(input.nik))) : verifyManageToken(input.manageToken, input.reference, now) ? byReference : sql`false`;
    const [booking] = await tx.select({ id: bookings.id, officeId: bookings.officeId }).from(bookings).where(owned).for("update");
    if (!booking) throw notFound();
    await tx.update(bookings).set({ remindersOptedOutAt: input.enabled ? null : now, updatedAt: now }).where(eq(bookings.id, booking.id));
    if (!input.enabled) {
      await tx
        .update(messages)
        .set({ status: "cancelled", lastError: "reminders turned off by the citizen", updatedAt: now })
        .where(and(eq(messages.bookingId, booking.id), inArray(messages.kind, ["reminder", "reminder_morning"]), inArray(messages.status, ["queued", "no_channel"])));
    }
    await writeAudit(tx, { officeId: booking.officeId, actor: ctx.actor, action: input.enabled ? "booking.reminders_on" : "booking.reminders_off", bookingId: booking.id });
  });
}

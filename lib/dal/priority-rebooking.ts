import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { messages, priorityRebookings, type Booking } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { localDate, localTime } from "../dates";
import { createPriorityToken, PRIORITY_REBOOK_HOURS, priorityRebookPath } from "../priority-token";
import { releaseChanges } from "./booking-rules";
import { applyUsageChanges } from "./capacity-usage";
import { changeBookings } from "./change-booking";
import { requireOfficeById } from "./offices";

export type RebookingSource = "outage" | "closure" | "capacity";

/** The public reason, in Indonesian and (where given) English. Never personal data. */
export type PublicReason = { id: string; en: string | null };

export type CancelForRebookingInput = {
  officeId: string;
  bookingIds: readonly string[];
  source: RebookingSource;
  /** The outage (or other change) that caused it: the staff contact list is read by it. */
  sourceId?: string;
  reason: PublicReason;
  actor: Actor;
  now: Date;
  /** Extra audit details (e.g. the outage's id). */
  details?: Record<string, unknown>;
};

/** A citizen to contact: what staff see in the list (no NIK), and the priority link that was sent. */
export type CancelledForRebooking = {
  bookingId: string;
  reference: string;
  fullName: string | null;
  phone: string | null;
  email: string | null;
  serviceDate: string;
  sessionStart: string;
  expiresAt: Date;
  rebookPath: string;
};

/**
 * Inside the caller's transaction (the outage, closure or capacity change that caused it): cancels, through
 * `changeBookings` (the transition table's "cancel", locks in id order, audit rows, one queue event), each
 * booking that may still be cancelled (`booked`; anyone checked in is at the office already), gives its
 * places back, grants it a priority rebooking for PRIORITY_REBOOK_HOURS, and puts the notice with the
 * rebooking link in the outbox — replacing the generic "cancelled" message the bookings trigger wrote, so
 * the citizen gets one message that says why and what to do. The caller checks the permission.
 */
export async function cancelWithPriorityRebooking(tx: Executor, input: CancelForRebookingInput): Promise<CancelledForRebooking[]> {
  if (input.bookingIds.length === 0) return [];
  const office = await requireOfficeById(input.officeId, tx);
  const expiresAt = new Date(input.now.getTime() + PRIORITY_REBOOK_HOURS * 3_600_000);
  const cancellable = await changeBookings(input.actor, { tx, office, now: input.now }, {
    bookingIds: input.bookingIds,
    action: "cancel",
    set: { cancelledAt: input.now },
    audit: "booking.cancel",
    details: () => ({ source: input.source, sourceId: input.sourceId ?? null, reason: input.reason.id, priorityUntil: expiresAt.toISOString(), ...input.details }),
  });
  if (cancellable.length === 0) return [];

  await applyUsageChanges(tx, cancellable.flatMap((b) => releaseChanges(office, b)));
  const ids = cancellable.map((b) => b.id);
  // The trigger's "cancelled" message says nothing of why or of the priority: the outage notice replaces it.
  await tx
    .update(messages)
    .set({ status: "cancelled", lastError: `replaced by the ${input.source} notice`, updatedAt: input.now })
    .where(and(inArray(messages.bookingId, ids), eq(messages.kind, "cancelled"), inArray(messages.status, ["queued", "no_channel"])));

  await tx
    .insert(priorityRebookings)
    .values(ids.map((bookingId) => ({ bookingId, officeId: office.id, source: input.source, sourceId: input.sourceId ?? null, reason: input.reason.id, reasonEn: input.reason.en, expiresAt, createdAt: input.now })));
  const rebookUntil = `${localDate(expiresAt, office.timezone)} ${localTime(expiresAt, office.timezone)}`;
  const out: CancelledForRebooking[] = [];
  for (const b of cancellable) {
    const rebookPath = priorityRebookPath(b.reference, createPriorityToken(b.reference, expiresAt));
    await enqueueNotice(tx, b, input, rebookPath, rebookUntil);
    out.push({
      bookingId: b.id,
      reference: b.reference,
      fullName: b.fullName,
      phone: b.phone,
      email: b.email,
      serviceDate: b.serviceDate,
      sessionStart: b.sessionStartsAt.slice(0, 5),
      expiresAt,
      rebookPath,
    });
  }
  return out;
}

/** One `outage` message per channel the booking has an address for; the parameters never hold the NIK. */
async function enqueueNotice(tx: Executor, b: Booking, input: CancelForRebookingInput, rebookPath: string, rebookUntil: string): Promise<void> {
  const reason = b.language === "en" && input.reason.en ? input.reason.en : input.reason.id;
  await tx.execute(sql`insert into "messages"
      ("office_id", "booking_id", "kind", "channel", "recipient", "language", "params", "idempotency_key", "next_attempt_at")
    select b."office_id", b."id", 'outage', ch.channel, ch.recipient, b."language",
      "antrean_booking_message_params"(b) || jsonb_build_object('rebookLink', ${rebookPath}::text, 'reason', ${reason}::text, 'rebookUntil', ${rebookUntil}::text),
      'outage:' || b."id" || ':' || ch.channel, ${input.now.toISOString()}::timestamptz
    from "bookings" b
    cross join lateral (values ('whatsapp'::message_channel, ltrim(b."phone", '+')), ('email'::message_channel, b."email")) as ch(channel, recipient)
    where b."id" = ${b.id}::uuid and ch.recipient is not null
    on conflict ("idempotency_key") do nothing`);
}

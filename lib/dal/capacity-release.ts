import "server-only";
import { and, asc, eq, inArray, isNull, lte, notExists, or } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { ACTIVE_BOOKING_STATUSES, bookings, capacityReleases, messages, services, standbyEntries, type Booking, type CapacityRelease, type Office } from "@/db/schema";
import type { MessageParams } from "@/db/schema/messages";
import { localDate, localTime, normalizeTime, zonedInstant } from "../dates";
import { getDb } from "../db";
import { applyUsageChanges, type UsageChange } from "./capacity-usage";
import { waitingOnList } from "./citizen-entries";
import { requireOfficeById } from "./offices";
import { serviceName } from "./services";

/**
 * The re-release delay (issue 9), against cancel-and-resell: a cancelled or moved booking's place is not
 * given back at once. It stays counted in `capacity_usages` and a `capacity_releases` row records it with
 * its `release_at`. When that time comes (the maintenance loop, `applyDueReleases`), the place is offered to
 * the first person on the standby list for that date and service, held for them (still counted), or — if
 * nobody waits — the counters are given back and availability shows the place. Every step is one
 * transaction that moves one release row out of its status under a row lock, so a place is given back or
 * offered exactly once, and the counters always equal the active bookings plus the places pending or held.
 */

export type FreedPlace = { booking: Booking; isWholePlace: boolean };

/**
 * In the cancelling (or moving) transaction: records the freed place. With a delay of 0 (staff
 * cancellations, an office that turns the delay off) it is settled at once: offered to the standby list, or
 * its counter decrements are returned for the caller to apply together with its own changes, so the whole
 * transaction keeps applyUsageChanges' fixed lock order.
 */
export async function recordFreedPlace(tx: Executor, office: Office, freed: FreedPlace, now: Date, delayMinutes = office.releaseDelayMinutes): Promise<UsageChange[]> {
  const { booking } = freed;
  const [release] = await tx
    .insert(capacityReleases)
    .values({
      officeId: office.id,
      serviceId: booking.serviceId,
      serviceDate: booking.serviceDate,
      sessionStartsAt: booking.sessionStartsAt,
      sessionEndsAt: booking.sessionEndsAt,
      isWholePlace: freed.isWholePlace,
      releaseAt: new Date(now.getTime() + delayMinutes * 60_000),
      sourceBookingId: booking.id,
    })
    .returning();
  return delayMinutes <= 0 ? offerOrRelease(tx, office, release!, now) : [];
}

/**
 * A cancelled booking: the phone's daily allowance comes back at once (it is the citizen's own), the place
 * itself after the delay (the office's, unless given: 0 for staff cancellations).
 */
export async function giveUpPlace(tx: Executor, office: Office, booking: Booking, now: Date, delayMinutes?: number): Promise<void> {
  const changes = await recordFreedPlace(tx, office, { booking, isWholePlace: true }, now, delayMinutes);
  if (booking.phoneHash) changes.push({ officeId: office.id, serviceDate: booking.serviceDate, scope: "phone", scopeKey: booking.phoneHash, delta: -1 });
  await applyUsageChanges(tx, changes);
}

/** The counters a freed place still occupies: day, session and service, or only the session. */
function releaseUsage(release: CapacityRelease): UsageChange[] {
  const base = { officeId: release.officeId, serviceDate: release.serviceDate, delta: -1 } as const;
  const session: UsageChange = { ...base, scope: "session", scopeKey: normalizeTime(release.sessionStartsAt) };
  if (!release.isWholePlace) return [session];
  return [{ ...base, scope: "day", scopeKey: "" }, session, { ...base, scope: "service", scopeKey: release.serviceId }];
}

/** offerOrRelease, with the counters given back at once (the maintenance pass: nothing else locked). */
async function settleRelease(tx: Executor, office: Office, release: CapacityRelease, now: Date): Promise<"offered" | "released"> {
  const changes = await offerOrRelease(tx, office, release, now);
  if (changes.length === 0) return "offered";
  await applyUsageChanges(tx, changes);
  return "released";
}

/**
 * A release row (locked by the caller, `pending` or `held` by an offer that lapsed) goes to the next person
 * waiting for its date, service and session (nothing to give back), or back to sale (the counter decrements
 * are returned for the caller to apply). Waiting entries are taken with SKIP LOCKED, so two places freed at
 * once go to the first two people, never both to one.
 */
async function offerOrRelease(tx: Executor, office: Office, release: CapacityRelease, now: Date): Promise<UsageChange[]> {
  const session = normalizeTime(release.sessionStartsAt);
  const sessionStart = zonedInstant(release.serviceDate, session, office.timezone);
  if (release.isWholePlace && sessionStart.getTime() > now.getTime()) {
    const [entry] = await tx
      .select()
      .from(standbyEntries)
      .where(
        and(
          waitingOnList({ officeId: office.id, serviceDate: release.serviceDate, serviceId: release.serviceId }),
          or(isNull(standbyEntries.sessionStartsAt), eq(standbyEntries.sessionStartsAt, release.sessionStartsAt)),
          // Someone who has meanwhile booked that day the normal way could not accept: skip them.
          notExists(
            tx
              .select({ id: bookings.id })
              .from(bookings)
              .where(
                and(
                  eq(bookings.serviceDate, release.serviceDate),
                  eq(bookings.nikHash, standbyEntries.nikHash),
                  inArray(bookings.status, [...ACTIVE_BOOKING_STATUSES]),
                  office.allowSeveralServicesPerDay ? eq(bookings.serviceId, release.serviceId) : undefined,
                ),
              ),
          ),
        ),
      )
      .orderBy(asc(standbyEntries.seq))
      .limit(1)
      .for("update", { skipLocked: true });
    if (entry) {
      // Never past the session's start: an offer for a session under way could not be used.
      const deadline = new Date(Math.min(now.getTime() + office.standbyOfferMinutes * 60_000, sessionStart.getTime()));
      await tx
        .update(standbyEntries)
        .set({
          status: "offered",
          offeredAt: now,
          offerExpiresAt: deadline,
          offeredSessionStartsAt: release.sessionStartsAt,
          offeredSessionEndsAt: release.sessionEndsAt,
          updatedAt: now,
        })
        .where(eq(standbyEntries.id, entry.id));
      await tx.update(capacityReleases).set({ status: "held", standbyEntryId: entry.id, updatedAt: now }).where(eq(capacityReleases.id, release.id));
      await enqueueOfferMessage(tx, office, entry, release, deadline, now);
      return [];
    }
  }
  await tx.update(capacityReleases).set({ status: "released", standbyEntryId: null, updatedAt: now }).where(eq(capacityReleases.id, release.id));
  return releaseUsage(release);
}

/** The offer on WhatsApp, written in the same transaction as the offer (issue 12's outbox); never the NIK. */
async function enqueueOfferMessage(
  tx: Executor,
  office: Office,
  entry: typeof standbyEntries.$inferSelect,
  release: CapacityRelease,
  deadline: Date,
  now: Date,
): Promise<void> {
  const [service] = await tx.select().from(services).where(eq(services.id, release.serviceId));
  const locale = entry.language === "en" ? "en" : "id";
  const start = normalizeTime(release.sessionStartsAt);
  const params: MessageParams = {
    reference: entry.reference,
    queueNumber: "",
    service: service ? serviceName(service, locale) : "",
    date: release.serviceDate,
    sessionStart: start,
    sessionEnd: normalizeTime(release.sessionEndsAt),
    arriveBy: start,
    place: office.name,
    address: office.address,
    bring: [],
    link: `/standby?reference=${entry.reference}`,
    deadlineDate: localDate(deadline, office.timezone),
    deadlineTime: localTime(deadline, office.timezone),
  };
  await tx
    .insert(messages)
    .values({
      officeId: office.id,
      kind: "standby_offer",
      channel: "whatsapp",
      recipient: entry.phone.replace(/^\+/, ""),
      language: locale,
      params,
      // One offer per entry: an entry is offered at most once (an expired offer is never renewed).
      idempotencyKey: `standby_offer:${entry.id}:whatsapp`,
      nextAttemptAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing();
}

export type ReleaseResult = { offered: number; released: number; expired: number };

/**
 * The maintenance pass: every due release is settled, and every offer whose time is up expires and its
 * place goes to the next person (or back to sale). One release per transaction, rows taken with SKIP
 * LOCKED: several instances may run it at once, and it is idempotent. `officeId` limits it to one office.
 */
export async function applyDueReleases({ now = new Date(), max = 500, officeId }: { now?: Date; max?: number; officeId?: string } = {}): Promise<ReleaseResult> {
  const ofOffice = <T extends typeof standbyEntries | typeof capacityReleases>(table: T) => (officeId ? eq(table.officeId, officeId) : undefined);
  const db = await getDb();
  const result: ReleaseResult = { offered: 0, released: 0, expired: 0 };
  for (let i = 0; i < max; i++) {
    const outcome = await db.transaction(async (tx) => {
      const [offer] = await tx
        .select()
        .from(standbyEntries)
        .where(and(eq(standbyEntries.status, "offered"), lte(standbyEntries.offerExpiresAt, now), ofOffice(standbyEntries)))
        .limit(1)
        .for("update", { skipLocked: true });
      if (offer) {
        await tx.update(standbyEntries).set({ status: "expired", updatedAt: now }).where(eq(standbyEntries.id, offer.id));
        const [held] = await tx
          .select()
          .from(capacityReleases)
          .where(and(eq(capacityReleases.standbyEntryId, offer.id), eq(capacityReleases.status, "held")))
          .for("update");
        if (!held) return "expired" as const;
        const settled = await settleRelease(tx, await requireOfficeById(held.officeId, tx), held, now);
        return settled === "offered" ? ("expired+offered" as const) : ("expired+released" as const);
      }
      const [due] = await tx
        .select()
        .from(capacityReleases)
        .where(and(eq(capacityReleases.status, "pending"), lte(capacityReleases.releaseAt, now), ofOffice(capacityReleases)))
        .orderBy(asc(capacityReleases.releaseAt))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!due) return null;
      return settleRelease(tx, await requireOfficeById(due.officeId, tx), due, now);
    });
    if (outcome === null) break;
    if (outcome.startsWith("expired")) result.expired++;
    if (outcome.endsWith("offered")) result.offered++;
    if (outcome.endsWith("released")) result.released++;
  }
  return result;
}

import "server-only";
import { and, eq, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { auditLogs, bookings, capacityUsages, lotteryEntries, messages, offices, standbyEntries, surveyResponses } from "@/db/schema";
import { SYSTEM } from "../auth/actor";
import { addDays, localDate } from "../dates";
import { getDb } from "../db";
import { writeAudit } from "./audit";

const FINISHED = ["done", "cancelled", "no_show", "expired"] as const;

/**
 * UU 27/2022 (PDP): personal data is kept only for the office's retention period. After it, a booking
 * keeps what statistics need (service, date, session, status, channel, age in years, sex, timestamps) and
 * loses everything that identifies the person; audit rows lose their IP address, survey sheets their comment
 * and visit link. Idempotent.
 */
export async function purgeExpiredPersonalData({ now = new Date() }: { now?: Date } = {}): Promise<{ bookings: number }> {
  const db = await getDb();
  const officeRows = await db.select({ id: offices.id, timezone: offices.timezone, retentionDays: offices.retentionDays }).from(offices);
  let purged = 0;
  for (const office of officeRows) {
    const cutoff = addDays(localDate(now, office.timezone), -office.retentionDays);
    purged += await db.transaction(async (tx) => {
      const rows = await tx
        .update(bookings)
        .set({
          nikHash: null,
          nikEncrypted: null,
          nikMasked: sql`left(${bookings.nikMasked}, 4) || '************'`,
          fullName: null,
          phone: null,
          phoneHash: null,
          email: null,
          dedupeKey: null,
          purgedAt: now,
          updatedAt: now,
        })
        .where(and(eq(bookings.officeId, office.id), lt(bookings.serviceDate, cutoff), isNull(bookings.purgedAt), inArray(bookings.status, [...FINISHED])))
        .returning({ id: bookings.id });
      await tx.delete(capacityUsages).where(and(eq(capacityUsages.officeId, office.id), eq(capacityUsages.scope, "phone"), lt(capacityUsages.serviceDate, cutoff)));
      await tx
        .update(auditLogs)
        .set({ ip: null })
        .where(and(eq(auditLogs.officeId, office.id), lt(auditLogs.createdAt, new Date(now.getTime() - office.retentionDays * 86_400_000))));
      // Survey sheets keep their scores; the free-text comment (which may name someone) and the link to the
      // visit go with the rest of the personal data.
      await tx
        .update(surveyResponses)
        .set({ comment: null, bookingId: null })
        .where(and(eq(surveyResponses.officeId, office.id), lt(surveyResponses.serviceDate, cutoff), or(isNotNull(surveyResponses.comment), isNotNull(surveyResponses.bookingId))));
      // The standby list (issue 9): its entries hold a NIK (encrypted), a name and a phone; their offers' messages the number.
      await tx.delete(standbyEntries).where(and(eq(standbyEntries.officeId, office.id), lt(standbyEntries.serviceDate, cutoff)));
      // Lottery entries likewise (the draws table keeps only counts and the seed).
      await tx.delete(lotteryEntries).where(and(eq(lotteryEntries.officeId, office.id), lt(lotteryEntries.serviceDate, cutoff)));
      await tx
        .update(messages)
        .set({ recipient: null, renderedText: null, updatedAt: now })
        .where(
          and(
            eq(messages.officeId, office.id),
            inArray(messages.kind, ["standby_offer", "lottery_not_drawn"]),
            isNotNull(messages.recipient),
            lt(messages.createdAt, new Date(now.getTime() - office.retentionDays * 86_400_000)),
          ),
        );
      if (rows.length > 0) await writeAudit(tx, { officeId: office.id, actor: SYSTEM, action: "retention.purge", details: { bookings: rows.length, before: cutoff } });
      return rows.length;
    });
  }
  return { bookings: purged };
}

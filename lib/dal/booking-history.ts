import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { auditLogs, bookings } from "@/db/schema";
import { getDb } from "../db";

/**
 * The schedule a moved booking had before its latest move (from its audit row), or null if it never
 * moved. A move keeps the reference, so a printout made before it shows the old date: the new printout
 * says so. Read only by the print views, not on the booking path.
 */
export async function findRescheduledFrom(reference: string): Promise<{ date: string; session: string } | null> {
  const db = await getDb();
  const [row] = await db
    .select({ details: auditLogs.details })
    .from(auditLogs)
    .innerJoin(bookings, eq(bookings.id, auditLogs.bookingId))
    .where(and(eq(bookings.reference, reference), eq(auditLogs.action, "booking.reschedule")))
    .orderBy(desc(auditLogs.createdAt))
    .limit(1);
  const from = row?.details?.from as { date?: unknown; session?: unknown } | undefined;
  return typeof from?.date === "string" && typeof from.session === "string" ? { date: from.date, session: from.session } : null;
}

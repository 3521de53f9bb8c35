import "server-only";
import { and, between, eq } from "drizzle-orm";
import { dateOverrides, offices } from "@/db/schema";
import { SYSTEM } from "../auth/actor";
import { localDate } from "../dates";
import { getDb } from "../db";
import { nationalHolidays } from "../holidays";
import { writeAudit } from "./audit";

/**
 * Closes the national holidays of this year and the next for every office that observes them and has
 * none recorded for that year yet. A year an admin has already edited (any closure in it) is left alone, so a holiday they
 * removed on purpose does not come back. Runs from the hourly maintenance job; idempotent.
 */
export async function ensureNationalHolidays({ now = new Date() }: { now?: Date } = {}): Promise<{ added: number }> {
  const db = await getDb();
  let added = 0;
  const observing = await db.select({ id: offices.id, timezone: offices.timezone }).from(offices).where(eq(offices.observesNationalHolidays, true));
  for (const office of observing) {
    const year = Number(localDate(now, office.timezone).slice(0, 4));
    for (const y of [year, year + 1]) {
      const existing = await db
        .select({ id: dateOverrides.id })
        .from(dateOverrides)
        .where(and(eq(dateOverrides.officeId, office.id), eq(dateOverrides.kind, "closed"), between(dateOverrides.date, `${y}-01-01`, `${y}-12-31`)))
        .limit(1);
      if (existing.length > 0) continue;
      const holidays = nationalHolidays([y]);
      if (holidays.length === 0) continue;
      await db.transaction(async (tx) => {
        const rows = await tx
          .insert(dateOverrides)
          .values(holidays.map((h) => ({ officeId: office.id, date: h.date, kind: "closed" as const, reason: h.nameId, reasonEn: h.nameEn, isHoliday: true })))
          .onConflictDoNothing()
          .returning({ id: dateOverrides.id });
        await writeAudit(tx, { officeId: office.id, actor: SYSTEM, action: "calendar.holidays_added", details: { year: y, count: rows.length } });
        added += rows.length;
      });
    }
  }
  return { added };
}

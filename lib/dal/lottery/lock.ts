import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";

/**
 * The lottery's lock for one office and date, held to the end of the transaction: entries take it shared
 * (many at once), the draw exclusively, so no entry is written while its date is being drawn and none
 * after (the entry then sees the draw's row). The draws table's unique index is the second guard.
 */
export async function lockLotteryDay(tx: Executor, officeId: string, date: string, mode: "shared" | "exclusive"): Promise<void> {
  const key = `lottery:${officeId}:${date}`;
  if (mode === "shared") await tx.execute(sql`select pg_advisory_xact_lock_shared(hashtext(${key}))`);
  else await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
}

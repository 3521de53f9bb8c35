import "server-only";
import { lt, sql } from "drizzle-orm";
import { rateLimits } from "@/db/schema";
import { getDb } from "../db";
import { AppError } from "../errors";

/**
 * Fixed-window counter in PostgreSQL, so every app instance shares it. Throws 429 once `limit` requests
 * with the same key arrive within one window.
 */
export async function consumeRateLimit(key: string, limit: number, windowSeconds: number, now = new Date()): Promise<void> {
  const db = await getDb();
  const windowStart = new Date(Math.floor(now.getTime() / (windowSeconds * 1000)) * windowSeconds * 1000);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
    .returning({ count: rateLimits.count });
  if (row!.count > limit) throw new AppError("rate_limited", "error.rateLimited");
}

/** Drops windows older than a day; called by the periodic maintenance job. */
export async function pruneRateLimits(now = new Date()): Promise<void> {
  const db = await getDb();
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, new Date(now.getTime() - 86_400_000)));
}

import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { rateLimits } from "@/db/schema";
import { getDb } from "../db";
import { AppError } from "../errors";

function windowStartOf(now: Date, windowSeconds: number): Date {
  return new Date(Math.floor(now.getTime() / (windowSeconds * 1000)) * windowSeconds * 1000);
}

/** 429 with `retryAfter` (seconds until the window ends) for a Retry-After header. */
function rateLimited(now: Date, windowSeconds: number): AppError {
  const ends = windowStartOf(now, windowSeconds).getTime() + windowSeconds * 1000;
  return new AppError("rate_limited", "error.rateLimited", { params: { retryAfter: Math.max(1, Math.ceil((ends - now.getTime()) / 1000)) } });
}

/**
 * Fixed-window counter in PostgreSQL, so every app instance shares it. Throws 429 once `limit` requests
 * with the same key arrive within one window.
 */
export async function consumeRateLimit(key: string, limit: number, windowSeconds: number, now = new Date()): Promise<void> {
  const db = await getDb();
  const windowStart = windowStartOf(now, windowSeconds);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
    .returning({ count: rateLimits.count });
  if (row!.count > limit) throw rateLimited(now, windowSeconds);
}

/**
 * Several counters of one window in one statement (distinct keys); 429 if any of them passes its limit.
 * Every counter is counted, so one key's excess does not hide another's.
 */
export async function consumeRateLimits(entries: { key: string; limit: number }[], windowSeconds: number, now = new Date()): Promise<void> {
  if (entries.length === 0) return;
  const db = await getDb();
  const windowStart = windowStartOf(now, windowSeconds);
  const rows = await db
    .insert(rateLimits)
    .values(entries.map(({ key }) => ({ key, windowStart, count: 1 })))
    .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
    .returning({ key: rateLimits.key, count: rateLimits.count });
  const limits = new Map(entries.map((e) => [e.key, e.limit]));
  if (rows.some((row) => row.count > limits.get(row.key)!)) throw rateLimited(now, windowSeconds);
}

/**
 * Throws 429 when `key` has already used its `limit` in this window, without counting the call: for
 * counters of failures, checked before the attempt and consumed only when it fails.
 */
export async function assertUnderRateLimit(key: string, limit: number, windowSeconds: number, now = new Date()): Promise<void> {
  if ((await getRateLimitCount(key, windowSeconds, now)) >= limit) throw rateLimited(now, windowSeconds);
}

/** How many times `key` was counted in the current window. */
export async function getRateLimitCount(key: string, windowSeconds: number, now = new Date()): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), eq(rateLimits.windowStart, windowStartOf(now, windowSeconds))));
  return row?.count ?? 0;
}

/** Drops windows older than a day; called by the periodic maintenance job. */
export async function pruneRateLimits({ now = new Date() }: { now?: Date } = {}): Promise<void> {
  const db = await getDb();
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, new Date(now.getTime() - 86_400_000)));
}

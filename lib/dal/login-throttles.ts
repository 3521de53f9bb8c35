import "server-only";
import { and, gt, inArray, isNull, lt, or, sql, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { loginThrottles } from "@/db/schema";
import { accountKeyPrefixes, LOGIN_THROTTLE, lockMinutesAfter, type ThrottleScope } from "../auth/login-throttle";
import { getDb } from "../db";

/** The latest lock still running on any of the keys, or null. */
export async function findActiveLock(db: Executor, keys: string[], now: Date): Promise<Date | null> {
  if (keys.length === 0) return null;
  const rows = await db
    .select({ lockedUntil: loginThrottles.lockedUntil })
    .from(loginThrottles)
    .where(and(inArray(loginThrottles.key, keys), gt(loginThrottles.lockedUntil, now)));
  const times = rows.flatMap((r) => (r.lockedUntil ? [r.lockedUntil.getTime()] : []));
  return times.length > 0 ? new Date(Math.max(...times)) : null;
}

/**
 * Counts one failure with an atomic upsert (concurrent failures on two instances both count) and, past
 * the limit, locks the key. The count restarts after a quiet period.
 */
export async function recordLoginFailure(
  tx: Executor,
  scope: ThrottleScope,
  key: string,
  now: Date,
): Promise<{ failures: number; lockMinutes: number | null }> {
  const [row] = await tx
    .insert(loginThrottles)
    .values({ key, failures: 1, lastFailedAt: now })
    .onConflictDoUpdate({
      target: loginThrottles.key,
      set: {
        failures: sql`case when ${loginThrottles.lastFailedAt} < excluded.last_failed_at - ${LOGIN_THROTTLE.resetAfterMinutes}::int * interval '1 minute' then 1 else ${loginThrottles.failures} + 1 end`,
        lastFailedAt: sql`excluded.last_failed_at`,
      },
    })
    .returning({ failures: loginThrottles.failures });
  const failures = row!.failures;
  const lockMinutes = lockMinutesAfter(failures, scope);
  if (lockMinutes !== null) {
    await tx
      .update(loginThrottles)
      .set({ lockedUntil: new Date(now.getTime() + lockMinutes * 60_000) })
      .where(eq(loginThrottles.key, key));
  }
  return { failures, lockMinutes };
}

export async function clearLoginFailures(tx: Executor, key: string): Promise<void> {
  await tx.delete(loginThrottles).where(eq(loginThrottles.key, key));
}

/** Which of an account's counters (its own and its address pairs) match; `left()` so the email's `%` or `_` stay literal. */
function accountKeys(email: string) {
  const { account, pairPrefix } = accountKeyPrefixes(email);
  return or(eq(loginThrottles.key, account), sql`left(${loginThrottles.key}, ${pairPrefix.length}) = ${pairPrefix}`)!;
}

/** Clears an account's own counters and locks (unlock by an admin, password reset). Device counters run out by themselves. */
export async function clearAccountLocks(tx: Executor, email: string): Promise<number> {
  const removed = await tx.delete(loginThrottles).where(accountKeys(email)).returning({ key: loginThrottles.key });
  return removed.length;
}

/** The latest lock running on an account's own counters, or null. */
export async function findAccountLock(db: Executor, email: string, now: Date): Promise<Date | null> {
  const rows = await db
    .select({ lockedUntil: loginThrottles.lockedUntil })
    .from(loginThrottles)
    .where(and(accountKeys(email), gt(loginThrottles.lockedUntil, now)));
  const times = rows.flatMap((r) => (r.lockedUntil ? [r.lockedUntil.getTime()] : []));
  return times.length > 0 ? new Date(Math.max(...times)) : null;
}

/** Drops rows that no longer lock or count; for the periodic maintenance job. */
export async function pruneLoginThrottles({ now = new Date() }: { now?: Date } = {}): Promise<void> {
  const db = await getDb();
  const quietSince = new Date(now.getTime() - LOGIN_THROTTLE.resetAfterMinutes * 60_000);
  await db
    .delete(loginThrottles)
    .where(and(lt(loginThrottles.lastFailedAt, quietSince), or(isNull(loginThrottles.lockedUntil), lt(loginThrottles.lockedUntil, now))));
}

import "server-only";
import { and, eq, gt, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { loginThrottles } from "@/db/schema";
import { accountKeyPrefixes, LOGIN_THROTTLE, lockMinutesAfter, type ThrottleScope } from "../auth/login-throttle";
import { getDb } from "../db";

/** One attempt counted on one key before its password is checked, and what it needs to give the count back. */
export type LoginReservation = {
  scope: ThrottleScope;
  key: string;
  failures: number;
  lockMinutes: number | null;
  lockedUntil: Date | null;
  lastFailedBefore: Date | null;
};

/** A key found locked while reserving: rolls the whole reservation back. */
class KeyLocked extends Error {
  constructor(readonly until: Date) {
    super("login throttle key locked");
  }
}

/**
 * Counts an attempt as a failure on all of its keys BEFORE its password is checked, or on none of them when
 * one is locked (then returns that lock). Each key's row stays locked for this short transaction, so
 * concurrent attempts are counted one after another, the one that reaches a limit locks the key and every
 * later one is refused without a hash: a burst of parallel guesses gets no more verifications than the
 * limits allow. A right password gives the count back (releaseLoginAttempt).
 */
export async function reserveLoginAttempt(
  db: Executor,
  keys: [ThrottleScope, string][],
  now: Date,
): Promise<{ lockedUntil: Date } | { reservations: LoginReservation[] }> {
  // One order for every attempt's row locks, so two attempts never wait on each other in a circle.
  const ordered = [...keys].sort(([, a], [, b]) => (a < b ? -1 : a > b ? 1 : 0));
  try {
    const reserved = await db.transaction(async (tx) => {
      const byKey = new Map<string, LoginReservation>();
      for (const [scope, key] of ordered) byKey.set(key, await reserveKey(tx, scope, key, now));
      return keys.map(([, key]) => byKey.get(key)!);
    });
    return { reservations: reserved };
  } catch (error) {
    if (error instanceof KeyLocked) return { lockedUntil: error.until };
    throw error;
  }
}

async function reserveKey(tx: Executor, scope: ThrottleScope, key: string, now: Date): Promise<LoginReservation> {
  const [before] = await tx.select().from(loginThrottles).where(eq(loginThrottles.key, key)).for("update");
  if (before?.lockedUntil && before.lockedUntil > now) throw new KeyLocked(before.lockedUntil);
  const [row] = await tx
    .insert(loginThrottles)
    .values({ key, failures: 1, lastFailedAt: now })
    .onConflictDoUpdate({
      target: loginThrottles.key,
      set: {
        failures: sql`case when ${loginThrottles.lastFailedAt} < excluded.last_failed_at - ${LOGIN_THROTTLE.resetAfterMinutes}::int * interval '1 minute' then 1 else ${loginThrottles.failures} + 1 end`,
        lastFailedAt: sql`excluded.last_failed_at`,
      },
      // The row did not exist at the read above: another attempt may have created and locked it since.
      setWhere: or(isNull(loginThrottles.lockedUntil), lte(loginThrottles.lockedUntil, now)),
    })
    .returning({ failures: loginThrottles.failures });
  if (!row) {
    const [locked] = await tx.select({ lockedUntil: loginThrottles.lockedUntil }).from(loginThrottles).where(eq(loginThrottles.key, key));
    throw new KeyLocked(locked?.lockedUntil ?? now);
  }
  const lockMinutes = lockMinutesAfter(row.failures, scope);
  const lockedUntil = lockMinutes === null ? null : new Date(now.getTime() + lockMinutes * 60_000);
  if (lockedUntil) await tx.update(loginThrottles).set({ lockedUntil }).where(eq(loginThrottles.key, key));
  return { scope, key, failures: row.failures, lockMinutes, lockedUntil, lastFailedBefore: before?.lastFailedAt ?? null };
}

/**
 * A right password: the account's own counters (and a device's) start again; an address's counters (`ip`,
 * `shared`) only get this attempt back, with its lock, and its time when nothing was counted since.
 */
export async function releaseLoginAttempt(tx: Executor, reservations: LoginReservation[]): Promise<void> {
  for (const r of reservations) {
    if (r.scope !== "ip" && r.scope !== "shared") {
      await tx.delete(loginThrottles).where(eq(loginThrottles.key, r.key));
      continue;
    }
    const untouched = sql`${loginThrottles.failures} = ${r.failures}`;
    const ownLock = r.lockedUntil ? sql`${loginThrottles.lockedUntil} = ${r.lockedUntil.toISOString()}::timestamptz` : sql`false`;
    const before = r.lastFailedBefore ? sql`${r.lastFailedBefore.toISOString()}::timestamptz` : loginThrottles.lastFailedAt;
    await tx
      .update(loginThrottles)
      .set({
        failures: sql`greatest(${loginThrottles.failures} - 1, 0)`,
        lastFailedAt: sql`case when ${untouched} then ${before} else ${loginThrottles.lastFailedAt} end`,
        // This attempt's own lock only: one running before it would have refused it.
        lockedUntil: sql`case when ${ownLock} then null else ${loginThrottles.lockedUntil} end`,
      })
      .where(eq(loginThrottles.key, r.key));
  }
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

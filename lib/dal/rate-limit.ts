import "server-only";
import { and, eq, lt } from "drizzle-orm";
import { rateLimits } from "@/db/schema";
import { getDatabaseHandle, getDb } from "../db";
import { AppError } from "../errors";
import { withDefaults, type CommandOptions } from "./command-options";
import { isKnownBlocked, markBlocked } from "./read-cache";

/** One counter: its key, how many in a window, the window's length. */
export type RateLimit = { key: string; limit: number; windowSeconds: number };

function windowStartOf(now: Date, windowSeconds: number): Date {
  return new Date(Math.floor(now.getTime() / (windowSeconds * 1000)) * windowSeconds * 1000);
}

/** 429 with `retryAfter` (seconds until the window ends) for a Retry-After header. */
function rateLimited(now: Date, windowSeconds: number): AppError {
  const ends = windowStartOf(now, windowSeconds).getTime() + windowSeconds * 1000;
  return new AppError("rate_limited", "error.rateLimited", { params: { retryAfter: Math.max(1, Math.ceil((ends - now.getTime()) / 1000)) } });
}

/** The upsert of n counters of one window ($1), one statement per n, each a prepared statement. */
const UPSERT_SQL = new Map<number, string>();
function upsertSql(n: number): string {
  let text = UPSERT_SQL.get(n);
  if (!text) {
    const rows = Array.from({ length: n }, (_, i) => `($${i + 2}, $1, 1)`).join(", ");
    text = `insert into rate_limits (key, window_start, count) values ${rows} on conflict (key, window_start) do update set count = rate_limits.count + 1 returning key, count`;
    UPSERT_SQL.set(n, text);
  }
  return text;
}

/**
 * Fixed-window counter in PostgreSQL, so every app instance shares it. Throws 429 once `limit` requests
 * with the same key arrive within one window.
 */
export async function consumeRateLimit(input: RateLimit, options: CommandOptions = {}): Promise<void> {
  await consume([input], input.windowSeconds, withDefaults(options).now);
}

/** Several counters of one window, counted together: a booking attempt's allowances (lib/limits/booking.ts). */
export type Allowances = { entries: { key: string; limit: number }[]; windowSeconds: number };

/**
 * Several counters of one window in one statement (distinct keys); 429 if any of them passes its limit.
 * Every counter is counted, so one key's excess does not hide another's. A key this process already saw
 * over its limit in this window is refused from memory (lib/dal/read-cache.ts, `markBlocked`): no round
 * trip, and — like every refusal answered from memory — nothing counted.
 */
export async function consumeRateLimits({ entries, windowSeconds }: Allowances, options: CommandOptions = {}): Promise<void> {
  await consume(entries, windowSeconds, withDefaults(options).now);
}

/** 429 from memory if a key of `allowances` is known to be over its limit in this window (nothing counted). */
export function refuseKnownBlocked({ entries, windowSeconds }: Allowances, options: CommandOptions = {}): void {
  const { now } = withDefaults(options);
  const at = now.getTime();
  if (entries.some(({ key, limit }) => isKnownBlocked(key, limit, at))) throw rateLimited(now, windowSeconds);
}

/**
 * The allowances as the booking statement counts them (migration 0027): keys, caps, the window's start. Its
 * refusal names the key at its cap (`allowanceRefusal`); an attempt it refused for another reason rolled
 * the counts back, and is counted again with `countRefusedAttempt`.
 */
export function allowanceParams(allowances: Allowances | undefined, options: CommandOptions = {}): [string[], number[], string] {
  const { now } = withDefaults(options);
  if (!allowances) return [[], [], now.toISOString()];
  return [allowances.entries.map((e) => e.key), allowances.entries.map((e) => e.limit), windowStartOf(now, allowances.windowSeconds).toISOString()];
}

/**
 * The 429 for the key the booking statement found at its cap (its error's detail), remembered so the next
 * attempt costs no round trip; null if `key` is none of the allowances.
 */
export function allowanceRefusal({ allowances, key }: { allowances: Allowances; key: string }, options: CommandOptions = {}): AppError | null {
  const { now } = withDefaults(options);
  const entry = allowances.entries.find((e) => e.key === key);
  if (!entry) return null;
  const start = windowStartOf(now, allowances.windowSeconds).getTime();
  markBlocked(key, start, start + allowances.windowSeconds * 1000, entry.limit + 1);
  return rateLimited(now, allowances.windowSeconds);
}

/** Counts an attempt the booking statement refused (and so rolled back); a key it takes past its cap is remembered, nothing thrown. */
export async function countRefusedAttempt({ entries, windowSeconds }: Allowances, options: CommandOptions = {}): Promise<void> {
  await consume(entries, windowSeconds, withDefaults(options).now).catch((error: unknown) => {
    if (!(error instanceof AppError && error.code === "rate_limited")) throw error;
  });
}

async function consume(entries: { key: string; limit: number }[], windowSeconds: number, now: Date): Promise<void> {
  if (entries.length === 0) return;
  refuseKnownBlocked({ entries, windowSeconds }, { now });
  const windowStart = windowStartOf(now, windowSeconds);
  const handle = await getDatabaseHandle();
  // In key order, as the booking statement takes them: two statements counting the same keys never deadlock.
  const keys = entries.map((e) => e.key).sort();
  const rows = await handle.run(upsertSql(entries.length), [windowStart.toISOString(), ...keys]);
  let over = false;
  for (const row of rows) {
    const count = Number(row.count);
    const limit = entries.find((e) => e.key === row.key)!.limit;
    if (count > limit) {
      over = true;
      markBlocked(String(row.key), windowStart.getTime(), windowStart.getTime() + windowSeconds * 1000, count);
    }
  }
  if (over) throw rateLimited(now, windowSeconds);
}

/**
 * Throws 429 when `key` has already used its `limit` in this window, without counting the call: for
 * counters of failures, checked before the attempt and consumed only when it fails.
 */
export async function assertUnderRateLimit({ key, limit, windowSeconds }: RateLimit, options: CommandOptions = {}): Promise<void> {
  const { now } = withDefaults(options);
  if ((await countInWindow(key, windowSeconds, now)) >= limit) throw rateLimited(now, windowSeconds);
}

/** How many times `key` was counted in the current window. */
export async function getRateLimitCount({ key, windowSeconds }: Omit<RateLimit, "limit">, options: CommandOptions = {}): Promise<number> {
  return countInWindow(key, windowSeconds, withDefaults(options).now);
}

async function countInWindow(key: string, windowSeconds: number, now: Date): Promise<number> {
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

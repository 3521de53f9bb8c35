import "server-only";
import { expireCitizenPages } from "../page-cache";
import { readSetting } from "../env";

/**
 * A small in-process read cache for the opening rush: office settings, the day plans, the places used,
 * and the sessions known to be full. The app stays stateless: nothing here is the truth, every entry is
 * dropped after `ttl` (1 s unless ANTREAN_CACHE_MS says otherwise), so a change made through another
 * instance is seen here within a second. Changes made in this process drop their area at once
 * (`invalidateReads`). Concurrent readers of a missing entry share one load.
 *
 * Under vitest the cache is off (vitest.config.ts sets ANTREAN_CACHE_MS=0) unless a test turns it on
 * (`setReadCacheTtl`): most tests change settings straight in the database and expect the next call to see it.
 */
export type CacheArea = "settings" | "usage" | "full";

type Entry = { at: number; generation: number; value: Promise<unknown> };
type State = {
  ttl: number;
  entries: Map<string, Entry>;
  generations: Record<CacheArea, number>;
  full: Map<string, number>;
  /** The one check in flight per counter row whose "full" expired (`isStillFull`). */
  rechecks: Map<string, Promise<boolean>>;
  /** Rate-limit keys found over a limit: the count seen in the window [start, end) (ms). */
  blocked: Map<string, { start: number; end: number; count: number }>;
};

const MAX_ENTRIES = 2_000;
const globalForCache = globalThis as unknown as { antreanReadCache?: State };

function state(): State {
  globalForCache.antreanReadCache ??= {
    ttl: readSetting("ANTREAN_CACHE_MS"),
    entries: new Map(),
    generations: { settings: 0, usage: 0, full: 0 },
    full: new Map(),
    rechecks: new Map(),
    blocked: new Map(),
  };
  return globalForCache.antreanReadCache;
}

/** The cached value of `key` in `area`, or `load()` (shared by every caller until it settles). */
export function cachedRead<T>(area: CacheArea, key: string, load: () => Promise<T>): Promise<T> {
  const s = state();
  if (s.ttl <= 0) return load();
  const fullKey = `${area}:${key}`;
  const now = performance.now();
  const hit = s.entries.get(fullKey);
  if (hit && now - hit.at < s.ttl && hit.generation === s.generations[area]) return hit.value as Promise<T>;
  if (s.entries.size >= MAX_ENTRIES) s.entries.clear();
  const value = load();
  const entry: Entry = { at: now, generation: s.generations[area], value };
  s.entries.set(fullKey, entry);
  value.catch(() => {
    if (s.entries.get(fullKey) === entry) s.entries.delete(fullKey);
  });
  return value;
}

/**
 * Drops every cached read of these areas in this process (other instances drop theirs within the ttl).
 * A settings change also expires this process's cached citizen pages (lib/page-cache.ts); bookings and
 * cancellations ("usage", "full") do not: during the rush that would render every page on every booking,
 * and the pages' one-second expiry already bounds them.
 */
export function invalidateReads(...areas: CacheArea[]): void {
  const s = state();
  for (const area of areas) s.generations[area]++;
  if (areas.includes("full")) s.full.clear();
  if (areas.includes("settings")) expireCitizenPages();
}

/** Remembers that a counter row (a day, session or service cap) was found at its limit. */
export function markFull(key: string): void {
  const s = state();
  if (s.ttl <= 0) return;
  if (s.full.size >= MAX_ENTRIES) s.full.clear();
  s.full.set(key, performance.now());
}

/** True if `key` was found full less than a ttl ago and nothing was freed in this process since. */
export function isKnownFull(key: string): boolean {
  const s = state();
  const at = s.full.get(key);
  if (at === undefined) return false;
  if (performance.now() - at < s.ttl) return true;
  s.full.delete(key);
  return false;
}

/**
 * isKnownFull, and once that memory has expired, whether the row is full still: `recheck` (a plain read of
 * the counter, no transaction, no lock) runs once for every caller that asks meanwhile — in the rush, the
 * hundreds of requests that arrive as the second passes share one read instead of each trying to book. A
 * row found full again is remembered for another ttl; otherwise it is forgotten and the callers go on to
 * book (the database decides). A failed read counts as "not known full".
 */
export function isStillFull(key: string, recheck: () => Promise<boolean>): boolean | Promise<boolean> {
  const s = state();
  const at = s.full.get(key);
  if (at === undefined) return false;
  if (performance.now() - at < s.ttl) return true;
  const pending = s.rechecks.get(key);
  if (pending) return pending;
  const generation = s.generations.full;
  const check = recheck()
    .catch(() => false)
    .then((full) => {
      s.rechecks.delete(key);
      // A place freed in this process meanwhile (invalidateReads("full")) wins over what the read saw.
      if (full && s.generations.full === generation) s.full.set(key, performance.now());
      else if (s.full.get(key) === at) s.full.delete(key);
      return full && s.generations.full === generation;
    });
  s.rechecks.set(key, check);
  return check;
}

/** Tests: turn the cache on (a ttl in ms) or off (0), starting empty. */
export function setReadCacheTtl(ttl: number): void {
  const s = state();
  s.ttl = ttl;
  s.entries.clear();
  s.full.clear();
  s.rechecks.clear();
  s.blocked.clear();
}

/**
 * Remembers that a rate-limit key had counted `count` requests in the window [start, end) (ms) — done when
 * that passed its limit. A fixed window's count only grows, so while the window lasts the key is over any
 * limit below `count`: a refusal from here is exact, never a guess, and never an allowance (the database
 * stays the truth for everything else). Off with the cache (ttl 0), like everything here.
 */
export function markBlocked(key: string, start: number, end: number, count: number): void {
  const s = state();
  if (s.ttl <= 0) return;
  if (s.blocked.size >= 10 * MAX_ENTRIES) s.blocked.clear();
  s.blocked.set(key, { start, end, count });
}

/** True if `key` is known to have counted more than `limit` requests in the window that holds `at` (ms). */
export function isKnownBlocked(key: string, limit: number, at: number): boolean {
  const s = state();
  const seen = s.blocked.get(key);
  if (!seen) return false;
  if (at >= seen.end) {
    s.blocked.delete(key);
    return false;
  }
  return at >= seen.start && seen.count > limit;
}

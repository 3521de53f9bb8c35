import "server-only";
import { expireCitizenPages } from "../page-cache";

/**
 * A small in-process read cache for the opening rush: office settings, the day plans, the places used,
 * and the sessions known to be full. The app stays stateless: nothing here is the truth, every entry is
 * dropped after `ttl` (1 s unless ANTREAN_CACHE_MS says otherwise), so a change made through another
 * instance is seen here within a second. Changes made in this process drop their area at once
 * (`invalidateReads`). Concurrent readers of a missing entry share one load.
 *
 * Under vitest the cache is off unless a test turns it on (`setReadCacheTtl`): most tests change settings
 * straight in the database and expect the next call to see it.
 */
export type CacheArea = "settings" | "usage" | "full";

type Entry = { at: number; generation: number; value: Promise<unknown> };
type State = { ttl: number; entries: Map<string, Entry>; generations: Record<CacheArea, number>; full: Map<string, number> };

const MAX_ENTRIES = 2_000;
const globalForCache = globalThis as unknown as { antreanReadCache?: State };

function state(): State {
  globalForCache.antreanReadCache ??= {
    ttl: process.env.VITEST ? 0 : Number(process.env.ANTREAN_CACHE_MS ?? 1000),
    entries: new Map(),
    generations: { settings: 0, usage: 0, full: 0 },
    full: new Map(),
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

/** Tests: turn the cache on (a ttl in ms) or off (0), starting empty. */
export function setReadCacheTtl(ttl: number): void {
  const s = state();
  s.ttl = ttl;
  s.entries.clear();
  s.full.clear();
}

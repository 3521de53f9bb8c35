/**
 * Whether this process last found its database unreachable. Set when /api/health finds it so, or when a
 * probe fails that was asked for by a request failing for want of the database (instrumentation's
 * onRequestError, the API, the actions) or by a pooled connection closing (PostgreSQL shutting down closes
 * them all at once) — a probe, not the failure itself, which may be a late one from before a recovery.
 * While it is set the proxy answers page requests with a 503 page at once, and a probe runs every second
 * until the database answers again, so the app recovers by itself. Kept on globalThis: the proxy and the app are bundled separately
 * but run in one process. No imports, so the proxy can read it without loading the database driver.
 */
type DbStatus = { unavailableSince: number | null; probe?: () => Promise<void>; timer?: ReturnType<typeof setInterval>; checking?: boolean };

const KEY = Symbol.for("antrean.db-status");
const PROBE_EVERY_MS = 1_000;
/** Seconds a client should wait before trying again (the `Retry-After` of every 503). */
export const RETRY_AFTER_SECONDS = 5;

function state(): DbStatus {
  const g = globalThis as unknown as Record<symbol, DbStatus | undefined>;
  return (g[KEY] ??= { unavailableSince: null });
}

export function isDatabaseMarkedUnavailable(): boolean {
  return state().unavailableSince !== null;
}

export function setDatabaseProbe(probe: () => Promise<void>): void {
  state().probe = probe;
}

export function markDatabaseUnavailable(): void {
  const s = state();
  if (s.unavailableSince !== null) return;
  s.unavailableSince = Date.now();
  console.warn("[antrean] database unreachable: answering 503 until it is back");
  let probing = false;
  s.timer = setInterval(() => {
    if (probing || !s.probe) return;
    probing = true;
    s.probe()
      .then(() => markDatabaseAvailable())
      .catch(() => {})
      .finally(() => (probing = false));
  }, PROBE_EVERY_MS);
  s.timer.unref?.();
}

export function markDatabaseAvailable(): void {
  const s = state();
  if (s.unavailableSince === null) return;
  console.info(`[antrean] database reachable again after ${((Date.now() - s.unavailableSince) / 1000).toFixed(1)} s`);
  s.unavailableSince = null;
  clearInterval(s.timer);
  s.timer = undefined;
}

/** Something suggests the database is gone: ask it at once, so pages answer 503 before they fail one by one. */
export function checkDatabaseSoon(): void {
  const s = state();
  if (s.unavailableSince !== null || s.checking || !s.probe) return;
  s.checking = true;
  s.probe()
    .catch(() => markDatabaseUnavailable())
    .finally(() => (s.checking = false));
}

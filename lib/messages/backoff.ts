/** Exponential backoff: base, 2×, 4×, … after each failed attempt, capped (default 1 min doubling to 6 h). */
export function retryDelayMs(attempts: number, baseMs = 60_000, capMs = 6 * 60 * 60_000): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

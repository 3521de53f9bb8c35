/**
 * Login throttling rules, shared by every app instance through the `login_throttles` table. An office's
 * counters often share one public address, so the address limit is far looser than the account limit.
 */
export const LOGIN_THROTTLE = {
  maxFailures: { account: 5, ip: 20 },
  /** The lock after the N-th failure, then after each further one; the last step repeats. */
  lockMinutes: [1, 5, 15],
  /** A quiet period after which the failure count starts again from zero. */
  resetAfterMinutes: 60,
} as const;

export type ThrottleScope = keyof typeof LOGIN_THROTTLE.maxFailures;

export function throttleKey(scope: ThrottleScope, value: string): string {
  return `${scope}:${value.toLowerCase()}`;
}

/** Minutes to lock after this many consecutive failures, or null while still under the limit. */
export function lockMinutesAfter(failures: number, scope: ThrottleScope): number | null {
  const over = failures - LOGIN_THROTTLE.maxFailures[scope];
  if (over < 0) return null;
  const steps = LOGIN_THROTTLE.lockMinutes;
  return steps[Math.min(over, steps.length - 1)]!;
}

/** Whole minutes left on a lock, at least one, for "try again in X minutes". */
export function minutesLeft(lockedUntil: Date, now: Date): number {
  return Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
}

/**
 * Login throttling rules, shared by every app instance through the `login_throttles` table. Failures are
 * counted where the guesser is, so a guesser elsewhere cannot lock the owner out:
 * - address known (behind a trusted proxy): per address + account (`pair`), per address across accounts
 *   (`ip`; an office's counters often share one address, so it is looser), and per account across all
 *   addresses (`spread`, much looser: it only stops guessing spread over many addresses);
 * - address unknown: per account (`account`) and one bucket for every caller (`shared`, loose);
 * - from a device where the account signed in before (a signed cookie): only that device's own count, so
 *   the owner's browser gets in while the account is locked for everyone else.
 * Unknown emails count exactly like real ones, so a lock reveals nothing; a locked attempt costs no hash.
 */
export const LOGIN_THROTTLE = {
  maxFailures: { account: 5, pair: 5, spread: 30, ip: 20, shared: 100, device: 5 },
  /** The lock after the N-th failure, then after each further one; the last step repeats. */
  lockMinutes: [1, 5, 15],
  /** A quiet period after which the failure count starts again from zero. */
  resetAfterMinutes: 60,
} as const;

export type ThrottleScope = keyof typeof LOGIN_THROTTLE.maxFailures;

export function throttleKey(scope: "account" | "ip", value: string): string {
  return `${scope}:${value.toLowerCase()}`;
}

/** The per-account keys an admin's unlock and a password reset clear: the account's and its pairs'. */
export function accountKeyPrefixes(email: string): { account: string; pairPrefix: string } {
  const lower = email.toLowerCase();
  return { account: `account:${lower}`, pairPrefix: `pair:${lower}|` };
}

/** The counters one attempt is checked against and, on failure, counted in. */
export function loginThrottleKeys(email: string, ip: string | null, knownDevice?: { staffId: string; deviceId: string }): [ThrottleScope, string][] {
  if (knownDevice) return [["device", `device:${knownDevice.staffId}:${knownDevice.deviceId}`]];
  const { account, pairPrefix } = accountKeyPrefixes(email);
  if (ip) return [["pair", `${pairPrefix}${ip.toLowerCase()}`], ["spread", account], ["ip", throttleKey("ip", ip)]];
  return [["account", account], ["shared", "ip:unknown-address"]];
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

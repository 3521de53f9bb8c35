import "server-only";
import { assertUnderRateLimit, consumeRateLimit, getRateLimitCount } from "../dal/rate-limit";
import { AppError, isAppError } from "../errors";
import { UNTRUSTED_CLIENT } from "../client-ip";

/**
 * Wrong-NIK failures on one reference, per hour. The reference is on the QR code, the printout and the
 * WhatsApp share, so failures must not lock out its owner:
 * - each address gets `perAddress` failures on a reference, then 429 for that address only;
 * - past `untilSecondFactor` failures on the reference from anyone, a NIK alone is not enough: the phone's
 *   last 4 digits are asked too, which the owner knows and a guesser must also guess;
 * - callers we cannot tell apart (no trusted proxy) share one count, stopped for good at `sharedCeiling`.
 */
export const REFERENCE_FAILURES = { perAddress: 10, untilSecondFactor: 10, sharedCeiling: 60, windowSeconds: 3600 } as const;

export type GuardOptions = {
  /** The caller's rate-limit key (an address, UNTRUSTED_CLIENT, or `kiosk:<id>`). */
  ip: string;
  phoneLast4?: string;
  /** A kiosk cannot ask for phone digits; it is limited per reference and device only. */
  secondFactor?: boolean;
};

const referenceKey = (reference: string) => `booking-reference-failures:${reference}`;

export function phoneDigitsRequired(): AppError {
  return new AppError("validation", "error.phoneDigitsRequired", { fields: { phoneLast4: ["field.phoneLast4.required"] } });
}

/**
 * Runs a reference + NIK operation under the failure allowances above. Checked before the attempt and
 * counted only on a 404, so the owner's successful look-ups cost nothing.
 */
export async function withReferenceGuard<T>(reference: string, options: GuardOptions, run: () => Promise<T>): Promise<T> {
  const { perAddress, untilSecondFactor, sharedCeiling, windowSeconds } = REFERENCE_FAILURES;
  const shared = options.ip === UNTRUSTED_CLIENT;
  const secondFactor = options.secondFactor ?? true;
  const addressKey = shared ? null : `${referenceKey(reference)}:${options.ip}`;

  if (addressKey) await assertUnderRateLimit({ key: addressKey, limit: perAddress, windowSeconds });
  if (secondFactor) {
    if (shared) await assertUnderRateLimit({ key: referenceKey(reference), limit: sharedCeiling, windowSeconds });
    const failures = await getRateLimitCount({ key: referenceKey(reference), windowSeconds });
    if (failures >= untilSecondFactor && !options.phoneLast4) throw phoneDigitsRequired();
  }
  try {
    return await run();
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") {
      if (addressKey) await consumeRateLimit({ key: addressKey, limit: perAddress, windowSeconds });
      if (secondFactor) await consumeRateLimit({ key: referenceKey(reference), limit: Number.MAX_SAFE_INTEGER, windowSeconds });
    }
    throw error;
  }
}

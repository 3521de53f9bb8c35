import "server-only";
import { assertUnderRateLimit, consumeRateLimit } from "../dal/rate-limit";
import { isAppError } from "../errors";
import { UNTRUSTED_CLIENT } from "../client-ip";

/** Requests per window and address; failures per window and booking reference. */
export const API_LIMITS = {
  createBooking: { limit: 30, windowSeconds: 600 },
  manageBooking: { limit: 60, windowSeconds: 600 },
  referenceFailures: { limit: 10, windowSeconds: 3600 },
} as const;

/**
 * Without a trusted proxy every caller shares the UNTRUSTED_CLIENT bucket, so that bucket is sized for a
 * whole office's traffic (the caps in the database still hold whatever the rate); behind a proxy
 * (ANTREAN_TRUST_PROXY=1) each address gets the per-person allowance.
 */
export const SHARED_BUCKET_FACTOR = 25;

function allowance(ip: string, limit: number): number {
  return ip === UNTRUSTED_CLIENT ? limit * SHARED_BUCKET_FACTOR : limit;
}

/** The web form and the API draw on the same allowance per address. */
export function limitCreateBooking(ip: string): Promise<void> {
  const { limit, windowSeconds } = API_LIMITS.createBooking;
  return consumeRateLimit(`api:create-booking:${ip}`, allowance(ip, limit), windowSeconds);
}

/** Look-up, cancel and reschedule share one allowance per address. */
export function limitManageBooking(ip: string): Promise<void> {
  const { limit, windowSeconds } = API_LIMITS.manageBooking;
  return consumeRateLimit(`api:manage-booking:${ip}`, allowance(ip, limit), windowSeconds);
}

/**
 * Runs a reference + NIK operation under the reference's failure allowance. Checked before the attempt
 * and counted only on a 404, so the owner's successful look-ups cost nothing, while someone trying NIKs
 * for a known reference is stopped from any number of addresses, even on a correct guess.
 */
export async function withReferenceGuard<T>(reference: string, run: () => Promise<T>): Promise<T> {
  const { limit, windowSeconds } = API_LIMITS.referenceFailures;
  const key = `booking-reference-failures:${reference}`;
  await assertUnderRateLimit(key, limit, windowSeconds);
  try {
    return await run();
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") await consumeRateLimit(key, limit, windowSeconds);
    throw error;
  }
}

import "server-only";
import { isAppError } from "../errors";
import { assertUnderRateLimit, consumeRateLimit } from "../dal/rate-limit";
import { isShared, SHARED_BUCKET_FACTOR } from "./booking";
import { noteReferenceMiss } from "../public-confirmations";

/**
 * Reference look-ups that found nothing (confirmation, print, calendar pages), per address: enough for
 * typos, too few to walk the reference space. Callers we cannot tell apart share a larger allowance.
 */
export const REFERENCE_MISSES = { limit: 30, windowSeconds: 600 } as const;

const missKey = (ip: string) => `booking-reference-misses:${ip}`;
const missAllowance = (ip: string) => (isShared(ip) ? REFERENCE_MISSES.limit * SHARED_BUCKET_FACTOR : REFERENCE_MISSES.limit);

/**
 * 429 once this address has used its misses; checked before every look-up, hits included. An address that
 * missed (or is refused) is also noted in this process, so the shared confirmation cache is not served to
 * it for the misses' window (lib/public-confirmations.ts).
 */
export async function assertReferenceMissesLeft(ip: string): Promise<void> {
  try {
    await assertUnderRateLimit({ key: missKey(ip), limit: missAllowance(ip), windowSeconds: REFERENCE_MISSES.windowSeconds });
  } catch (error) {
    if (isAppError(error) && error.code === "rate_limited") noteReferenceMiss(ip, REFERENCE_MISSES.windowSeconds);
    throw error;
  }
}

export async function countReferenceMiss(ip: string): Promise<void> {
  noteReferenceMiss(ip, REFERENCE_MISSES.windowSeconds);
  await consumeRateLimit({ key: missKey(ip), limit: Number.MAX_SAFE_INTEGER, windowSeconds: REFERENCE_MISSES.windowSeconds });
}

/**
 * The live queue status draws on the same per-address allowance of misses as the other reference look-ups
 * (confirmation, print and calendar pages): the reference is the only key to a booking's queue number. Found
 * references cost nothing, which matters for a page that reconnects its event stream all day.
 */
export async function withQueueMissGuard<T>(ip: string, run: () => Promise<T>): Promise<T> {
  await assertReferenceMissesLeft(ip);
  try {
    return await run();
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") await countReferenceMiss(ip);
    throw error;
  }
}

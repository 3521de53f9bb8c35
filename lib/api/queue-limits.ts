import "server-only";
import { isAppError } from "../errors";
import { assertReferenceMissesLeft, countReferenceMiss } from "./limits";

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

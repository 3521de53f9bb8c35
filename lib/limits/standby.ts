import "server-only";
import { UNTRUSTED_CLIENT } from "../client-ip";
import { consumeRateLimit } from "../dal/rate-limit";
import { isShared, limitCreateBooking, REQUEST_LIMITS, SHARED_BUCKET_FACTOR } from "./booking";

/**
 * The standby list's limits, the booking API's rules with their own buckets: joining counts like booking
 * (per known address before parsing; without a trusted proxy, well-formed attempts share the date's
 * allowance with bookings); look-ups and accepting like managing a booking. Wrong NIKs on a reference are
 * limited by withReferenceGuard, as for bookings.
 */

export async function limitJoinStandby(ip: string): Promise<void> {
  if (isShared(ip)) return;
  const { limit, windowSeconds } = REQUEST_LIMITS.createBooking;
  await consumeRateLimit(`api:standby-join:${ip}`, limit, windowSeconds);
}

/** Without a trusted proxy: a well-formed join spends the date's allowance shared with bookings. */
export async function limitSharedJoinStandby(ip: string, input: { office?: string; date: string }): Promise<void> {
  if (!isShared(ip)) return;
  await limitCreateBooking(ip, input);
}

export async function limitStandbyManage(ip: string): Promise<void> {
  if (isShared(ip)) return;
  const { limit, windowSeconds } = REQUEST_LIMITS.manageBooking;
  await consumeRateLimit(`api:standby-manage:${ip}`, limit, windowSeconds);
}

export async function limitSharedStandbyManage(ip: string): Promise<void> {
  if (!isShared(ip)) return;
  const { limit, windowSeconds } = REQUEST_LIMITS.manageBooking;
  await consumeRateLimit(`api:standby-manage:${UNTRUSTED_CLIENT}`, limit * SHARED_BUCKET_FACTOR, windowSeconds);
}

import "server-only";
import { addressAllowance, isShared, limitBookingAddress, REQUEST_LIMITS } from "./booking";

/**
 * The standby list's limits, the booking API's rules with their own buckets: joining counts like booking
 * (per known address before parsing; without a trusted proxy, well-formed attempts share the date's
 * allowance with bookings); look-ups and accepting like managing a booking. Wrong NIKs on a reference are
 * limited by withReferenceGuard, as for bookings.
 */

export const limitJoinStandby = addressAllowance("standby-join", REQUEST_LIMITS.createBooking).perAddress;

/** Without a trusted proxy: a well-formed join spends the date's allowance shared with bookings. */
export async function limitSharedJoinStandby(ip: string, input: { office?: string; date: string }): Promise<void> {
  if (!isShared(ip)) return;
  await limitBookingAddress(ip, input);
}

const standbyManage = addressAllowance("standby-manage", REQUEST_LIMITS.manageBooking);
export const limitStandbyManage = standbyManage.perAddress;
export const limitSharedStandbyManage = standbyManage.shared;

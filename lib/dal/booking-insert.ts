import "server-only";
import type { Booking } from "@/db/schema";
import { getDatabaseHandle } from "../db";
import type { UsageChange } from "./capacity-usage";

/**
 * The booking statement of the opening rush: one call of the `antrean_create_booking` function
 * (db/migrations/0004) claims the counters in lock order, takes the queue number and writes the booking
 * and its audit row — one round trip instead of nine, and all or nothing. After the booking's language
 * (db/migrations/0010, which its messages are written in) and the time come the caller's allowances
 * (migration 0027: keys, caps, the window's start), counted first.
 */
export const CREATE_BOOKING_SQL = `select booking_id, booking_queue_seq, booking_created_ms from antrean_create_booking(${Array.from(
  { length: 35 },
  (_, i) => `$${i + 1}`,
).join(", ")})`;

/** The limit a claim carries for a scope (the function takes them as parameters). */
export function limitOf(claims: UsageChange[], scope: "day" | "session" | "service"): number {
  const claim = claims.find((c) => c.scope === scope);
  return claim?.delta === 1 ? claim.limit : 0;
}

/** A counter row at its limit, as the "known full" cache names it (the limit differs per channel). */
export function fullKey(change: UsageChange): string {
  return `${change.officeId}|${change.serviceDate}|${change.scope}|${change.scopeKey}|${change.delta === 1 ? change.limit : ""}`;
}

/**
 * Whether a counter row is still at its limit (or its ceiling, migration 0015): one plain read, no lock, for
 * the "known full" memory once it expires (read-cache.ts `isStillFull`). The booking statement stays the
 * judge: this only decides whether to keep refusing from memory for another moment.
 */
export async function isCounterFull(change: UsageChange & { delta: 1 }): Promise<boolean> {
  const handle = await getDatabaseHandle();
  const [row] = await handle.run(COUNTER_SQL, [change.officeId, change.serviceDate, change.scope, change.scopeKey]);
  if (!row) return false;
  const used = Number(row.used);
  return used >= change.limit || (row.ceiling !== null && used >= Number(row.ceiling));
}

const COUNTER_SQL = "select used, ceiling from capacity_usages where office_id = $1 and service_date = $2 and scope = $3 and scope_key = $4";

/** The columns of a new booking that the function leaves at their defaults. */
export const NEW_BOOKING_DEFAULTS = {
  status: "booked",
  nikHash: null,
  nikEncrypted: null,
  phoneHash: null,
  ageYears: null,
  sex: null,
  dedupeKey: null,
  priorityReason: null,
  consentAt: null,
  queueSortAt: null,
  checkedInAt: null,
  calledAt: null,
  callCount: 0,
  counterId: null,
  servingStartedAt: null,
  finishedAt: null,
  cancelledAt: null,
  noShowAt: null,
  createdByStaffId: null,
  purgedAt: null,
  remindersOptedOutAt: null,
} satisfies Partial<Booking>;

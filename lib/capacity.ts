/**
 * Capacity arithmetic, pure. A booking consumes one place in each of: the day, its session, its service
 * (when that service has a daily cap) and its phone number's daily allowance. The walk-in reserve keeps a
 * share of the day's and of every session's places off the online channel.
 */

export type Channel = "online" | "assisted" | "walk_in";

export function reservedPlaces(cap: number, reservePercent: number): number {
  return Math.floor((cap * reservePercent) / 100);
}

/** How many places a channel may fill: online stops short of the walk-in reserve, staff may use it all. */
export function channelLimit(cap: number, reservePercent: number, channel: Channel): number {
  return channel === "online" ? cap - reservedPlaces(cap, reservePercent) : cap;
}

export type SessionCapacityInput = {
  channel: Channel;
  reservePercent: number;
  dayCap: number;
  dayUsed: number;
  sessionCap: number;
  sessionUsed: number;
  serviceCap: number | null;
  serviceUsed: number;
};

/** Places this channel can still book in a session: the tightest of the day, session and service limits. */
export function remainingPlaces(input: SessionCapacityInput): { capacity: number; remaining: number } {
  const sessionLimit = channelLimit(input.sessionCap, input.reservePercent, input.channel);
  const dayLimit = channelLimit(input.dayCap, input.reservePercent, input.channel);
  const candidates = [sessionLimit - input.sessionUsed, dayLimit - input.dayUsed];
  if (input.serviceCap !== null) candidates.push(input.serviceCap - input.serviceUsed);
  return { capacity: sessionLimit, remaining: Math.max(0, Math.min(...candidates)) };
}

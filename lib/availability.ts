import { bookingWindowState, hasSessionEnded, hasSessionStarted, type WindowSettings } from "./booking-window";
import { remainingPlaces, type Channel } from "./capacity";
import { localDate } from "./dates";
import type { DayPlan, Note } from "./schedule";
import { sessionLabel } from "./schedule";

/** `closed`: closed on that date by the office, with its public reason (remaining is then 0). */
export type SessionAvailability = { id: string; label: string; start: string; end: string; capacity: number; remaining: number; closed?: Note };
/** `holiday`: a holiday (national, cuti bersama); `closure`: the office closed the day for another reason. */
export type DayReasonCode = "holiday" | "closure" | "not_a_service_day" | "booking_closed" | "not_yet_open" | "full" | "outage";
export type DayAvailabilityCore = { date: string; open: boolean; reasonCode?: DayReasonCode; sessions: SessionAvailability[] };

export type EvaluateContext = {
  office: WindowSettings & { walkInReservePercent: number };
  serviceId: string;
  serviceCap: number | null;
  channel: Channel;
  now: Date;
};

export type DayUsage = { day: number; sessions: ReadonlyMap<string, number>; services: ReadonlyMap<string, number> };

/**
 * What a channel can book on a date. Online: only inside the booking window and only sessions that have
 * not started. Staff (assisted, walk-in): today's sessions until they end, and later dates.
 */
export function evaluateDay(plan: DayPlan, usage: DayUsage, ctx: EvaluateContext): DayAvailabilityCore {
  const { office, channel, now } = ctx;
  if (!plan.open) return { date: plan.date, open: false, reasonCode: plan.closedReason, sessions: [] };
  if (channel === "online") {
    const state = bookingWindowState(plan.date, now, office);
    if (state !== "open") return { date: plan.date, open: false, reasonCode: state === "closed" ? "booking_closed" : "not_yet_open", sessions: [] };
  } else if (plan.date < localDate(now, office.timezone)) {
    return { date: plan.date, open: false, reasonCode: "booking_closed", sessions: [] };
  }

  const sessions = plan.sessions
    .filter((s) =>
      channel === "online"
        ? !hasSessionStarted(plan.date, s.start, now, office.timezone)
        : !hasSessionEnded(plan.date, s.end, now, office.timezone),
    )
    .map((s) => {
      const { capacity, remaining } = remainingPlaces({
        channel,
        reservePercent: office.walkInReservePercent,
        dayCap: plan.dayCap,
        dayUsed: usage.day,
        sessionCap: s.capacity,
        sessionUsed: usage.sessions.get(s.start) ?? 0,
        serviceCap: ctx.serviceCap,
        serviceUsed: usage.services.get(ctx.serviceId) ?? 0,
      });
      const session: SessionAvailability = { id: s.start, label: sessionLabel(s.start, s.end), start: s.start, end: s.end, capacity, remaining };
      return s.closed ? { ...session, closed: s.closed } : session;
    });
  if (sessions.length === 0) return { date: plan.date, open: false, reasonCode: "booking_closed", sessions: [] };
  const full = sessions.every((s) => s.remaining === 0);
  return { date: plan.date, open: true, ...(full ? { reasonCode: "full" as const } : {}), sessions };
}

/**
 * Where to send someone whose chosen date is full: the next *later* date with a free place (never an
 * earlier one, which they have already passed over), or null when no later date in the list has room.
 */
export function nextDateWithRoom(days: readonly DayAvailabilityCore[], after: string): string | null {
  return days.find((d) => d.date > after && d.open && d.sessions.some((s) => s.remaining > 0))?.date ?? null;
}

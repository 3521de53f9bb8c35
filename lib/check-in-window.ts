import { localDate, localTime, zonedInstant } from "./dates";

export type CheckInSettings = {
  timezone: string;
  checkInOpensMinutes: number;
  checkInGraceMinutes: number;
  lateArrivalPolicy: "back_of_queue" | "refuse";
};

export type CheckInSlot = { serviceDate: string; sessionStartsAt: string; sessionEndsAt: string };

export type CheckInVerdict =
  | { ok: true; late: boolean; queueSortAt: Date }
  | { ok: false; reason: "not_today"; date: string }
  | { ok: false; reason: "too_early"; opensAt: string }
  | { ok: false; reason: "late_refused" }
  | { ok: false; reason: "closed" };

const MINUTE = 60_000;

/**
 * When a booking may be checked in: on its own date only, from `checkInOpensMinutes` before the session
 * starts until the session ends (on time: it keeps the session start as its place in the queue), then for
 * `checkInGraceMinutes` more as a late arrival (the office either puts it at the back, ordered by the
 * check-in time, or refuses it). After that the booking is a no-show.
 * `allowEarly` is for walk-ins booked at the counter: the person is already standing there.
 */
export function evaluateCheckIn(slot: CheckInSlot, office: CheckInSettings, now: Date, options: { allowEarly?: boolean } = {}): CheckInVerdict {
  if (slot.serviceDate !== localDate(now, office.timezone)) return { ok: false, reason: "not_today", date: slot.serviceDate };
  const start = zonedInstant(slot.serviceDate, slot.sessionStartsAt, office.timezone);
  const end = zonedInstant(slot.serviceDate, slot.sessionEndsAt, office.timezone);
  const opens = new Date(start.getTime() - office.checkInOpensMinutes * MINUTE);
  const closes = new Date(end.getTime() + office.checkInGraceMinutes * MINUTE);
  if (now < opens && !options.allowEarly) return { ok: false, reason: "too_early", opensAt: localTime(opens, office.timezone) };
  if (now < end) return { ok: true, late: false, queueSortAt: start };
  if (now >= closes) return { ok: false, reason: "closed" };
  if (office.lateArrivalPolicy === "refuse") return { ok: false, reason: "late_refused" };
  return { ok: true, late: true, queueSortAt: now };
}

/**
 * The last moment a booked-but-absent booking could still be checked in, as an office-local date and
 * minute: bookings of sessions that ended at or before it are no-shows. Seconds are dropped, which only
 * ever delays the sweep (never runs it before the grace period is over).
 */
export function missedCutoff(now: Date, office: Pick<CheckInSettings, "timezone" | "checkInGraceMinutes">): { date: string; time: string } {
  const cutoff = new Date(now.getTime() - office.checkInGraceMinutes * MINUTE);
  return { date: localDate(cutoff, office.timezone), time: localTime(cutoff, office.timezone) };
}

import { addDays, localDate, zonedInstant } from "./dates";

/** The office settings that decide when a date can be booked online. */
export type WindowSettings = {
  timezone: string;
  bookingDaysAhead: number;
  bookingOpensAt: string;
  bookingCutoffDaysBefore: number;
  bookingCutoffAt: string;
};

export type WindowState = "open" | "not_yet_open" | "closed";

/**
 * Online bookings for date D open `bookingDaysAhead` days before D at `bookingOpensAt` and close
 * `bookingCutoffDaysBefore` days before D at `bookingCutoffAt` (office time; the close minute is inclusive).
 * Defaults: from 7 days ahead at 00:00 to the day before at 23:59.
 */
export function bookingWindowState(date: string, now: Date, s: WindowSettings): WindowState {
  const opensAt = zonedInstant(addDays(date, -s.bookingDaysAhead), s.bookingOpensAt, s.timezone);
  const closesAt = new Date(zonedInstant(addDays(date, -s.bookingCutoffDaysBefore), s.bookingCutoffAt, s.timezone).getTime() + 60_000);
  if (now < opensAt) return "not_yet_open";
  if (now >= closesAt) return "closed";
  return "open";
}

/** The dates a citizen may pick today: from the first date whose window is open, `bookingDaysAhead` of them. */
export function bookableDateRange(now: Date, s: WindowSettings): { from: string; to: string } {
  const today = localDate(now, s.timezone);
  let from = today;
  while (bookingWindowState(from, now, s) === "closed") from = addDays(from, 1);
  let to = addDays(today, s.bookingDaysAhead);
  while (bookingWindowState(to, now, s) === "not_yet_open") to = addDays(to, -1);
  return { from, to };
}

/** Staff may book for today's sessions that have not ended, and for any later date. */
export function hasSessionEnded(date: string, endsAt: string, now: Date, timezone: string): boolean {
  return now >= zonedInstant(date, endsAt, timezone);
}

export function hasSessionStarted(date: string, startsAt: string, now: Date, timezone: string): boolean {
  return now >= zonedInstant(date, startsAt, timezone);
}

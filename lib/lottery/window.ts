import { bookingWindowState, type WindowSettings } from "../booking-window";
import { addDays, zonedInstant } from "../dates";

/** The office settings of the fair release (issue 9): the lottery's switch and its window's length. */
export type LotterySettings = WindowSettings & { isLotteryEnabled: boolean; lotteryWindowMinutes: number };

/** When a date opens for online booking, and when its lottery window closes (the draw). */
export function lotteryWindow(date: string, s: LotterySettings): { opensAt: Date; drawAt: Date } {
  const opensAt = zonedInstant(addDays(date, -s.bookingDaysAhead), s.bookingOpensAt, s.timezone);
  return { opensAt, drawAt: new Date(opensAt.getTime() + s.lotteryWindowMinutes * 60_000) };
}

/**
 * The draw's instant when `now` falls in the date's lottery window (the lottery is on, the date has opened,
 * the window has not closed, and online booking is open at all); otherwise null: book first come, first served.
 */
export function lotteryDrawAt(date: string, now: Date, s: LotterySettings): Date | null {
  if (!s.isLotteryEnabled) return null;
  if (bookingWindowState(date, now, s) !== "open") return null;
  const { opensAt, drawAt } = lotteryWindow(date, s);
  return now >= opensAt && now < drawAt ? drawAt : null;
}

import { addDays } from "../dates";

/** The first and last day of the month a date falls in. */
export function monthRange(date: string): { from: string; to: string } {
  const from = `${date.slice(0, 7)}-01`;
  const next = new Date(`${from}T00:00:00Z`);
  next.setUTCMonth(next.getUTCMonth() + 1);
  return { from, to: addDays(next.toISOString().slice(0, 10), -1) };
}

/** The month before the one a date falls in. */
export function previousMonthRange(date: string): { from: string; to: string } {
  return monthRange(addDays(`${date.slice(0, 7)}-01`, -1));
}

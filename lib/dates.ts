/**
 * Office-local calendar arithmetic. Service dates are plain `YYYY-MM-DD` strings and times `HH:MM`;
 * instants are `Date`s. Indonesian zones have no DST, but nothing here assumes that.
 */

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

type WallClock = { date: string; time: string; seconds: number };

/** Per zone, the last minute read (the rush asks for "now" thousands of times a second; formatToParts is slow). */
const lastMinute = new Map<string, { minute: number; date: string; time: string }>();

function wallClock(instant: Date, timeZone: string): WallClock {
  const ms = instant.getTime();
  const minute = Math.floor(ms / 60_000);
  const utcSeconds = Math.floor((ms - minute * 60_000) / 1000);
  const seen = lastMinute.get(timeZone);
  if (seen && seen.minute === minute) return { date: seen.date, time: seen.time, seconds: utcSeconds };
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  const shown = { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}`, seconds: Number(parts.second) };
  // Reused for the rest of the minute only where the zone's offset is whole minutes (every zone today; not
  // some historic local mean times), so the local seconds are the UTC seconds and the answer is exact.
  if (shown.seconds === utcSeconds && Number.isFinite(minute)) {
    if (lastMinute.size > 100) lastMinute.clear();
    lastMinute.set(timeZone, { minute, date: shown.date, time: shown.time });
  }
  return shown;
}

/** The office-local date of an instant. */
export function localDate(instant: Date, timeZone: string): string {
  return wallClock(instant, timeZone).date;
}

/** The office-local `HH:MM` of an instant. */
export function localTime(instant: Date, timeZone: string): string {
  return wallClock(instant, timeZone).time;
}

/** zonedInstant's answers (a pure function of its arguments), in ms. */
const zoned = new Map<string, number>();

/** The instant at which the office's clock shows `date` `time`. */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const key = `${timeZone}|${date}|${normalizeTime(time)}`;
  const known = zoned.get(key);
  if (known !== undefined) return new Date(known);
  const guess = new Date(`${date}T${normalizeTime(time)}:00Z`);
  const shown = wallClock(guess, timeZone);
  const shownAsUtc = new Date(`${shown.date}T${shown.time}:00Z`).getTime() + shown.seconds * 1000;
  const instant = guess.getTime() - (shownAsUtc - guess.getTime());
  if (zoned.size >= 10_000) zoned.clear();
  zoned.set(key, instant);
  return new Date(instant);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** `08:00:00` (as PostgreSQL returns a `time`) → `08:00`. */
export function normalizeTime(time: string): string {
  return time.slice(0, 5);
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * The dates a request may name for a visit. Far wider than any booking window, and well inside
 * PostgreSQL's `date` range (which has no year 0 and no year 10000 in `YYYY-MM-DD`), so even `from` plus
 * the longest `days` span stays a real date instead of a 500 from the database.
 */
const MIN_SERVICE_DATE = "2000-01-01";
const MAX_SERVICE_DATE = "2999-12-31";

export function isServiceDate(value: string): boolean {
  return isIsoDate(value) && value >= MIN_SERVICE_DATE && value <= MAX_SERVICE_DATE;
}

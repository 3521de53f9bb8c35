import type { BookingDTO } from "./dal/booking-dto";
import { zonedInstant } from "./dates";
import type { Translator } from "./i18n/translate";

/** Indonesia's three zones by their usual names; any other zone is named by its offset. */
const ZONE_NAMES: Record<string, string> = { "Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT" };

type IcsBooking = Pick<BookingDTO, "reference" | "referenceDisplay" | "queueNumber" | "status" | "date" | "session" | "service" | "office" | "createdAt"> & {
  updatedAt: string;
};

/**
 * The visit as an iCalendar file (RFC 5545), in the office's own time zone (TZID with its VTIMEZONE), so
 * a phone set to another zone still shows the office's clock. A cancelled booking keeps its UID and says
 * STATUS:CANCELLED with a higher SEQUENCE, which is how a calendar that imported it learns to drop it.
 */
export function createBookingIcs(booking: IcsBooking, t: Translator, now: Date): string {
  const tz = booking.office.timezone;
  const cancelled = booking.status === "cancelled";
  const summary = t("calendar.summary", { service: booking.service.name, queue: booking.queueNumber });
  // Only a booking still ahead needs a reminder.
  const upcoming = booking.status === "booked" || booking.status === "checked_in";
  return calendarFile(
    [
      `UID:${booking.reference}@antrean`,
      `DTSTAMP:${utcStamp(now)}`,
      `LAST-MODIFIED:${utcStamp(new Date(booking.updatedAt))}`,
      // Every change (reschedule, cancel) moves updatedAt on, so seconds since creation only ever grow.
      `SEQUENCE:${Math.max(0, Math.floor((Date.parse(booking.updatedAt) - Date.parse(booking.createdAt)) / 1000))}`,
      `STATUS:${cancelled ? "CANCELLED" : "CONFIRMED"}`,
      `DTSTART;TZID=${tz}:${localStamp(booking.date, booking.session.start)}`,
      `DTEND;TZID=${tz}:${localStamp(booking.date, booking.session.end)}`,
      `SUMMARY:${escapeText(cancelled ? t("calendar.cancelledSummary", { summary }) : summary)}`,
      `LOCATION:${escapeText([booking.office.name, booking.office.address].filter(Boolean).join(", "))}`,
      `DESCRIPTION:${escapeText(t(cancelled ? "calendar.cancelledDescription" : "calendar.description", { reference: booking.referenceDisplay }))}`,
      ...(upcoming ? reminder(summary) : []),
    ],
    timezoneBlock(tz, booking.date),
  );
}

/** An iCalendar file with one event: the calendar's header, the zone's definition, the event; lines folded, CRLF. */
export function calendarFile(event: string[], zone: string[] = []): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Antrean//Disdukcapil//ID",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    ...zone,
    "BEGIN:VEVENT",
    ...event,
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(fold).join("\r\n") + "\r\n";
}

/** A reminder two hours before the visit. */
export function reminder(summary: string): string[] {
  return ["BEGIN:VALARM", "TRIGGER:-PT2H", "ACTION:DISPLAY", `DESCRIPTION:${escapeText(summary)}`, "END:VALARM"];
}

/** The zone's definition at the visit's date; Indonesian zones have no DST, so one STANDARD block holds. */
function timezoneBlock(tz: string, date: string): string[] {
  const offset = offsetMinutes(tz, date);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  const hhmm = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
  return [
    "BEGIN:VTIMEZONE",
    `TZID:${tz}`,
    "BEGIN:STANDARD",
    "DTSTART:19700101T000000",
    `TZOFFSETFROM:${hhmm}`,
    `TZOFFSETTO:${hhmm}`,
    `TZNAME:${ZONE_NAMES[tz] ?? `UTC${hhmm}`}`,
    "END:STANDARD",
    "END:VTIMEZONE",
  ];
}

/** Minutes the zone's clock is ahead of UTC on that date (at noon). */
function offsetMinutes(tz: string, date: string): number {
  const noonUtc = Date.parse(`${date}T12:00:00Z`);
  return Math.round((noonUtc - zonedInstant(date, "12:00", tz).getTime()) / 60_000);
}

export function utcStamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** Office-local wall-clock time, `YYYYMMDDTHHMMSS` (no Z: the TZID says which clock). */
function localStamp(date: string, time: string): string {
  return `${date.replace(/-/g, "")}T${time.slice(0, 5).replace(":", "")}00`;
}

/** RFC 5545 text escaping. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** RFC 5545: lines longer than 75 octets continue on the next line after a space. */
function fold(line: string): string {
  const bytes = Buffer.from(line, "utf8");
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = Math.min(start + (start === 0 ? 75 : 74), bytes.length);
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--; // never split a UTF-8 sequence
    parts.push(bytes.subarray(start, end).toString("utf8"));
    start = end;
  }
  return parts.join("\r\n ");
}

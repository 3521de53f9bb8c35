import { assertReferenceMissesLeft, countReferenceMiss } from "@/lib/api/limits";
import { clientIp } from "@/lib/client-ip";
import { findBookingByReference } from "@/lib/dal/bookings";
import { isAppError } from "@/lib/errors";
import { zonedInstant } from "@/lib/dates";
import { createTranslator, localeFromRequest } from "@/lib/i18n/translate";
import { isReference, normalizeReference } from "@/lib/reference";

/** An iCalendar file for the visit: date, session, place, queue number. No personal data. */
export async function GET(request: Request, { params }: { params: Promise<{ reference: string }> }) {
  const reference = normalizeReference((await params).reference);
  const t = createTranslator(localeFromRequest(request));
  const ip = clientIp(request);
  try {
    await assertReferenceMissesLeft(ip);
  } catch (error) {
    if (isAppError(error) && error.code === "rate_limited") return new Response("Too many requests", { status: 429, headers: { "Retry-After": String(error.params?.retryAfter ?? 60) } });
    throw error;
  }
  const booking = isReference(reference) ? await findBookingByReference(reference, t.locale) : null;
  if (!booking) {
    await countReferenceMiss(ip);
    return new Response("Not found", { status: 404 });
  }

  const { timezone } = booking.office;
  const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Antrean//Disdukcapil//ID",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${booking.reference}@antrean`,
    `DTSTAMP:${stamp(new Date())}`,
    `DTSTART:${stamp(zonedInstant(booking.date, booking.session.start, timezone))}`,
    `DTEND:${stamp(zonedInstant(booking.date, booking.session.end, timezone))}`,
    `SUMMARY:${escapeText(t("calendar.summary", { service: booking.service.name, queue: booking.queueNumber }))}`,
    `LOCATION:${escapeText([booking.office.name, booking.office.address].filter(Boolean).join(", "))}`,
    `DESCRIPTION:${escapeText(t("calendar.description", { reference: booking.referenceDisplay }))}`,
    "BEGIN:VALARM",
    "TRIGGER:-PT2H",
    "ACTION:DISPLAY",
    `DESCRIPTION:${escapeText(t("calendar.summary", { service: booking.service.name, queue: booking.queueNumber }))}`,
    "END:VALARM",
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return new Response(lines.map(fold).join("\r\n") + "\r\n", {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="antrean-${booking.reference}.ics"`,
      "Cache-Control": "no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}

/** RFC 5545 text escaping. */
function escapeText(value: string): string {
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

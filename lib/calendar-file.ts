import { zonedInstant } from "./dates";
import { escapeText, fold } from "./ics";

export type CalendarVisit = {
  reference: string;
  date: string;
  start: string;
  end: string;
  timezone: string;
  summary: string;
  location: string;
  description: string;
};

/**
 * An iCalendar file (RFC 5545) for one visit, with a reminder two hours before. Shared by the booking
 * page's download and the confirmation email's attachment. No personal data goes into it.
 */
export function buildCalendarFile(visit: CalendarVisit, now = new Date()): string {
  const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Antrean//Disdukcapil//ID",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${visit.reference}@antrean`,
    `DTSTAMP:${stamp(now)}`,
    `DTSTART:${stamp(zonedInstant(visit.date, visit.start, visit.timezone))}`,
    `DTEND:${stamp(zonedInstant(visit.date, visit.end, visit.timezone))}`,
    `SUMMARY:${escapeText(visit.summary)}`,
    `LOCATION:${escapeText(visit.location)}`,
    `DESCRIPTION:${escapeText(visit.description)}`,
    "BEGIN:VALARM",
    "TRIGGER:-PT2H",
    "ACTION:DISPLAY",
    `DESCRIPTION:${escapeText(visit.summary)}`,
    "END:VALARM",
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(fold).join("\r\n") + "\r\n";
}

import { zonedInstant } from "./dates";
import { calendarFile, escapeText, reminder, utcStamp } from "./ics";

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
 * An iCalendar file (RFC 5545) for one visit, with a reminder two hours before, in UTC: the confirmation
 * email's attachment (the booking page's download, in the office's zone, is `createBookingIcs`). No personal
 * data goes into it.
 */
export function buildCalendarFile(visit: CalendarVisit, now = new Date()): string {
  return calendarFile([
    `UID:${visit.reference}@antrean`,
    `DTSTAMP:${utcStamp(now)}`,
    `DTSTART:${utcStamp(zonedInstant(visit.date, visit.start, visit.timezone))}`,
    `DTEND:${utcStamp(zonedInstant(visit.date, visit.end, visit.timezone))}`,
    `SUMMARY:${escapeText(visit.summary)}`,
    `LOCATION:${escapeText(visit.location)}`,
    `DESCRIPTION:${escapeText(visit.description)}`,
    ...reminder(visit.summary),
  ]);
}

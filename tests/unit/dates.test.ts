import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isIsoDate, isoWeekday, localDate, localTime, normalizeTime, zonedInstant } from "@/lib/dates";

const WIB = "Asia/Jakarta";
const WITA = "Asia/Makassar";
const WIT = "Asia/Jayapura";

describe("zonedInstant", () => {
  it("is the instant the office's clock shows a date and time, in the three Indonesian zones", () => {
    expect(zonedInstant("2026-12-01", "10:00", WIB).toISOString()).toBe("2026-12-01T03:00:00.000Z");
    expect(zonedInstant("2026-12-01", "10:00", WITA).toISOString()).toBe("2026-12-01T02:00:00.000Z");
    expect(zonedInstant("2026-12-01", "10:00", WIT).toISOString()).toBe("2026-12-01T01:00:00.000Z");
  });

  it("falls on the previous UTC day, month and year for early local times", () => {
    expect(zonedInstant("2026-01-01", "00:00", WIT).toISOString()).toBe("2025-12-31T15:00:00.000Z");
    expect(zonedInstant("2026-01-01", "06:59", WIB).toISOString()).toBe("2025-12-31T23:59:00.000Z");
    expect(zonedInstant("2026-03-01", "06:30", WIT).toISOString()).toBe("2026-02-28T21:30:00.000Z");
    expect(zonedInstant("2024-03-01", "07:00", WITA).toISOString()).toBe("2024-02-29T23:00:00.000Z");
  });

  it("accepts PostgreSQL's `HH:MM:SS`", () => {
    expect(zonedInstant("2026-12-02", "23:59:00", WIB).toISOString()).toBe("2026-12-02T16:59:00.000Z");
  });

  it("round-trips through localDate and localTime", () => {
    for (const zone of [WIB, WITA, WIT]) {
      for (const [date, time] of [["2026-12-31", "23:59"], ["2027-01-01", "00:00"], ["2024-02-29", "12:34"]] as const) {
        const instant = zonedInstant(date, time, zone);
        expect([localDate(instant, zone), localTime(instant, zone)]).toEqual([date, time]);
      }
    }
  });
});

describe("localDate and localTime", () => {
  it("changes date at local midnight, not at UTC midnight", () => {
    expect(localDate(new Date("2025-12-31T16:59:59Z"), WIB)).toBe("2025-12-31");
    expect(localDate(new Date("2025-12-31T17:00:00Z"), WIB)).toBe("2026-01-01");
    expect(localDate(new Date("2025-12-31T15:59:59Z"), WITA)).toBe("2025-12-31");
    expect(localDate(new Date("2025-12-31T16:00:00Z"), WITA)).toBe("2026-01-01");
    expect(localDate(new Date("2025-12-31T14:59:59Z"), WIT)).toBe("2025-12-31");
    expect(localDate(new Date("2025-12-31T15:00:00Z"), WIT)).toBe("2026-01-01");
  });

  it("crosses month ends and 29 February", () => {
    expect(localDate(new Date("2024-02-28T17:30:00Z"), WIB)).toBe("2024-02-29");
    expect(localDate(new Date("2026-02-28T17:30:00Z"), WIB)).toBe("2026-03-01");
    expect(localDate(new Date("2026-04-30T20:00:00Z"), WIT)).toBe("2026-05-01");
  });

  it("shows the 24-hour local time", () => {
    expect(localTime(new Date("2026-12-01T03:00:00Z"), WIB)).toBe("10:00");
    expect(localTime(new Date("2026-12-01T17:05:00Z"), WIB)).toBe("00:05");
    expect(localTime(new Date("2026-12-01T03:00:00Z"), WIT)).toBe("12:00");
  });
});

describe("calendar arithmetic on YYYY-MM-DD", () => {
  it("adds days across months, leap days and years", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(addDays("2026-12-01", 7)).toBe("2026-12-08");
    expect(addDays("2026-12-01", 0)).toBe("2026-12-01");
  });

  it("counts the days between two dates", () => {
    expect(daysBetween("2026-12-01", "2026-12-08")).toBe(7);
    expect(daysBetween("2026-12-08", "2026-12-01")).toBe(-7);
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
    expect(daysBetween("2026-02-28", "2026-03-01")).toBe(1);
  });

  it("numbers weekdays the ISO way: Monday 1 … Sunday 7", () => {
    expect(isoWeekday("2026-11-30")).toBe(1);
    expect(isoWeekday("2026-12-01")).toBe(2);
    expect(isoWeekday("2026-12-04")).toBe(5);
    expect(isoWeekday("2026-12-05")).toBe(6);
    expect(isoWeekday("2026-12-06")).toBe(7);
    expect(isoWeekday("2024-02-29")).toBe(4);
  });

  it("cuts PostgreSQL's seconds off a time", () => {
    expect(normalizeTime("08:00:00")).toBe("08:00");
    expect(normalizeTime("13:30")).toBe("13:30");
  });

  it.each([
    ["2026-12-01", true],
    ["2024-02-29", true],
    ["2026-02-29", false],
    ["2026-04-31", false],
    ["2026-13-01", false],
    ["2026-00-10", false],
    ["2026-1-01", false],
    ["01-12-2026", false],
    ["2026-12-01T00:00", false],
    ["abcd-ef-gh", false],
    ["", false],
  ])("isIsoDate(%j) is %s", (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

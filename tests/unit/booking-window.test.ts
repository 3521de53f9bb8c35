import { describe, expect, it } from "vitest";
import { bookableDateRange, bookingWindowState, hasSessionEnded, hasSessionStarted, type WindowSettings } from "@/lib/booking-window";

/** The office defaults, with times as PostgreSQL returns them. */
const DEFAULTS: WindowSettings = {
  timezone: "Asia/Jakarta",
  bookingDaysAhead: 7,
  bookingOpensAt: "00:00:00",
  bookingCutoffDaysBefore: 1,
  bookingCutoffAt: "23:59:00",
};
/** Tuesday 1 December 2026, 10:00 WIB. */
const NOW = new Date("2026-12-01T03:00:00Z");
const wib = (local: string) => new Date(`${local}+07:00`);

describe("bookingWindowState with the defaults", () => {
  it.each([
    ["2026-11-30", "closed"],
    ["2026-12-01", "closed"],
    ["2026-12-02", "open"],
    ["2026-12-05", "open"],
    ["2026-12-08", "open"],
    ["2026-12-09", "not_yet_open"],
    ["2027-01-01", "not_yet_open"],
  ])("on 1 December at 10:00, %s is %s", (date, state) => {
    expect(bookingWindowState(date, NOW, DEFAULTS)).toBe(state);
  });

  it("closes the day before at 23:59, the whole minute included", () => {
    expect(bookingWindowState("2026-12-02", wib("2026-12-01T23:58:59"), DEFAULTS)).toBe("open");
    expect(bookingWindowState("2026-12-02", wib("2026-12-01T23:59:00"), DEFAULTS)).toBe("open");
    expect(bookingWindowState("2026-12-02", wib("2026-12-01T23:59:59.999"), DEFAULTS)).toBe("open");
    expect(bookingWindowState("2026-12-02", wib("2026-12-02T00:00:00"), DEFAULTS)).toBe("closed");
  });

  it("opens seven days ahead at midnight", () => {
    expect(bookingWindowState("2026-12-08", wib("2026-11-30T23:59:59.999"), DEFAULTS)).toBe("not_yet_open");
    expect(bookingWindowState("2026-12-08", wib("2026-12-01T00:00:00"), DEFAULTS)).toBe("open");
  });

  it("accepts `HH:MM` as well as `HH:MM:SS`", () => {
    const short = { ...DEFAULTS, bookingOpensAt: "00:00", bookingCutoffAt: "23:59" };
    expect(bookingWindowState("2026-12-02", wib("2026-12-01T23:59:30"), short)).toBe("open");
    expect(bookingWindowState("2026-12-02", wib("2026-12-02T00:00:00"), short)).toBe("closed");
  });
});

describe("bookingWindowState with an office's own settings", () => {
  it("opens 14 days ahead at 08:00", () => {
    const s = { ...DEFAULTS, bookingDaysAhead: 14, bookingOpensAt: "08:00" };
    expect(bookingWindowState("2026-12-15", wib("2026-12-01T07:59:59"), s)).toBe("not_yet_open");
    expect(bookingWindowState("2026-12-15", wib("2026-12-01T08:00:00"), s)).toBe("open");
    expect(bookingWindowState("2026-12-16", wib("2026-12-01T08:00:00"), s)).toBe("not_yet_open");
  });

  it("a same-day cutoff at 12:00 lets people book today until 12:00:59", () => {
    const s = { ...DEFAULTS, bookingCutoffDaysBefore: 0, bookingCutoffAt: "12:00" };
    expect(bookingWindowState("2026-12-01", wib("2026-12-01T11:59:00"), s)).toBe("open");
    expect(bookingWindowState("2026-12-01", wib("2026-12-01T12:00:59"), s)).toBe("open");
    expect(bookingWindowState("2026-12-01", wib("2026-12-01T12:01:00"), s)).toBe("closed");
  });

  it("a cutoff two days before at 16:00", () => {
    const s = { ...DEFAULTS, bookingCutoffDaysBefore: 2, bookingCutoffAt: "16:00" };
    expect(bookingWindowState("2026-12-03", wib("2026-12-01T16:00:30"), s)).toBe("open");
    expect(bookingWindowState("2026-12-03", wib("2026-12-01T16:01:00"), s)).toBe("closed");
    expect(bookingWindowState("2026-12-02", NOW, s)).toBe("closed");
  });

  it("reads the clock of the office's own zone (WIT is two hours ahead of WIB)", () => {
    const s = { ...DEFAULTS, timezone: "Asia/Jayapura" };
    // 22:30 WIB is 00:30 WIT on 2 December: booking for 2 December has closed in Jayapura.
    expect(bookingWindowState("2026-12-02", wib("2026-12-01T22:30:00"), s)).toBe("closed");
    expect(bookingWindowState("2026-12-02", wib("2026-12-01T22:30:00"), DEFAULTS)).toBe("open");
    expect(bookingWindowState("2026-12-09", wib("2026-12-01T22:30:00"), s)).toBe("open");
  });
});

describe("bookableDateRange", () => {
  it("is tomorrow to seven days ahead", () => {
    expect(bookableDateRange(NOW, DEFAULTS)).toEqual({ from: "2026-12-02", to: "2026-12-08" });
    expect(bookableDateRange(wib("2026-12-01T23:59:59"), DEFAULTS)).toEqual({ from: "2026-12-02", to: "2026-12-08" });
    expect(bookableDateRange(wib("2026-12-02T00:00:00"), DEFAULTS)).toEqual({ from: "2026-12-03", to: "2026-12-09" });
  });

  it("crosses the year end", () => {
    expect(bookableDateRange(wib("2026-12-28T09:00:00"), DEFAULTS)).toEqual({ from: "2026-12-29", to: "2027-01-04" });
  });

  it("starts today when the cutoff is the same day, and ends a day early before the opening time", () => {
    const s = { ...DEFAULTS, bookingCutoffDaysBefore: 0, bookingCutoffAt: "12:00", bookingOpensAt: "08:00" };
    expect(bookableDateRange(wib("2026-12-01T07:00:00"), s)).toEqual({ from: "2026-12-01", to: "2026-12-07" });
    expect(bookableDateRange(wib("2026-12-01T08:00:00"), s)).toEqual({ from: "2026-12-01", to: "2026-12-08" });
    expect(bookableDateRange(wib("2026-12-01T13:00:00"), s)).toEqual({ from: "2026-12-02", to: "2026-12-08" });
  });

  it("follows bookingDaysAhead", () => {
    expect(bookableDateRange(NOW, { ...DEFAULTS, bookingDaysAhead: 30 })).toEqual({ from: "2026-12-02", to: "2026-12-31" });
    expect(bookableDateRange(NOW, { ...DEFAULTS, bookingDaysAhead: 1 })).toEqual({ from: "2026-12-02", to: "2026-12-02" });
  });
});

describe("session start and end", () => {
  it("a session has started at its first minute and ended at its end time", () => {
    expect(hasSessionStarted("2026-12-01", "10:00", wib("2026-12-01T09:59:59"), "Asia/Jakarta")).toBe(false);
    expect(hasSessionStarted("2026-12-01", "10:00", NOW, "Asia/Jakarta")).toBe(true);
    expect(hasSessionEnded("2026-12-01", "11:00", wib("2026-12-01T10:59:59"), "Asia/Jakarta")).toBe(false);
    expect(hasSessionEnded("2026-12-01", "11:00", wib("2026-12-01T11:00:00"), "Asia/Jakarta")).toBe(true);
    expect(hasSessionStarted("2026-12-02", "08:00", NOW, "Asia/Jakarta")).toBe(false);
  });
});

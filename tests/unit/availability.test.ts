import { describe, expect, it } from "vitest";
import { evaluateDay, nextDateWithRoom, type DayAvailabilityCore, type DayUsage, type EvaluateContext } from "@/lib/availability";
import type { DayPlan, PlannedSession } from "@/lib/schedule";

/** Tuesday 1 December 2026, 10:00 WIB. */
const NOW = new Date("2026-12-01T03:00:00Z");
const TODAY = "2026-12-01";
const TOMORROW = "2026-12-02";

const sessions: PlannedSession[] = ["08", "09", "10", "11", "12", "13"].map((h) => ({
  start: `${h}:00`,
  end: `${String(Number(h) + 1).padStart(2, "0")}:00`,
  capacity: 10,
}));
const openPlan = (date: string, dayCap = 60): DayPlan => ({ date, open: true, dayCap, sessions, note: null });
const NO_USAGE: DayUsage = { day: 0, sessions: new Map(), services: new Map() };

const ctx = (over: Partial<EvaluateContext> = {}): EvaluateContext => ({
  office: {
    timezone: "Asia/Jakarta",
    bookingDaysAhead: 7,
    bookingOpensAt: "00:00",
    bookingCutoffDaysBefore: 1,
    bookingCutoffAt: "23:59",
    walkInReservePercent: 0,
  },
  serviceId: "svc-ktp",
  serviceCap: null,
  channel: "online",
  now: NOW,
  ...over,
});

const starts = (day: ReturnType<typeof evaluateDay>) => day.sessions.map((s) => s.start);

describe("evaluateDay for the online channel", () => {
  it("offers every session of tomorrow with its remaining places", () => {
    const usage: DayUsage = { day: 3, sessions: new Map([["09:00", 3]]), services: new Map() };
    const day = evaluateDay(openPlan(TOMORROW), usage, ctx());
    expect(day.open).toBe(true);
    expect(day.reasonCode).toBeUndefined();
    expect(day.sessions[0]).toEqual({ id: "08:00", label: "08.00–09.00", start: "08:00", end: "09:00", capacity: 10, remaining: 10 });
    expect(day.sessions.map((s) => s.remaining)).toEqual([10, 7, 10, 10, 10, 10]);
  });

  it("today is closed for online booking, and so is a date past the window", () => {
    expect(evaluateDay(openPlan(TODAY), NO_USAGE, ctx())).toEqual({ date: TODAY, open: false, reasonCode: "booking_closed", sessions: [] });
    expect(evaluateDay(openPlan("2026-12-09"), NO_USAGE, ctx())).toEqual({ date: "2026-12-09", open: false, reasonCode: "not_yet_open", sessions: [] });
  });

  it("passes a closed plan's reason through", () => {
    const holiday: DayPlan = { date: TOMORROW, open: false, closedReason: "holiday", note: { id: "Libur", en: null } };
    expect(evaluateDay(holiday, NO_USAGE, ctx())).toEqual({ date: TOMORROW, open: false, reasonCode: "holiday", sessions: [] });
    const sunday: DayPlan = { date: TOMORROW, open: false, closedReason: "not_a_service_day", note: null };
    expect(evaluateDay(sunday, NO_USAGE, ctx({ channel: "assisted" }))).toMatchObject({ open: false, reasonCode: "not_a_service_day" });
  });

  it("with a same-day cutoff, offers only today's sessions that have not started", () => {
    const office = { ...ctx().office, bookingCutoffDaysBefore: 0, bookingCutoffAt: "12:00" };
    expect(starts(evaluateDay(openPlan(TODAY), NO_USAGE, ctx({ office })))).toEqual(["11:00", "12:00", "13:00"]);
  });

  it("marks a day full, still open, when no session has a place", () => {
    const usage: DayUsage = { day: 60, sessions: new Map(), services: new Map() };
    const day = evaluateDay(openPlan(TOMORROW), usage, ctx());
    expect(day).toMatchObject({ open: true, reasonCode: "full" });
    expect(day.sessions.map((s) => s.remaining)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it("a day with only some full sessions is not full", () => {
    const usage: DayUsage = { day: 50, sessions: new Map(["08:00", "09:00", "10:00", "11:00", "12:00"].map((s) => [s, 10])), services: new Map() };
    const day = evaluateDay(openPlan(TOMORROW), usage, ctx());
    expect(day.reasonCode).toBeUndefined();
    expect(day.sessions.map((s) => s.remaining)).toEqual([0, 0, 0, 0, 0, 10]);
  });

  it("a full service cap fills every session for that service only", () => {
    const usage: DayUsage = { day: 5, sessions: new Map(), services: new Map([["svc-ktp", 5]]) };
    expect(evaluateDay(openPlan(TOMORROW), usage, ctx({ serviceCap: 5 })).reasonCode).toBe("full");
    expect(evaluateDay(openPlan(TOMORROW), usage, ctx({ serviceCap: 5, serviceId: "svc-kk" })).reasonCode).toBeUndefined();
  });

  it("keeps the walk-in reserve off the online channel", () => {
    const office = { ...ctx().office, walkInReservePercent: 20 };
    const usage: DayUsage = { day: 8, sessions: new Map([["08:00", 8]]), services: new Map() };
    const online = evaluateDay(openPlan(TOMORROW), usage, ctx({ office }));
    expect(online.sessions[0]).toMatchObject({ capacity: 8, remaining: 0 });
    expect(online.sessions[1]).toMatchObject({ capacity: 8, remaining: 8 });
    const assisted = evaluateDay(openPlan(TOMORROW), usage, ctx({ office, channel: "assisted" }));
    expect(assisted.sessions[0]).toMatchObject({ capacity: 10, remaining: 2 });
  });
});

describe("evaluateDay for staff (assisted, walk-in)", () => {
  it("offers today's sessions until they end", () => {
    // 10:00: the 09:00–10:00 session has just ended; 10:00–11:00 is under way and still bookable.
    expect(starts(evaluateDay(openPlan(TODAY), NO_USAGE, ctx({ channel: "assisted" })))).toEqual(["10:00", "11:00", "12:00", "13:00"]);
    expect(starts(evaluateDay(openPlan(TODAY), NO_USAGE, ctx({ channel: "walk_in", now: new Date("2026-12-01T06:59:59Z") })))).toEqual(["13:00"]);
  });

  it("closes today once the last session has ended, and every earlier date", () => {
    const after = new Date("2026-12-01T07:00:00Z");
    expect(evaluateDay(openPlan(TODAY), NO_USAGE, ctx({ channel: "assisted", now: after }))).toEqual({ date: TODAY, open: false, reasonCode: "booking_closed", sessions: [] });
    expect(evaluateDay(openPlan("2026-11-30"), NO_USAGE, ctx({ channel: "assisted" }))).toMatchObject({ open: false, reasonCode: "booking_closed" });
  });

  it("is not bound by the online window", () => {
    const farAhead = evaluateDay(openPlan("2026-12-20"), NO_USAGE, ctx({ channel: "assisted" }));
    expect(farAhead.open).toBe(true);
    expect(farAhead.sessions).toHaveLength(6);
  });
});

describe("nextDateWithRoom: where a full date points", () => {
  const day = (date: string, remaining: number[] | null): DayAvailabilityCore =>
    remaining === null
      ? { date, open: false, reasonCode: "holiday", sessions: [] }
      : { date, open: true, sessions: remaining.map((r, i) => ({ id: `0${8 + i}:00`, label: "", start: `0${8 + i}:00`, end: "", capacity: 10, remaining: r })) };
  const days = [day("2026-12-02", [3, 0]), day("2026-12-03", [0, 0]), day("2026-12-04", null), day("2026-12-05", [0, 0]), day("2026-12-07", [0, 1])];

  it("points to the next later date with a free place, skipping closed and full days", () => {
    expect(nextDateWithRoom(days, "2026-12-03")).toBe("2026-12-07");
    expect(nextDateWithRoom(days, "2026-12-05")).toBe("2026-12-07");
  });

  it("never points back to an earlier date, even one with room", () => {
    expect(nextDateWithRoom(days, "2026-12-03")).not.toBe("2026-12-02");
    expect(nextDateWithRoom(days, "2026-12-07")).toBeNull();
    expect(nextDateWithRoom([day("2026-12-02", [5]), day("2026-12-03", [0])], "2026-12-03")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { planDay, sessionLabel, type PlanInputs, type TemplateSession } from "@/lib/schedule";

const session = (weekday: number, start: string, capacity = 42): TemplateSession => ({
  weekday,
  startsAt: `${start}:00`,
  endsAt: `${String(Number(start.slice(0, 2)) + 1).padStart(2, "0")}:00:00`,
  capacity,
});

/** Kota Bogor's week: Monday–Thursday 08–14, Friday without 11–13, Saturday sessions used only when opened. */
const template: TemplateSession[] = [
  ...[1, 2, 3, 4].flatMap((d) => ["13:00", "08:00", "09:00", "10:00", "11:00", "12:00"].map((s) => session(d, s))),
  ...["08:00", "09:00", "10:00", "13:00"].map((s) => session(5, s)),
  ...["08:00", "09:00", "10:00", "11:00"].map((s) => session(6, s, 25)),
];
const inputs: PlanInputs = { openWeekdays: [1, 2, 3, 4, 5], dailyCap: 250, template };

const MONDAY = "2026-11-30";
const FRIDAY = "2026-12-04";
const SATURDAY = "2026-12-05";
const SUNDAY = "2026-12-06";

describe("planDay", () => {
  it("a Monday: six hourly sessions in order, the office's daily cap", () => {
    const plan = planDay(MONDAY, inputs);
    expect(plan).toMatchObject({ date: MONDAY, open: true, dayCap: 250, note: null });
    expect(plan.open && plan.sessions.map((s) => `${s.start}-${s.end}`)).toEqual([
      "08:00-09:00",
      "09:00-10:00",
      "10:00-11:00",
      "11:00-12:00",
      "12:00-13:00",
      "13:00-14:00",
    ]);
  });

  it("a Friday: no sessions over the midday prayer", () => {
    const plan = planDay(FRIDAY, inputs);
    expect(plan.open && plan.sessions.map((s) => s.start)).toEqual(["08:00", "09:00", "10:00", "13:00"]);
  });

  it("a holiday closes a working day and carries its name in both languages", () => {
    const plan = planDay(MONDAY, { ...inputs, override: { kind: "closed", reason: "Hari Raya Natal", reasonEn: "Christmas Day", dailyCap: null } });
    expect(plan).toEqual({ date: MONDAY, open: false, closedReason: "holiday", note: { id: "Hari Raya Natal", en: "Christmas Day" } });
  });

  it("a Saturday is not a service day unless an override opens it", () => {
    expect(planDay(SATURDAY, inputs)).toEqual({ date: SATURDAY, open: false, closedReason: "not_a_service_day", note: null });
    expect(planDay(SUNDAY, inputs)).toEqual({ date: SUNDAY, open: false, closedReason: "not_a_service_day", note: null });
  });

  it("an open override on a Saturday uses Saturday's sessions and its own daily cap", () => {
    const plan = planDay(SATURDAY, { ...inputs, override: { kind: "open", reason: "Layanan Sabtu", reasonEn: "Saturday service", dailyCap: 100 } });
    expect(plan).toEqual({
      date: SATURDAY,
      open: true,
      dayCap: 100,
      note: { id: "Layanan Sabtu", en: "Saturday service" },
      sessions: ["08:00", "09:00", "10:00", "11:00"].map((start) => ({ start, end: `${String(Number(start.slice(0, 2)) + 1).padStart(2, "0")}:00`, capacity: 25 })),
    });
  });

  it("an open override without a cap keeps the office's daily cap", () => {
    const plan = planDay(SATURDAY, { ...inputs, override: { kind: "open", reason: "Layanan Sabtu", reasonEn: null, dailyCap: null } });
    expect(plan).toMatchObject({ open: true, dayCap: 250 });
  });

  it("an open override on a day without template sessions is still not a service day", () => {
    const plan = planDay(SUNDAY, { ...inputs, override: { kind: "open", reason: "Buka Minggu", reasonEn: null, dailyCap: 50 } });
    expect(plan).toEqual({ date: SUNDAY, open: false, closedReason: "not_a_service_day", note: null });
  });

  it("a working day outside openWeekdays is closed even with sessions in the template", () => {
    expect(planDay(MONDAY, { ...inputs, openWeekdays: [2, 3, 4, 5] })).toMatchObject({ open: false, closedReason: "not_a_service_day" });
  });

  it("per-date session capacities replace the template's, keyed by start time", () => {
    const plan = planDay(MONDAY, { ...inputs, sessionCapacities: new Map([["09:00", 5], ["13:00", 0]]) });
    expect(plan.open && plan.sessions.map((s) => [s.start, s.capacity])).toEqual([
      ["08:00", 42],
      ["09:00", 5],
      ["10:00", 42],
      ["11:00", 42],
      ["12:00", 42],
      ["13:00", 0],
    ]);
  });
});

describe("sessionLabel", () => {
  it("writes times the Indonesian way", () => {
    expect(sessionLabel("08:00", "09:00")).toBe("08.00–09.00");
    expect(sessionLabel("13:30", "14:15")).toBe("13.30–14.15");
  });
});

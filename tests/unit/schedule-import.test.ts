import { describe, expect, it } from "vitest";
import { planDay } from "@/lib/schedule";
import { MAX_CLOSURE_LINES, parseClosureList } from "@/lib/schedule-import";
import { CloseScheduleSchema, SetCapacitySchema } from "@/lib/validation/schedule";

const TODAY = "2026-12-01";

describe("parseClosureList (cuti bersama import)", () => {
  it("reads dates with a reason and an optional English reason; skips blanks and comments; accepts tab, comma or semicolon", () => {
    const { closures, problems } = parseClosureList("# 2027\n2027-01-02 Cuti bersama | Joint leave\r\n\n2027-03-20\tCuti bersama Idul Fitri\n2027-03-21, Cuti\n2027-03-22;Cuti", TODAY);
    expect(problems).toEqual([]);
    expect(closures).toEqual([
      { line: 2, date: "2027-01-02", reason: "Cuti bersama", reasonEn: "Joint leave" },
      { line: 4, date: "2027-03-20", reason: "Cuti bersama Idul Fitri", reasonEn: null },
      { line: 5, date: "2027-03-21", reason: "Cuti", reasonEn: null },
      { line: 6, date: "2027-03-22", reason: "Cuti", reasonEn: null },
    ]);
  });

  it("names every bad line: format, impossible date, past, empty or long reason, duplicate", () => {
    const text = ["2026-13-01 x", "tomorrow Cuti", "2026-11-30 Lewat", "2026-12-24 | only English", `2026-12-25 ${"x".repeat(201)}`, "2026-12-24 Natal", "2026-12-24 Natal lagi", "<script>alert(1)</script>"].join("\n");
    const { problems } = parseClosureList(text, TODAY);
    expect(problems.map((p) => [p.line, p.problem])).toEqual([
      [1, "schedule.import.lineDate"],
      [2, "schedule.import.lineFormat"],
      [3, "schedule.field.past"],
      [4, "schedule.import.lineReason"],
      [5, "schedule.import.lineReason"],
      [7, "schedule.import.lineDuplicate"],
      [8, "schedule.import.lineFormat"],
    ]);
    expect(problems.every((p) => p.text.length <= 80)).toBe(true);
  });

  it("refuses an empty list and a list longer than a year needs", () => {
    expect(parseClosureList(" \n# none\n", TODAY).problems.map((p) => p.problem)).toEqual(["schedule.import.empty"]);
    const many = Array.from({ length: MAX_CLOSURE_LINES + 1 }, (_, i) => `2027-01-01 Cuti ${i}`).join("\n");
    expect(parseClosureList(many, TODAY).problems.map((p) => p.problem)).toEqual(["schedule.import.tooMany"]);
  });
});

describe("schedule schemas and plans", () => {
  it("validates closures and capacities strictly", () => {
    expect(CloseScheduleSchema.safeParse({ date: "2026-12-24", reason: "  Cuti   bersama " }).data).toMatchObject({ reason: "Cuti bersama" });
    expect(CloseScheduleSchema.safeParse({ date: "2026-12-24", reason: "x", session: "", reasonEn: "", onConflict: "" }).data).toEqual({ date: "2026-12-24", reason: "x" });
    for (const bad of [{ date: "2026-12-24", reason: " " }, { date: "24/12/2026", reason: "x" }, { date: "2026-12-24", reason: "x", session: "9" }, { date: "2026-12-24", reason: "x", onConflict: "drop" }]) {
      expect(CloseScheduleSchema.safeParse(bad).success).toBe(false);
    }
    for (const capacity of [-1, 1.5, "x", 10_001, null]) expect(SetCapacitySchema.safeParse({ date: "2026-12-24", capacity }).success).toBe(false);
    expect(SetCapacitySchema.parse({ date: "2026-12-24", capacity: "12" }).capacity).toBe(12);
  });

  it("a closed session plans with capacity 0 and its reason; the others keep theirs", () => {
    const plan = planDay("2026-12-02", {
      openWeekdays: [3],
      dailyCap: 100,
      template: [
        { weekday: 3, startsAt: "08:00:00", endsAt: "09:00:00", capacity: 10 },
        { weekday: 3, startsAt: "09:00:00", endsAt: "10:00:00", capacity: 10 },
      ],
      sessionCapacities: new Map([["08:00", 4]]),
      sessionClosures: new Map([["09:00", { id: "Blanko habis", en: null }]]),
    });
    expect(plan).toMatchObject({ open: true, sessions: [{ start: "08:00", capacity: 4 }, { start: "09:00", capacity: 0, closed: { id: "Blanko habis", en: null } }] });
  });
});

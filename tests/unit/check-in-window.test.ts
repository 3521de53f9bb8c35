import { describe, expect, it } from "vitest";
import { evaluateCheckIn, missedCutoff, type CheckInSettings } from "@/lib/check-in-window";

const office: CheckInSettings = { timezone: "Asia/Jakarta", checkInOpensMinutes: 60, checkInGraceMinutes: 30, lateArrivalPolicy: "back_of_queue" };
const slot = { serviceDate: "2026-12-01", sessionStartsAt: "10:00:00", sessionEndsAt: "11:00:00" };
/** Jakarta wall-clock time on 1 December 2026 (UTC+7). */
const wib = (hhmm: string) => new Date(`2026-12-01T${hhmm}:00+07:00`);

describe("check-in window", () => {
  it("opens an hour before the session and is on time until the session ends", () => {
    expect(evaluateCheckIn(slot, office, wib("08:59"))).toEqual({ ok: false, reason: "too_early", opensAt: "09:00" });
    expect(evaluateCheckIn(slot, office, wib("09:00"))).toEqual({ ok: true, late: false, queueSortAt: wib("10:00") });
    expect(evaluateCheckIn(slot, office, wib("10:59"))).toEqual({ ok: true, late: false, queueSortAt: wib("10:00") });
  });

  it("after the session: late within the grace period, then closed", () => {
    expect(evaluateCheckIn(slot, office, wib("11:00"))).toEqual({ ok: true, late: true, queueSortAt: wib("11:00") });
    expect(evaluateCheckIn(slot, office, wib("11:29"))).toEqual({ ok: true, late: true, queueSortAt: wib("11:29") });
    expect(evaluateCheckIn(slot, office, wib("11:30"))).toEqual({ ok: false, reason: "closed" });
    expect(evaluateCheckIn(slot, { ...office, lateArrivalPolicy: "refuse" }, wib("11:10"))).toEqual({ ok: false, reason: "late_refused" });
  });

  it("only on the booking's own date, in the office's zone", () => {
    expect(evaluateCheckIn(slot, office, new Date("2026-11-30T16:59:00Z"))).toEqual({ ok: false, reason: "not_today", date: "2026-12-01" });
    expect(evaluateCheckIn({ ...slot, serviceDate: "2026-11-30" }, office, wib("10:00"))).toMatchObject({ ok: false, reason: "not_today" });
  });

  it("lets a walk-in standing at the counter check in early", () => {
    expect(evaluateCheckIn(slot, office, wib("08:00"), { allowEarly: true })).toEqual({ ok: true, late: false, queueSortAt: wib("10:00") });
  });

  it("the no-show cutoff is now minus the grace, to the minute, never earlier", () => {
    expect(missedCutoff(wib("11:30"), office)).toEqual({ date: "2026-12-01", time: "11:00" });
    expect(missedCutoff(new Date(wib("11:29").getTime() + 59_000), office)).toEqual({ date: "2026-12-01", time: "10:59" });
    expect(missedCutoff(wib("00:10"), office)).toEqual({ date: "2026-11-30", time: "23:40" });
  });
});

import { describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import { drawOrder } from "@/lib/lottery/draw";
import { lotteryDrawAt, lotteryWindow, type LotterySettings } from "@/lib/lottery/window";

const wib = (local: string) => new Date(`${local}+07:00`);
/** Dates open 7 days ahead at 10:00 office time; the first 30 minutes are a lottery. */
const S: LotterySettings = {
  timezone: "Asia/Jakarta",
  bookingDaysAhead: 7,
  bookingOpensAt: "10:00:00",
  bookingCutoffDaysBefore: 1,
  bookingCutoffAt: "23:59:00",
  isLotteryEnabled: true,
  lotteryWindowMinutes: 30,
};

describe("the lottery window", () => {
  it("opens with the date and closes N minutes later, in office time", () => {
    expect(lotteryWindow("2026-12-08", S)).toEqual({ opensAt: wib("2026-12-01T10:00:00"), drawAt: wib("2026-12-01T10:30:00") });
  });

  it.each([
    ["2026-12-01T09:59:59", null],
    ["2026-12-01T10:00:00", "2026-12-01T10:30:00"],
    ["2026-12-01T10:29:59", "2026-12-01T10:30:00"],
    ["2026-12-01T10:30:00", null],
  ])("at %s the draw is at %s", (now, drawAt) => {
    expect(lotteryDrawAt("2026-12-08", wib(now), S)).toEqual(drawAt ? wib(drawAt) : null);
  });

  it("is off unless the office turns it on, and never for a date already open", () => {
    expect(lotteryDrawAt("2026-12-08", wib("2026-12-01T10:05:00"), { ...S, isLotteryEnabled: false })).toBeNull();
    expect(lotteryDrawAt("2026-12-07", wib("2026-12-01T10:05:00"), S)).toBeNull();
  });
});

describe("a draw redone from its logged seed", () => {
  const seed = "00".repeat(16) + "ff".repeat(16);

  it("gives the order recorded for this seed (a fixed vector: the rule must never change under a stored draw)", () => {
    expect(drawOrder(seed, ["a", "b", "c", "d", "e", "f"])).toEqual(["d", "b", "e", "c", "f", "a"]);
  });

  it("is what an auditor computes by hand: sort the ids by HMAC-SHA256(seed, id)", () => {
    const ids = Array.from({ length: 50 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    const key = Buffer.from(seed, "hex");
    const byHand = [...ids].sort((a, b) => createHmac("sha256", key).update(a).digest("hex").localeCompare(createHmac("sha256", key).update(b).digest("hex")));
    expect(drawOrder(seed, ids)).toEqual(byHand);
  });
});

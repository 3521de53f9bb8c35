import { describe, expect, it } from "vitest";
import { isServiceDate } from "@/lib/dates";
import { parseSlot } from "@/lib/slot";
import { DateSchema } from "@/lib/validation/fields";

describe("isServiceDate / DateSchema: the one date parser", () => {
  it.each([
    ["2026-12-02", true],
    ["2000-01-01", true],
    ["2999-12-31", true],
    ["2028-02-29", true],
    ["0000-01-01", false],
    ["1999-12-31", false],
    ["3000-01-01", false],
    ["9999-12-31", false],
    ["2026-02-30", false],
    ["2027-02-29", false],
    ["2026-00-10", false],
    ["+10000-01-01", false],
    ["2026-1-1", false],
    ["", false],
  ])("%j → %s", (value, expected) => {
    expect(isServiceDate(value)).toBe(expected);
    expect(DateSchema.safeParse(value).success).toBe(expected);
  });
});

describe("parseSlot", () => {
  it("reads a date and a session through the shared schemas", () => {
    expect(parseSlot("2026-12-07_08:00")).toEqual({ date: "2026-12-07", session: "08:00" });
  });
  it.each(["2026-02-30_10:00", "0000-01-01_10:00", "9999-12-31_10:00", "2026-12-07_25:00", "2026-12-07", "_", "2026-12-07_08:00_x", null, 7])("refuses %j", (value) => {
    expect(parseSlot(value)).toBeNull();
  });
});


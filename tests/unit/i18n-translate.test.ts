import { describe, expect, it } from "vitest";
import { createTranslator } from "@/lib/i18n/translate";

describe("translator", () => {
  it("fills {name} placeholders as they are", () => {
    expect(createTranslator("id")("counter.waiting", { count: 3 })).toBe("Menunggu: 3");
  });

  it.each([
    ["id", "Booking ini untuk Rabu, 2 Desember 2026, bukan hari ini."],
    ["en", "This booking is for Wednesday, 2 December 2026, not today."],
  ] as const)("says a {date:date} placeholder in words in %s, never as ISO", (locale, text) => {
    expect(createTranslator(locale)("queue.error.notToday", { date: "2026-12-02" })).toBe(text);
  });

  it("a calendar date is not shifted through a time zone into the previous day (or year)", () => {
    expect(createTranslator("en")("queue.error.notToday", { date: "2026-01-01" })).toBe("This booking is for Thursday, 1 January 2026, not today.");
  });
});

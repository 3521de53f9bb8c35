import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LocalizedText } from "@/components/booking/localized-text";
import { canBookShownDate, SlotPicker } from "@/components/booking/slot-picker";
import type { DayAvailability } from "@/lib/dal/availability";
import { createTranslator } from "@/lib/i18n/translate";

const id = createTranslator("id");
const en = createTranslator("en");
const session = (start: string, remaining: number) => ({ id: start, label: `${start}–x`, start, end: "x", capacity: 10, remaining });
const DAYS: DayAvailability[] = [
  { date: "2026-12-02", open: true, sessions: [session("08:00", 4), session("09:00", 0)] },
  { date: "2026-12-03", open: true, reasonCode: "full", reason: "Kuota penuh", nextDateWithRoom: "2026-12-05", sessions: [session("08:00", 0)] },
  { date: "2026-12-04", open: false, reasonCode: "holiday", reason: "Libur: Uji", sessions: [] },
  { date: "2026-12-05", open: true, sessions: [session("08:00", 1)] },
];
const render = (props: Partial<Parameters<typeof SlotPicker>[0]> = {}) =>
  renderToStaticMarkup(createElement(SlotPicker, { days: DAYS, t: id, hrefFor: (d: string) => `/book/x?date=${d}`, ...props }));

describe("SlotPicker: day tabs, then one day's sessions", () => {
  it("shows every date as a link and only the chosen date's sessions", () => {
    const html = render();
    for (const d of DAYS) expect(html).toContain(`href="/book/x?date=${d.date}"`);
    // The first date with room is chosen by default: its two sessions, nothing of the others.
    expect(html.match(/type="radio"/g)).toHaveLength(2);
    expect(html).toContain('value="2026-12-02_08:00"');
    expect(html).toMatch(/aria-current="date"[^>]*><span class="sr-only">Rabu, 2 Desember 2026: tersedia<\/span>/);
  });

  it("a full date links the next LATER date with room, not the earlier one", () => {
    const html = render({ date: "2026-12-03" });
    expect(html).toContain("Semua sesi pada tanggal ini sudah penuh.");
    expect(html).toMatch(/<a href="\/book\/x\?date=2026-12-05" class="[^"]*">Pilih tanggal berikutnya yang masih ada kuota: Sabtu, 5 Desember 2026<\/a>/);
    expect(html).not.toContain("kuota: Rabu, 2 Desember 2026");
    const none = renderToStaticMarkup(
      createElement(SlotPicker, { days: [{ ...DAYS[1]!, nextDateWithRoom: null }], t: en, hrefFor: (d: string) => d, date: "2026-12-03" }),
    );
    expect(none).toContain("No later date has places left yet.");
  });

  it("a closed date says why and offers the next date with room; the booking being moved preselects its own date and session", () => {
    const closed = render({ date: "2026-12-04" });
    expect(closed).toContain("Libur: Uji");
    expect(closed).toMatch(/<a href="\/book\/x\?date=2026-12-05" class="[^"]*">Pilih tanggal berikutnya yang masih ada kuota: Sabtu, 5 Desember 2026<\/a>/);
    expect(render({ date: "2026-12-02" })).not.toContain("Pilih tanggal berikutnya");
    const moving = render({ selected: "2026-12-05_08:00" });
    expect(moving).toMatch(/checked="" value="2026-12-05_08:00"/);
    // An unknown ?date= falls back to the first date with room.
    expect(render({ date: "2099-01-01" })).toContain('value="2026-12-02_08:00"');
  });
});

describe("canBookShownDate: the form's send button only on a date with a place left", () => {
  it("is true for a date with room (asked for or chosen by default), false for a full, closed or emptied date", () => {
    expect(canBookShownDate(DAYS, "2026-12-02")).toBe(true);
    expect(canBookShownDate(DAYS)).toBe(true);
    expect(canBookShownDate(DAYS, "2099-01-01")).toBe(true);
    expect(canBookShownDate(DAYS, "2026-12-03")).toBe(false);
    expect(canBookShownDate(DAYS, "2026-12-04")).toBe(false);
    expect(canBookShownDate([DAYS[1]!, DAYS[2]!])).toBe(false);
    expect(canBookShownDate(DAYS, undefined, "2026-12-03_08:00")).toBe(false);
  });
});

describe("LocalizedText: an untranslated text is marked, not passed off", () => {
  it("shows English as is, and Indonesian in an English page with lang=id and a note", () => {
    expect(renderToStaticMarkup(createElement(LocalizedText, { value: { text: "Family card", lang: "en" }, t: en }))).toBe("Family card");
    expect(renderToStaticMarkup(createElement(LocalizedText, { value: { text: "Kartu keluarga", lang: "id" }, t: en }))).toBe(
      '<span lang="id">Kartu keluarga</span> <span class="text-sm font-normal text-muted">(Bahasa Indonesia)</span>',
    );
    expect(renderToStaticMarkup(createElement(LocalizedText, { value: { text: "Kartu keluarga", lang: "id" }, t: id }))).toBe("Kartu keluarga");
  });
});

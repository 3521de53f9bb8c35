import { describe, expect, it } from "vitest";
import { retryDelayMs } from "@/lib/messages/backoff";
import { DEFAULT_TEMPLATES, renderMessage } from "@/lib/messages/templates";

const PARAMS = {
  reference: "ABCD2345",
  queueNumber: "A-017",
  service: "KTP-el <baru> & cetak",
  date: "2026-12-07",
  sessionStart: "09:00",
  sessionEnd: "10:00",
  arriveBy: "08:45",
  place: "Disdukcapil Kota Bogor",
  address: "Jl. Pemuda No. 2",
  bring: ["Kartu keluarga asli", "Akta kelahiran"],
  link: "/booking/ABCD2345",
};

describe("message templates", () => {
  for (const locale of ["id", "en"] as const) {
    for (const kind of Object.keys(DEFAULT_TEMPLATES[locale]) as (keyof (typeof DEFAULT_TEMPLATES)["id"])[]) {
      it(`${locale} ${kind}: every placeholder is filled, the link is absolute`, () => {
        const m = renderMessage(DEFAULT_TEMPLATES[locale][kind], PARAMS, locale, "https://antrean.example");
        for (const part of [m.subject, m.text, m.html]) expect(part).not.toMatch(/\{\w+\}/);
        expect(m.text).toContain("https://antrean.example/booking/ABCD2345");
      });
    }
  }

  it("the confirmation says what, when, where and what to bring, in the citizen's language", () => {
    const id = renderMessage(DEFAULT_TEMPLATES.id.confirmation, PARAMS, "id", "https://antrean.example");
    expect(id.subject).toBe("Booking ABCD-2345: KTP-el <baru> & cetak, Senin, 7 Desember 2026");
    expect(id.text).toContain("Nomor antrean: A-017");
    expect(id.text).toContain("Senin, 7 Desember 2026, sesi 09.00–10.00");
    expect(id.text).toContain("Datang paling lambat pukul 08.45");
    expect(id.text).toContain("- Kartu keluarga asli\n- Akta kelahiran");
    const en = renderMessage(DEFAULT_TEMPLATES.en.confirmation, PARAMS, "en", "https://antrean.example");
    expect(en.text).toMatch(/Monday,? 7 December 2026, session 09:00–10:00/);
    expect(en.text).toContain("Arrive by 08:45");
  });

  it("the HTML body escapes every value and links the booking", () => {
    const { html } = renderMessage(DEFAULT_TEMPLATES.id.confirmation, PARAMS, "id", "https://antrean.example");
    expect(html).toContain("KTP-el &lt;baru&gt; &amp; cetak");
    expect(html).not.toContain("<baru>");
    expect(html).toContain('<a href="https://antrean.example/booking/ABCD2345">');
    expect(html).toContain('<html lang="id">');
  });

  it("the survey message links the visit's survey page, in text and HTML, in both languages", () => {
    for (const locale of ["id", "en"] as const) {
      const m = renderMessage(DEFAULT_TEMPLATES[locale].survey, PARAMS, locale, "https://antrean.example");
      expect(m.text).toContain("https://antrean.example/booking/ABCD2345/survey");
      expect(m.html).toContain('<a href="https://antrean.example/booking/ABCD2345/survey">');
    }
  });

  it("retries back off exponentially up to a cap", () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 1000))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(30)).toBe(6 * 60 * 60_000);
  });
});

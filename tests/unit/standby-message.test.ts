import { describe, expect, it } from "vitest";
import type { MessageParams } from "@/db/schema/messages";
import { DEFAULT_TEMPLATES, renderMessage } from "@/lib/messages/templates";

const params: MessageParams = {
  reference: "Q7RM3KXP",
  queueNumber: "",
  service: "KTP-el",
  date: "2026-12-02",
  sessionStart: "09:00",
  sessionEnd: "10:00",
  arriveBy: "09:00",
  place: "Disdukcapil Kota Bogor",
  address: "Jl. Pemuda",
  bring: [],
  link: "/standby?reference=Q7RM3KXP",
  deadlineDate: "2026-12-01",
  deadlineTime: "12:30",
};

describe("the standby offer message", () => {
  it.each(["id", "en"] as const)("in %s: the code, the place, the deadline and the link to accept, every placeholder filled", (locale) => {
    const m = renderMessage(DEFAULT_TEMPLATES[locale].standby_offer, params, locale, "https://antrean.example");
    expect(m.text).toContain("Q7RM-3KXP");
    expect(m.text).toContain("https://antrean.example/standby?reference=Q7RM3KXP");
    expect(m.text).toMatch(/12[.:]30/);
    expect(m.text).toMatch(/2026/);
    expect(m.text).not.toMatch(/\{\w+\}/);
    expect(m.subject).not.toMatch(/\{\w+\}/);
    expect(m.html).toContain('<a href="https://antrean.example/standby?reference=Q7RM3KXP">');
  });
});

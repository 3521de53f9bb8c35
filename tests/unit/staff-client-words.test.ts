import { createElement, type ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { AssistForm } from "@/components/queue/assist-form";
import { CancelForm } from "@/components/queue/cancel-form";
import { clientMessages, type ClientArea as Area } from "@/lib/i18n/client-messages";
import { LOCALES, type Locale } from "@/lib/i18n/messages";
import { createTranslator } from "@/lib/i18n/translate";
import { escapeHtml, failOnUnsentWords, leakedKeys, renderWithWords } from "../helpers/client-words";

// The forms' server actions are never called while rendering; their modules (the data layer) stay out.
const action = vi.hoisted(() => () => Promise.resolve({ status: "idle" as const }));
vi.mock("@/lib/actions/assist", () => ({ assistBookingAction: action, cancelByStaffAction: action }));

/**
 * The staff portal's client components get only their tier's words (components/staff/staff-messages.ts): a
 * word a component reads but its tier does not send shows as its key. Each form is rendered as the server
 * sends it, with the tier of the least role that sees it.
 */
function render(locale: Locale, areas: Area[], child: ReactNode): string {
  return renderWithWords(locale, clientMessages(locale, "staffLogin", ...areas), child);
}

failOnUnsentWords();

const sessions = [
  { id: "08:00", label: "08.00–09.00", remaining: 3 },
  { id: "09:00", label: "09.00–10.00", remaining: 0 },
  { id: "10:00", label: "10.00–11.00", remaining: 0, closed: "Listrik padam" },
];

describe.each(LOCALES)("staff client components in %s", (locale) => {
  const t = createTranslator(locale);

  it("the assisted booking form (desk tier): places left, full, and a closed session with its reason", () => {
    const html = render(locale, ["staffDesk"], createElement(AssistForm, { service: "ktp", date: "2026-12-02", isToday: true, sessions, outage: "SIAK sedang gangguan" }));
    expect(html).toContain(escapeHtml(t("slots.remaining", { count: 3 })));
    expect(html).toContain(escapeHtml(`09.00–10.00 · ${t("slots.full")}`));
    expect(html).toContain(escapeHtml(`10.00–11.00 · ${t("slots.closed", { reason: "Listrik padam" })}`));
    expect(html).toContain("SIAK sedang gangguan");
    expect(html).toContain(escapeHtml(t("assist.ageException")));
    expect(leakedKeys(html)).toEqual([]);
  });

  it("the supervisor's cancel (supervisor tier): the confirmation's words are sent, and it starts closed", () => {
    const html = render(locale, ["staffDesk", "staffSupervisor"], createElement(CancelForm, { reference: "ABCD2345", queueNumber: "A-007" }));
    for (const text of [t("today.cancel"), t("today.cancelLabel", { number: "A-007" }), t("today.cancelWarning", { number: "A-007" }), t("today.cancelReason"), t("today.cancelConfirm", { number: "A-007" })]) {
      expect(html).toContain(escapeHtml(text));
    }
    expect(html).toMatch(/<details(?![^>]*\bopen\b)[^>]*>/);
    expect(leakedKeys(html)).toEqual([]);
  });
});

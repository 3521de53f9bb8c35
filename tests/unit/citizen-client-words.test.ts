import { createElement, type ReactNode } from "react";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import ErrorPage from "@/app/[locale]/error";
import RootError from "@/app/error";
import { LiveQueue } from "@/components/booking/live-queue";
import { BookingForm } from "@/components/booking/booking-form";
import { LookupForm } from "@/components/booking/lookup-form";
import { RecoverForm } from "@/components/booking/recover-form";
import { KioskSurvey } from "@/components/kiosk/kiosk-survey";
import { KioskSurveyQuestions } from "@/components/kiosk/kiosk-survey-questions";
import { ErrorNotice } from "@/components/layout/error-notice";
import { NotFoundNotice } from "@/components/layout/not-found-notice";
import { StandbyJoinForm } from "@/components/standby/join-form";
import { StandbyCheck } from "@/components/standby/standby-check";
import { SurveyForm } from "@/components/survey/survey-form";
import { clientMessages, type ClientArea as Area } from "@/lib/i18n/client-messages";
import { LOCALES, type Locale } from "@/lib/i18n/messages";
import { errorPageMessages } from "@/lib/i18n/messages/error-pages";
import { createTranslator } from "@/lib/i18n/translate";
import { escapeHtml, failOnUnsentWords, leakedKeys, renderWithWords } from "../helpers/client-words";

// The forms' server actions are never called while rendering; their modules (the data layer) stay out.
const action = vi.hoisted(() => () => Promise.resolve({ status: "idle" as const }));
vi.mock("@/lib/actions/booking", () => ({ createBookingAction: action }));
vi.mock("@/lib/actions/standby", () => ({ joinStandbyAction: action, lookupStandbyAction: action, acceptStandbyAction: action }));
vi.mock("@/lib/actions/manage-booking", () => ({ lookupBookingAction: action }));
vi.mock("@/lib/actions/recover-booking", () => ({ recoverBookingAction: action }));
vi.mock("@/lib/actions/survey", () => ({ submitSurveyAction: action }));
vi.mock("@/lib/actions/kiosk-survey", () => ({ kioskSurveyAction: action }));
const params = vi.hoisted(() => ({ value: {} as Record<string, string> }));
vi.mock("next/navigation", () => ({ useParams: () => params.value, useRouter: () => ({ refresh() {}, push() {} }), usePathname: () => "/" }));


function render(locale: Locale, areas: Area[], child: ReactNode, languages: Locale | readonly Locale[] = locale): string {
  return renderWithWords(locale, clientMessages(languages, ...areas), child);
}

failOnUnsentWords(() => {
  params.value = {};
});

const status = { status: "checked_in" as const, queueNumber: "A-007", ahead: 3, etaMinutes: { low: 10, high: 20 }, nowServing: [{ counter: 2, number: "A-004" }] };
const visit = { reference: "ABCD2345", referenceDisplay: "ABCD-2345", serviceName: "KTP-el", date: "2026-12-02" };

/** Each citizen form and screen as the server renders it (the no-JavaScript page), with the words its page sends. */
const cases: { name: string; areas: Area[]; node: () => ReactNode; shows: string[]; startsIn?: Locale }[] = [
  {
    name: "booking details form",
    areas: ["bookingForm"],
    node: () => createElement(BookingForm, { hidden: { service: "ktp" }, chooseOtherHref: "/book/ktp", powChallengeUrl: "/api/v1/challenge" }),
    shows: ["details.nik", "details.nikHint", "details.name", "details.nameHint", "details.phone", "details.phoneHint", "details.email", "common.optional", "details.consent", "details.submit"],
  },
  { name: "look-up form", areas: ["lookup"], node: () => createElement(LookupForm, {}), shows: ["check.reference", "check.referenceHint", "details.nik", "check.submit"] },
  { name: "recover form", areas: ["recover"], node: () => createElement(RecoverForm), shows: ["details.nik", "details.phone", "recover.phoneHint", "recover.submit"] },
  {
    name: "standby join form",
    areas: ["standbyJoin"],
    node: () => createElement(StandbyJoinForm, { service: "ktp", date: "2026-12-02", sessions: [{ value: "08:00", label: "08.00–09.00" }] }),
    shows: ["standby.join.session", "standby.join.anySession", "standby.join.sessionHint", "details.nik", "details.name", "details.phone", "standby.join.consent", "standby.join.submit"],
  },
  { name: "standby check", areas: ["standbyCheck"], node: () => createElement(StandbyCheck, {}), shows: ["standby.joined.reference", "details.nik", "standby.check.submit"] },
  {
    name: "web survey",
    areas: ["survey", "surveyQuestions"],
    node: () => createElement(SurveyForm, { reference: "ABCD2345", needsNik: true }),
    shows: ["survey.scaleLegend", "survey.u1.q", "survey.u9.4", "survey.comment", "survey.profileTitle", "survey.ageBand", "survey.age.60+", "survey.sex.F", "survey.edu.s2", "survey.job.lainnya", "survey.notAnswered", "survey.nik", "survey.submit"],
  },
  {
    name: "live queue",
    areas: ["liveQueue"],
    node: () => createElement(LiveQueue, { reference: "ABCD2345", initial: status, callCount: 0, noShowAfterCalls: 3, nearTurnAhead: 1, checkInOpensAt: null, isToday: true, live: false }),
    shows: ["live.etaNote", "live.nowServing"],
  },
  { name: "kiosk survey", areas: ["kioskSurvey", "surveyQuestions"], node: () => createElement(KioskSurvey, { locale: "en" }), startsIn: "en", shows: ["kioskSurvey.title", "kioskSurvey.intro", "kioskSurvey.back", "lang.switchTo", "kioskSurvey.next"] },
  {
    name: "kiosk survey questions",
    areas: ["kioskSurvey", "surveyQuestions"],
    node: () => createElement(KioskSurveyQuestions, { state: { status: "questions", visit }, visit, formAction: () => {}, isPending: false }),
    shows: ["kioskSurvey.answerHint", "survey.u1.q", "survey.u5.1", "survey.submit"],
  },
];

describe("citizen client components read their words through useT()", () => {
  describe.each(LOCALES)("in %s", (locale) => {
    const t = createTranslator(locale);
    it.each(cases)("$name: every word in the server-rendered HTML, none missing from its area", ({ areas, node, shows, startsIn }) => {
      // The kiosk's screens get both languages (the citizen switches); the kiosk survey here starts in English.
      const kiosk = areas.includes("kioskSurvey");
      const shown = startsIn ? createTranslator(startsIn) : t;
      const html = render(locale, areas, node(), kiosk ? LOCALES : locale);
      for (const key of shows) expect(html, key).toContain(escapeHtml(shown(key as never)));
      expect(leakedKeys(html)).toEqual([]);
    });
  });

  it("the live queue fills its placeholders on the client as the server would", () => {
    const html = render("en", ["liveQueue"], cases.find((c) => c.name === "live queue")!.node());
    const t = createTranslator("en");
    expect(html).toContain(escapeHtml(t("live.ahead", { count: 3 })));
    expect(html).toContain(escapeHtml(t("live.eta", { low: 10, high: 20 })));
    expect(html).toContain(escapeHtml(t("live.nowServingRow", { counter: 2, number: "A-004" })));
  });

  it("the kiosk survey's visit line names the date in the citizen's language", () => {
    const node = cases.find((c) => c.name === "kiosk survey questions")!.node();
    expect(render("en", ["kioskSurvey", "surveyQuestions"], node, LOCALES)).toContain("Wednesday, 2 December 2026");
    expect(render("id", ["kioskSurvey", "surveyQuestions"], node, LOCALES)).toContain("Rabu, 2 Desember 2026");
  });
});

describe("not-found and error pages in the reader's language", () => {
  it.each(LOCALES)("the citizen not-found page follows the locale segment (%s)", (locale) => {
    params.value = { locale };
    const html = render("id", ["notFound"], createElement(NotFoundNotice), LOCALES);
    expect(html).toContain(escapeHtml(createTranslator(locale)("error.pageNotFound")));
    expect(leakedKeys(html)).toEqual([]);
  });

  it.each(LOCALES)("a citizen page's error page speaks the locale segment's language (%s), not the document's", (locale) => {
    params.value = { locale };
    const html = renderToStaticMarkup(createElement(ErrorPage, { error: new Error("x"), reset: () => {} }));
    expect(html).toContain(escapeHtml(errorPageMessages[locale]["errorPage.title"]));
    expect(html).toContain(escapeHtml(errorPageMessages[locale]["errorPage.body"]));
    expect(html).not.toContain(escapeHtml(errorPageMessages[locale === "id" ? "en" : "id"]["errorPage.body"]));
  });

  it("the root error page: the segment's language on a citizen page, both languages where it is unknown", () => {
    params.value = { locale: "en" };
    const citizen = renderToStaticMarkup(createElement(RootError, { error: new Error("x"), reset: () => {} }));
    expect(citizen).toContain('<html lang="en">');
    expect(citizen).toContain(escapeHtml(errorPageMessages.en["errorPage.title"]));
    expect(citizen).not.toContain(escapeHtml(errorPageMessages.id["errorPage.body"]));
    params.value = {};
    const elsewhere = renderToStaticMarkup(createElement(RootError, { error: new Error("x"), reset: () => {} }));
    expect(elsewhere).toContain(escapeHtml(errorPageMessages.id["errorPage.body"]));
    expect(elsewhere).toContain(escapeHtml(errorPageMessages.en["errorPage.body"]));
  });

  it("an area's notice takes the locale it is given", () => {
    const html = renderToStaticMarkup(createElement(ErrorNotice, { reset: () => {}, area: "kiosk", locale: "en" }));
    expect(html).toContain(escapeHtml(errorPageMessages.en["errorPage.kiosk.body"]));
  });
});

describe("every area has an error page", () => {
  it("each section of app/ with its own layout (citizen, staff, kiosk, display, print) (and the device activation) has an error.tsx under it; the root has error.tsx and global-error.tsx", () => {
    const app = path.resolve("app");
    const sections = readdirSync(app).filter((name) => existsSync(path.join(app, name, "layout.tsx")));
    expect(sections.sort()).toEqual(["(print)", "(staff)", "[locale]", "device", "display", "kiosk"]);
    const hasErrorPage = (dir: string): boolean =>
      existsSync(path.join(dir, "error.tsx")) || readdirSync(dir, { withFileTypes: true }).some((entry) => entry.isDirectory() && hasErrorPage(path.join(dir, entry.name)));
    expect(sections.filter((name) => !hasErrorPage(path.join(app, name)))).toEqual([]);
    expect(["error.tsx", "global-error.tsx"].filter((name) => !existsSync(path.join(app, name)))).toEqual([]);
  });
});

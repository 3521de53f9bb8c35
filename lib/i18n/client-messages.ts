import { LOCALES, messages, type Locale, type MessageKey } from "./messages";
import { resolveMessage } from "./translate";
import { SKM_ELEMENTS } from "../survey/skm";

/** A key, or every key under a prefix ending in "." ("devices.display."). */
export type MessageSelector = MessageKey | `${string}.`;
/** The messages a client component may read, per language: only what the server chose to send. */
export type ClientMessages = Partial<Record<Locale, Record<string, string>>>;

/**
 * What the client components of one area read through `useT()` (components/i18n/translation-provider.tsx).
 * A page sends only these to the browser, never the whole dictionary: list exact keys, or a prefix when the
 * component reads every key under it. Kept here, outside the "use client" modules, so server pages can
 * import the lists as values.
 */
export const CLIENT_MESSAGES = {
  /** The staff sign-in form (components/staff/login-form.tsx): all a signed-out visitor of the portal gets. */
  staffLogin: ["staff.login.email", "staff.login.password", "staff.login.submit", "common.loading"],
  /**
   * The staff portal's client components come in three tiers, sent by the staff layout as far as the account
   * may go (components/staff/staff-messages.ts). The desks every operator works at:
   */
  staffDesk: [
    "common.optional",
    // The counter desk (components/queue/counter-*.tsx).
    "counter.callNext",
    "counter.callNextBlocked",
    "counter.current",
    "counter.nobodyCurrent",
    "counter.service",
    "counter.name",
    "counter.nik",
    "counter.calls",
    "counter.recall",
    "counter.start",
    "counter.finish",
    "counter.noShow",
    "counter.noShowHint",
    "counter.transferTo",
    "counter.transfer",
    "counter.counters",
    "counter.services",
    "counter.pending",
    "queue.status.called",
    "queue.status.serving",
    "queue.priority.",
    // Check-in (components/queue/check-in-*.tsx, camera-scanner.tsx).
    "checkIn.reference",
    "checkIn.referenceHint",
    "checkIn.nik",
    "checkIn.nikHint",
    "checkIn.submit",
    "checkIn.pending",
    "checkIn.camera.",
    "checkIn.result.",
    "checkIn.priorityReason",
    "checkIn.prioritySubmit",
    // Assisted booking (components/queue/assist-form.tsx).
    "assist.channel",
    "assist.walkIn",
    "assist.assisted",
    "assist.session",
    "assist.nik",
    "assist.name",
    "assist.phone",
    "assist.email",
    "assist.priority",
    "assist.priorityNone",
    "assist.ageException",
    "assist.submit",
    "assist.pending",
    "slots.full",
    "slots.remaining",
    "slots.closed",
  ],
  /** What a supervisor adds: cancelling, outages, closing sessions, resending messages. */
  staffSupervisor: [
    // A supervisor's cancel on the day overview (components/queue/cancel-form.tsx).
    "today.cancel",
    "today.cancelLabel",
    "today.cancelWarning",
    "today.cancelReason",
    "today.cancelConfirm",
    // Outages (components/outage/outage-form.tsx).
    "outage.date",
    "outage.session",
    "outage.allSessions",
    "outage.service",
    "outage.allServices",
    "outage.reason",
    "outage.reason.",
    "outage.reasonText",
    "outage.reasonTextEn",
    "outage.submit",
    // Schedule changes (components/schedule/schedule-form.tsx).
    "schedule.conflict.",
    "schedule.import.problems",
    "schedule.import.lineLabel",
    // The outbox (components/outbox/resend-form.tsx).
    "outbox.resend",
  ],
  /** What an admin adds: devices, API keys, settings, accounts, message templates. */
  staffAdmin: [
    // Devices (components/devices/*.tsx).
    "devices.admin.kind",
    "devices.admin.kind.display",
    "devices.admin.kind.kiosk",
    "devices.admin.name",
    "devices.admin.nameHint",
    "devices.admin.create",
    "devices.admin.linkTitle",
    "devices.admin.linkBody",
    "devices.admin.linkQr",
    "devices.admin.reissue",
    "devices.admin.reissueLabel",
    "devices.admin.revoke",
    "devices.admin.revokeLabel",
    "devices.admin.revokeConfirm",
    // API keys (components/api-keys/api-key-forms.tsx).
    "apiKeys.name",
    "apiKeys.nameHint",
    "apiKeys.scopes",
    "apiKeys.scope.",
    "apiKeys.create",
    "apiKeys.created",
    "apiKeys.revoke",
    "apiKeys.revokeLabel",
    // Office settings (components/staff/admin/settings-form.tsx).
    "admin.settings.preview",
    "admin.settings.save",
    "admin.settings.previewHeading",
    "admin.settings.previewIntro",
    "admin.settings.previewDate",
    "admin.settings.previewNow",
    "admin.settings.previewAfter",
    "admin.settings.previewClosed",
    // Staff accounts, a service point's first one included (components/staff/users/*.tsx).
    "staff.role.",
    "staff.users.name",
    "staff.users.email",
    "staff.users.role",
    "staff.users.initialPassword",
    "staff.users.passwordHint",
    "staff.users.create",
    "staff.users.changeRole",
    "staff.users.deactivate",
    "staff.users.activate",
    "staff.users.newPassword",
    "staff.users.resetPassword",
    "staff.users.revokeSessions",
    "security.unlock",
    // Message templates (components/staff/admin/template-form.tsx).
    "templates.subject",
    "templates.body",
    "templates.placeholders",
    "templates.preview",
    "templates.save",
    "templates.reset",
    "templates.previewHeading",
    "templates.previewNote",
  ],
  callDisplay: ["devices.display.counter", "devices.display.nowCalling", "devices.display.recent", "devices.display.none", "devices.display.recall", "devices.display.offline", "devices.display.enableSound", "devices.display.enableSoundHint"],
  /** The self check-in kiosk (components/kiosk/kiosk*.tsx, nik-keypad.tsx); sent in both languages. */
  kiosk: [
    "devices.kiosk.title",
    "devices.kiosk.intro",
    "devices.kiosk.reference",
    "devices.kiosk.referenceHint",
    "devices.kiosk.nik",
    "devices.kiosk.nikHint",
    "devices.kiosk.submit",
    "devices.kiosk.keypad",
    "devices.kiosk.backspace",
    "devices.kiosk.clear",
    "devices.kiosk.clearReference",
    "devices.kiosk.clearNik",
    "devices.kiosk.language",
    "lang.switchTo",
    "devices.kiosk.errorTitle",
    "devices.kiosk.successTitle",
    "devices.kiosk.yourNumber",
    "devices.kiosk.waitForCall",
    "devices.kiosk.print",
    "devices.kiosk.done",
    "devices.kiosk.returning",
    "devices.kiosk.help",
    "kioskSurvey.open",
    "devices.announce.scanPrompt",
    "devices.announce.nikPrompt",
    "common.loading",
    "devices.slip.service",
    "devices.slip.date",
    "devices.slip.session",
    "devices.slip.reference",
    "devices.slip.nik",
    "devices.slip.checkedIn",
    "devices.slip.qr",
  ],
  /** The nine SKM questions and their answers (components/survey/use-survey-questions.ts), web and kiosk alike. */
  surveyQuestions: SKM_ELEMENTS.map((element) => `survey.${element}.` as const),
  /** The kiosk's survey (components/kiosk/kiosk-survey*.tsx, and the kiosk look of components/survey/survey-question-list.tsx); sent in both languages. */
  kioskSurvey: [
    "kioskSurvey.title",
    "kioskSurvey.intro",
    "kioskSurvey.referenceHint",
    "kioskSurvey.next",
    "kioskSurvey.back",
    "kioskSurvey.answerHint",
    "kioskSurvey.question",
    "devices.kiosk.reference",
    "devices.kiosk.errorTitle",
    "devices.kiosk.returning",
    "devices.kiosk.done",
    "lang.switchTo",
    "survey.submit",
    "survey.thanks",
    "survey.visit",
    "common.loading",
  ],
  /** The citizen's booking details form (components/booking/booking-form.tsx, pow-widget.tsx). */
  bookingForm: [
    "details.nik",
    "details.nikHint",
    "details.name",
    "details.nameHint",
    "details.phone",
    "details.phoneHint",
    "details.email",
    "common.optional",
    "details.consent",
    "details.submit",
    "details.sending",
    "details.change",
    "details.nikHasBooking",
    "details.phoneAtLimit",
    "nik.tryService",
    "recover.fromDuplicate",
    "pow.checking",
    "pow.wait.title",
  ],
  /** Joining a full date's standby list (components/standby/join-form.tsx). */
  standbyJoin: ["standby.join.session", "standby.join.anySession", "standby.join.sessionHint", "details.nik", "details.nikHint", "details.name", "details.phone", "details.phoneHint", "standby.join.consent", "standby.join.submit", "common.loading"],
  /** The standby look-up and its accept button (components/standby/standby-check.tsx). */
  standbyCheck: ["standby.joined.reference", "details.nik", "details.nikHint", "standby.check.submit", "standby.accept.submit", "standby.accept.viewBooking", "common.loading"],
  /** The booking look-up (components/booking/lookup-form.tsx). */
  lookup: ["check.reference", "check.referenceHint", "details.nik", "details.nikHint", "check.phoneLast4", "check.phoneLast4Hint", "check.submit", "common.loading"],
  /** A lost reference found by NIK + phone (components/booking/recover-form.tsx). */
  recover: ["details.nik", "details.nikHint", "details.phone", "recover.phoneHint", "recover.submit", "common.loading"],
  /** The web survey's frame and profile questions (components/survey/survey-form.tsx), with `surveyQuestions`. */
  survey: [
    "survey.scaleLegend",
    "survey.comment",
    "common.optional",
    "survey.profileTitle",
    "survey.profileHint",
    "survey.notAnswered",
    "survey.ageBand",
    "survey.age.",
    "survey.sex",
    "survey.sex.",
    "survey.education",
    "survey.edu.",
    "survey.occupation",
    "survey.job.",
    "survey.nik",
    "survey.nikHint",
    "survey.submit",
    "common.loading",
  ],
  /** The live queue on the booking page (components/booking/live-queue.tsx). */
  liveQueue: ["live."],
  /** The citizen not-found page (components/layout/not-found-notice.tsx); sent in both languages. */
  notFound: ["error.pageNotFound", "error.notFound", "nav.home", "nav.check"],
} as const satisfies Record<string, readonly MessageSelector[]>;

export type ClientArea = keyof typeof CLIENT_MESSAGES;

const allKeys = Object.keys(messages.id);

/** The selected messages in one language, each already resolved as the server would (its own text, else Indonesian). */
function pick(locale: Locale, selectors: readonly MessageSelector[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const selector of selectors) {
    const keys = selector.endsWith(".") ? allKeys.filter((key) => key.startsWith(selector)) : [selector];
    for (const key of keys) out[key] = resolveMessage(locale, key);
  }
  return out;
}

/**
 * The messages to hand a `<TranslationProvider>` for the given areas, in the given languages (one for a
 * page, both for the kiosk, where each citizen picks their own).
 */
export function clientMessages(locales: Locale | readonly Locale[], ...areas: ClientArea[]): ClientMessages {
  const selectors = areas.flatMap((area) => CLIENT_MESSAGES[area]);
  const wanted = typeof locales === "string" ? [locales] : locales;
  return Object.fromEntries(LOCALES.filter((locale) => wanted.includes(locale)).map((locale) => [locale, pick(locale, selectors)]));
}

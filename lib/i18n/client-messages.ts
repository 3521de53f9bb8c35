import { LOCALES, messages, type Locale, type MessageKey } from "./messages";
import { resolveMessage } from "./translate";

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

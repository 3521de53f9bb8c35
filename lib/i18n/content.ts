import type { Locale } from "./messages";

/**
 * Office content (service names, requirements, forms) in the reader's language, or the Indonesian
 * original when no translation exists yet. `lang` says which, so a page can mark the fallback visibly
 * (lang="id" and a "(Bahasa Indonesia)" note) instead of passing Indonesian off as English.
 */
export type Localized = { text: string; lang: Locale };

export function localized(locale: Locale, id: string, en: string | null | undefined): Localized {
  return locale === "en" && en ? { text: en, lang: "en" } : { text: id, lang: "id" };
}

export function localizedOrNull(locale: Locale, id: string | null, en: string | null | undefined): Localized | null {
  return id === null ? null : localized(locale, id, en);
}

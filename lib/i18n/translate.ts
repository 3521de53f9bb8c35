import { formatDate } from "../format";
import { isIsoDate } from "../dates";
import { DEFAULT_LOCALE, LOCALES, messages, type Locale, type MessageKey } from "./messages";

/** The language cookie; proxy.ts reads it to pick the citizen pages' locale segment. */
export const LOCALE_COOKIE = "lang";

export type Params = Record<string, string | number>;
export type Translator = ((key: MessageKey, params?: Params) => string) & { locale: Locale };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function createTranslator(locale: Locale): Translator {
  const table = messages[locale];
  const t = (key: MessageKey, params?: Params) => {
    const text = table[key] ?? messages[DEFAULT_LOCALE][key] ?? key;
    return params ? text.replace(/\{(\w+)(:date)?\}/g, (m, name: string, asDate?: string) => (name in params ? fill(params[name]!, asDate, locale) : m)) : text;
  };
  return Object.assign(t, { locale });
}

/**
 * `{name}` as given; `{name:date}` turns a `YYYY-MM-DD` date into words in the reader's language
 * ("Rabu, 2 Desember 2026"). The DAL passes service dates as they are stored — the office-local calendar
 * date — and formatting keeps that calendar date, so no zone can move it to the day before.
 */
function fill(value: string | number, asDate: string | undefined, locale: Locale): string {
  return asDate && typeof value === "string" && isIsoDate(value) ? formatDate(value, locale) : String(value);
}

/** The API's language: `?lang=` first, then Accept-Language, Indonesian by default. */
export function localeFromRequest(request: Request): Locale {
  const fromQuery = new URL(request.url).searchParams.get("lang");
  if (isLocale(fromQuery)) return fromQuery;
  const accept = request.headers.get("accept-language") ?? "";
  const first = accept.split(",")[0]?.trim().slice(0, 2).toLowerCase();
  return first === "en" ? "en" : DEFAULT_LOCALE;
}

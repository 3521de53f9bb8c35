import { readCookie } from "../cookies";
import { interpolate, type Params } from "./interpolate";
import { DEFAULT_LOCALE, LOCALES, messages, type Locale, type MessageKey } from "./messages";

/** The language cookie; proxy.ts reads it to pick the citizen pages' locale segment. */
export const LOCALE_COOKIE = "lang";

export type { Params };
export type Translator = ((key: MessageKey, params?: Params) => string) & { locale: Locale };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** What a key reads as in `locale`: its own text, the Indonesian one if it has none, the key itself otherwise. */
export function resolveMessage(locale: Locale, key: string): string {
  return (messages[locale] as Record<string, string>)[key] ?? (messages[DEFAULT_LOCALE] as Record<string, string>)[key] ?? key;
}

export function createTranslator(locale: Locale): Translator {
  const t = (key: MessageKey, params?: Params) => interpolate(resolveMessage(locale, key), params, locale);
  return Object.assign(t, { locale });
}

/**
 * A staff or device screen's language from its request: `?lang=` first, then the person's choice (the
 * `lang` cookie, as every staff page and form reads it), Indonesian by default. For route handlers that
 * answer a signed-in browser (`apiRoute(…, { locale: localeFromCookie })`), not for the public JSON API.
 */
export function localeFromCookie(request: Request): Locale {
  const fromQuery = new URL(request.url).searchParams.get("lang");
  if (isLocale(fromQuery)) return fromQuery;
  const fromCookie = readCookie(request.headers.get("cookie"), LOCALE_COOKIE);
  return isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
}

/** The API's language: `?lang=` first, then Accept-Language, Indonesian by default. */
export function localeFromRequest(request: Request): Locale {
  const fromQuery = new URL(request.url).searchParams.get("lang");
  if (isLocale(fromQuery)) return fromQuery;
  const accept = request.headers.get("accept-language") ?? "";
  const first = accept.split(",")[0]?.trim().slice(0, 2).toLowerCase();
  return first === "en" ? "en" : DEFAULT_LOCALE;
}

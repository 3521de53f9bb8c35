import "server-only";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { DEFAULT_LOCALE, type Locale } from "./messages";
import { createTranslator, isLocale, LOCALE_COOKIE, type Translator } from "./translate";

export { LOCALE_COOKIE };

/** The page's language: the person's choice (cookie), Bahasa Indonesia otherwise. */
export async function getLocale(): Promise<Locale> {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export async function getTranslator(): Promise<Translator> {
  return createTranslator(await getLocale());
}

/**
 * The translator of a citizen page under app/[locale]/: the language is its path segment (proxy.ts puts
 * it there from the cookie), so the page reads no cookie and can be cached. Any other segment is a 404.
 */
export function getPageTranslator(locale: string): Translator {
  if (!isLocale(locale)) notFound();
  return createTranslator(locale);
}

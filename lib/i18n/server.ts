import "server-only";
import { cookies } from "next/headers";
import { DEFAULT_LOCALE, type Locale } from "./messages";
import { createTranslator, isLocale, type Translator } from "./translate";

export const LOCALE_COOKIE = "lang";

/** The page's language: the person's choice (cookie), Bahasa Indonesia otherwise. */
export async function getLocale(): Promise<Locale> {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export async function getTranslator(): Promise<Translator> {
  return createTranslator(await getLocale());
}

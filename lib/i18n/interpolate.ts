import { isIsoDate } from "../dates";
import { formatDate } from "../format";
import type { Locale } from "./messages";

export type Params = Record<string, string | number>;

/**
 * Fills a message's placeholders; shared by the server translator (translate.ts) and the client one
 * (components/i18n/translation-provider.tsx), so both render a message the same way. Imports no
 * dictionary: the client bundle must not carry one.
 */
export function interpolate(text: string, params: Params | undefined, locale: Locale): string {
  return params ? text.replace(/\{(\w+)(:date)?\}/g, (m, name: string, asDate?: string) => (name in params ? fill(params[name]!, asDate, locale) : m)) : text;
}

/**
 * `{name}` as given; `{name:date}` turns a `YYYY-MM-DD` date into words in the reader's language
 * ("Rabu, 2 Desember 2026"). The DAL passes service dates as they are stored — the office-local calendar
 * date — and formatting keeps that calendar date, so no zone can move it to the day before.
 */
function fill(value: string | number, asDate: string | undefined, locale: Locale): string {
  return asDate && typeof value === "string" && isIsoDate(value) ? formatDate(value, locale) : String(value);
}

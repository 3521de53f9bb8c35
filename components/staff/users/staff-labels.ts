import type { Translator } from "@/lib/i18n/translate";
import { intlLocale } from "@/lib/format";

/** A sign-in instant in the office's own clock. */
export function formatInstant(value: Date, t: Translator, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(t.locale), { dateStyle: "medium", timeStyle: "short", timeZone }).format(value);
}

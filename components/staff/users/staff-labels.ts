import type { Translator } from "@/lib/i18n/translate";

/** A sign-in instant in the office's own clock. */
export function formatInstant(value: Date, t: Translator, timeZone: string): string {
  return new Intl.DateTimeFormat(t.locale === "id" ? "id-ID" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(value);
}

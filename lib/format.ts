import type { Locale } from "./i18n/messages";

/** The BCP 47 tag dates and numbers are written with in a language (speech has its own, lib/announcement.ts). */
export function intlLocale(locale: Locale): "id-ID" | "en-GB" {
  return locale === "id" ? "id-ID" : "en-GB";
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, style: "long" | "short"): Intl.DateTimeFormat {
  const key = `${locale}:${style}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale(locale), {
      timeZone: "UTC",
      weekday: "long",
      day: "numeric",
      month: style === "long" ? "long" : "short",
      ...(style === "long" ? { year: "numeric" } : {}),
    });
    dateFormats.set(key, f);
  }
  return f;
}

/** `2026-12-07` → "Senin, 7 Desember 2026" / "Monday 7 December 2026". */
export function formatDate(date: string, locale: Locale, style: "long" | "short" = "long"): string {
  return formatter(locale, style).format(new Date(`${date}T00:00:00Z`));
}

/** `08:00` → "08.00" (Indonesian) or "08:00". */
export function formatTime(time: string, locale: Locale): string {
  return locale === "id" ? time.replace(":", ".") : time;
}

/** `08:00` minus minutes → `07:45`. */
export function minusMinutes(time: string, minutes: number): string {
  const total = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) - minutes;
  const wrapped = (total + 1440) % 1440;
  return `${String(Math.floor(wrapped / 60)).padStart(2, "0")}:${String(wrapped % 60).padStart(2, "0")}`;
}

/** `2026-12-07` → { weekday: "Sen", day: "7 Des" } / { weekday: "Mon", day: "7 Dec" }: a compact date tab. */
export function formatDayTab(date: string, locale: Locale): { weekday: string; day: string } {
  const d = new Date(`${date}T00:00:00Z`);
  const tag = intlLocale(locale);
  return {
    weekday: new Intl.DateTimeFormat(tag, { timeZone: "UTC", weekday: "short" }).format(d),
    day: new Intl.DateTimeFormat(tag, { timeZone: "UTC", day: "numeric", month: "short" }).format(d),
  };
}

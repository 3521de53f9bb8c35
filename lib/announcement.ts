import type { Locale } from "./i18n/messages";
import { deviceMessages } from "./i18n/messages/devices";

/**
 * What the call display and the kiosk say aloud. Queue numbers are read digit by digit ("A nol satu tujuh")
 * because that is how Indonesian offices call them and how people compare them with their slip; counter
 * numbers are read as numbers ("loket dua belas"). Pure, so it runs in the browser and in unit tests.
 */

const ID_DIGITS = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"];
const EN_ONES = [
  "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
];
const EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/** 0–999,999 in Indonesian words: sepuluh, sebelas, dua belas, dua puluh satu, seratus, seribu… */
export function indonesianNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1_000_000) return spellDigits(String(n), "id");
  if (n < 10) return ID_DIGITS[n]!;
  if (n === 10) return "sepuluh";
  if (n === 11) return "sebelas";
  if (n < 20) return `${ID_DIGITS[n - 10]} belas`;
  if (n < 100) return join(`${ID_DIGITS[Math.floor(n / 10)]} puluh`, n % 10, indonesianNumber);
  if (n < 1000) {
    const hundreds = Math.floor(n / 100);
    return join(hundreds === 1 ? "seratus" : `${ID_DIGITS[hundreds]} ratus`, n % 100, indonesianNumber);
  }
  const thousands = Math.floor(n / 1000);
  return join(thousands === 1 ? "seribu" : `${indonesianNumber(thousands)} ribu`, n % 1000, indonesianNumber);
}

/** 0–999,999 in English words: ten, eleven, twenty-one, one hundred five… */
export function englishNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1_000_000) return spellDigits(String(n), "en");
  if (n < 20) return EN_ONES[n]!;
  if (n < 100) return EN_TENS[Math.floor(n / 10)]! + (n % 10 ? `-${EN_ONES[n % 10]}` : "");
  if (n < 1000) return join(`${EN_ONES[Math.floor(n / 100)]} hundred`, n % 100, englishNumber);
  return join(`${englishNumber(Math.floor(n / 1000))} thousand`, n % 1000, englishNumber);
}

function join(head: string, rest: number, words: (n: number) => string): string {
  return rest === 0 ? head : `${head} ${words(rest)}`;
}

/** "A-017" → "A nol satu tujuh": letters as letters, digits one by one, separators dropped. */
export function spellQueueNumber(queueNumber: string, locale: Locale = "id"): string {
  return spellDigits(queueNumber, locale);
}

function spellDigits(text: string, locale: Locale): string {
  return [...text.toUpperCase()]
    .map((c) => (/[0-9]/.test(c) ? (locale === "en" ? EN_ONES[Number(c)]! : ID_DIGITS[Number(c)]!) : /[A-Z]/.test(c) ? c : ""))
    .filter(Boolean)
    .join(" ");
}

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => params[name] ?? match);
}

/** ("A-017", 3) → "Nomor antrean A nol satu tujuh, silakan ke loket tiga". */
export function callAnnouncement(queueNumber: string, counterNumber: number, locale: Locale = "id"): string {
  return fill(deviceMessages[locale]["devices.announce.call"], {
    number: spellQueueNumber(queueNumber, locale),
    counter: locale === "en" ? englishNumber(counterNumber) : indonesianNumber(counterNumber),
  });
}

/** "A-017" → "Check-in berhasil. Nomor antrean Anda A nol satu tujuh". */
export function checkInAnnouncement(queueNumber: string, locale: Locale = "id"): string {
  return fill(deviceMessages[locale]["devices.announce.checkIn"], { number: spellQueueNumber(queueNumber, locale) });
}

/** The BCP 47 tag speech synthesis needs for a locale. */
export function speechLang(locale: Locale): string {
  return locale === "en" ? "en-US" : "id-ID";
}

/**
 * NIK (Nomor Induk Kependudukan): 16 digits `PP KK CC DDMMYY SSSS`.
 * PP province (a real Kemendagri code), KK regency/city, CC district, DDMMYY birth date (day + 40 for
 * women), SSSS serial (not 0000). Structure only: no central-registry check is assumed.
 */

/** Kemendagri province codes, including the Papua provinces created in 2022 (93–96). */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  "11", "12", "13", "14", "15", "16", "17", "18", "19", "21",
  "31", "32", "33", "34", "35", "36",
  "51", "52", "53",
  "61", "62", "63", "64", "65",
  "71", "72", "73", "74", "75", "76",
  "81", "82",
  "91", "92", "93", "94", "95", "96",
]);

export type NikProblem = "format" | "province" | "region" | "birth_date" | "serial";

export type ParsedNik = {
  nik: string;
  provinceCode: string;
  regencyCode: string;
  districtCode: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: "M" | "F";
  serial: string;
};

export type NikResult = { ok: true; value: ParsedNik } | { ok: false; problem: NikProblem };

/** Removes the spaces, dots and dashes people type between digit groups. */
export function normalizeNik(input: string): string {
  return input.replace(/[\s.\-]/g, "");
}

/**
 * @param today YYYY-MM-DD in the office's zone; decides the century of a two-digit year, so that a birth
 * date is never in the future.
 */
export function parseNik(input: string, today: string): NikResult {
  const nik = normalizeNik(input);
  if (!/^\d{16}$/.test(nik)) return { ok: false, problem: "format" };
  const provinceCode = nik.slice(0, 2);
  if (!PROVINCE_CODES.has(provinceCode)) return { ok: false, problem: "province" };
  const regencyCode = nik.slice(2, 4);
  const districtCode = nik.slice(4, 6);
  if (regencyCode === "00" || districtCode === "00") return { ok: false, problem: "region" };

  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const sex = rawDay > 40 ? "F" : "M";
  const day = sex === "F" ? rawDay - 40 : rawDay;
  // The two-digit year names the latest century in which the birth date is not in the future: a date
  // later this year is someone's 99th birthday to come, not a birth tomorrow.
  let year = Number(today.slice(0, 2)) * 100 + yy;
  if (`${year}-${pad2(month)}-${pad2(day)}` > today) year -= 100;
  const birthDate = `${year}-${pad2(month)}-${pad2(day)}`;
  if (!isRealDate(year, month, day)) return { ok: false, problem: "birth_date" };

  const serial = nik.slice(12);
  if (serial === "0000") return { ok: false, problem: "serial" };
  return { ok: true, value: { nik, provinceCode, regencyCode, districtCode, birthDate, sex, serial } };
}

/** Whole years of age on `onDate` (both YYYY-MM-DD). */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [y, m, d] = onDate.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** `3271********0001`: the region and the serial only, for public and printed pages. */
export function maskNik(nik: string): string {
  return nik.slice(0, 4) + "*".repeat(8) + nik.slice(12);
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

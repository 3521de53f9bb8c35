/**
 * The satisfaction survey of PermenPANRB 14/2017 (Survei Kepuasan Masyarakat): nine elements (unsur), each
 * answered on a 1–4 scale, and the index (IKM) computed from their means. Pure: no database, no language.
 */

/** The regulation's nine elements, in its order (Pasal 3 / Lampiran: a–i). */
export const SKM_ELEMENTS = ["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"] as const;
export type SkmElement = (typeof SKM_ELEMENTS)[number];
export type SkmScores = Record<SkmElement, number>;

export const SKM_SCALE = [1, 2, 3, 4] as const;

/** Optional respondent profile, as the regulation's questionnaire asks it. */
export const AGE_BANDS = ["lt20", "20-29", "30-39", "40-49", "50-59", "60+"] as const;
export const EDUCATION_LEVELS = ["sd", "smp", "sma", "diploma", "s1", "s2"] as const;
export const OCCUPATIONS = ["pns", "tni", "polri", "swasta", "wirausaha", "pelajar", "lainnya"] as const;

/** Each element weighs the same: 1 / number of elements. */
const SKM_WEIGHT = 1 / SKM_ELEMENTS.length;
/** The conversion from the 1–4 scale to 25–100. */
const IKM_CONVERSION = 25;

export type IkmGrade = "A" | "B" | "C" | "D";

/**
 * The regulation's table of conversion values (nilai interval konversi) → quality (mutu pelayanan) and
 * performance (kinerja unit pelayanan): A Sangat Baik 88,31–100; B Baik 76,61–88,30; C Kurang Baik
 * 65,00–76,60; D Tidak Baik 25,00–64,99. The converted value is compared after rounding to 2 decimals.
 */
const GRADE_BANDS: { grade: IkmGrade; from: number }[] = [
  { grade: "A", from: 88.31 },
  { grade: "B", from: 76.61 },
  { grade: "C", from: 65.0 },
  { grade: "D", from: 25.0 },
];

function round2(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}

export function ikmGrade(ikm: number): IkmGrade {
  const value = round2(ikm);
  return GRADE_BANDS.find((band) => value >= band.from)?.grade ?? "D";
}

export type IkmResult = {
  /** Nilai rata-rata per unsur (NRR): each element's mean on the 1–4 scale. */
  nrr: SkmScores;
  /** Σ NRR × weight: the index on the 1–4 scale (nilai interval). */
  weighted: number;
  /** × 25: the converted index, 25–100, rounded to 2 decimals. */
  ikm: number;
  grade: IkmGrade;
  responses: number;
};

/** The IKM from each element's mean (NRR) and the number of responses behind them. */
export function computeIkm(nrr: SkmScores, responses: number): IkmResult {
  const weighted = SKM_ELEMENTS.reduce((sum, element) => sum + nrr[element] * SKM_WEIGHT, 0);
  const ikm = round2(weighted * IKM_CONVERSION);
  return { nrr, weighted, ikm, grade: ikmGrade(ikm), responses };
}


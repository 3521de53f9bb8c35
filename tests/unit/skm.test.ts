import { describe, expect, it } from "vitest";
import { computeIkm, ikmGrade, SKM_ELEMENTS, type IkmResult, type SkmScores } from "@/lib/survey/skm";

/** The regulation's method on the answer sheets themselves (the reports compute each NRR in SQL, then computeIkm). */
function computeIkmFromResponses(responses: readonly SkmScores[]): IkmResult | null {
  if (responses.length === 0) return null;
  const nrr = Object.fromEntries(
    SKM_ELEMENTS.map((element) => [element, responses.reduce((sum, r) => sum + r[element], 0) / responses.length]),
  ) as SkmScores;
  return computeIkm(nrr, responses.length);
}

const sheet = (...scores: number[]): SkmScores => Object.fromEntries(SKM_ELEMENTS.map((e, i) => [e, scores[i]!])) as SkmScores;

describe("IKM (PermenPANRB 14/2017)", () => {
  /**
   * Worked by hand with the regulation's method: four answer sheets; each element's NRR is its column mean;
   * IKM = Σ (NRR × 1/9) × 25.
   *   u1 4+3+3+4=14 → 3.50   u2 13 → 3.25   u3 11 → 2.75   u4 16 → 4.00   u5 13 → 3.25
   *   u6 13 → 3.25           u7 15 → 3.75   u8 10 → 2.50   u9 11 → 2.75
   *   Σ NRR = 29.00; × 1/9 = 3.2222 (nilai interval, band 3.0644–3.532 → B); × 25 = 80.56 → B, Baik.
   */
  it("matches a hand-computed example", () => {
    const result = computeIkmFromResponses([
      sheet(4, 3, 3, 4, 3, 3, 4, 2, 3),
      sheet(3, 3, 2, 4, 3, 4, 4, 3, 3),
      sheet(3, 4, 3, 4, 3, 3, 4, 3, 2),
      sheet(4, 3, 3, 4, 4, 3, 3, 2, 3),
    ])!;
    expect(result.nrr).toEqual(sheet(3.5, 3.25, 2.75, 4, 3.25, 3.25, 3.75, 2.5, 2.75));
    expect(result.weighted).toBeCloseTo(3.2222, 4);
    expect(result.ikm).toBe(80.56);
    expect(result.grade).toBe("B");
    expect(result.responses).toBe(4);
  });

  it("spans 25 (all 1) to 100 (all 4)", () => {
    expect(computeIkm(sheet(1, 1, 1, 1, 1, 1, 1, 1, 1), 1)).toMatchObject({ ikm: 25, grade: "D" });
    expect(computeIkm(sheet(4, 4, 4, 4, 4, 4, 4, 4, 4), 1)).toMatchObject({ ikm: 100, grade: "A" });
  });

  it.each([
    [100, "A"],
    [88.31, "A"],
    [88.3, "B"],
    [88.305, "A"],
    [76.61, "B"],
    [76.6, "C"],
    [65, "C"],
    [64.99, "D"],
    [25, "D"],
  ] as const)("grades %s as %s (the regulation's conversion bands)", (ikm, grade) => {
    expect(ikmGrade(ikm)).toBe(grade);
  });

  it("has no index without responses", () => {
    expect(computeIkmFromResponses([])).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { createReference, formatQueueNumber, formatReference, isReference, normalizeReference, REFERENCE_ALPHABET, REFERENCE_LENGTH } from "@/lib/reference";

describe("booking references", () => {
  it("use 30 characters that cannot be mistaken for one another", () => {
    expect(REFERENCE_ALPHABET).toHaveLength(30);
    expect(new Set(REFERENCE_ALPHABET).size).toBe(30);
    for (const confusable of ["0", "O", "1", "I", "L", "U"]) expect(REFERENCE_ALPHABET).not.toContain(confusable);
    expect(REFERENCE_ALPHABET).toMatch(/^[A-Z2-9]+$/);
  });

  it("are 8 random characters of the alphabet, spread over all of it", () => {
    const refs = Array.from({ length: 2000 }, () => createReference());
    expect(REFERENCE_LENGTH).toBe(8);
    for (const ref of refs) expect(isReference(ref)).toBe(true);
    expect(new Set(refs).size).toBe(2000);
    expect(new Set(refs.join(""))).toEqual(new Set(REFERENCE_ALPHABET));
  });

  it("accept what people type: lower case, spaces and dashes", () => {
    expect(normalizeReference("abcd-efgh")).toBe("ABCDEFGH");
    expect(normalizeReference(" ab cd ef gh ")).toBe("ABCDEFGH");
    expect(normalizeReference("ABCD--EFGH")).toBe("ABCDEFGH");
  });

  it.each([
    ["ABCDEFGH", true],
    ["Z2345678", true],
    ["ABCDEFG", false],
    ["ABCDEFGHJ", false],
    ["ABCDEFG0", false],
    ["ABCDEFGO", false],
    ["ABCDEFGI", false],
    ["ABCDEFG1", false],
    ["ABCDEFGL", false],
    ["ABCDEFGU", false],
    ["abcdefgh", false],
    ["ABCD-EFG", false],
    ["", false],
  ])("isReference(%j) is %s", (value, expected) => {
    expect(isReference(value)).toBe(expected);
  });

  it("are shown in two groups of four", () => {
    expect(formatReference("ABCDEFGH")).toBe("ABCD-EFGH");
  });
});

describe("queue numbers", () => {
  it("are the service letter and a three-digit sequence", () => {
    expect(formatQueueNumber("A", 1)).toBe("A-001");
    expect(formatQueueNumber("A", 17)).toBe("A-017");
    expect(formatQueueNumber("C", 250)).toBe("C-250");
    expect(formatQueueNumber("B", 1234)).toBe("B-1234");
  });
});

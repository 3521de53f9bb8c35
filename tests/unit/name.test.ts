import { describe, expect, it } from "vitest";
import { isValidName, normalizeName } from "@/lib/name";

const valid = (input: string) => isValidName(normalizeName(input));

describe("names as Indonesians write them", () => {
  it.each([
    "Sukarno",
    "A",
    "Siti Nurhaliza",
    "Ma'ruf Amin",
    "Ma’ruf Amin",
    "Abdul-Rahman",
    "Ir. H. Djuanda, S.H.",
    "R.A. Kartini",
    "Tjokorda Gde Raka Soekawati",
    "Nguyễn Văn An",
    "陈美玲",
    "ꦱꦸꦏꦂꦤ",
    "Ölçer",
    "O'Neil-Pratama",
  ])("accepts %j", (name) => {
    expect(valid(name)).toBe(true);
  });

  it.each([
    ["Budi2", "a digit"],
    ["Budi Santoso 3", "a trailing number"],
    ["<script>alert(1)</script>", "markup"],
    ["<b>Budi</b>", "a tag"],
    ["Budi'; DROP TABLE bookings;--", "SQL"],
    ["Budi_Santoso", "an underscore"],
    ["Budi@rumah", "an at sign"],
    ['Budi "Ucok"', "double quotes"],
    ["Budi 😀", "an emoji"],
    ["'Aisyah", "starting with an apostrophe"],
    ["-Budi", "starting with a hyphen"],
    ["Budi-", "ending with a hyphen"],
    ["Budi,", "ending with a comma"],
    [".", "only a dot"],
    ["", "empty"],
    ["   ", "only spaces"],
  ])("rejects %j (%s)", (name) => {
    expect(valid(name)).toBe(false);
  });

  it("allows 100 characters, not 101", () => {
    expect(valid("A".repeat(100))).toBe(true);
    expect(valid("A".repeat(101))).toBe(false);
    expect(valid(`Siti ${"a".repeat(95)}`)).toBe(true);
  });
});

describe("normalizeName", () => {
  it("folds runs of whitespace, including tabs, new lines and no-break spaces, and trims", () => {
    expect(normalizeName("  Siti   Nur\tHaliza \n")).toBe("Siti Nur Haliza");
    expect(normalizeName("Siti\u00a0Aminah")).toBe("Siti Aminah");
  });

  it("composes accents (NFC), so the same name is stored the same way", () => {
    const decomposed = "Nguye\u0302\u0303n";
    expect(normalizeName(decomposed)).toBe("Nguyễn");
    expect(normalizeName(decomposed)).toHaveLength(6);
  });
});

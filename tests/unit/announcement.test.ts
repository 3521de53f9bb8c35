import { describe, expect, it } from "vitest";
import { callAnnouncement, checkInAnnouncement, englishNumber, indonesianNumber, spellQueueNumber } from "@/lib/announcement";

describe("callAnnouncement", () => {
  it("reads the issue's example exactly", () => {
    expect(callAnnouncement("A-017", 3)).toBe("Nomor antrean A nol satu tujuh, silakan ke loket tiga");
    expect(callAnnouncement("A-017", 3, "en")).toBe("Queue number A zero one seven, please go to counter three");
  });

  it.each([
    ["B-100", 10, "Nomor antrean B satu nol nol, silakan ke loket sepuluh"],
    ["C-009", 11, "Nomor antrean C nol nol sembilan, silakan ke loket sebelas"],
    ["D-250", 12, "Nomor antrean D dua lima nol, silakan ke loket dua belas"],
    ["a-468", 19, "Nomor antrean A empat enam delapan, silakan ke loket sembilan belas"],
    ["Z-999", 20, "Nomor antrean Z sembilan sembilan sembilan, silakan ke loket dua puluh"],
    ["AB-013", 21, "Nomor antrean A B nol satu tiga, silakan ke loket dua puluh satu"],
    ["E 042", 99, "Nomor antrean E nol empat dua, silakan ke loket sembilan puluh sembilan"],
  ])("%s at counter %i", (queueNumber, counter, text) => {
    expect(callAnnouncement(queueNumber, counter)).toBe(text);
  });

  it("announces a check-in in both languages", () => {
    expect(checkInAnnouncement("A-017")).toBe("Check-in berhasil. Nomor antrean Anda A nol satu tujuh");
    expect(checkInAnnouncement("B-205", "en")).toBe("Check-in successful. Your queue number is B two zero five");
  });
});

describe("number words", () => {
  it.each([
    [0, "nol"], [1, "satu"], [9, "sembilan"], [10, "sepuluh"], [11, "sebelas"], [12, "dua belas"], [15, "lima belas"],
    [19, "sembilan belas"], [20, "dua puluh"], [21, "dua puluh satu"], [30, "tiga puluh"], [47, "empat puluh tujuh"],
    [99, "sembilan puluh sembilan"], [100, "seratus"], [101, "seratus satu"], [111, "seratus sebelas"],
    [250, "dua ratus lima puluh"], [1000, "seribu"], [1200, "seribu dua ratus"], [2026, "dua ribu dua puluh enam"],
  ])("Indonesian %i → %s", (n, words) => {
    expect(indonesianNumber(n)).toBe(words);
  });

  it.each([
    [0, "zero"], [3, "three"], [10, "ten"], [11, "eleven"], [12, "twelve"], [19, "nineteen"], [20, "twenty"],
    [21, "twenty-one"], [99, "ninety-nine"], [100, "one hundred"], [105, "one hundred five"], [1000, "one thousand"],
  ])("English %i → %s", (n, words) => {
    expect(englishNumber(n)).toBe(words);
  });

  it("spells every counter number from 1 to 99 as words, never digits", () => {
    for (let n = 1; n <= 99; n++) {
      expect(indonesianNumber(n)).toMatch(/^[a-z ]+$/);
      expect(englishNumber(n)).toMatch(/^[a-z -]+$/);
    }
    expect(new Set(Array.from({ length: 99 }, (_, i) => indonesianNumber(i + 1))).size).toBe(99);
  });

  it("falls back to digits one by one outside the supported range", () => {
    expect(indonesianNumber(1_000_000)).toBe("satu nol nol nol nol nol nol");
    expect(englishNumber(1.5)).toBe("one five");
  });

  it("spells queue numbers letter by letter and digit by digit, dropping separators", () => {
    expect(spellQueueNumber("A-007")).toBe("A nol nol tujuh");
    expect(spellQueueNumber("k-120", "en")).toBe("K one two zero");
  });
});

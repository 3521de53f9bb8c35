import { describe, expect, it } from "vitest";
import catalogue from "@/db/seed/data/kota-bogor-services.json";
import { classifyRequirement, mentionsCopy } from "@/lib/requirements";

type CatalogueRequirement = { text: string; textEn?: string; kind?: string; copy?: string };
const requirements = catalogue.services.flatMap((s) => s.requirements as CatalogueRequirement[]);

describe("classifyRequirement: documents to bring, conditions, notes", () => {
  it.each([
    ["Telah berusia 17 tahun atau lebih", "condition"],
    ["Untuk pemula baru 17 tahun, belum pernah memiliki KTP-el sebelumnya", "condition"],
    ["Belum pernah kawin", "condition"],
    ["Sudah kawin atau pernah kawin", "condition"],
    ["Pemohon berusia 17 tahun", "condition"],
    ["Apabila persyaratan di atas tidak dimiliki, maka WNI mengisi Formulir F-1.04", "note"],
    ["Jika orang tua tidak memiliki buku nikah, isi SPTJM F-2.04", "note"],
    ["Kartu keluarga asli", "document"],
    ["Foto anak (jika di atas 5 tahun)", "document"],
    ["Surat kehilangan dari kepolisian", "document"],
  ] as const)("%s → %s", (text, kind) => {
    expect(classifyRequirement(text).kind).toBe(kind);
  });

  it("reads which copy to bring and how many from the text, for documents only", () => {
    expect(classifyRequirement("Kartu keluarga lama (asli)")).toEqual({ kind: "document", copy: "original", copies: null });
    expect(classifyRequirement("Fotokopi buku nikah atau akta perkawinan")).toEqual({ kind: "document", copy: "photocopy", copies: null });
    expect(classifyRequirement("KTP-el asli dan fotokopi 2 lembar")).toEqual({ kind: "document", copy: "both", copies: 2 });
    expect(classifyRequirement("Pas foto 3x4 sebanyak 4 lembar")).toEqual({ kind: "document", copy: null, copies: 4 });
    expect(classifyRequirement("Akta kelahiran")).toEqual({ kind: "document", copy: null, copies: null });
    // "asli" inside a condition does not make it a document.
    expect(classifyRequirement("Telah berusia 17 tahun dan membawa KK asli")).toEqual({ kind: "condition", copy: null, copies: null });
  });

  it("agrees with the hand classification of every requirement in the office's catalogue", () => {
    expect(requirements.length).toBeGreaterThan(20);
    for (const r of requirements) {
      expect(r.kind, r.text).toMatch(/^(document|condition|note)$/);
      const guess = classifyRequirement(r.text);
      expect({ text: r.text, kind: guess.kind, copy: guess.copy }).toEqual({ text: r.text, kind: r.kind, copy: r.copy ?? null });
    }
  });
});

describe("the office's catalogue in both languages", () => {
  it("has English for every service, category, age rule, requirement and form text", () => {
    for (const s of catalogue.services) {
      expect(s.nameEn, s.id).toBeTruthy();
      expect(s.categoryEn, s.id).toBeTruthy();
      const eligibility = (s as { eligibility?: { note?: string; noteEn?: string } }).eligibility;
      if (eligibility?.note) expect(eligibility.noteEn, s.id).toBeTruthy();
      for (const r of s.requirements as CatalogueRequirement[]) expect(r.textEn, r.text).toBeTruthy();
    }
    for (const f of catalogue.forms) {
      expect(f.nameEn, f.id).toBeTruthy();
      expect(f.descriptionEn === null, f.id).toBe(f.description === null);
      expect(f.noteEn === null, f.id).toBe(f.note === null);
    }
  });

  it("has the copied spelling slips corrected", () => {
    const text = JSON.stringify(catalogue);
    for (const typo of ["nahkoda", "diatas", "ELEMENT", "menujukkan", "kepindahahan", "pendudukan baik", "memasukan", "fotokpi", "pasport", "TERJADINYA TERJADINYA"]) {
      expect(text, typo).not.toContain(typo);
    }
    for (const fixed of ["nakhoda", "di atas", "ELEMEN DATA", "menunjukkan", "kepindahan penduduk", "memasukkan"]) expect(text, fixed).toContain(fixed);
  });
});

describe("mentionsCopy: the copy tag is shown only where the text does not say it", () => {
  it("finds the word in either language", () => {
    expect(mentionsCopy("Kartu keluarga asli", "original")).toBe(true);
    expect(mentionsCopy("Family card (KK), original", "original")).toBe(true);
    expect(mentionsCopy("Fotokopi buku nikah", "photocopy")).toBe(true);
    expect(mentionsCopy("Photocopy of your travel document", "photocopy")).toBe(true);
    expect(mentionsCopy("Kartu keluarga", "original")).toBe(false);
    expect(mentionsCopy("Akta kelahiran asli", "both")).toBe(false);
    expect(mentionsCopy("Akta kelahiran asli dan fotokopi", "both")).toBe(true);
  });
});

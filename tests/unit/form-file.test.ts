import { describe, expect, it } from "vitest";
import { FORM_FILE_MAX_BYTES as SCHEMA_MAX } from "@/db/schema";
import { FORM_FILE_MAX_BYTES, formFilePath, isPdf, pdfFileName } from "@/lib/form-file";
import { parseInput } from "@/lib/validation/parse";
import { CreatePlaceSchema, CreatePlaceStaffSchema, isHttpsMapUrl } from "@/lib/validation/places";

describe("form PDFs", () => {
  it("a PDF is known by its first bytes, not its name", () => {
    expect(isPdf(Buffer.from("%PDF-1.7\n…"))).toBe(true);
    expect(isPdf(Buffer.from("%PDF"))).toBe(false);
    expect(isPdf(Buffer.from("<html>%PDF-1.7"))).toBe(false);
    expect(isPdf(Buffer.from(" %PDF-1.7"))).toBe(false);
    expect(isPdf(new Uint8Array())).toBe(false);
  });

  it("the stored name keeps safe characters only and always ends in .pdf", () => {
    expect(pdfFileName("F-1.01 Biodata Penduduk.pdf", "f")).toBe("F-1.01-Biodata-Penduduk.pdf");
    expect(pdfFileName('x"; filename=evil.exe', "f")).toBe("x-filename-evil.exe.pdf");
    expect(pdfFileName("../../etc/passwd", "f")).toBe("etc-passwd.pdf");
    expect(pdfFileName("Formulir Ñandú.PDF", "f")).toBe("Formulir-Nandu.pdf");
    expect(pdfFileName("؟؟؟", "f-1-01")).toBe("f-1-01.pdf");
    expect(pdfFileName("a".repeat(300), "f")).toHaveLength(104);
  });

  it("the public address is stable and under /api; the limit is the database's", () => {
    expect(formFilePath("kota-bogor", "f-1-01")).toBe("/api/v1/forms/kota-bogor/f-1-01.pdf");
    expect(FORM_FILE_MAX_BYTES).toBe(2 * 1024 * 1024);
    expect(SCHEMA_MAX).toBe(FORM_FILE_MAX_BYTES);
  });
});

describe("place validation mirrors the database", () => {
  it("map links are https with a host and no whitespace (offices_map_url_ck)", () => {
    expect(isHttpsMapUrl("https://www.openstreetmap.org/search?query=Bogor")).toBe(true);
    for (const bad of ["http://maps.example/x", "javascript:alert(1)", "https://has space", "https://", "ftp://x"]) expect(isHttpsMapUrl(bad), bad).toBe(false);
  });

  it("a new place: the copy and public switches are checkboxes; the slug is a lower-case code", () => {
    const place = parseInput(CreatePlaceSchema, { slug: " Kec-Timur ", name: "Kecamatan Timur", shortName: "Timur", position: "3", copyCatalogue: "on" });
    expect(place).toMatchObject({ slug: "kec-timur", nameEn: null, address: null, mapUrl: null, isPublic: false, isTraining: false, copyCatalogue: true, position: 3 });
  });

  it("a place's first account is an admin or a supervisor, never an operator", () => {
    const base = { name: "Admin Timur", email: "a@antrean.test", password: "panjang-sekali-12" };
    expect(parseInput(CreatePlaceStaffSchema, { ...base, role: "supervisor" }).role).toBe("supervisor");
    expect(() => parseInput(CreatePlaceStaffSchema, { ...base, role: "operator" })).toThrow();
  });
});

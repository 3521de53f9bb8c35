import { describe, expect, it } from "vitest";
import { findPlaceholderProblem, PLACEHOLDERS, SAMPLE_PARAMS } from "@/lib/messages/template-rules";
import { templateValues } from "@/lib/messages/templates";
import { isHttpUrl } from "@/lib/validation/admin-fields";
import { settingRange } from "@/lib/validation/office-settings";
import { parseRequirementRows, ServiceSchema } from "@/lib/validation/services";

describe("template placeholders", () => {
  it("allows exactly the values the renderer fills", () => {
    expect([...PLACEHOLDERS].sort()).toEqual(Object.keys(templateValues(SAMPLE_PARAMS, "id", "https://a.example")).sort());
    expect(findPlaceholderProblem(PLACEHOLDERS.map((p) => `{${p}}`).join(" "))).toBeNull();
  });

  it("names an unknown placeholder, and refuses any spelling of a NIK", () => {
    expect(findPlaceholderProblem("Halo {nama}, {link}")).toEqual({ kind: "unknown", placeholder: "{nama}" });
    expect(findPlaceholderProblem("{Reference}")).toEqual({ kind: "unknown", placeholder: "{Reference}" });
    for (const text of ["{nik}", "{NIK}", "{ nik }", "{nik_masked}", "{nomorIndukKependudukan}"]) {
      expect(findPlaceholderProblem(text)?.kind, text).toBe("nik");
    }
    expect(findPlaceholderProblem("no braces at all")).toBeNull();
  });
});

describe("admin inputs", () => {
  it("links must be http(s) with a host", () => {
    for (const ok of ["https://disdukcapil.kotabogor.go.id/f.pdf", "http://127.0.0.1:8080/x"]) expect(isHttpUrl(ok), ok).toBe(true);
    for (const bad of ["javascript:alert(1)", "data:text/html,<b>x</b>", "ftp://a.example/f", "//a.example", "https://", "not a url"]) expect(isHttpUrl(bad), bad).toBe(false);
  });

  it("the settings page shows each whole-number setting's range as the schema checks it, and none for the others", () => {
    expect(settingRange("dailyCap")).toEqual([0, 10_000_000]);
    expect(settingRange("standbyOfferMinutes")).toEqual([5, 1440]);
    for (const other of ["name", "website", "bookingOpensAt", "lateArrivalPolicy", "isLotteryEnabled", "unknown"]) expect(settingRange(other), other).toBeUndefined();
  });

  it("a service's letter is one capital, typed in either case; ages in order", () => {
    const base = { name: "A", category: "B", queueLetter: "k", position: "1" };
    expect(ServiceSchema.parse(base).queueLetter).toBe("K");
    expect(ServiceSchema.safeParse({ ...base, queueLetter: "1" }).success).toBe(false);
    expect(ServiceSchema.safeParse({ ...base, minAge: "18", maxAge: "17" }).success).toBe(false);
    expect(ServiceSchema.parse({ ...base, minAge: "", maxAge: "" })).toMatchObject({ minAge: null, maxAge: null, dailyCap: null });
  });

  it("requirement rows: ordered by position, empty rows dropped, too many refused", () => {
    const { rows } = parseRequirementRows({ "r0.text": "B", "r0.kind": "note", "r0.position": "5", "r1.text": "A", "r1.kind": "document", "r1.position": "1", "r2.text": "", "r2.kind": "document" });
    expect(rows.map((r) => r.text)).toEqual(["A", "B"]);
    const many = Object.fromEntries(Array.from({ length: 41 }, (_, i) => [[`r${i}.text`, `x${i}`], [`r${i}.kind`, "note"]]).flat());
    expect(parseRequirementRows(many).fields._).toEqual(["field.tooLong"]);
  });
});

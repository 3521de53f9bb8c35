import { describe, expect, it } from "vitest";
import { CreateApiKeySchema } from "@/lib/validation/api-keys";
import { ReportQuerySchema } from "@/lib/validation/reports";
import { SurveySubmitSchema } from "@/lib/validation/survey";
import { check } from "../helpers/validation";

const answers = { u1: "4", u2: "3", u3: "3", u4: "4", u5: "3", u6: "3", u7: "4", u8: "2", u9: "3" };

describe("survey form", () => {
  it("takes the nine answers as numbers and empty optional fields as null", () => {
    const result = check(SurveySubmitSchema, { ...answers, reference: "k7qm-4xtp", nik: "", comment: "  ", ageBand: "", sex: "F", education: "", occupation: "" });
    expect(result).toEqual({
      ok: true,
      value: { ...Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, Number(v)])), reference: "K7QM4XTP", comment: null, ageBand: null, sex: "F", education: null, occupation: null },
    });
  });

  it("names every unanswered or out-of-scale question and every unknown profile value", () => {
    const result = check(SurveySubmitSchema, { ...answers, u2: undefined, u5: "5", u9: "0", reference: "K7QM4XTP", ageBand: "99", sex: "X", comment: "x".repeat(1001) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fields).toEqual({
      u2: ["survey.field.score"],
      u5: ["survey.field.score"],
      u9: ["survey.field.score"],
      ageBand: ["field.invalid"],
      sex: ["field.invalid"],
      comment: ["field.tooLong"],
    });
  });
});

describe("report range", () => {
  it("defaults to days and refuses a reversed or over-long range", () => {
    expect(check(ReportQuerySchema, { from: "2026-12-01", to: "2026-12-31" })).toEqual({ ok: true, value: { from: "2026-12-01", to: "2026-12-31", groupBy: "day" } });
    expect(check(ReportQuerySchema, { from: "2026-12-31", to: "2026-12-01" })).toEqual({ ok: false, fields: { to: ["report.field.toBeforeFrom"] } });
    expect(check(ReportQuerySchema, { from: "2026-01-01", to: "2027-01-02" })).toEqual({ ok: false, fields: { to: ["report.field.tooLong"] } });
    expect(check(ReportQuerySchema, { from: "2026-02-30", to: "2026-03-01", groupBy: "year" })).toMatchObject({ ok: false, fields: { from: ["field.date.invalid"], groupBy: ["field.invalid"] } });
  });
});

describe("API key form", () => {
  it("needs a name and at least one known scope", () => {
    expect(check(CreateApiKeySchema, { name: " Dasbor ", scopes: ["reports", "reports"] })).toEqual({ ok: true, value: { name: "Dasbor", scopes: ["reports"] } });
    expect(check(CreateApiKeySchema, { name: "", scopes: "root" })).toEqual({ ok: false, fields: { name: ["field.required"], scopes: ["field.invalid"] } });
    expect(check(CreateApiKeySchema, { name: "x" })).toEqual({ ok: false, fields: { scopes: ["apiKeys.field.scopes"] } });
  });
});

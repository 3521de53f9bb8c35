import { z } from "zod";
import { DOCUMENT_COPIES, REQUIREMENT_KINDS } from "../requirements";
import { isHttpUrl } from "./office-settings";

/**
 * The admin's service, requirement and form inputs. Bounds mirror the CHECK constraints on `services` and
 * `service_requirements` (db/schema/offices.ts); the database still refuses what gets past.
 */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f]/;

const text = (max: number) =>
  z
    .string({ error: "field.required" })
    .max(max, { error: "field.tooLong" })
    .transform((v) => v.trim())
    .refine((v) => v.length > 0, { error: "field.required", abort: true })
    .refine((v) => !CONTROL.test(v), { error: "field.invalid" });

const optionalText = (max: number) =>
  z
    .string()
    .max(max, { error: "field.tooLong" })
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : null))
    .refine((v) => v === null || !CONTROL.test(v), { error: "field.invalid" });

const optionalInt = (min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? null : Number(v.trim())) : (v ?? null)),
    z.number({ error: "field.invalid" }).int({ error: "field.number.integer" }).min(min, { error: "field.number.range" }).max(max, { error: "field.number.range" }).nullable(),
  );

const int = (min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v),
    z.number({ error: "field.required" }).int({ error: "field.number.integer" }).min(min, { error: "field.number.range" }).max(max, { error: "field.number.range" }),
  );

export const ServiceSlugSchema = z
  .string()
  .max(60, { error: "field.tooLong" })
  .transform((v) => v.trim().toLowerCase())
  .refine((v) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(v), { error: "field.service.slug" });

export const ServiceSchema = z
  .object({
    name: text(200),
    nameEn: optionalText(200),
    category: text(100),
    categoryEn: optionalText(100),
    queueLetter: z
      .string()
      .max(2)
      .transform((v) => v.trim().toUpperCase())
      .refine((v) => /^[A-Z]$/.test(v), { error: "field.service.letter" }),
    minAge: optionalInt(0, 120),
    maxAge: optionalInt(0, 120),
    eligibilityNote: optionalText(500),
    eligibilityNoteEn: optionalText(500),
    dailyCap: optionalInt(0, 10_000_000),
    position: int(0, 999),
  })
  .refine((s) => s.minAge === null || s.maxAge === null || s.minAge <= s.maxAge, { path: ["maxAge"], error: "field.service.ageOrder" });
export type ServiceInput = z.output<typeof ServiceSchema>;

export const CreateServiceSchema = z.object({ slug: ServiceSlugSchema }).and(ServiceSchema);
export type CreateServiceInput = z.output<typeof CreateServiceSchema>;

export const SetServiceActiveSchema = z.object({ active: z.enum(["true", "false"]).transform((v) => v === "true") });

export const MAX_REQUIREMENTS = 40;

const RequirementSchema = z
  .object({
    text: text(500),
    textEn: optionalText(500),
    kind: z.enum(REQUIREMENT_KINDS, { error: "field.invalid" }),
    copy: z.preprocess((v) => (v === "" ? null : v), z.enum(DOCUMENT_COPIES, { error: "field.invalid" }).nullable().optional()),
    copies: optionalInt(1, 20),
    position: int(0, 999),
    form: z.preprocess((v) => (v === "" ? null : v), z.uuid({ error: "field.form.unknown" }).nullable().optional()),
  })
  .refine((r) => r.kind === "document" || ((r.copy ?? null) === null && r.copies === null), { path: ["copy"], error: "field.requirement.copyOnlyDocument" });
export type RequirementInput = z.output<typeof RequirementSchema>;

/**
 * The requirement rows of the editor, posted as `r<i>.<field>`; a row without text is left out (that is how a
 * row is removed). Errors name the row's field (`r3.text`). Saved in the order of `position`, then as listed.
 */
export function parseRequirementRows(raw: Record<string, unknown>): { rows: RequirementInput[]; fields: Record<string, string[]> } {
  const indexes = new Set<number>();
  for (const key of Object.keys(raw)) {
    const m = /^r(\d{1,3})\.(\w+)$/.exec(key);
    if (m) indexes.add(Number(m[1]));
  }
  const rows: { row: RequirementInput; i: number }[] = [];
  const fields: Record<string, string[]> = {};
  if (indexes.size > MAX_REQUIREMENTS + 10) return { rows: [], fields: { _: ["field.tooLong"] } };
  for (const i of [...indexes].sort((a, b) => a - b)) {
    const get = (name: string) => {
      const v = raw[`r${i}.${name}`];
      return Array.isArray(v) ? v[0] : v;
    };
    if (typeof get("text") !== "string" || !String(get("text")).trim()) continue;
    const result = RequirementSchema.safeParse({
      text: get("text"),
      textEn: get("textEn") ?? "",
      kind: get("kind"),
      copy: get("copy") ?? "",
      copies: get("copies") ?? "",
      position: get("position") ?? String(i),
      form: get("form") ?? "",
    });
    if (result.success) rows.push({ row: result.data, i });
    else for (const issue of result.error.issues) (fields[`r${i}.${String(issue.path[0] ?? "text")}`] ??= []).push(issue.message.startsWith("field.") ? issue.message : "field.invalid");
  }
  if (rows.length > MAX_REQUIREMENTS) fields._ = ["field.tooLong"];
  rows.sort((a, b) => a.row.position - b.row.position || a.i - b.i);
  return { rows: rows.map((r) => r.row), fields };
}

export const FormLinkSchema = z.object({
  name: text(200),
  nameEn: optionalText(200),
  description: optionalText(500),
  descriptionEn: optionalText(500),
  /** Optional: a form may be an uploaded PDF instead (the data layer wants one or the other). */
  url: z
    .string()
    .max(500, { error: "field.tooLong" })
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : null))
    .refine((v) => v === null || isHttpUrl(v), { error: "field.url.invalid" }),
});
export type FormLinkInput = z.output<typeof FormLinkSchema>;
export const CreateFormLinkSchema = z.object({ slug: ServiceSlugSchema }).and(FormLinkSchema);

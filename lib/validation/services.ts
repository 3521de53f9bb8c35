import { z } from "zod";
import { DOCUMENT_COPIES, REQUIREMENT_KINDS } from "../requirements";
import { optionalInt, optionalText, OptionalUrlSchema, requiredInt, requiredText, slugField } from "./admin-fields";

/**
 * The admin's service, requirement and form inputs. Bounds mirror the CHECK constraints on `services` and
 * `service_requirements` (db/schema/offices.ts); the database still refuses what gets past.
 */
/** Every text field of a service, requirement or form lets a line break through (notes and requirement texts are multi-line). */
const MULTILINE = { multiline: true };

export const ServiceSlugSchema = slugField("field.service.slug");

export const ServiceSchema = z
  .object({
    name: requiredText(200, MULTILINE),
    nameEn: optionalText(200, MULTILINE),
    category: requiredText(100, MULTILINE),
    categoryEn: optionalText(100, MULTILINE),
    queueLetter: z
      .string()
      .max(2)
      .transform((v) => v.trim().toUpperCase())
      .refine((v) => /^[A-Z]$/.test(v), { error: "field.service.letter" }),
    minAge: optionalInt(0, 120),
    maxAge: optionalInt(0, 120),
    eligibilityNote: optionalText(500, MULTILINE),
    eligibilityNoteEn: optionalText(500, MULTILINE),
    dailyCap: optionalInt(0, 10_000_000),
    position: requiredInt(0, 999),
  })
  .refine((s) => s.minAge === null || s.maxAge === null || s.minAge <= s.maxAge, { path: ["maxAge"], error: "field.service.ageOrder" });
export type ServiceInput = z.output<typeof ServiceSchema>;

export const CreateServiceSchema = z.object({ slug: ServiceSlugSchema }).and(ServiceSchema);
export type CreateServiceInput = z.output<typeof CreateServiceSchema>;

export const SetServiceActiveSchema = z.object({ active: z.enum(["true", "false"]).transform((v) => v === "true") });

const MAX_REQUIREMENTS = 40;

const RequirementSchema = z
  .object({
    text: requiredText(500, MULTILINE),
    textEn: optionalText(500, MULTILINE),
    kind: z.enum(REQUIREMENT_KINDS, { error: "field.invalid" }),
    copy: z.preprocess((v) => (v === "" ? null : v), z.enum(DOCUMENT_COPIES, { error: "field.invalid" }).nullable().optional()),
    copies: optionalInt(1, 20),
    position: requiredInt(0, 999),
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
  name: requiredText(200, MULTILINE),
  nameEn: optionalText(200, MULTILINE),
  description: optionalText(500, MULTILINE),
  descriptionEn: optionalText(500, MULTILINE),
  /** Optional: a form may be an uploaded PDF instead (the data layer wants one or the other). */
  url: OptionalUrlSchema,
});
export type FormLinkInput = z.output<typeof FormLinkSchema>;
export const CreateFormLinkSchema = z.object({ slug: ServiceSlugSchema }).and(FormLinkSchema);

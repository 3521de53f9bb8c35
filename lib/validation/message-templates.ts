import { z } from "zod";
import { AppError, isAppError } from "../errors";
import { findPlaceholderProblem, MESSAGE_KINDS } from "../messages/template-rules";
import { parseInput } from "./parse";

const CONTROL = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/;

/** A template text: bounded as the table's CHECK, no control characters, and only placeholders that are filled (never a NIK). */
const templateText = (max: number) =>
  z
    .string({ error: "field.required" })
    .max(max, { error: "field.tooLong" })
    .transform((v) => v.replace(/\r\n/g, "\n").trim())
    .refine((v) => v.length > 0, { error: "field.required", abort: true })
    .refine((v) => !CONTROL.test(v), { error: "field.invalid", abort: true })
    .superRefine((v, ctx) => {
      const problem = findPlaceholderProblem(v);
      if (problem) ctx.addIssue({ code: "custom", message: problem.kind === "nik" ? "field.template.nik" : "field.template.placeholder", params: { placeholder: problem.placeholder } });
    });

export const TemplateKeySchema = z.object({
  kind: z.enum(MESSAGE_KINDS as [string, ...string[]], { error: "field.invalid" }),
  language: z.enum(["id", "en"], { error: "field.invalid" }),
});

const TemplateSchema = TemplateKeySchema.extend({ subject: templateText(200), body: templateText(2000) });
export type TemplateInput = z.output<typeof TemplateSchema>;

/** Parses a template or throws the 422, with the offending placeholder in the message's params. */
export function parseTemplateInput(raw: Record<string, unknown>): TemplateInput {
  try {
    return parseInput(TemplateSchema, raw);
  } catch (error) {
    if (!isAppError(error)) throw error;
    const problem = [raw.subject, raw.body].map((v) => (typeof v === "string" ? findPlaceholderProblem(v) : null)).find(Boolean);
    if (!problem) throw error;
    throw new AppError(error.code, error.messageKey, { fields: error.fields, params: { placeholder: problem.placeholder } });
  }
}

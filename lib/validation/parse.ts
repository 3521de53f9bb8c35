import { z } from "zod";
import { AppError, type FieldErrors } from "../errors";
import { messages, type MessageKey } from "../i18n/messages";

function isMessageKey(value: string): value is MessageKey {
  return value in messages.id;
}

/** Generic issues (wrong type, missing, too long) get a generic key; our own checks carry their keys. */
const genericError: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === "invalid_type") return issue.input === undefined || issue.input === null ? "field.required" : "field.invalid";
  if (issue.code === "too_big") return "field.tooLong";
  if (issue.code === "too_small") return "field.required";
  return "field.invalid";
};

function toFieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : "_";
    const key = isMessageKey(issue.message) ? issue.message : "field.invalid";
    const list = (fields[field] ??= []);
    if (!list.includes(key)) list.push(key);
  }
  return fields;
}

/** Parses or throws a 422 AppError naming every bad field; nothing downstream sees unparsed input. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input, { error: genericError });
  if (!result.success) throw new AppError("validation", "error.validation", { fields: toFieldErrors(result.error) });
  return result.data;
}

/** FormData → plain object; repeated keys become arrays, files are dropped. */
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION")) continue;
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

import type { z } from "zod";
import { isAppError, type FieldErrors } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";

/** The field → message keys a schema reports for an input, or the parsed value when it passes. */
export function check<S extends z.ZodType>(schema: S, input: unknown): { ok: true; value: z.output<S> } | { ok: false; fields: FieldErrors } {
  try {
    return { ok: true, value: parseInput(schema, input) };
  } catch (error) {
    if (isAppError(error) && error.code === "validation" && error.fields) return { ok: false, fields: error.fields };
    throw error;
  }
}

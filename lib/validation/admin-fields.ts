import { z } from "zod";

/**
 * The field builders of the admin's forms (office settings, places, services, requirements, form links):
 * trimmed text with the database's length bound, whole numbers posted as text, a checkbox, a slug and a link.
 * The error keys are the ones the forms show (`field.*`).
 */

/** Control characters; a multi-line field (a requirement's text, a note) may hold line breaks. */
const CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f]/;
type TextOptions = { multiline?: boolean };
const controlRule = ({ multiline = false }: TextOptions) => (multiline ? CONTROL_BUT_NEWLINE : CONTROL);

/** Required text, trimmed: empty is `field.required` (only), too long `field.tooLong`. */
export const requiredText = (max: number, options: TextOptions = {}) =>
  z
    .string({ error: "field.required" })
    .max(max, { error: "field.tooLong" })
    .transform((v) => v.trim())
    .refine((v) => v.length > 0, { error: "field.required", abort: true })
    .refine((v) => !controlRule(options).test(v), { error: "field.invalid" });

/** Optional text, trimmed; absent or blank is null. */
export const optionalText = (max: number, options: TextOptions = {}) =>
  z
    .string()
    .max(max, { error: "field.tooLong" })
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : null))
    .refine((v) => v === null || !controlRule(options).test(v), { error: "field.invalid" });

const integer = (min: number, max: number, missing: "field.required" | "field.invalid") =>
  z.number({ error: missing }).int({ error: "field.number.integer" }).min(min, { error: "field.number.range" }).max(max, { error: "field.number.range" });

/** A whole number posted as text; blank is `field.required`. */
export const requiredInt = (min: number, max: number) =>
  z.preprocess((v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v), integer(min, max, "field.required"));

/** A whole number posted as text; blank (or absent) is null. */
export const optionalInt = (min: number, max: number) =>
  z.preprocess((v) => (typeof v === "string" ? (v.trim() === "" ? null : Number(v.trim())) : (v ?? null)), integer(min, max, "field.invalid").nullable());

/** A checkbox posts "on" when ticked and nothing otherwise ("true" or true from a caller that is not a form). */
export const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

/** A lower-case slug (`a-z`, digits, single dashes), at most 60 characters; `errorKey` names what it is for. */
export const slugField = (errorKey: string) =>
  z
    .string()
    .max(60, { error: "field.tooLong" })
    .transform((v) => v.trim().toLowerCase())
    .refine((v) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(v), { error: errorKey });

/** An http(s) address, or nothing. Never javascript: or data: (it is shown as a link to citizens). */
export const OptionalUrlSchema = z
  .string()
  .max(500, { error: "field.tooLong" })
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : null))
  .refine((v) => v === null || isHttpUrl(v), { error: "field.url.invalid" });

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

import { z } from "zod";
import { CreateStaffSchema } from "./staff";

/**
 * A service point as the main office's admin enters it. Bounds mirror the CHECK constraints on `offices`
 * (db/schema/offices.ts: names, the https-only map link, the list position); the database still refuses
 * what gets past (422), and a taken slug is a 409.
 */
const CONTROL = /[\u0000-\u001f\u007f]/;

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

/** As the database: `^https://` and no whitespace; a parseable address with a host. */
export function isHttpsMapUrl(value: string): boolean {
  if (!/^https:\/\/\S+$/.test(value)) return false;
  try {
    return new URL(value).hostname.length > 0;
  } catch {
    return false;
  }
}

/** A checkbox posts "on" when ticked and nothing otherwise. */
const checkbox = z.preprocess((v) => v === "on" || v === "true", z.boolean());

export const PlaceSlugSchema = z
  .string()
  .max(60, { error: "field.tooLong" })
  .transform((v) => v.trim().toLowerCase())
  .refine((v) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(v), { error: "field.place.slug" });

export const PlaceSchema = z.object({
  name: text(200),
  nameEn: optionalText(200),
  shortName: text(60),
  address: optionalText(300),
  mapUrl: optionalText(500).refine((v) => v === null || isHttpsMapUrl(v), { error: "field.place.mapUrl" }),
  isPublic: checkbox,
  isTraining: checkbox,
  position: z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v),
    z.number({ error: "field.required" }).int({ error: "field.number.integer" }).min(0, { error: "field.number.range" }).max(999, { error: "field.number.range" }),
  ),
});
export type PlaceInput = z.output<typeof PlaceSchema>;

/** A new place; `copyCatalogue` (default on in the form) copies the main office's services and weekly sessions. */
export const CreatePlaceSchema = z.object({ slug: PlaceSlugSchema, copyCatalogue: checkbox }).and(PlaceSchema);
export type CreatePlaceInput = z.output<typeof CreatePlaceSchema>;

export const PLACE_SWITCHES = ["isPublic", "isTraining"] as const;
export const SetPlaceSwitchSchema = z.object({
  field: z.enum(PLACE_SWITCHES, { error: "field.invalid" }),
  value: z.enum(["true", "false"], { error: "field.invalid" }).transform((v) => v === "true"),
});
export type SetPlaceSwitchInput = z.output<typeof SetPlaceSwitchSchema>;

/** A place's first staff account: an admin or a supervisor, with the password rules of every account. */
export const PLACE_STAFF_ROLES = ["admin", "supervisor"] as const;
export const CreatePlaceStaffSchema = CreateStaffSchema.extend({ role: z.enum(PLACE_STAFF_ROLES, { error: "field.role.invalid" }) });
export type CreatePlaceStaffInput = z.output<typeof CreatePlaceStaffSchema>;

import { z } from "zod";
import { checkbox, optionalText, requiredInt, requiredText, slugField } from "./admin-fields";
import { CreateStaffSchema } from "./staff";

/**
 * A service point as the main office's admin enters it. Bounds mirror the CHECK constraints on `offices`
 * (db/schema/offices.ts: names, the https-only map link, the list position); the database still refuses
 * what gets past (422), and a taken slug is a 409.
 */
/** As the database: `^https://` and no whitespace; a parseable address with a host. */
export function isHttpsMapUrl(value: string): boolean {
  if (!/^https:\/\/\S+$/.test(value)) return false;
  try {
    return new URL(value).hostname.length > 0;
  } catch {
    return false;
  }
}

export const PlaceSlugSchema = slugField("field.place.slug");

export const PlaceSchema = z.object({
  name: requiredText(200),
  nameEn: optionalText(200),
  shortName: requiredText(60),
  address: optionalText(300),
  mapUrl: optionalText(500).refine((v) => v === null || isHttpsMapUrl(v), { error: "field.place.mapUrl" }),
  isPublic: checkbox,
  isTraining: checkbox,
  position: requiredInt(0, 999),
});
export type PlaceInput = z.output<typeof PlaceSchema>;

/** A new place; `copyCatalogue` (default on in the form) copies the main office's services and weekly sessions. */
export const CreatePlaceSchema = z.object({ slug: PlaceSlugSchema, copyCatalogue: checkbox }).and(PlaceSchema);
export type CreatePlaceInput = z.output<typeof CreatePlaceSchema>;

const PLACE_SWITCHES = ["isPublic", "isTraining"] as const;
export const SetPlaceSwitchSchema = z.object({
  field: z.enum(PLACE_SWITCHES, { error: "field.invalid" }),
  value: z.enum(["true", "false"], { error: "field.invalid" }).transform((v) => v === "true"),
});
export type SetPlaceSwitchInput = z.output<typeof SetPlaceSwitchSchema>;

/** A place's first staff account: an admin or a supervisor, with the password rules of every account. */
export const PLACE_STAFF_ROLES = ["admin", "supervisor"] as const;
export const CreatePlaceStaffSchema = CreateStaffSchema.extend({ role: z.enum(PLACE_STAFF_ROLES, { error: "field.role.invalid" }) });
export type CreatePlaceStaffInput = z.output<typeof CreatePlaceStaffSchema>;

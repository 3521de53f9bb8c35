import { SlugSchema } from "./validation/fields";

/**
 * The citizen's chosen place travels with the booking path as `?office=<slug>` (the same name as the API's
 * parameter). Absent: the default office, so the single-place path keeps its URLs.
 */
export function withPlace(path: string, office: string | undefined): string {
  if (!office) return path;
  return `${path}${path.includes("?") ? "&" : "?"}office=${encodeURIComponent(office)}`;
}

/** The `office` query value if it is a well-formed slug; `null` for garbage (the page then 404s). */
export function parsePlaceParam(value: string | string[] | undefined): string | undefined | null {
  if (value === undefined || value === "") return undefined;
  if (Array.isArray(value)) return null;
  return SlugSchema.safeParse(value).success ? value : null;
}

/** A place's name in the reader's language (the Indonesian where no English one was given). */
export function placeName(place: { name: string; nameEn: string | null }, locale: string): string {
  return locale === "en" && place.nameEn ? place.nameEn : place.name;
}

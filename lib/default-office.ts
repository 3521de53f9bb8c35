import { readSetting } from "./env";

/** The office a path without `?office=` books at (the single-place install's only office). */
export const DEFAULT_OFFICE_SLUG = readSetting("ANTREAN_DEFAULT_OFFICE");

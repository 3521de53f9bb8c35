/** The office a path without `?office=` books at (the single-place install's only office). */
export const DEFAULT_OFFICE_SLUG = process.env.ANTREAN_DEFAULT_OFFICE || "kota-bogor";

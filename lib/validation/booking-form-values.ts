/** The booking form's fields that are put back after an error, so the person never types them twice. */
const ECHOED = ["nik", "name", "phone", "email"] as const;

/**
 * What was typed, for re-filling the form after a refused submit; the consent tick too (as "on"), since
 * it was given for this very submission and unticking it only makes the person tick it again.
 */
export function bookingFormValues(raw: Record<string, string | string[]>): Record<string, string> {
  const values: Record<string, string> = Object.fromEntries(ECHOED.map((k) => [k, typeof raw[k] === "string" ? raw[k] : ""]));
  if (raw.consent === "on" || raw.consent === "true" || raw.consent === "1") values.consent = "on";
  return values;
}

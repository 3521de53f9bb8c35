import type { StaffRole } from "@/db/schema";
import type { Translator } from "@/lib/i18n/translate";
import { STAFF_ROLES } from "@/lib/validation/staff";

export function roleOptions(t: Translator): { value: StaffRole; label: string }[] {
  return STAFF_ROLES.map((role) => ({ value: role, label: t(`staff.role.${role}`) }));
}

/** A sign-in instant in the office's own clock. */
export function formatInstant(value: Date, t: Translator, timeZone: string): string {
  return new Intl.DateTimeFormat(t.locale === "id" ? "id-ID" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(value);
}

import type { StaffActor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/permissions";
import { clientMessages, type ClientArea, type ClientMessages } from "@/lib/i18n/client-messages";
import type { Locale } from "@/lib/i18n/messages";

/**
 * Each staff tier's messages and the permissions behind the pages that read them: an account gets a tier when
 * it holds any of them. The layout sends these on every load and on every refresh (the counter desk
 * refreshes every 15 s), so an operator is not sent the admin forms' labels.
 */
const STAFF_TIERS: readonly (readonly [ClientArea, readonly Permission[]])[] = [
  ["staffDesk", ["day.view", "booking.check_in", "booking.assist", "queue.operate"]],
  ["staffSupervisor", ["booking.override", "outage.manage", "schedule.close_session", "messages.manage"]],
  ["staffAdmin", ["devices.manage", "api_keys.manage", "settings.manage", "staff.manage", "places.manage"]],
];

/** The messages the staff portal's client components may read for this visitor (signed out: the sign-in form's). */
export function staffClientMessages(locale: Locale, actor: StaffActor | null): ClientMessages {
  const tiers = STAFF_TIERS.filter(([, permissions]) => permissions.some((permission) => can(actor, permission))).map(([area]) => area);
  return clientMessages(locale, "staffLogin", ...tiers);
}

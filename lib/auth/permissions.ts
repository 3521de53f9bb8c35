import type { ApiKeyScope, StaffRole } from "@/db/schema";
import { AppError } from "../errors";
import type { Actor } from "./actor";

/** Every staff and device capability, by name. Checked in the data layer, never only in pages or proxy. */
export const PERMISSIONS = [
  "day.view",
  "booking.check_in",
  "booking.assist",
  "queue.operate",
  "booking.override",
  "reports.view",
  "audit.view",
  "devices.manage",
  "staff.manage",
  "settings.manage",
  "display.view",
  "kiosk.check_in",
  "api_keys.manage",
  "messages.manage",
  "survey.record",
  "schedule.manage",
  "schedule.close_session",
  "outage.manage",
  "places.manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const OPERATOR: Permission[] = ["day.view", "booking.check_in", "booking.assist", "queue.operate"];
// schedule.close_session: close a session of today (the schedule page, limited to that for supervisors).
const SUPERVISOR: Permission[] = [...OPERATOR, "booking.override", "reports.view", "audit.view", "messages.manage", "schedule.close_session", "outage.manage"];
// places.manage: the service points (lib/dal/admin-places.ts), for admins of the main office only (checked there).
const ADMIN: Permission[] = [...SUPERVISOR, "devices.manage", "staff.manage", "settings.manage", "api_keys.manage", "schedule.manage", "places.manage"];

/** Roles → permissions, as data. */
const ROLE_PERMISSIONS: Record<StaffRole, ReadonlySet<Permission>> = {
  operator: new Set(OPERATOR),
  supervisor: new Set(SUPERVISOR),
  admin: new Set(ADMIN),
};

const DEVICE_PERMISSIONS: Record<"display" | "kiosk", ReadonlySet<Permission>> = {
  display: new Set(["display.view"]),
  kiosk: new Set(["kiosk.check_in", "display.view", "survey.record"]),
};

/** What an integration's key may do, by scope; the API's `requireApiKey` checks the scope itself first. */
const API_KEY_PERMISSIONS: Record<ApiKeyScope, ReadonlySet<Permission>> = {
  booking: new Set(["booking.assist"]),
  reports: new Set(["reports.view"]),
  admin: new Set(["day.view", "reports.view", "settings.manage", "schedule.manage", "outage.manage"]),
};

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  if (actor.type === "system") return true;
  if (actor.type === "staff") return ROLE_PERMISSIONS[actor.role].has(permission);
  if (actor.type === "device") return DEVICE_PERMISSIONS[actor.kind].has(permission);
  if (actor.type === "api_key") return actor.scopes.some((scope) => API_KEY_PERMISSIONS[scope].has(permission));
  return false;
}

/**
 * Throws 401 without an actor, 403 when the actor lacks the permission or belongs to another office.
 * Call it first in every data-layer function that reads or changes staff data.
 */
export function assertCan(actor: Actor | null | undefined, permission: Permission, officeId?: string): asserts actor is Actor {
  if (!actor || actor.type === "citizen") throw new AppError("unauthorized", "error.unauthorized");
  if (!can(actor, permission)) throw new AppError("forbidden", "error.forbidden");
  if (officeId && "officeId" in actor && actor.officeId !== officeId) {
    throw new AppError("forbidden", "error.forbidden");
  }
}

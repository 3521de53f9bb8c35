import type { ApiKeyScope, StaffRole } from "@/db/schema";

/** Who is acting. Every data-layer function that changes something takes one explicitly. */
export type Actor =
  | { type: "citizen"; ip?: string | null }
  | { type: "staff"; staffId: string; officeId: string; role: StaffRole; ip?: string | null }
  | { type: "device"; deviceId: string; officeId: string; kind: "display" | "kiosk"; ip?: string | null }
  | { type: "api_key"; apiKeyId: string; officeId: string; scopes: readonly ApiKeyScope[]; ip?: string | null }
  | { type: "system" };

export const SYSTEM: Actor = { type: "system" };

export function citizen(ip?: string | null): Actor {
  return { type: "citizen", ip: ip ?? null };
}

/** A signed-in staff member, as the session helpers return them: loaded fresh from the database. */
export type StaffActor = Extract<Actor, { type: "staff" }> & { name: string; email: string };

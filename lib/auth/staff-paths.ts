import { safeReturnPath } from "../safe-path";

export const STAFF_HOME = "/staff/today";

/** Where to go after signing in: a staff page we were sent from, never the login itself or another site. */
export function staffReturnPath(value: unknown): string {
  const path = safeReturnPath(Array.isArray(value) ? value[0] : value, STAFF_HOME);
  return /^\/staff(\/|$|\?)/.test(path) && !path.startsWith("/staff/login") ? path : STAFF_HOME;
}

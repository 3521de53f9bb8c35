import "server-only";
import { encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import type { StaffLogin } from "../dal/staff-auth";
import { STAFF_SESSION_COOKIE_NAMES } from "../cookies";
import { SESSION_MAX_AGE_SECONDS, authSecret, sessionCookie } from "./session-config";

/**
 * Issues next-auth's own session cookie from a server action, with the payload its jwt callback would
 * have made, so the login form works with or without JavaScript and getServerSession reads it as usual.
 */
export async function startStaffSession(login: StaffLogin): Promise<void> {
  const token = await encodeStaffSessionToken(login);
  const { name, options } = sessionCookie();
  (await cookies()).set(name, token, { ...options, maxAge: SESSION_MAX_AGE_SECONDS });
}

/** Forgets the cookie in this browser; the session itself is ended by recordStaffLogout (a version bump). */
export async function endStaffSession(): Promise<void> {
  const jar = await cookies();
  for (const name of STAFF_SESSION_COOKIE_NAMES) {
    if (jar.has(name)) jar.delete({ name, path: "/", secure: name.startsWith("__Secure-") });
  }
}

/** The encrypted session token (JWE) for a login: who and which session version, nothing more. */
export function encodeStaffSessionToken(login: StaffLogin): Promise<string> {
  return encode({
    token: { sub: login.staffId, name: login.name, email: login.email, staffId: login.staffId, sessionVersion: login.sessionVersion },
    secret: authSecret(),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}

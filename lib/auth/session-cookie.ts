import "server-only";
import { encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import type { Actor } from "./actor";
import { KNOWN_DEVICE_DAYS, rememberKnownDevice } from "./known-device";
import type { CommandOptions } from "../dal/command-options";
import { verifyStaffLogin, type StaffLogin } from "../dal/staff-auth";
import { COOKIE_NAMES, STAFF_SESSION_COOKIE_NAMES, cookieOptions } from "../cookies";
import type { StaffLoginInput } from "../validation/staff";
import { SESSION_MAX_AGE_SECONDS, authSecret, sessionCookie } from "./session-config";

/**
 * The one way into the staff portal (called only by the login form's action): the data layer's login
 * (throttle, lock, argon2, audit), then the session cookie and this browser's known-device entry. Errors
 * are the data layer's AppErrors, which the form shows in the reader's language.
 */
export async function signInStaff(caller: Actor, input: StaffLoginInput, options?: CommandOptions): Promise<StaffLogin> {
  const jar = await cookies();
  const knownDevice = jar.get(COOKIE_NAMES.knownDevice)?.value ?? null;
  const login = await verifyStaffLogin(caller, { ...input, knownDevice }, options);
  await startStaffSession(login, Math.floor(Date.now() / 1000));
  jar.set(COOKIE_NAMES.knownDevice, rememberKnownDevice(knownDevice, login.staffId), cookieOptions(KNOWN_DEVICE_DAYS * 86_400));
  return login;
}

/**
 * Issues next-auth's session cookie (the JWE its jwt callback would have made), so `getServerSession` and
 * next-auth's sign-out read it as their own. The only place a session cookie is made: at sign-in, and
 * again after "sign out on other devices" with the new session version and the same sign-in time (a
 * re-issue must not lengthen the day).
 */
export async function startStaffSession(login: StaffLogin, signedInAt: number): Promise<void> {
  const token = await encodeStaffSessionToken(login, signedInAt);
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

/**
 * The encrypted session token (JWE) for a login: who, which session version and when they signed in
 * (seconds since the epoch, by default now), nothing more.
 */
export function encodeStaffSessionToken(login: StaffLogin, signedInAt: number = Math.floor(Date.now() / 1000)): Promise<string> {
  return encode({
    token: { sub: login.staffId, name: login.name, email: login.email, staffId: login.staffId, sessionVersion: login.sessionVersion, signedInAt },
    secret: authSecret(),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}

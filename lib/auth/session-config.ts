import { cookieOptions, staffSessionCookieName } from "../cookies";
import { deriveKey } from "../crypto";
import { readSetting } from "../env";

/** A working day: a session signed in at the morning briefing ends after closing. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/**
 * Whether a session signed in at `signedInAt` (the token's claim, seconds since the epoch) is still within
 * its working day. The token's own expiry is not enough: next-auth's session endpoint re-issues the token
 * with a fresh one on every read, so a copied cookie could be kept alive for ever. A minute of clock skew
 * between instances is allowed the other way.
 */
export function isStaffSessionCurrent(signedInAt: unknown, now: Date = new Date()): boolean {
  if (typeof signedInAt !== "number" || !Number.isFinite(signedInAt)) return false;
  const age = now.getTime() / 1000 - signedInAt;
  return age > -60 && age < SESSION_MAX_AGE_SECONDS;
}

/** The signing/encryption secret of staff sessions: NEXTAUTH_SECRET, else derived from the app secret. */
export function authSecret(): string {
  return readSetting("NEXTAUTH_SECRET") ?? deriveKey("auth").toString("base64url");
}

export function sessionCookie(): { name: string; options: { httpOnly: true; sameSite: "lax"; path: string; secure: boolean } } {
  return { name: staffSessionCookieName(), options: cookieOptions() };
}

import { cookieOptions, staffSessionCookieName } from "../cookies";
import { deriveKey } from "../crypto";
import { readSetting } from "../env";

/** A working day: a session signed in at the morning briefing ends after closing. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** The signing/encryption secret of staff sessions: NEXTAUTH_SECRET, else derived from the app secret. */
export function authSecret(): string {
  return readSetting("NEXTAUTH_SECRET") ?? deriveKey("auth").toString("base64url");
}

export function sessionCookie(): { name: string; options: { httpOnly: true; sameSite: "lax"; path: string; secure: boolean } } {
  return { name: staffSessionCookieName(), options: cookieOptions() };
}

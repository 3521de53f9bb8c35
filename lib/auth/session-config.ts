import { deriveKey } from "../crypto";

/** A working day: a session signed in at the morning briefing ends after closing. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** The signing/encryption secret of staff sessions: NEXTAUTH_SECRET, else derived from the app secret. */
export function authSecret(): string {
  return process.env.NEXTAUTH_SECRET || deriveKey("auth").toString("base64url");
}

/**
 * Secure cookies in production, unless NEXTAUTH_URL says plain http (a local production build for tests).
 * `__Secure-` cookies are refused by browsers over http on any host but localhost.
 */
export function isSecureCookies(): boolean {
  return process.env.NODE_ENV === "production" && !process.env.NEXTAUTH_URL?.startsWith("http://");
}

export const SESSION_COOKIE_NAMES = ["next-auth.session-token", "__Secure-next-auth.session-token"] as const;

export function sessionCookie(): { name: string; options: { httpOnly: true; sameSite: "lax"; path: string; secure: boolean } } {
  const secure = isSecureCookies();
  return {
    name: secure ? SESSION_COOKIE_NAMES[1] : SESSION_COOKIE_NAMES[0],
    options: { httpOnly: true, sameSite: "lax", path: "/", secure },
  };
}

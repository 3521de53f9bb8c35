import { getPublicSite } from "./env";

/**
 * Every cookie the app sets, and the one rule for `Secure`: the public URL's scheme (lib/env.ts). A site
 * served over plain http keeps its cookies; an https site never sends them in the clear.
 */
export const COOKIE_NAMES = {
  /** next-auth's session cookie: the `__Secure-` name is only accepted over https. */
  staffSession: { plain: "next-auth.session-token", secure: "__Secure-next-auth.session-token" },
  manage: "antrean_manage",
  device: "antrean_device",
  knownDevice: "antrean_known_device",
  /** The no-JavaScript proof-of-work wait, started when the details page is loaded (lib/pow/wait-cookie.ts). */
  powWait: "antrean_pow_wait",
} as const;

/** Both names of the staff session cookie, for reading and clearing (proxy.ts, logout). */
export const STAFF_SESSION_COOKIE_NAMES = [COOKIE_NAMES.staffSession.plain, COOKIE_NAMES.staffSession.secure] as const;

export function isSecureCookies(): boolean {
  return getPublicSite().secureCookies;
}

export type CookieOptions = { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean; maxAge?: number };

/** httpOnly, same-site lax, whole site; Secure by the rule above. */
export function cookieOptions(maxAge?: number): CookieOptions {
  return { httpOnly: true, sameSite: "lax", path: "/", secure: isSecureCookies(), ...(maxAge === undefined ? {} : { maxAge }) };
}

export function staffSessionCookieName(): string {
  return isSecureCookies() ? COOKIE_NAMES.staffSession.secure : COOKIE_NAMES.staffSession.plain;
}

/** The value of one cookie from a raw `Cookie` header (route handlers may be called with a plain Request). */
export function readCookie(header: string | null, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq !== -1 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

import "server-only";
import type { AuthOptions } from "next-auth";
import { recordStaffLogout, resolveStaffActor } from "../dal/staff-auth";
import { isSecureCookies } from "../cookies";
import { SESSION_MAX_AGE_SECONDS, authSecret, isStaffSessionCurrent, sessionCookie } from "./session-config";

/**
 * next-auth (v4) keeps the staff session: a stateless JWT cookie that lasts a working day, read by
 * `getServerSession` (lib/auth/session.ts) and ended by its sign-out endpoint. It has no provider: the
 * only way in is the login form (lib/actions/staff-auth.ts → lib/auth/session-cookie.ts), which issues
 * this same cookie. The token only names the staff member, their session version and when they signed in;
 * role and status are read fresh from the database on every request.
 */
export const authOptions: AuthOptions = {
  providers: [],
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  // next-auth's own sign-in and error pages are the portal's login form.
  pages: { signIn: "/staff/login", error: "/staff/login" },
  // Getters: the secret may come from the data folder, which must not be touched at import (next build).
  get secret() {
    return authSecret();
  },
  get useSecureCookies() {
    return isSecureCookies();
  },
  get cookies() {
    return { sessionToken: sessionCookie() };
  },
  events: {
    // next-auth's own sign-out endpoint ends the session as the portal's logout does, not only its cookie.
    async signOut({ token }) {
      if (typeof token?.staffId !== "string" || typeof token.sessionVersion !== "number" || typeof token.signedInAt !== "number") return;
      const actor = await resolveStaffActor({ staffId: token.staffId, sessionVersion: token.sessionVersion, signedInAt: token.signedInAt });
      if (actor) await recordStaffLogout(actor);
    },
  },
  callbacks: {
    async jwt({ token }) {
      // The session endpoint re-issues the token with a fresh expiry; the day still counts from sign-in.
      // Throwing makes next-auth answer "no session" and clear the cookie.
      if (!isStaffSessionCurrent(token.signedInAt)) throw new Error("staff session older than a working day");
      delete token.picture;
      return token;
    },
    async session({ session, token }) {
      return { ...session, staffId: token.staffId, sessionVersion: token.sessionVersion, signedInAt: token.signedInAt };
    },
  },
};

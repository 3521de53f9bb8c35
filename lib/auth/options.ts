import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { recordStaffLogout, resolveStaffActor, verifyStaffLogin } from "../dal/staff-auth";
import { isAppError } from "../errors";
import { clientIpFromHeaders } from "../client-ip";
import { COOKIE_NAMES, isSecureCookies, readCookie } from "../cookies";
import { SESSION_MAX_AGE_SECONDS, authSecret, sessionCookie } from "./session-config";

/** next-auth's error parameter for a locked login, read back by the login page: `Locked:<minutes>`. */
export const LOCKED_ERROR_PREFIX = "Locked:";

/**
 * next-auth (v4) for the staff portal: credentials, stateless JWT sessions that last a working day.
 * The token only names the staff member and their session version; role and status are read fresh from
 * the database on every request (lib/auth/session.ts). The login page signs in through a server action
 * that issues the same cookie (lib/auth/session-cookie.ts); this provider serves next-auth's own endpoints.
 */
export const authOptions: AuthOptions = {
  providers: [
    CredentialsProvider({
      name: "Staff",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const headers = { get: (name: string) => (typeof req.headers?.[name] === "string" ? (req.headers[name] as string) : null) };
        try {
          const knownDevice = readCookie(headers.get("cookie"), COOKIE_NAMES.knownDevice);
          const login = await verifyStaffLogin({ email: credentials?.email, password: credentials?.password, ip: clientIpFromHeaders(headers), knownDevice });
          return { id: login.staffId, name: login.name, email: login.email, sessionVersion: login.sessionVersion };
        } catch (error) {
          if (isAppError(error) && error.code === "locked") throw new Error(`${LOCKED_ERROR_PREFIX}${error.params?.minutes ?? 1}`);
          if (isAppError(error)) return null;
          throw error;
        }
      },
    }),
  ],
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
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
      if (typeof token?.staffId !== "string" || typeof token.sessionVersion !== "number") return;
      const actor = await resolveStaffActor({ staffId: token.staffId, sessionVersion: token.sessionVersion });
      if (actor) await recordStaffLogout(actor);
    },
  },
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.staffId = user.id;
        token.sessionVersion = user.sessionVersion;
      }
      delete token.picture;
      return token;
    },
    async session({ session, token }) {
      return { ...session, staffId: token.staffId, sessionVersion: token.sessionVersion };
    },
  },
};

import "next-auth";
import "next-auth/jwt";

/** What our session token and session carry besides name and email: never a password hash or a role. */
declare module "next-auth" {
  interface Session {
    staffId?: string;
    sessionVersion?: number;
    signedInAt?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    staffId?: string;
    sessionVersion?: number;
    /** When the password was checked, seconds since the epoch: the session ends a working day later. */
    signedInAt?: number;
  }
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { decode, encode } from "next-auth/jwt";
import { auditLogs } from "@/db/schema";
import { authOptions } from "@/lib/auth/options";
import { SESSION_MAX_AGE_SECONDS, authSecret } from "@/lib/auth/session-config";
import { encodeStaffSessionToken } from "@/lib/auth/session-cookie";
import { endOtherStaffSessions, recordStaffLogout, resolveStaffActor } from "@/lib/dal/staff-auth";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { createTestOffice, NOW, type TestOffice } from "../helpers/fixtures";
import { attemptLogin, createTestStaff, TEST_PASSWORD } from "../helpers/staff";

/** What the session check does with a cookie (getStaffActor): decode it, then reload the account. */
async function actorFromCookie(token: string, now?: Date) {
  const claims = await decode({ token, secret: authSecret() });
  if (typeof claims?.staffId !== "string" || typeof claims.sessionVersion !== "number") return null;
  return resolveStaffActor({ staffId: claims.staffId, sessionVersion: claims.sessionVersion, signedInAt: claims.signedInAt! }, { now });
}

describe.each(DATABASE_KINDS)("ending staff sessions on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;
  const db = () => testDb.handle.db;

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
    t = await createTestOffice(testDb.handle.db);
  });
  afterAll(() => testDb.dispose());

  const signIn = async (email: string) => encodeStaffSessionToken(await attemptLogin({ email, password: TEST_PASSWORD }, { now: NOW }));

  it("logout ends the session: a copy of the cookie taken before is refused afterwards", async () => {
    const staff = await createTestStaff(db(), t.office.id);
    const cookie = await signIn(staff.email);
    const copied = cookie;
    const actor = await actorFromCookie(cookie);
    expect(actor).toMatchObject({ staffId: staff.id });

    await recordStaffLogout(actor!);
    expect(await actorFromCookie(copied)).toBeNull();
    // Signing in again works, with a new cookie.
    expect(await actorFromCookie(await signIn(staff.email))).toMatchObject({ staffId: staff.id });
    const [audit] = await db().select().from(auditLogs).where(and(eq(auditLogs.actorStaffId, staff.id), eq(auditLogs.action, "staff.logout")));
    expect(audit).toBeDefined();
  });

  it("an operator (no admin permission) can sign out their other devices and stay signed in here", async () => {
    const staff = await createTestStaff(db(), t.office.id, { role: "operator" });
    const counter = await signIn(staff.email);
    const phone = await signIn(staff.email);
    const here = await actorFromCookie(counter);

    const renewed = await endOtherStaffSessions(here!);
    expect(await actorFromCookie(counter)).toBeNull();
    expect(await actorFromCookie(phone)).toBeNull();
    expect(await actorFromCookie(await encodeStaffSessionToken(renewed))).toMatchObject({ staffId: staff.id, role: "operator" });
    const audits = await db().select().from(auditLogs).where(and(eq(auditLogs.actorStaffId, staff.id), eq(auditLogs.action, "staff.sessions_revoked")));
    expect(audits).toHaveLength(1);
  });

  it("next-auth's own sign-out endpoint ends the session the same way", async () => {
    const staff = await createTestStaff(db(), t.office.id);
    const cookie = await signIn(staff.email);
    const token = await decode({ token: cookie, secret: authSecret() });
    await authOptions.events!.signOut!({ token: token!, session: null as never });
    expect(await actorFromCookie(cookie)).toBeNull();
  });

  it("a session ends a working day after sign-in, even when its token was re-issued with a fresh expiry", async () => {
    const staff = await createTestStaff(db(), t.office.id);
    const login = await attemptLogin({ email: staff.email, password: TEST_PASSWORD }, { now: NOW });
    const signedInAt = Math.floor(Date.now() / 1000);
    const later = (hours: number) => new Date(signedInAt * 1000 + hours * 3_600_000);
    const cookie = await encodeStaffSessionToken(login);
    expect(await actorFromCookie(cookie, later(11.9))).toMatchObject({ staffId: staff.id });
    expect(await actorFromCookie(cookie, later(12.1))).toBeNull();

    // What next-auth's session endpoint makes of it: the same claims, a new expiry.
    const claims = await decode({ token: cookie, secret: authSecret() });
    const reissued = await encode({ token: claims!, secret: authSecret(), maxAge: SESSION_MAX_AGE_SECONDS });
    expect(await actorFromCookie(reissued, later(12.1))).toBeNull();
    expect(await resolveStaffActor({ staffId: staff.id, sessionVersion: 1, signedInAt: undefined as never })).toBeNull();
  });
});

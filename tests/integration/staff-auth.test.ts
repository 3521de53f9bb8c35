import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { auditLogs, loginThrottles, staffUsers } from "@/db/schema";
import { LOGIN_THROTTLE } from "@/lib/auth/login-throttle";
import { resolveStaffActor } from "@/lib/dal/staff-auth";
import { AppError } from "@/lib/errors";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { createTestOffice, NOW, type TestOffice } from "../helpers/fixtures";
import { attemptLogin, createTestStaff, TEST_PASSWORD } from "../helpers/staff";

const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
let ipCounter = 1;
const freshIp = () => `192.0.2.${ipCounter++}`;

async function attempt(email: string, password: string, now: Date, ip: string | null = null): Promise<AppError | "ok"> {
  try {
    await attemptLogin({ email, password }, { ip, now });
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

describe.each(DATABASE_KINDS)("staff login on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;
  const db = () => testDb.handle.db;
  const auditsFor = async (staffId: string) =>
    db().select().from(auditLogs).where(sql`${auditLogs.actorStaffId} = ${staffId} or ${auditLogs.details}->>'staffId' = ${staffId}`);

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
    t = await createTestOffice(testDb.handle.db);
  });
  afterAll(() => testDb.dispose());

  it("signs in with the right password, case-insensitively, and records it", async () => {
    const staff = await createTestStaff(db(), t.office.id, { role: "supervisor", email: "Siti@Antrean.test" });
    const login = await attemptLogin({ email: "  siti@antrean.TEST ", password: TEST_PASSWORD }, { ip: "192.0.2.200", now: NOW });
    expect(login).toEqual({ staffId: staff.id, officeId: t.office.id, role: "supervisor", name: staff.name, email: staff.email, sessionVersion: 1 });
    expect(login).not.toHaveProperty("passwordHash");
    const [row] = await db().select().from(staffUsers).where(eq(staffUsers.id, staff.id));
    expect(row!.lastLoginAt).toEqual(NOW);
    const audits = await auditsFor(staff.id);
    expect(audits.map((a) => [a.action, a.actorType, a.ip])).toEqual([["staff.login", "staff", "192.0.2.200"]]);
  });

  it("gives a wrong password, an unknown email and a disabled account the same answer, and logs no password", async () => {
    const staff = await createTestStaff(db(), t.office.id);
    const disabled = await createTestStaff(db(), t.office.id, { isActive: false });
    const wrong = await attempt(staff.email, "Wrong-Password-123", NOW);
    const unknown = await attempt("nobody@antrean.test", "Wrong-Password-123", NOW);
    const off = await attempt(disabled.email, TEST_PASSWORD, NOW);
    for (const error of [wrong, unknown, off]) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "unauthorized", messageKey: "staff.login.invalid", params: undefined });
    }
    const audits = await db().select().from(auditLogs).where(eq(auditLogs.action, "staff.login_failed"));
    expect(audits.map((a) => a.details?.reason).sort()).toEqual(expect.arrayContaining(["disabled", "unknown_account", "wrong_password"]));
    expect(JSON.stringify(audits)).not.toContain("Wrong-Password-123");
    expect(JSON.stringify(audits)).not.toContain(TEST_PASSWORD);
  });

  it("refuses bad input as a validation error without counting it", async () => {
    const error = await attempt("", "", NOW);
    expect(error).toMatchObject({ code: "validation" });
    const rows = await db().select().from(loginThrottles).where(eq(loginThrottles.key, "account:"));
    expect(rows).toHaveLength(0);
  });

  it("locks an account after the limit, refuses even the right password while locked, escalates, and resets on success", async () => {
    const staff = await createTestStaff(db(), t.office.id);
    const max = LOGIN_THROTTLE.maxFailures.account;
    for (let i = 1; i < max; i++) expect(await attempt(staff.email, "nope-nope-nope", at(0))).toMatchObject({ messageKey: "staff.login.invalid" });
    expect(await attempt(staff.email, "nope-nope-nope", at(0))).toMatchObject({ code: "locked", messageKey: "error.locked", params: { minutes: 1 } });
    expect(await attempt(staff.email, TEST_PASSWORD, at(0.5))).toMatchObject({ code: "locked", params: { minutes: 1 } });

    // After the 1-minute lock, one more failure locks for 5 minutes, then 15, and 15 stays the ceiling.
    expect(await attempt(staff.email, "nope-nope-nope", at(1.1))).toMatchObject({ code: "locked", params: { minutes: 5 } });
    expect(await attempt(staff.email, TEST_PASSWORD, at(4))).toMatchObject({ code: "locked", params: { minutes: 3 } });
    expect(await attempt(staff.email, "nope-nope-nope", at(6.2))).toMatchObject({ code: "locked", params: { minutes: 15 } });
    expect(await attempt(staff.email, "nope-nope-nope", at(21.3))).toMatchObject({ code: "locked", params: { minutes: 15 } });

    expect(await attempt(staff.email, TEST_PASSWORD, at(36.4))).toBe("ok");
    for (let i = 1; i < max; i++) expect(await attempt(staff.email, "nope-nope-nope", at(37))).toMatchObject({ messageKey: "staff.login.invalid" });

    const actions = (await auditsFor(staff.id)).map((a) => a.action);
    expect(actions.filter((a) => a === "staff.locked")).toHaveLength(4);
    expect(actions.filter((a) => a === "staff.login")).toHaveLength(1);
  });

  it("locks an unknown email exactly like a real one, so a lock reveals nothing", async () => {
    const max = LOGIN_THROTTLE.maxFailures.account;
    const results: (AppError | "ok")[] = [];
    for (let i = 0; i < max; i++) results.push(await attempt("ghost@antrean.test", "nope-nope-nope", NOW));
    expect(results.at(-1)).toMatchObject({ code: "locked", params: { minutes: 1 } });
    expect(results.slice(0, -1).every((r) => r !== "ok" && r.messageKey === "staff.login.invalid")).toBe(true);
  });

  it("starts counting again after a quiet hour", async () => {
    const staff = await createTestStaff(db(), t.office.id);
    const max = LOGIN_THROTTLE.maxFailures.account;
    for (let i = 1; i < max; i++) await attempt(staff.email, "nope-nope-nope", at(0));
    expect(await attempt(staff.email, "nope-nope-nope", at(LOGIN_THROTTLE.resetAfterMinutes + 1))).toMatchObject({ messageKey: "staff.login.invalid" });
    const [row] = await db().select().from(loginThrottles).where(eq(loginThrottles.key, `account:${staff.email}`));
    expect(row!.failures).toBe(1);
  });

  it("locks an address that guesses across many accounts, without touching other addresses", async () => {
    const ip = freshIp();
    const victim = await createTestStaff(db(), t.office.id);
    const max = LOGIN_THROTTLE.maxFailures.ip;
    // Spread over accounts so no single account reaches its own limit.
    for (let i = 1; i < max; i++) expect(await attempt(`spray-${i}@antrean.test`, "nope-nope-nope", NOW, ip)).toMatchObject({ messageKey: "staff.login.invalid" });
    expect(await attempt(`spray-${max}@antrean.test`, "nope-nope-nope", NOW, ip)).toMatchObject({ code: "locked", params: { minutes: 1 } });
    expect(await attempt(victim.email, TEST_PASSWORD, at(0.5), ip)).toMatchObject({ code: "locked" });
    expect(await attempt(victim.email, TEST_PASSWORD, at(0.5), freshIp())).toBe("ok");
    expect(await attempt(victim.email, TEST_PASSWORD, at(1.1), ip)).toBe("ok");
    const locks = await db().select().from(auditLogs).where(sql`${auditLogs.action} = 'staff.locked' and ${auditLogs.ip} = ${ip}`);
    expect(locks.map((l) => l.details?.scope)).toEqual(["ip"]);
  });

  it("counts concurrent failures exactly, up to the lock: the attempts after it are refused uncounted", async () => {
    const staff = await createTestStaff(db(), t.office.id);
    const results = await Promise.all(Array.from({ length: 8 }, () => attempt(staff.email, "nope-nope-nope", NOW)));
    expect(results.every((r) => r !== "ok")).toBe(true);
    const [row] = await db().select().from(loginThrottles).where(eq(loginThrottles.key, `account:${staff.email}`));
    expect(row!.failures).toBe(LOGIN_THROTTLE.maxFailures.account);
    expect(row!.lockedUntil).toEqual(at(1));
  });

  it("a right password gives an address back the attempt counted for it, with its time and any lock it set", async () => {
    const ip = freshIp();
    const staff = await createTestStaff(db(), t.office.id);
    const ipRow = async () => (await db().select().from(loginThrottles).where(eq(loginThrottles.key, `ip:${ip}`)))[0];
    await attempt("ghost-a@antrean.test", "nope-nope-nope", at(0), ip);
    await attempt("ghost-b@antrean.test", "nope-nope-nope", at(1), ip);
    const before = await ipRow();
    expect(before).toMatchObject({ failures: 2, lastFailedAt: at(1), lockedUntil: null });
    expect(await attempt(staff.email, TEST_PASSWORD, at(2), ip)).toBe("ok");
    expect(await ipRow()).toEqual(before);

    // One short of the address's limit: the sign-in's own count reached it and locked, and gives both back.
    await db().update(loginThrottles).set({ failures: LOGIN_THROTTLE.maxFailures.ip - 1 }).where(eq(loginThrottles.key, `ip:${ip}`));
    expect(await attempt(staff.email, TEST_PASSWORD, at(3), ip)).toBe("ok");
    expect(await ipRow()).toMatchObject({ failures: LOGIN_THROTTLE.maxFailures.ip - 1, lastFailedAt: at(1), lockedUntil: null });
    expect(await attempt("ghost-c@antrean.test", "nope-nope-nope", at(4), ip)).toMatchObject({ code: "locked", params: { minutes: 1 } });
  });
});

describe.each(DATABASE_KINDS)("session freshness on %s", (kind) => {
  const signedInAt = Math.floor(Date.now() / 1000);
  let testDb: TestDatabase;
  let t: TestOffice;
  const db = () => testDb.handle.db;

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
    t = await createTestOffice(testDb.handle.db);
  });
  afterAll(() => testDb.dispose());

  it("returns the account as it is now, or null once it is disabled or its session version moved on", async () => {
    const staff = await createTestStaff(db(), t.office.id, { role: "operator" });
    const claims = { staffId: staff.id, sessionVersion: 1, signedInAt };
    expect(await resolveStaffActor(claims, { ip: "192.0.2.9" })).toEqual({
      type: "staff",
      staffId: staff.id,
      officeId: t.office.id,
      role: "operator",
      name: staff.name,
      email: staff.email,
      ip: "192.0.2.9",
    });

    // A role written without a version bump is still read fresh: the token never carries the role.
    await db().update(staffUsers).set({ role: "supervisor" }).where(eq(staffUsers.id, staff.id));
    expect(await resolveStaffActor(claims)).toMatchObject({ role: "supervisor" });

    await db().update(staffUsers).set({ sessionVersion: 2 }).where(eq(staffUsers.id, staff.id));
    expect(await resolveStaffActor(claims)).toBeNull();
    expect(await resolveStaffActor({ staffId: staff.id, sessionVersion: 2, signedInAt })).not.toBeNull();

    await db().update(staffUsers).set({ isActive: false }).where(eq(staffUsers.id, staff.id));
    expect(await resolveStaffActor({ staffId: staff.id, sessionVersion: 2, signedInAt })).toBeNull();
  });

  it("returns null for a missing account or a malformed id", async () => {
    expect(await resolveStaffActor({ staffId: "00000000-0000-4000-8000-000000000000", sessionVersion: 1, signedInAt })).toBeNull();
    expect(await resolveStaffActor({ staffId: "not-a-uuid'; drop table staff_users;--", sessionVersion: 1, signedInAt })).toBeNull();
  });
});

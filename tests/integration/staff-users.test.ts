import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { auditLogs, loginThrottles, staffUsers } from "@/db/schema";
import { SYSTEM, type Actor } from "@/lib/auth/actor";
import { resolveStaffActor } from "@/lib/dal/staff-auth";
import { createStaff, getStaffMember, listStaff, resetStaffPassword, revokeStaffSessions, setStaffActive, updateStaffRole } from "@/lib/dal/staff-users";
import { parseInput } from "@/lib/validation/parse";
import { CreateStaffSchema, ResetStaffPasswordSchema, SetStaffActiveSchema, UpdateStaffRoleSchema } from "@/lib/validation/staff";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { createTestOffice, NOW, type TestOffice } from "../helpers/fixtures";
import { actorOf, attemptLogin, createTestStaff, TEST_PASSWORD } from "../helpers/staff";

const NEW_PASSWORD = "Another-Long-Password-42";

describe.each(DATABASE_KINDS)("staff administration on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;
  let other: TestOffice;
  const db = () => testDb.handle.db;
  /** Everything an admin action can change, to prove a refused call changed nothing. */
  const snapshot = async () => ({
    staff: await db().select().from(staffUsers).orderBy(asc(staffUsers.id)),
    audits: (await db().select().from(auditLogs)).length,
    throttles: await db().select().from(loginThrottles).orderBy(asc(loginThrottles.key)),
  });
  const newStaff = (over: Record<string, string> = {}) =>
    parseInput(CreateStaffSchema, { name: "Budi Santoso", email: `budi-${Math.random().toString(36).slice(2, 8)}@antrean.test`, role: "operator", password: NEW_PASSWORD, ...over });

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
    t = await createTestOffice(testDb.handle.db);
    other = await createTestOffice(testDb.handle.db);
  });
  afterAll(() => testDb.dispose());

  it("lets an admin create an account that can then sign in, with an audit row and no password in it", async () => {
    const admin = actorOf(await createTestStaff(db(), t.office.id, { role: "admin" }));
    const input = newStaff({ email: "  Rina@Antrean.TEST " });
    const created = await createStaff(admin, { ...input, officeId: t.office.id }, { now: NOW });
    expect(created).toMatchObject({ email: "rina@antrean.test", role: "operator", isActive: true, lastLoginAt: null });
    expect(created).not.toHaveProperty("passwordHash");
    expect((await listStaff(admin, { officeId: t.office.id })).map((s) => s.id)).toContain(created.id);
    expect(await getStaffMember(admin, { staffId: created.id })).toEqual(created);
    await expect(attemptLogin({ email: "rina@antrean.test", password: NEW_PASSWORD }, { now: NOW })).resolves.toMatchObject({ staffId: created.id });

    const [audit] = await db().select().from(auditLogs).where(eq(auditLogs.action, "staff.create"));
    expect(audit).toMatchObject({ actorType: "staff", actorStaffId: admin.staffId, officeId: t.office.id, ip: "10.0.0.1" });
    expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD);

    const before = await snapshot();
    await expect(createStaff(admin, { ...newStaff({ email: "RINA@antrean.test" }), officeId: t.office.id }, { now: NOW })).rejects.toMatchObject({
      code: "validation",
      fields: { email: ["field.email.taken"] },
    });
    expect(await snapshot()).toEqual(before);
  });

  it("creates in the actor's own office by default; the command line's system actor names the office and is marked", async () => {
    const admin = actorOf(await createTestStaff(db(), t.office.id, { role: "admin" }));
    const own = await createStaff(admin, newStaff({ email: "own-office@antrean.test" }), { now: NOW });
    expect((await listStaff(admin, { officeId: t.office.id })).map((s) => s.id)).toContain(own.id);

    const cli = await createStaff(SYSTEM, { ...newStaff({ email: "cli-admin@antrean.test", role: "admin" }), officeId: other.office.id }, { now: NOW, via: "cli" });
    const [audit] = await db().select().from(auditLogs).where(and(eq(auditLogs.action, "staff.create"), eq(auditLogs.officeId, other.office.id)));
    expect(audit).toMatchObject({ actorType: "system", details: { staffId: cli.id, role: "admin", via: "cli" } });
    await expect(createStaff(SYSTEM, { ...newStaff({ email: "CLI-admin@antrean.test" }), officeId: other.office.id }, { now: NOW, via: "cli" })).rejects.toMatchObject({
      fields: { email: ["field.email.taken"] },
    });
  });

  it("changes a role, disables and re-enables, resets a password: each ends the account's sessions", async () => {
    const admin = actorOf(await createTestStaff(db(), t.office.id, { role: "admin" }));
    const target = await createTestStaff(db(), t.office.id, { role: "operator" });
    const claims = { staffId: target.id, sessionVersion: 1, signedInAt: Math.floor(Date.now() / 1000) };
    expect(await resolveStaffActor(claims)).not.toBeNull();

    await updateStaffRole(admin, parseInput(UpdateStaffRoleSchema, { staffId: target.id, role: "supervisor" }), { now: NOW });
    expect(await resolveStaffActor(claims)).toBeNull();
    expect(await resolveStaffActor({ ...claims, sessionVersion: 2 })).toMatchObject({ role: "supervisor" });

    await setStaffActive(admin, parseInput(SetStaffActiveSchema, { staffId: target.id, active: "false" }), { now: NOW });
    expect(await resolveStaffActor({ ...claims, sessionVersion: 3 })).toBeNull();
    await expect(attemptLogin({ email: target.email, password: TEST_PASSWORD }, { now: NOW })).rejects.toMatchObject({ messageKey: "staff.login.invalid" });
    await setStaffActive(admin, parseInput(SetStaffActiveSchema, { staffId: target.id, active: "true" }), { now: NOW });

    // Locked out by typos, then given a new password: the lock goes with the old password.
    for (let i = 0; i < 5; i++) await attemptLogin({ email: target.email, password: "typo-typo-typo" }, { now: NOW }).catch(() => undefined);
    await resetStaffPassword(admin, parseInput(ResetStaffPasswordSchema, { staffId: target.id, password: NEW_PASSWORD }), { now: NOW });
    await expect(attemptLogin({ email: target.email, password: TEST_PASSWORD }, { now: NOW })).rejects.toMatchObject({ code: "unauthorized" });
    const login = await attemptLogin({ email: target.email, password: NEW_PASSWORD }, { now: NOW });
    expect(login.sessionVersion).toBe(5);

    await revokeStaffSessions(admin, { staffId: target.id }, { now: NOW });
    expect(await resolveStaffActor({ ...claims, sessionVersion: 5 })).toBeNull();

    const actions = (await db().select().from(auditLogs).where(eq(auditLogs.actorStaffId, admin.staffId))).map((a) => a.action);
    expect(actions).toEqual(["staff.role_change", "staff.disable", "staff.enable", "staff.password_reset", "staff.sessions_revoked"]);
  });

  it("does nothing (no bump, no audit) when the role or status is already what was asked", async () => {
    const admin = actorOf(await createTestStaff(db(), t.office.id, { role: "admin" }));
    const target = await createTestStaff(db(), t.office.id, { role: "operator" });
    const before = await snapshot();
    await updateStaffRole(admin, { staffId: target.id, role: "operator" }, { now: NOW });
    await setStaffActive(admin, { staffId: target.id, active: true }, { now: NOW });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an admin demoting or disabling themselves, and changes nothing", async () => {
    const adminRow = await createTestStaff(db(), t.office.id, { role: "admin" });
    const admin = actorOf(adminRow);
    const before = await snapshot();
    for (const call of [
      () => updateStaffRole(admin, { staffId: adminRow.id, role: "operator" }, { now: NOW }),
      () => setStaffActive(admin, { staffId: adminRow.id, active: false }, { now: NOW }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: "forbidden", messageKey: "staff.error.selfChange" });
    }
    expect(await snapshot()).toEqual(before);
    // Ending one's own sessions elsewhere is allowed.
    await revokeStaffSessions(admin, { staffId: adminRow.id }, { now: NOW });
  });

  it.each(["operator", "supervisor"] as const)("gives a %s 403 for every call, and nothing changes", async (role) => {
    const caller = actorOf(await createTestStaff(db(), t.office.id, { role }));
    const target = await createTestStaff(db(), t.office.id, { role: "operator" });
    const before = await snapshot();
    const calls = [
      () => listStaff(caller, { officeId: t.office.id }),
      () => getStaffMember(caller, { staffId: target.id }),
      () => createStaff(caller, { ...newStaff(), officeId: t.office.id }, { now: NOW }),
      () => updateStaffRole(caller, { staffId: target.id, role: "admin" }, { now: NOW }),
      () => updateStaffRole(caller, { staffId: caller.staffId, role: "admin" }, { now: NOW }),
      () => setStaffActive(caller, { staffId: target.id, active: false }, { now: NOW }),
      () => resetStaffPassword(caller, { staffId: target.id, password: NEW_PASSWORD }, { now: NOW }),
      () => revokeStaffSessions(caller, { staffId: target.id }, { now: NOW }),
    ];
    for (const call of calls) await expect(call()).rejects.toMatchObject({ code: "forbidden", status: 403 });
    expect(await snapshot()).toEqual(before);
  });

  it("gives anonymous callers 401 and another office's admin 403, and nothing changes", async () => {
    const target = await createTestStaff(db(), t.office.id, { role: "operator" });
    const outsider = actorOf(await createTestStaff(db(), other.office.id, { role: "admin" }));
    const before = await snapshot();
    const anonymous: Actor = { type: "citizen", ip: "192.0.2.1" };
    await expect(listStaff(anonymous, { officeId: t.office.id })).rejects.toMatchObject({ status: 401 });
    await expect(setStaffActive(anonymous, { staffId: target.id, active: false }, { now: NOW })).rejects.toMatchObject({ status: 401 });
    for (const call of [
      () => listStaff(outsider, { officeId: t.office.id }),
      () => getStaffMember(outsider, { staffId: target.id }),
      () => createStaff(outsider, { ...newStaff(), officeId: t.office.id }, { now: NOW }),
      () => updateStaffRole(outsider, { staffId: target.id, role: "admin" }, { now: NOW }),
      () => setStaffActive(outsider, { staffId: target.id, active: false }, { now: NOW }),
      () => resetStaffPassword(outsider, { staffId: target.id, password: NEW_PASSWORD }, { now: NOW }),
      () => revokeStaffSessions(outsider, { staffId: target.id }, { now: NOW }),
    ]) {
      await expect(call()).rejects.toMatchObject({ status: 403 });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("validates new accounts: role, email and password length", () => {
    let error: unknown;
    try {
      newStaff({ role: "root", email: "not-an-email", password: "short" });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({
      code: "validation",
      fields: { role: ["field.role.invalid"], email: ["field.email.invalid"], password: ["field.password.tooShort"] },
    });
  });
});

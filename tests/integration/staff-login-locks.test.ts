import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLogs, loginThrottles } from "@/db/schema";
import { rememberKnownDevice } from "@/lib/auth/known-device";
import { LOGIN_THROTTLE } from "@/lib/auth/login-throttle";
import { findStaffLoginLock, unlockStaffLogin } from "@/lib/dal/staff-locks";
import { AppError } from "@/lib/errors";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { createTestOffice, NOW, type TestOffice } from "../helpers/fixtures";
import { actorOf, attemptLogin, createTestStaff, TEST_PASSWORD } from "../helpers/staff";

/** Counts argon2 verifications: a refused (locked) attempt must not cost one. */
const argon = vi.hoisted(() => ({ verifications: 0 }));
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const real = await importOriginal<typeof import("@node-rs/argon2")>();
  return { ...real, verify: (...args: Parameters<typeof real.verify>) => (argon.verifications++, real.verify(...args)) };
});

const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
let ipCounter = 1;
const freshIp = () => `198.51.100.${ipCounter++}`;
const WRONG = "wrong-password-123";

type Attempt = { ip?: string | null; knownDevice?: string | null; now?: Date };
async function attempt(email: string, password: string, { ip = null, knownDevice = null, now = NOW }: Attempt = {}): Promise<AppError | "ok"> {
  try {
    await attemptLogin({ email, password }, { ip, knownDevice, now });
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

describe.each(DATABASE_KINDS)("staff login locks on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;
  const db = () => testDb.handle.db;

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
    t = await createTestOffice(testDb.handle.db);
  });
  afterAll(() => testDb.dispose());
  beforeEach(() => {
    argon.verifications = 0;
  });

  it("behind a proxy: wrong passwords lock the guessing address for that account, not the owner elsewhere", async () => {
    const victim = await createTestStaff(db(), t.office.id);
    const attacker = freshIp();
    for (let i = 1; i < LOGIN_THROTTLE.maxFailures.pair; i++) expect(await attempt(victim.email, WRONG, { ip: attacker })).toMatchObject({ code: "unauthorized" });
    expect(await attempt(victim.email, WRONG, { ip: attacker })).toMatchObject({ code: "locked" });
    expect(await attempt(victim.email, TEST_PASSWORD, { ip: attacker, now: at(0.5) })).toMatchObject({ code: "locked" });
    expect(await attempt(victim.email, TEST_PASSWORD, { ip: freshIp(), now: at(0.5) })).toBe("ok");
  });

  it("behind a proxy: guessing one account from many addresses still locks it, except on the owner's known device", async () => {
    const victim = await createTestStaff(db(), t.office.id);
    const device = rememberKnownDevice(null, victim.id, NOW);
    const max = LOGIN_THROTTLE.maxFailures.spread;
    for (let i = 1; i < max; i++) expect(await attempt(victim.email, WRONG, { ip: freshIp() })).toMatchObject({ code: "unauthorized" });
    expect(await attempt(victim.email, WRONG, { ip: freshIp() })).toMatchObject({ code: "locked" });
    expect(await attempt(victim.email, TEST_PASSWORD, { ip: freshIp(), now: at(0.5) })).toMatchObject({ code: "locked" });
    expect(await attempt(victim.email, TEST_PASSWORD, { ip: freshIp(), knownDevice: device, now: at(0.5) })).toBe("ok");
  });

  it("without an address: the account locks for everyone but a device it signed in from before, or an admin unlocks it", async () => {
    const victim = await createTestStaff(db(), t.office.id);
    const other = await createTestStaff(db(), t.office.id);
    const device = rememberKnownDevice(null, victim.id, NOW);
    for (let i = 1; i < LOGIN_THROTTLE.maxFailures.account; i++) await attempt(victim.email, WRONG);
    expect(await attempt(victim.email, WRONG)).toMatchObject({ code: "locked" });
    argon.verifications = 0;
    expect(await attempt(victim.email, TEST_PASSWORD, { now: at(0.2) })).toMatchObject({ code: "locked" });
    expect(argon.verifications).toBe(0);

    // Another account's device, a forged or a tampered cookie do not open it.
    expect(await attempt(victim.email, TEST_PASSWORD, { knownDevice: rememberKnownDevice(null, other.id, NOW), now: at(0.2) })).toMatchObject({ code: "locked" });
    expect(await attempt(victim.email, TEST_PASSWORD, { knownDevice: `${victim.id}.abc.9999999999.forged`, now: at(0.2) })).toMatchObject({ code: "locked" });
    expect(await attempt(victim.email, TEST_PASSWORD, { knownDevice: device.replace(/.$/, (c) => (c === "A" ? "B" : "A")), now: at(0.2) })).toMatchObject({ code: "locked" });
    expect(await attempt(victim.email, TEST_PASSWORD, { knownDevice: device, now: at(0.3) })).toBe("ok");
    // The attacker is still locked out after the owner's sign-in.
    expect(await attempt(victim.email, TEST_PASSWORD, { now: at(0.4) })).toMatchObject({ code: "locked" });

    // The known device has its own small allowance against guessing on it.
    for (let i = 1; i < LOGIN_THROTTLE.maxFailures.device; i++) await attempt(victim.email, WRONG, { knownDevice: device, now: at(0.5) });
    expect(await attempt(victim.email, WRONG, { knownDevice: device, now: at(0.5) })).toMatchObject({ code: "locked" });

    const admin = actorOf(await createTestStaff(db(), t.office.id, { role: "admin" }));
    expect(await findStaffLoginLock(admin, { staffId: victim.id }, { now: at(0.6) })).not.toBeNull();
    await expect(unlockStaffLogin(actorOf(other), { staffId: victim.id })).rejects.toMatchObject({ code: "forbidden" });
    await unlockStaffLogin(admin, { staffId: victim.id });
    expect(await findStaffLoginLock(admin, { staffId: victim.id }, { now: at(0.6) })).toBeNull();
    expect(await attempt(victim.email, TEST_PASSWORD, { now: at(0.7) })).toBe("ok");
    const audits = await db().select().from(auditLogs).where(and(eq(auditLogs.action, "staff.unlocked"), eq(auditLogs.actorStaffId, admin.staffId)));
    expect(audits.map((a) => a.details?.staffId)).toEqual([victim.id]);
  });

  it("many wrong passwords at once cost no more verifications than the limit, and the lock then holds", async () => {
    for (const [scope, ip] of [["pair", freshIp()], ["account", null]] as const) {
      const victim = await createTestStaff(db(), t.office.id);
      const max = LOGIN_THROTTLE.maxFailures[scope];
      argon.verifications = 0;
      const results = await Promise.all(Array.from({ length: 50 }, () => attempt(victim.email, WRONG, { ip })));
      expect(argon.verifications).toBe(max);
      expect(results.filter((r) => r !== "ok" && r.code === "unauthorized")).toHaveLength(max - 1);
      expect(results.filter((r) => r !== "ok" && r.code === "locked")).toHaveLength(50 - (max - 1));
      const key = ip ? `pair:${victim.email}|${ip}` : `account:${victim.email}`;
      const [row] = await db().select().from(loginThrottles).where(eq(loginThrottles.key, key));
      expect(row).toMatchObject({ failures: max, lockedUntil: at(1) });

      // The right password is refused, unverified, until the lock ends.
      expect(await attempt(victim.email, TEST_PASSWORD, { ip, now: at(0.9) })).toMatchObject({ code: "locked" });
      expect(argon.verifications).toBe(max);
      expect(await attempt(victim.email, TEST_PASSWORD, { ip, now: at(1.1) })).toBe("ok");
    }
  });

  it("throttles unknown emails per address and per email, and a refused attempt costs no hash", async () => {
    const ip = freshIp();
    for (let i = 1; i < LOGIN_THROTTLE.maxFailures.ip; i++) expect(await attempt(`ghost-${i}@antrean.test`, WRONG, { ip })).toMatchObject({ code: "unauthorized" });
    expect(await attempt("ghost-last@antrean.test", WRONG, { ip })).toMatchObject({ code: "locked" });
    expect(argon.verifications).toBe(LOGIN_THROTTLE.maxFailures.ip);
    for (let i = 0; i < 10; i++) expect(await attempt(`ghost-more-${i}@antrean.test`, WRONG, { ip, now: at(0.5) })).toMatchObject({ code: "locked" });
    expect(argon.verifications).toBe(LOGIN_THROTTLE.maxFailures.ip);

    // One unknown email from many addresses: counted per email too.
    argon.verifications = 0;
    for (let i = 1; i < LOGIN_THROTTLE.maxFailures.spread; i++) await attempt("nobody@antrean.test", WRONG, { ip: freshIp() });
    expect(await attempt("nobody@antrean.test", WRONG, { ip: freshIp() })).toMatchObject({ code: "locked" });
    expect(await attempt("nobody@antrean.test", WRONG, { ip: freshIp(), now: at(0.5) })).toMatchObject({ code: "locked" });
    expect(argon.verifications).toBe(LOGIN_THROTTLE.maxFailures.spread);
  });

  it("without an address: a spray of unknown emails locks the shared bucket, but not a known device", async () => {
    const staff = await createTestStaff(db(), t.office.id);
    const device = rememberKnownDevice(null, staff.id, NOW);
    const later = at(90); // after the earlier tests' counts went quiet
    for (let i = 1; i < LOGIN_THROTTLE.maxFailures.shared; i++) await attempt(`spray-${i}@antrean.test`, WRONG, { now: later });
    expect(await attempt("spray-last@antrean.test", WRONG, { now: later })).toMatchObject({ code: "locked" });
    argon.verifications = 0;
    expect(await attempt(staff.email, TEST_PASSWORD, { now: later })).toMatchObject({ code: "locked" });
    expect(argon.verifications).toBe(0);
    expect(await attempt(staff.email, TEST_PASSWORD, { knownDevice: device, now: later })).toBe("ok");
  });
});

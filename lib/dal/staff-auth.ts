import "server-only";
import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { eq, sql } from "drizzle-orm";
import { staffUsers, type StaffRole } from "@/db/schema";
import { SYSTEM, type Actor, type StaffActor } from "../auth/actor";
import { isStaffSessionCurrent } from "../auth/session-config";
import { findKnownDevice } from "../auth/known-device";
import { loginThrottleKeys, minutesLeft, type ThrottleScope } from "../auth/login-throttle";
import { getDb } from "../db";
import { AppError } from "../errors";
import type { StaffLoginInput } from "../validation/staff";
import { writeAudit } from "./audit";
import { withDefaults, type CommandOptions } from "./command-options";
import { releaseLoginAttempt, reserveLoginAttempt } from "./login-throttles";

export type StaffLogin = { staffId: string; officeId: string; role: StaffRole; name: string; email: string; sessionVersion: number };
/** The parsed form (`StaffLoginSchema`) and the browser's known-device cookie (lib/auth/known-device.ts), if any. */
export type LoginAttempt = StaffLoginInput & { knownDevice?: string | null };
/** What a session token carries about its staff member: nothing else is trusted from it. `signedInAt`: seconds since the epoch. */
export type StaffSessionClaims = { staffId: string; sessionVersion: number; signedInAt: number };

/** One message for a wrong email, a wrong password and a disabled account: none of them says which. */
const invalidLogin = () => new AppError("unauthorized", "staff.login.invalid");
const locked = (minutes: number) => new AppError("locked", "error.locked", { params: { minutes } });

let dummyHash: Promise<string> | undefined;
/** Unknown emails are verified against this, so they cost the same time as a wrong password. */
function getDummyHash(): Promise<string> {
  dummyHash ??= hash(randomBytes(16).toString("base64url"));
  return dummyHash;
}

/**
 * The one staff login: `caller` is whoever posted the form (a citizen-type actor carrying the trusted
 * address, or none: lib/client-ip.ts). Refuses at once (no hash) while any of the attempt's counters is
 * locked (see lib/auth/login-throttle.ts); otherwise counts the attempt as a failure first, so concurrent
 * attempts cannot outrun the limits (lib/dal/login-throttles.ts), verifies the password with argon2 (a
 * dummy hash for unknown emails, so they take as long), and on success gives the count back. Every
 * outcome writes an audit row; the password is never stored or logged. The session cookie is lib/auth/sign-in.ts's job.
 */
export async function verifyStaffLogin(caller: Actor, input: LoginAttempt, options: CommandOptions = {}): Promise<StaffLogin> {
  const { now } = withDefaults(options);
  const ip = "ip" in caller ? (caller.ip ?? null) : null;

  const db = await getDb();
  const [staff] = await db.select().from(staffUsers).where(eq(sql`lower(${staffUsers.email})`, input.email));
  const officeId = staff?.officeId ?? null;
  const who = staff ? { staffId: staff.id } : {};
  const knownDevice = staff ? findKnownDevice(input.knownDevice, staff.id, now) : null;
  const keys: [ThrottleScope, string][] = loginThrottleKeys(input.email, ip, knownDevice ?? undefined);

  const reserved = await reserveLoginAttempt(db, keys, now);
  if ("lockedUntil" in reserved) {
    await db.transaction((tx) => writeAudit(tx, { officeId, actor: SYSTEM, action: "staff.login_failed", details: { ...who, reason: "locked" }, ip }));
    throw locked(minutesLeft(reserved.lockedUntil, now));
  }

  const isPasswordRight = await verify(staff?.passwordHash ?? (await getDummyHash()), input.password).catch(() => false);
  if (!staff || !isPasswordRight || !staff.isActive) {
    const reason = !staff ? "unknown_account" : !isPasswordRight ? "wrong_password" : "disabled";
    const lockMinutes = await db.transaction(async (tx) => {
      let longest = 0;
      await writeAudit(tx, { officeId, actor: SYSTEM, action: "staff.login_failed", details: { ...who, reason }, ip });
      for (const { scope, failures, lockMinutes: minutes } of reserved.reservations) {
        if (minutes === null) continue;
        longest = Math.max(longest, minutes);
        await writeAudit(tx, { officeId, actor: SYSTEM, action: "staff.locked", details: { ...who, scope, failures, minutes }, ip });
      }
      return longest;
    });
    throw lockMinutes > 0 ? locked(lockMinutes) : invalidLogin();
  }

  await db.transaction(async (tx) => {
    await releaseLoginAttempt(tx, reserved.reservations);
    await tx.update(staffUsers).set({ lastLoginAt: now }).where(eq(staffUsers.id, staff.id));
    await writeAudit(tx, {
      officeId: staff.officeId,
      actor: { type: "staff", staffId: staff.id, officeId: staff.officeId, role: staff.role, ip },
      action: "staff.login",
    });
  });
  return { staffId: staff.id, officeId: staff.officeId, role: staff.role, name: staff.name, email: staff.email, sessionVersion: staff.sessionVersion };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The staff member behind a session, read fresh from the database on every request: null when the account
 * is gone or disabled, or its session version moved on (role change, disable, password reset, log out
 * everywhere), so those take effect at the next request rather than when the token expires; null too a
 * working day after sign-in, however often the token was re-issued.
 */
export async function resolveStaffActor(claims: StaffSessionClaims, options: { ip?: string | null; now?: Date } = {}): Promise<StaffActor | null> {
  if (!UUID.test(claims.staffId) || !isStaffSessionCurrent(claims.signedInAt, options.now)) return null;
  const db = await getDb();
  const [staff] = await db
    .select({
      id: staffUsers.id,
      officeId: staffUsers.officeId,
      role: staffUsers.role,
      name: staffUsers.name,
      email: staffUsers.email,
      isActive: staffUsers.isActive,
      sessionVersion: staffUsers.sessionVersion,
    })
    .from(staffUsers)
    .where(eq(staffUsers.id, claims.staffId));
  if (!staff || !staff.isActive || staff.sessionVersion !== claims.sessionVersion) return null;
  return { type: "staff", staffId: staff.id, officeId: staff.officeId, role: staff.role, name: staff.name, email: staff.email, ip: options.ip ?? null };
}

/**
 * Signing out ends the session for real: the cookie is stateless, so a copy of it would otherwise work
 * until it expires. Bumping the session version ends every session of the account, this one included.
 */
export async function recordStaffLogout(actor: StaffActor, options: CommandOptions = {}): Promise<void> {
  await bumpOwnSessionVersion(actor, "staff.logout", withDefaults(options).now);
}

/**
 * "Sign out on other devices", for oneself, no permission needed: every session of the account ends, and
 * the caller gets the new version back to re-issue its own cookie with.
 */
export async function endOtherStaffSessions(actor: StaffActor, options: CommandOptions = {}): Promise<StaffLogin> {
  const staff = await bumpOwnSessionVersion(actor, "staff.sessions_revoked", withDefaults(options).now);
  return { staffId: staff.id, officeId: staff.officeId, role: staff.role, name: staff.name, email: staff.email, sessionVersion: staff.sessionVersion };
}

async function bumpOwnSessionVersion(actor: StaffActor, action: string, now: Date) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [staff] = await tx
      .update(staffUsers)
      .set({ sessionVersion: sql`${staffUsers.sessionVersion} + 1`, updatedAt: now })
      .where(eq(staffUsers.id, actor.staffId))
      .returning();
    if (!staff) throw new AppError("unauthorized", "error.unauthorized");
    await writeAudit(tx, { officeId: actor.officeId, actor, action, details: { staffId: actor.staffId, self: true } });
    return staff;
  });
}

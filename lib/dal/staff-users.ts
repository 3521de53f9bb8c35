import "server-only";
import { hash } from "@node-rs/argon2";
import { asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { staffUsers, type StaffRole, type StaffUser } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { getDb } from "../db";
import { AppError, notFound, pgErrorCode } from "../errors";
import type { CreateStaffInput, ResetStaffPasswordInput, SetStaffActiveInput, UpdateStaffRoleInput } from "../validation/staff";
import { writeAudit } from "./audit";
import { commandOffice, withDefaults, type CommandOptions, type OfficeRef } from "./command-options";
import { clearAccountLocks } from "./login-throttles";

export type StaffUserDTO = {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  isActive: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
};

const DTO_COLUMNS = {
  id: staffUsers.id,
  name: staffUsers.name,
  email: staffUsers.email,
  role: staffUsers.role,
  isActive: staffUsers.isActive,
  lastLoginAt: staffUsers.lastLoginAt,
  createdAt: staffUsers.createdAt,
};

const selfChange = () => new AppError("forbidden", "staff.error.selfChange");
/** Every session issued before this change stops at its next request. */
const bumpSessions = { sessionVersion: sql`${staffUsers.sessionVersion} + 1` };

export async function listStaff(actor: Actor, input: OfficeRef = {}): Promise<StaffUserDTO[]> {
  const officeId = commandOffice(actor, input);
  assertCan(actor, "staff.manage", officeId);
  const db = await getDb();
  return db.select(DTO_COLUMNS).from(staffUsers).where(eq(staffUsers.officeId, officeId)).orderBy(asc(sql`lower(${staffUsers.name})`));
}

export async function getStaffMember(actor: Actor, input: { staffId: string }): Promise<StaffUserDTO> {
  assertCan(actor, "staff.manage");
  const db = await getDb();
  const [row] = await db.select({ ...DTO_COLUMNS, officeId: staffUsers.officeId }).from(staffUsers).where(eq(staffUsers.id, input.staffId));
  if (!row) throw notFound("error.pageNotFound");
  assertCan(actor, "staff.manage", row.officeId);
  const { officeId: _officeId, ...dto } = row;
  return dto;
}

/**
 * A new account, in the actor's own office unless `officeId` names another (which the actor must be allowed
 * to manage; the command line's system actor always names one). A taken e-mail address is a field error.
 */
export async function createStaff(
  actor: Actor,
  input: CreateStaffInput & OfficeRef,
  options: CommandOptions & { via?: "cli" } = {},
): Promise<StaffUserDTO> {
  const officeId = commandOffice(actor, input);
  assertCan(actor, "staff.manage", officeId);
  const { now } = withDefaults(options);
  const passwordHash = await hash(input.password);
  const db = await getDb();
  return db.transaction((tx) => unsafeInsertStaff(tx, actor, officeId, input, passwordHash, { now, via: options.via }));
}

/**
 * Inserts the account and its `staff.create` audit row in the caller's transaction, WITHOUT checking that
 * the actor may manage the office's staff: the caller has (`createStaff`; the main office's admin creating a
 * service point's first account, `createPlaceStaff`). The password comes hashed (argon2, `hash`). A taken
 * e-mail address is a field error.
 */
export async function unsafeInsertStaff(
  tx: Executor,
  actor: Actor,
  officeId: string,
  input: Pick<CreateStaffInput, "name" | "email" | "role">,
  passwordHash: string,
  options: { now: Date; via?: string },
): Promise<StaffUserDTO> {
  const { now } = options;
  try {
    // A savepoint: a duplicate e-mail must leave the caller's transaction usable for its own error.
    return await tx.transaction(async (sp) => {
      const [row] = await sp
        .insert(staffUsers)
        .values({ officeId, name: input.name, email: input.email, role: input.role, passwordHash, createdAt: now, updatedAt: now })
        .returning(DTO_COLUMNS);
      const details = { staffId: row!.id, email: row!.email, role: row!.role, ...(options.via ? { via: options.via } : {}) };
      await writeAudit(sp, { officeId, actor, action: "staff.create", details });
      return row!;
    });
  } catch (error) {
    if (pgErrorCode(error).code === "23505") {
      throw new AppError("validation", "error.validation", { fields: { email: ["field.email.taken"] } });
    }
    throw error;
  }
}

/** The argon2id hash of a new password (the one place passwords are hashed for accounts). */
export function hashStaffPassword(password: string): Promise<string> {
  return hash(password);
}

/** Locks the target row for the change, after checking the actor may manage staff of its office. */
async function lockTarget(tx: Executor, actor: Actor, staffId: string): Promise<StaffUser> {
  const [target] = await tx.select().from(staffUsers).where(eq(staffUsers.id, staffId)).for("update");
  if (!target) throw notFound("error.pageNotFound");
  assertCan(actor, "staff.manage", target.officeId);
  return target;
}

const isSelf = (actor: Actor, target: StaffUser) => actor.type === "staff" && actor.staffId === target.id;

/** A role change ends the account's sessions. Admins cannot change their own role, so an office keeps one. */
export async function updateStaffRole(actor: Actor, input: UpdateStaffRoleInput, options: CommandOptions = {}): Promise<void> {
  const { now } = withDefaults(options);
  assertCan(actor, "staff.manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const target = await lockTarget(tx, actor, input.staffId);
    if (target.role === input.role) return;
    if (isSelf(actor, target)) throw selfChange();
    await tx.update(staffUsers).set({ role: input.role, updatedAt: now, ...bumpSessions }).where(eq(staffUsers.id, target.id));
    await writeAudit(tx, { officeId: target.officeId, actor, action: "staff.role_change", details: { staffId: target.id, from: target.role, to: input.role } });
  });
}

/** Disabling ends the account's sessions at their next request; an admin cannot disable themselves. */
export async function setStaffActive(actor: Actor, input: SetStaffActiveInput, options: CommandOptions = {}): Promise<void> {
  const { now } = withDefaults(options);
  assertCan(actor, "staff.manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const target = await lockTarget(tx, actor, input.staffId);
    if (target.isActive === input.active) return;
    if (isSelf(actor, target)) throw selfChange();
    await tx.update(staffUsers).set({ isActive: input.active, updatedAt: now, ...bumpSessions }).where(eq(staffUsers.id, target.id));
    await writeAudit(tx, { officeId: target.officeId, actor, action: input.active ? "staff.enable" : "staff.disable", details: { staffId: target.id } });
  });
}

/** A new password ends every session of the account and lifts a login lock on it. */
export async function resetStaffPassword(actor: Actor, input: ResetStaffPasswordInput, options: CommandOptions = {}): Promise<void> {
  const { now } = withDefaults(options);
  assertCan(actor, "staff.manage");
  const passwordHash = await hash(input.password);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const target = await lockTarget(tx, actor, input.staffId);
    await tx.update(staffUsers).set({ passwordHash, updatedAt: now, ...bumpSessions }).where(eq(staffUsers.id, target.id));
    await clearAccountLocks(tx, target.email);
    await writeAudit(tx, { officeId: target.officeId, actor, action: "staff.password_reset", details: { staffId: target.id } });
  });
}

/** "Log out everywhere": anyone for themselves, an admin for any account of their office. */
export async function revokeStaffSessions(actor: Actor, input: { staffId: string }, options: CommandOptions = {}): Promise<void> {
  const { now } = withDefaults(options);
  const { staffId } = input;
  const isOwn = actor.type === "staff" && actor.staffId === staffId;
  if (!isOwn) assertCan(actor, "staff.manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [target] = await tx.select().from(staffUsers).where(eq(staffUsers.id, staffId)).for("update");
    if (!target) throw notFound("error.pageNotFound");
    if (!isOwn) assertCan(actor, "staff.manage", target.officeId);
    await tx.update(staffUsers).set({ updatedAt: now, ...bumpSessions }).where(eq(staffUsers.id, target.id));
    await writeAudit(tx, { officeId: target.officeId, actor, action: "staff.sessions_revoked", details: { staffId: target.id } });
  });
}

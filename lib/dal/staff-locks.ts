import "server-only";
import { eq } from "drizzle-orm";
import { staffUsers } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { getDb } from "../db";
import { notFound } from "../errors";
import { writeAudit } from "./audit";
import { withDefaults, type CommandOptions } from "./command-options";
import { clearAccountLocks, findAccountLock } from "./login-throttles";


async function findTarget(actor: Actor, staffId: string) {
  assertCan(actor, "staff.manage");
  const db = await getDb();
  const [target] = await db.select({ id: staffUsers.id, email: staffUsers.email, officeId: staffUsers.officeId }).from(staffUsers).where(eq(staffUsers.id, staffId));
  if (!target) throw notFound("error.pageNotFound");
  assertCan(actor, "staff.manage", target.officeId);
  return { db, target };
}

/** Until when failed logins lock this account (for everyone, or from some address), or null. */
export async function findStaffLoginLock(actor: Actor, input: { staffId: string }, options: CommandOptions = {}): Promise<Date | null> {
  const { db, target } = await findTarget(actor, input.staffId);
  return findAccountLock(db, target.email, withDefaults(options).now);
}

/** An admin lifts the account's login locks (after checking with its owner); audited. */
export async function unlockStaffLogin(actor: Actor, input: { staffId: string }, _options: CommandOptions = {}): Promise<void> {
  const { db, target } = await findTarget(actor, input.staffId);
  await db.transaction(async (tx) => {
    const cleared = await clearAccountLocks(tx, target.email);
    await writeAudit(tx, { officeId: target.officeId, actor, action: "staff.unlocked", details: { staffId: target.id, counters: cleared } });
  });
}

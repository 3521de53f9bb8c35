import "server-only";
import type { Executor } from "@/db/client";
import { auditLogs } from "@/db/schema";
import type { Actor } from "../auth/actor";

export type AuditEntry = {
  officeId: string | null;
  actor: Actor;
  action: string;
  bookingId?: string | null;
  details?: Record<string, unknown>;
  /** Where the request came from, when the actor itself carries no address (e.g. a failed login). */
  ip?: string | null;
  /** The command's clock (`now`), so the row agrees with the change it records; the database's time when absent. */
  at?: Date;
};

/** Writes the audit row inside the caller's transaction, so the change and its record commit together. */
export async function writeAudit(tx: Executor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLogs).values(auditRow(entry));
}

/** Rows per INSERT: eight columns each stay well under PostgreSQL's 65,535 bind parameters. */
const AUDIT_BATCH = 1000;

/** Many audit rows (a bulk change: one per booking), in as few statements as the parameter limit allows. */
export async function writeAudits(tx: Executor, entries: readonly AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += AUDIT_BATCH) {
    await tx.insert(auditLogs).values(entries.slice(i, i + AUDIT_BATCH).map(auditRow));
  }
}

function auditRow(entry: AuditEntry): typeof auditLogs.$inferInsert {
  const { actor } = entry;
  return {
    officeId: entry.officeId,
    actorType: actor.type,
    actorStaffId: actor.type === "staff" ? actor.staffId : null,
    actorDeviceId: actor.type === "device" ? actor.deviceId : null,
    action: entry.action,
    bookingId: entry.bookingId ?? null,
    details: entry.details ?? null,
    ip: entry.ip ?? ("ip" in actor ? (actor.ip ?? null) : null),
    ...(entry.at ? { createdAt: entry.at } : {}),
  };
}

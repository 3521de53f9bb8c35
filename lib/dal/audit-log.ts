import "server-only";
import { and, asc, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { auditLogs, bookings, devices, staffUsers, type AuditLog } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { addDays, zonedInstant } from "../dates";
import { getDb } from "../db";
import type { AuditQuery } from "../validation/audit";
import { commandOffice, type OfficeRef } from "./command-options";
import { requireOfficeById } from "./offices";

export const AUDIT_PAGE_SIZE = 50;

export type AuditEntry = {
  id: string;
  createdAt: Date;
  actorType: AuditLog["actorType"];
  actorName: string | null;
  action: string;
  reference: string | null;
  /** The row's details as JSON, with anything that looks like a NIK masked. */
  details: string | null;
};
export type AuditPage = { entries: AuditEntry[]; page: number; hasNext: boolean };
export type AuditFilterOptions = { staff: { id: string; name: string }[]; actions: string[] };

/** Keys that never leave the data layer, whatever a future writer puts in `details`. */
const SECRET_KEYS = /nik|password|token|secret|hash/i;

/** The details as shown: secret-looking keys dropped, 16-digit runs masked like a NIK is everywhere else. */
function redactDetails(details: Record<string, unknown> | null): string | null {
  if (!details) return null;
  const json = JSON.stringify(details, (key, value) => (key && SECRET_KEYS.test(key) ? undefined : value));
  return json.replace(/\d{16,}/g, (digits) => `${digits.slice(0, 4)}${"*".repeat(digits.length - 8)}${digits.slice(-4)}`);
}

/**
 * The office's audit log, newest first, filtered by who (a staff member), what (an action), when (office-local
 * dates, inclusive) and which booking (its reference); a page of AUDIT_PAGE_SIZE at a time.
 */
export async function listAuditLog(actor: Actor, query: AuditQuery & OfficeRef): Promise<AuditPage> {
  const officeId = commandOffice(actor, query);
  assertCan(actor, "audit.view", officeId);
  const office = await requireOfficeById(officeId);
  const db = await getDb();
  const where: (SQL | undefined)[] = [eq(auditLogs.officeId, officeId)];
  if (query.who) where.push(eq(auditLogs.actorStaffId, query.who));
  if (query.action) where.push(eq(auditLogs.action, query.action));
  if (query.from) where.push(gte(auditLogs.createdAt, zonedInstant(query.from, "00:00", office.timezone)));
  if (query.to) where.push(lt(auditLogs.createdAt, zonedInstant(addDays(query.to, 1), "00:00", office.timezone)));
  if (query.reference) where.push(eq(bookings.reference, query.reference));
  const rows = await db
    .select({
      id: auditLogs.id,
      createdAt: auditLogs.createdAt,
      actorType: auditLogs.actorType,
      staffName: staffUsers.name,
      deviceName: devices.name,
      action: auditLogs.action,
      reference: bookings.reference,
      details: auditLogs.details,
    })
    .from(auditLogs)
    .leftJoin(staffUsers, eq(staffUsers.id, auditLogs.actorStaffId))
    .leftJoin(devices, eq(devices.id, auditLogs.actorDeviceId))
    .leftJoin(bookings, eq(bookings.id, auditLogs.bookingId))
    .where(and(...where))
    .orderBy(desc(auditLogs.createdAt), desc(auditLogs.id))
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((query.page - 1) * AUDIT_PAGE_SIZE);
  return {
    page: query.page,
    hasNext: rows.length > AUDIT_PAGE_SIZE,
    entries: rows.slice(0, AUDIT_PAGE_SIZE).map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      actorType: r.actorType,
      actorName: r.staffName ?? r.deviceName ?? null,
      action: r.action,
      reference: r.reference,
      details: redactDetails(r.details ?? null),
    })),
  };
}

/** What the filters offer: the office's staff by name and the actions its log holds. */
export async function getAuditFilterOptions(actor: Actor, input: OfficeRef = {}): Promise<AuditFilterOptions> {
  const officeId = commandOffice(actor, input);
  assertCan(actor, "audit.view", officeId);
  const db = await getDb();
  const [staff, actions] = await Promise.all([
    db.select({ id: staffUsers.id, name: staffUsers.name }).from(staffUsers).where(eq(staffUsers.officeId, officeId)).orderBy(asc(sql`lower(${staffUsers.name})`)),
    db.selectDistinct({ action: auditLogs.action }).from(auditLogs).where(eq(auditLogs.officeId, officeId)).orderBy(asc(auditLogs.action)),
  ]);
  return { staff, actions: actions.map((a) => a.action) };
}

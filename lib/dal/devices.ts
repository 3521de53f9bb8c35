import "server-only";
import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { devices } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { createToken, hashToken } from "../crypto";
import { getDb } from "../db";
import { AppError } from "../errors";
import type { CreateDeviceInput, DeviceKind } from "../validation/devices";
import { writeAudit } from "./audit";
import { withDefaults, type CommandOptions } from "./command-options";

/** The PostgreSQL channel on which a revocation reaches every instance's open display streams at once. */
export const DEVICE_CHANNEL = "antrean_device";

/** What the admin page shows of a device: never its token or token hash. */
export type DeviceDTO = {
  id: string;
  kind: DeviceKind;
  name: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
  createdAt: string;
};

export type DeviceActor = Extract<Actor, { type: "device" }>;

const LAST_SEEN_RESOLUTION_MS = 60_000;

function officeOf(actor: Actor): string {
  if (actor.type === "staff" || actor.type === "device") return actor.officeId;
  throw new AppError("forbidden", "error.forbidden");
}

function toDTO(row: typeof devices.$inferSelect): DeviceDTO {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    lastSeenAt: row.lastSeenAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * An activation link's token is marked as one, so it can only be exchanged (activateDevice), never used as
 * the screen's credential itself: a link that was sent but never opened is not a working device cookie.
 * It carries the time it was made (`act_<ms in base 36>_<random>`; only its hash is stored, so the time
 * cannot be changed) and works for ACTIVATION_TTL_MS: a link left in a chat or a mailbox does not make a
 * screen weeks later.
 */
const ACTIVATION = "act_";
/** Three days: a link made on a Friday afternoon still sets up the screen on Monday morning. */
export const ACTIVATION_TTL_MS = 72 * 3_600_000;
const activationToken = (now: Date) => `${ACTIVATION}${now.getTime().toString(36)}_${createToken()}`;

/** When an activation token was made, or null if it carries no time (a link from before they expired). */
function activationIssuedAt(token: string): number | null {
  const stamp = /^act_([0-9a-z]{1,12})_/.exec(token)?.[1];
  return stamp ? parseInt(stamp, 36) : null;
}

/** Registers a screen for the actor's office. The plain token is returned this once; only its hash is kept. */
export async function createDevice(actor: Actor, input: CreateDeviceInput, options: CommandOptions = {}): Promise<{ device: DeviceDTO; token: string }> {
  assertCan(actor, "devices.manage");
  const officeId = officeOf(actor);
  const token = activationToken(withDefaults(options).now);
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(devices)
      .values({ officeId, kind: input.kind, name: input.name, tokenHash: hashToken(token), createdByStaffId: actor.type === "staff" ? actor.staffId : null })
      .returning();
    await writeAudit(tx, { officeId, actor, action: "device.create", details: { deviceId: inserted!.id, kind: input.kind, name: input.name } });
    return inserted!;
  });
  return { device: toDTO(row), token };
}

export async function listDevices(actor: Actor): Promise<DeviceDTO[]> {
  assertCan(actor, "devices.manage");
  const db = await getDb();
  const rows = await db.select().from(devices).where(eq(devices.officeId, officeOf(actor))).orderBy(desc(devices.createdAt));
  return rows.map(toDTO);
}

/** Revokes a device; its open display streams close within seconds on every instance. Idempotent. */
export async function revokeDevice(actor: Actor, input: { deviceId: string }, options: CommandOptions = {}): Promise<DeviceDTO> {
  const { now } = withDefaults(options);
  const { deviceId } = input;
  assertCan(actor, "devices.manage");
  const officeId = officeOf(actor);
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    const [found] = await tx.select().from(devices).where(and(eq(devices.id, deviceId), eq(devices.officeId, officeId))).for("update");
    if (!found) throw new AppError("not_found", "error.pageNotFound");
    if (found.revokedAt) return found;
    const [updated] = await tx.update(devices).set({ revokedAt: now }).where(eq(devices.id, deviceId)).returning();
    await writeAudit(tx, { officeId, actor, action: "device.revoke", details: { deviceId, name: found.name } });
    await tx.execute(sql`select pg_notify(${DEVICE_CHANNEL}, ${JSON.stringify({ deviceId })})`);
    return updated!;
  });
  return toDTO(row);
}

/** A new activation link for a device whose screen lost its cookie; the old token stops working. */
export async function reissueDeviceToken(actor: Actor, input: { deviceId: string }, options: CommandOptions = {}): Promise<{ device: DeviceDTO; token: string }> {
  const { deviceId } = input;
  assertCan(actor, "devices.manage");
  const officeId = officeOf(actor);
  const token = activationToken(withDefaults(options).now);
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(devices)
      .set({ tokenHash: hashToken(token) })
      .where(and(eq(devices.id, deviceId), eq(devices.officeId, officeId), isNull(devices.revokedAt)))
      .returning();
    if (!updated) throw new AppError("not_found", "error.pageNotFound");
    await writeAudit(tx, { officeId, actor, action: "device.reissue", details: { deviceId, name: updated.name } });
    return updated;
  });
  return { device: toDTO(row), token };
}

/**
 * Exchanges the token of an activation link for a fresh one that only the screen's cookie holds, so the
 * link — which may linger in a browser history, a chat or a proxy log — works exactly once, and only within
 * ACTIVATION_TTL_MS of being made (an expired link is refused like a used one: the admin makes a new one).
 */
export async function activateDevice({ token }: { token: string }, options: CommandOptions = {}): Promise<{ kind: DeviceKind; token: string } | null> {
  if (!token.startsWith(ACTIVATION)) return null;
  const { now } = withDefaults(options);
  const issuedAt = activationIssuedAt(token);
  if (issuedAt === null || now.getTime() - issuedAt > ACTIVATION_TTL_MS) return null;
  const fresh = createToken();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(devices)
      .set({ tokenHash: hashToken(fresh), lastSeenAt: now })
      .where(and(eq(devices.tokenHash, hashToken(token)), isNull(devices.revokedAt)))
      .returning();
    if (!updated) return null;
    const actor: DeviceActor = { type: "device", deviceId: updated.id, officeId: updated.officeId, kind: updated.kind };
    await writeAudit(tx, { officeId: updated.officeId, actor, action: "device.activate", details: { deviceId: updated.id } });
    return { kind: updated.kind, token: fresh };
  });
}

/**
 * The device a token belongs to, or null when unknown or revoked. `lastSeenAt` is written at most once a
 * minute (a conditional update, so a TV polling every second costs one write a minute, not sixty).
 */
export async function resolveDeviceActor({ token }: { token: string | null | undefined }, options: CommandOptions = {}): Promise<DeviceActor | null> {
  if (!token || token.length > 200 || token.startsWith(ACTIVATION)) return null;
  const { now } = withDefaults(options);
  const db = await getDb();
  const [row] = await db
    .select({ id: devices.id, officeId: devices.officeId, kind: devices.kind })
    .from(devices)
    .where(and(eq(devices.tokenHash, hashToken(token)), isNull(devices.revokedAt)));
  if (!row) return null;
  await db
    .update(devices)
    .set({ lastSeenAt: now })
    .where(and(eq(devices.id, row.id), or(isNull(devices.lastSeenAt), lt(devices.lastSeenAt, new Date(now.getTime() - LAST_SEEN_RESOLUTION_MS)))));
  return { type: "device", deviceId: row.id, officeId: row.officeId, kind: row.kind };
}

/** Whether a device may still act: checked by long-lived streams between requests. */
export async function isDeviceActive(deviceId: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db.select({ id: devices.id }).from(devices).where(and(eq(devices.id, deviceId), isNull(devices.revokedAt)));
  return Boolean(row);
}

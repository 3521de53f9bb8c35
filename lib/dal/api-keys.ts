import "server-only";
import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import { apiKeys, type ApiKey, type ApiKeyScope } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { createToken, hashToken } from "../crypto";
import { getDb } from "../db";
import { AppError } from "../errors";
import type { CreateApiKeyInput } from "../validation/api-keys";
import { writeAudit } from "./audit";
import { withDefaults, type CommandOptions } from "./command-options";

/** Recognisable in logs and secret scanners; the rest is 32 random bytes. */
const API_KEY_PREFIX = "antr_";
const SHOWN_PREFIX_LENGTH = API_KEY_PREFIX.length + 6;
const LAST_USED_RESOLUTION_MS = 60_000;

export type ApiKeyDTO = { id: string; name: string; prefix: string; scopes: ApiKeyScope[]; lastUsedAt: string | null; revokedAt: string | null; createdAt: string };
export type ApiKeyActor = Extract<Actor, { type: "api_key" }>;

function toDTO(row: ApiKey): ApiKeyDTO {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

function officeOf(actor: Actor): string {
  if (actor.type === "staff") return actor.officeId;
  throw new AppError("forbidden", "error.forbidden");
}

/**
 * A new key for the actor's own office unless `officeId` names another (which the actor must be allowed to
 * manage; the command line's system actor always names one), with its audit row. The plain key is returned
 * this once; only its hash is kept.
 */
export async function createApiKey(
  actor: Actor,
  input: CreateApiKeyInput & { officeId?: string },
  options: CommandOptions & { via?: "cli" } = {},
): Promise<{ apiKey: ApiKeyDTO; key: string }> {
  const officeId = input.officeId ?? officeOf(actor);
  assertCan(actor, "api_keys.manage", officeId);
  const key = `${API_KEY_PREFIX}${createToken()}`;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        officeId,
        name: input.name,
        prefix: key.slice(0, SHOWN_PREFIX_LENGTH),
        keyHash: hashToken(key),
        scopes: input.scopes,
        createdByStaffId: actor.type === "staff" ? actor.staffId : null,
      })
      .returning();
    const details = { apiKeyId: row!.id, name: input.name, scopes: input.scopes, ...(options.via ? { via: options.via } : {}) };
    await writeAudit(tx, { officeId, actor, action: "api_key.create", details });
    return { apiKey: toDTO(row!), key };
  });
}

export async function listApiKeys(actor: Actor): Promise<ApiKeyDTO[]> {
  assertCan(actor, "api_keys.manage");
  const db = await getDb();
  const rows = await db.select().from(apiKeys).where(eq(apiKeys.officeId, officeOf(actor))).orderBy(desc(apiKeys.createdAt));
  return rows.map(toDTO);
}

/** Revokes a key of the admin's office; it stops at its next request. Idempotent. */
export async function revokeApiKey(actor: Actor, input: { apiKeyId: string }, options: CommandOptions = {}): Promise<ApiKeyDTO> {
  const { now } = withDefaults(options);
  const { apiKeyId } = input;
  assertCan(actor, "api_keys.manage");
  const officeId = officeOf(actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [found] = await tx.select().from(apiKeys).where(and(eq(apiKeys.id, apiKeyId), eq(apiKeys.officeId, officeId))).for("update");
    if (!found) throw new AppError("not_found", "error.notFound");
    if (found.revokedAt) return toDTO(found);
    const [updated] = await tx.update(apiKeys).set({ revokedAt: now }).where(eq(apiKeys.id, apiKeyId)).returning();
    await writeAudit(tx, { officeId, actor, action: "api_key.revoke", details: { apiKeyId, name: found.name } });
    return toDTO(updated!);
  });
}

/**
 * The key's actor, or null when unknown or revoked. Every use is audited (what was called, from where);
 * `lastUsedAt` moves at most once a minute.
 */
export async function resolveApiKey(
  { key, action, ip }: { key: string; action: string; ip: string | null },
  options: CommandOptions = {},
): Promise<ApiKeyActor | null> {
  if (!key.startsWith(API_KEY_PREFIX) || key.length > 200) return null;
  const { now } = withDefaults(options);
  const db = await getDb();
  const [row] = await db.select().from(apiKeys).where(and(eq(apiKeys.keyHash, hashToken(key)), isNull(apiKeys.revokedAt)));
  if (!row) return null;
  const actor: ApiKeyActor = { type: "api_key", apiKeyId: row.id, officeId: row.officeId, scopes: row.scopes, ip };
  await db.transaction(async (tx) => {
    await tx
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(and(eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(now.getTime() - LAST_USED_RESOLUTION_MS)))));
    await writeAudit(tx, { officeId: row.officeId, actor, action: "api_key.use", details: { apiKeyId: row.id, call: action } });
  });
  return actor;
}

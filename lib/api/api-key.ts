import "server-only";
import type { ApiKeyScope } from "@/db/schema";
import { UNTRUSTED_CLIENT } from "../client-ip";
import { resolveApiKey, type ApiKeyActor } from "../dal/api-keys";
import { AppError } from "../errors";
import { limitApiKey } from "./limits";

/**
 * The integration behind `Authorization: Bearer <key>`: 401 when the header is missing or the key unknown
 * or revoked, 403 when the key lacks the scope, 429 past the key's own limit (API_KEY_LIMIT). Each accepted
 * use is audited with `where` (method and path).
 */
export async function requireApiKey(request: Request, scope: ApiKeyScope, ctx: { ip: string; where: string }): Promise<ApiKeyActor> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new AppError("unauthorized", "apiKeys.error.missing");
  const actor = await resolveApiKey({ key: match[1]!, action: ctx.where, ip: ctx.ip === UNTRUSTED_CLIENT ? null : ctx.ip });
  if (!actor) throw new AppError("unauthorized", "apiKeys.error.invalid");
  if (!actor.scopes.includes(scope)) throw new AppError("forbidden", "apiKeys.error.scope", { params: { scope } });
  await limitApiKey(actor.apiKeyId);
  return actor;
}

/** Whether the request claims credentials at all: then they must be a valid key (no silent fall-back to anonymous). */
export function hasAuthorization(request: Request): boolean {
  return request.headers.has("authorization");
}

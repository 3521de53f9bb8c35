import { isIP } from "node:net";
import { isProxyTrusted } from "./trusted-proxy";

/**
 * The caller's address, or null when it cannot be trusted. Next fills `x-forwarded-for` from the socket
 * only when the header is absent, so a client can write it; we read it only behind our own reverse proxy
 * (ANTREAN_TRUST_PROXY=1, lib/trusted-proxy.ts), and take the last entry: the one that proxy appended.
 * Used for the audit log and the per-address login throttle (null: no per-address throttle, so one
 * guesser cannot lock out everyone).
 */
export function clientIpFromHeaders(headers: Pick<Headers, "get">, trustProxy = isProxyTrusted()): string | null {
  if (!trustProxy) return null;
  const last = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .at(-1);
  return last && isIP(last) ? last : null;
}

/** The rate-limit key for requests whose address is unknown: they all share one bucket. */
export const UNTRUSTED_CLIENT = "local";

/** The caller's rate-limit key: its trusted address, or the shared UNTRUSTED_CLIENT bucket. */
export function clientIp(request: { headers: Pick<Headers, "get"> }): string {
  return clientIpFromHeaders(request.headers) ?? UNTRUSTED_CLIENT;
}

/** Whether limits can tell callers apart: only behind a trusted reverse proxy. */
export function hasPerAddressLimits(): boolean {
  return isProxyTrusted();
}

/** A start-up notice (lib/start-up.ts): every caller shares the rate limits (no trusted proxy). */
export function noPerAddressLimitsNotice(): string | null {
  if (hasPerAddressLimits()) return null;
  return (
    "[antrean] ANTREAN_TRUST_PROXY is not set: per-address rate limits and login locks are off and every caller shares one bucket. " +
    "Run behind a reverse proxy that sets X-Forwarded-For and set ANTREAN_TRUST_PROXY=1."
  );
}

import { getEnv } from "./env";

/**
 * Which request headers the app believes. `X-Forwarded-For`, `-Host` and `-Proto` are written by whoever
 * sends the request: only our own reverse proxy (ANTREAN_TRUST_PROXY=1, and only it reaches the app) makes
 * them true. Without it they are ignored everywhere: the caller's address (lib/client-ip.ts), the host a
 * write was sent to (lib/server-action-origin.ts), and what Next.js itself reads after the proxy
 * (`withoutForgedForwarding`). Absolute links never use a request header at all: `getPublicSite()`.
 */
export function isProxyTrusted(): boolean {
  return getEnv().ANTREAN_TRUST_PROXY === "1";
}

/** The forwarded headers that name the host and scheme; the address is lib/client-ip.ts's. */
const FORWARDED_SITE_HEADERS = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"] as const;

/**
 * The host a request was sent to: behind the trusted proxy its first `X-Forwarded-Host`, else `Host`
 * (which a browser always writes itself).
 */
export function requestHost(headers: Pick<Headers, "get">, trustProxy = isProxyTrusted()): string | null {
  const forwarded = trustProxy ? headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  return forwarded || headers.get("host");
}

/**
 * Drops forwarded host/scheme headers no trusted proxy wrote, from the headers the proxy passes on, so
 * Next.js (its server-action origin check, `request.url`) fills them from the connection as it does when
 * they are absent: a forged header then changes nothing.
 */
export function withoutForgedForwarding(headers: Headers, trustProxy = isProxyTrusted()): Headers {
  if (!trustProxy) for (const name of FORWARDED_SITE_HEADERS) headers.delete(name);
  return headers;
}

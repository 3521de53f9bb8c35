import { isProxyTrusted, requestHost } from "./trusted-proxy";

/**
 * Next.js refuses a server action whose `Origin` is not the host it was sent to (CSRF protection), but
 * answers it with a 500 as if the app had failed. The proxy calls this first and answers 403 instead.
 * The host is `requestHost` (X-Forwarded-Host only behind the trusted proxy; the proxy also drops a forged
 * one before Next compares, so both agree); no `Origin` (not a browser) passes, and Next still checks
 * everything that passes here.
 */
export function isCrossOriginWrite(method: string, headers: Pick<Headers, "get">, trustProxy = isProxyTrusted()): boolean {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return false;
  const origin = headers.get("origin");
  if (origin === null) return false;
  const host = requestHost(headers, trustProxy);
  if (!host) return true;
  if (origin === "null") return true;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

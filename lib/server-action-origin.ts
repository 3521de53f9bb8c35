/**
 * Next.js refuses a server action whose `Origin` is not the host it was sent to (CSRF protection), but
 * answers it with a 500 as if the app had failed. The proxy calls this first and answers 403 instead.
 * Same rule as Next's: the first `X-Forwarded-Host`, else `Host`; no `Origin` (not a browser) passes,
 * and Next still checks everything that passes here.
 */
export function isCrossOriginWrite(method: string, headers: Headers): boolean {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return false;
  const origin = headers.get("origin");
  if (origin === null) return false;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  if (!host) return true;
  if (origin === "null") return true;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

import { isIP } from "node:net";
import { getEnv } from "../env";

/**
 * The caller's address for the audit log and the per-address login throttle, or null when it cannot be
 * trusted. Next fills `x-forwarded-for` from the socket only when the header is absent, so a client can
 * write it; we read it only behind our own reverse proxy (ANTREAN_TRUST_PROXY=1), and take the last entry:
 * the one that proxy appended. Null rather than a shared bucket, so one guesser cannot lock out everyone.
 */
export function clientIpFromHeaders(headers: Pick<Headers, "get">, trustProxy = getEnv().ANTREAN_TRUST_PROXY === "1"): string | null {
  if (!trustProxy) return null;
  const last = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .at(-1);
  return last && isIP(last) ? last : null;
}

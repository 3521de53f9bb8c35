import { isIP } from "node:net";
import { getEnv } from "../env";

/** The key for requests whose address cannot be trusted: every such request shares one bucket. */
export const UNTRUSTED_CLIENT = "local";

/**
 * The caller's address for rate limits and the audit log. X-Forwarded-For is only believed behind a
 * proxy we were told about (ANTREAN_TRUST_PROXY=1), and then only its last entry: the one our proxy
 * appended. Earlier entries are whatever the client chose to send.
 */
export function clientIp(request: { headers: Headers }): string {
  if (getEnv().ANTREAN_TRUST_PROXY !== "1") return UNTRUSTED_CLIENT;
  const forwarded = request.headers.get("x-forwarded-for") ?? "";
  const last = forwarded.split(",").map((part) => part.trim()).filter(Boolean).at(-1);
  if (last && isIP(last)) return last;
  const realIp = request.headers.get("x-real-ip")?.trim();
  return realIp && isIP(realIp) ? realIp : UNTRUSTED_CLIENT;
}

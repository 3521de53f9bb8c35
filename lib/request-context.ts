import "server-only";
import { headers } from "next/headers";
import { clientIp } from "./client-ip";

/** The caller's address inside a server action or page, by the same rule as the API. */
export async function requestIp(): Promise<string> {
  return clientIp({ headers: await headers() });
}

/** This site's origin as the visitor sees it, for links shared outside the site (WhatsApp, calendar). */
export async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

import "server-only";
import { headers } from "next/headers";
import { clientIp } from "./client-ip";

/** The caller's address inside a server action or page, by the same rule as the API. */
export async function requestIp(): Promise<string> {
  return clientIp({ headers: await headers() });
}

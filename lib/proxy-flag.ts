import "server-only";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import { isDatabaseMarkedUnavailable } from "./db-status";
import { PROXY_FLAG_HEADER } from "./page-rewrites";
import { DETAILS_ROUTE } from "./page-state";
import { isPowEnabled } from "./pow/altcha";

/**
 * The cached citizen pages' common requests skip proxy.ts (lib/page-rewrites.ts), but two things the proxy
 * does for them depend on this process's state, which Next's static matcher cannot see: the 503 page while
 * the database is marked unavailable (lib/db-status.ts), and the details form's no-JavaScript wait cookie
 * while proof of work is on (lib/pow/wait-cookie.ts). Node publishes every request on the
 * `http.server.request.start` diagnostics channel before Next.js reads it; this marks such a request with
 * PROXY_FLAG_HEADER, which sends it through the proxy as before. A visitor's own copy of the header only
 * does the same. Called once per server process, at start (instrumentation.ts).
 */
export function flagRequestsForProxy(pow = isPowEnabled()): void {
  subscribe("http.server.request.start", (message) => {
    const request = (message as { request: IncomingMessage }).request;
    if (needsProxy(request.method, request.url, pow)) request.headers[PROXY_FLAG_HEADER] = "1";
  });
}

export function needsProxy(method: string | undefined, url: string | undefined, pow: boolean): boolean {
  if (isDatabaseMarkedUnavailable()) return true;
  if (!pow || method !== "GET" || !url) return false;
  // The path, also of an absolute-form request target (`GET http://host/path`).
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?]*/i, "").split("?", 1)[0]!;
  return DETAILS_ROUTE.pattern.test(path);
}

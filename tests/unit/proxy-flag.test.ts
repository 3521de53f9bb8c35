import { once } from "node:events";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { markDatabaseAvailable, markDatabaseUnavailable } from "@/lib/db-status";
import { PROXY_FLAG_HEADER } from "@/lib/page-rewrites";
import { flagRequestsForProxy, needsProxy } from "@/lib/proxy-flag";

/** The requests for cached pages that need proxy.ts from this process's state (lib/proxy-flag.ts). */
describe("marking requests for the proxy", () => {
  afterEach(() => markDatabaseAvailable());

  it("marks the details form's loads while proof of work is on, and every request while the database is down", () => {
    const details = "/book/kk-perubahan/details?checklist=confirmed&slot=2026-12-03_10:00";
    expect(needsProxy("GET", details, true)).toBe(true);
    expect(needsProxy("GET", `http://antrean.test${details}`, true)).toBe(true);
    expect(needsProxy("GET", details, false)).toBe(false);
    expect(needsProxy("HEAD", details, true)).toBe(false);
    for (const url of ["/", "/book/kk-perubahan?checklist=confirmed", "/book/kk-perubahan/details/x", "/api/health"]) expect(needsProxy("GET", url, true), url).toBe(false);
    markDatabaseUnavailable();
    for (const url of ["/", "/services/kk-perubahan", details]) expect(needsProxy("GET", url, false), url).toBe(true);
  });

  it("sets the header on the request before the server's handler reads it", async () => {
    flagRequestsForProxy(true);
    const seen: IncomingHttpHeaders[] = [];
    const server = createServer((req, res) => {
      seen.push(req.headers);
      res.end();
    }).listen(0, "127.0.0.1");
    await once(server, "listening");
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await fetch(`${base}/book/kk-perubahan/details?checklist=confirmed&slot=2026-12-03_10:00`);
      await fetch(`${base}/services/kk-perubahan`);
      markDatabaseUnavailable();
      await fetch(`${base}/services/kk-perubahan`);
    } finally {
      server.close();
    }
    expect(seen.map((h) => h[PROXY_FLAG_HEADER])).toEqual(["1", undefined, "1"]);
  });
});

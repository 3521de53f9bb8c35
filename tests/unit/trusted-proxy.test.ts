import { describe, expect, it } from "vitest";
import { clientIpFromHeaders } from "@/lib/client-ip";
import { isCrossOriginWrite } from "@/lib/server-action-origin";
import { requestHost, withoutForgedForwarding } from "@/lib/trusted-proxy";

const h = (headers: Record<string, string>) => new Headers(headers);
const FORGED = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", "x-forwarded-port": "443", "x-forwarded-for": "203.0.113.9" };

describe("requestHost: X-Forwarded-Host only behind the trusted proxy", () => {
  it("without a trusted proxy, is the Host a browser wrote, whatever X-Forwarded-Host says", () => {
    expect(requestHost(h({ host: "antrean.test", ...FORGED }), false)).toBe("antrean.test");
    expect(requestHost(h({ host: "antrean.test" }), false)).toBe("antrean.test");
  });
  it("behind the trusted proxy, is the first X-Forwarded-Host, else Host", () => {
    expect(requestHost(h({ host: "proxy.internal", "x-forwarded-host": "antrean.test, other" }), true)).toBe("antrean.test");
    expect(requestHost(h({ host: "proxy.internal" }), true)).toBe("proxy.internal");
  });
});

describe("isCrossOriginWrite", () => {
  it("lets reads, same-origin posts and origin-less clients through", () => {
    expect(isCrossOriginWrite("GET", h({ origin: "https://evil.example", host: "antrean.test" }), false)).toBe(false);
    expect(isCrossOriginWrite("POST", h({ origin: "http://antrean.test", host: "antrean.test" }), false)).toBe(false);
    expect(isCrossOriginWrite("POST", h({ host: "antrean.test" }), false)).toBe(false);
  });
  it("refuses a post from another origin, as Next does (but as the 403 it is)", () => {
    for (const trusted of [false, true]) {
      expect(isCrossOriginWrite("POST", h({ origin: "https://evil.example", host: "antrean.test" }), trusted)).toBe(true);
      expect(isCrossOriginWrite("POST", h({ origin: "http://antrean.test:8080", host: "antrean.test" }), trusted)).toBe(true);
      expect(isCrossOriginWrite("POST", h({ origin: "null", host: "antrean.test" }), trusted)).toBe(true);
      expect(isCrossOriginWrite("POST", h({ origin: "not a url", host: "antrean.test" }), trusted)).toBe(true);
    }
  });
  it("without a trusted proxy, a forged X-Forwarded-Host changes nothing: not a pass for a foreign origin, not a refusal of our own", () => {
    expect(isCrossOriginWrite("POST", h({ origin: "https://evil.example", host: "antrean.test", ...FORGED }), false)).toBe(true);
    expect(isCrossOriginWrite("POST", h({ origin: "http://antrean.test", host: "antrean.test", ...FORGED }), false)).toBe(false);
    // A proxy that is not declared trusted cannot vouch for the public host either.
    expect(isCrossOriginWrite("POST", h({ origin: "https://antrean.test", host: "proxy.internal", "x-forwarded-host": "antrean.test" }), false)).toBe(true);
  });
  it("behind the trusted proxy, compares with the host it forwarded", () => {
    expect(isCrossOriginWrite("POST", h({ origin: "https://antrean.test", host: "proxy.internal", "x-forwarded-host": "antrean.test" }), true)).toBe(false);
    expect(isCrossOriginWrite("POST", h({ origin: "https://antrean.test", host: "antrean.test", "x-forwarded-host": "evil.example" }), true)).toBe(true);
  });
});

describe("withoutForgedForwarding: what Next.js reads after the proxy", () => {
  it("drops forwarded host, scheme and port no trusted proxy wrote, and nothing else", () => {
    const passed = withoutForgedForwarding(h({ host: "antrean.test", cookie: "a=b", ...FORGED }), false);
    expect([...passed.keys()].sort()).toEqual(["cookie", "host", "x-forwarded-for"]);
    // The address header stays for lib/client-ip.ts, which ignores it without a trusted proxy.
    expect(clientIpFromHeaders(passed, false)).toBeNull();
  });
  it("keeps them behind the trusted proxy", () => {
    const passed = withoutForgedForwarding(h({ host: "proxy.internal", "x-forwarded-host": "antrean.test", "x-forwarded-proto": "https" }), true);
    expect(passed.get("x-forwarded-host")).toBe("antrean.test");
    expect(passed.get("x-forwarded-proto")).toBe("https");
  });
});

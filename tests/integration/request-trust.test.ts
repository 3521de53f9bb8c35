import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { LOGIN_THROTTLE } from "@/lib/auth/login-throttle";
import { clientIpFromHeaders } from "@/lib/client-ip";
import { AppError } from "@/lib/errors";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { createTestOffice, NOW, type TestOffice } from "../helpers/fixtures";
import { attemptLogin, createTestStaff, TEST_PASSWORD } from "../helpers/staff";

/**
 * X-Forwarded-Host/-Proto/-For are written by whoever sends the request. Without ANTREAN_TRUST_PROXY=1 a
 * forged one changes nothing (lib/trusted-proxy.ts): the real proxy.ts and the real login, end to end.
 */
const FORGED = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", "x-forwarded-port": "443" };

/** proxy.ts as a fresh module under the given ANTREAN_TRUST_PROXY (the environment is read once per process). */
async function loadProxy(trust: "0" | "1") {
  vi.stubEnv("ANTREAN_TRUST_PROXY", trust);
  vi.resetModules();
  return (await import("@/proxy")).proxy;
}

function post(headers: Record<string, string>) {
  return new NextRequest("http://antrean.test/check", { method: "POST", headers: { host: "antrean.test", "content-type": "text/plain", ...headers } });
}

/** The status and the forwarded headers the proxy passes on to Next (its request-header override). */
function outcome(response: Response) {
  const passed = (response.headers.get("x-middleware-override-headers") ?? "").split(",").filter((name) => name.startsWith("x-forwarded") || name === "host");
  return { status: response.status, passed: Object.fromEntries(passed.map((name) => [name, response.headers.get(`x-middleware-request-${name}`)])) };
}

describe("the proxy and forwarded headers", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("without a trusted proxy: a forged X-Forwarded-Host/-Proto changes nothing for our own post, and does not let a foreign one in", async () => {
    const proxy = await loadProxy("0");
    const own = { origin: "http://antrean.test" };
    const plain = outcome(proxy(post(own)));
    expect(plain.status).toBe(200);
    expect(outcome(proxy(post({ ...own, ...FORGED })))).toEqual(plain);
    expect(plain.passed).not.toHaveProperty("x-forwarded-host");

    const foreign = proxy(post({ origin: "https://evil.example", ...FORGED }));
    expect(foreign.status).toBe(403);
  });

  it("behind the trusted proxy: its X-Forwarded-Host is the host, and is passed on to Next", async () => {
    const proxy = await loadProxy("1");
    const forwarded = { host: "10.0.0.2:3000", "x-forwarded-host": "antrean.example.go.id", "x-forwarded-proto": "https" };
    const response = outcome(proxy(post({ origin: "https://antrean.example.go.id", ...forwarded })));
    expect(response.status).toBe(200);
    expect(response.passed).toMatchObject({ "x-forwarded-host": "antrean.example.go.id", "x-forwarded-proto": "https" });
    expect(proxy(post({ origin: "http://10.0.0.2:3000", ...forwarded })).status).toBe(403);
  });
});

describe.each(DATABASE_KINDS)("a forged X-Forwarded-For at the staff login on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
    t = await createTestOffice(testDb.handle.db);
  });
  afterAll(() => testDb.dispose());

  it("gives no fresh address to guess from: a new forged address per try still locks the account", async () => {
    const staff = await createTestStaff(testDb.handle.db, t.office.id);
    const tryFrom = async (n: number, password: string) => {
      const ip = clientIpFromHeaders(new Headers({ "x-forwarded-for": `203.0.113.${n}` }));
      expect(ip).toBeNull();
      return attemptLogin({ email: staff.email, password }, { ip, now: NOW }).then(
        () => "ok",
        (error: unknown) => (error instanceof AppError ? error.code : Promise.reject(error)),
      );
    };
    for (let i = 1; i < LOGIN_THROTTLE.maxFailures.account; i++) expect(await tryFrom(i, "wrong-password-1")).toBe("unauthorized");
    expect(await tryFrom(50, "wrong-password-1")).toBe("locked");
    expect(await tryFrom(51, TEST_PASSWORD)).toBe("locked");
  });
});

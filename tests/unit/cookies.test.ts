import { afterEach, describe, expect, it, vi } from "vitest";

type Env = { NODE_ENV?: string; ANTREAN_PUBLIC_URL?: string; NEXTAUTH_URL?: string; PORT?: string };

/** The cookie jar a server action writes to, captured. */
const jar = vi.hoisted(() => ({ set: vi.fn(), get: vi.fn(), has: vi.fn(), delete: vi.fn() }));
vi.mock("next/headers", () => ({ cookies: async () => jar, headers: async () => new Headers() }));

/** Fresh modules under the given environment: the public site is read once per process. */
async function load(env: Env) {
  for (const key of ["ANTREAN_PUBLIC_URL", "NEXTAUTH_URL", "PORT"] as const) vi.stubEnv(key, env[key] ?? "");
  vi.stubEnv("NODE_ENV", env.NODE_ENV ?? "test");
  // As the embedded default runs: an empty DATABASE_URL must not trouble the site's address.
  vi.stubEnv("DATABASE_URL", "");
  vi.resetModules();
  jar.set.mockClear();
  return {
    env: await import("@/lib/env"),
    cookies: await import("@/lib/cookies"),
    manage: await import("@/lib/manage-cookie"),
    device: await import("@/lib/auth/device-session"),
    session: await import("@/lib/auth/session-config"),
  };
}

afterEach(() => vi.unstubAllEnvs());

describe("the public site address", () => {
  it("comes from ANTREAN_PUBLIC_URL, else NEXTAUTH_URL, else this machine; only the origin", async () => {
    expect((await load({ ANTREAN_PUBLIC_URL: "https://antrean.example.go.id/", NEXTAUTH_URL: "http://other.example" })).env.getPublicSite()).toEqual({
      origin: "https://antrean.example.go.id",
      configured: true,
      secureCookies: true,
    });
    expect((await load({ NEXTAUTH_URL: "http://10.0.0.5:3000" })).env.getPublicSite().origin).toBe("http://10.0.0.5:3000");
    expect((await load({ NODE_ENV: "development", PORT: "4100" })).env.getPublicSite()).toEqual({ origin: "http://localhost:4100", configured: false, secureCookies: false });
  });

  it("refuses a malformed value at start, naming the variable", async () => {
    for (const bad of ["antrean.example.go.id", "ftp://antrean.example", "https://antrean.example/booking", "https://user:pw@antrean.example"]) {
      const { env } = await load({ ANTREAN_PUBLIC_URL: bad });
      expect(() => env.getPublicSite()).toThrow(/ANTREAN_PUBLIC_URL/);
    }
    const { env } = await load({ NEXTAUTH_URL: "not a url" });
    expect(() => env.getEnv()).toThrow(/NEXTAUTH_URL/);
  });
});

describe("one rule for Secure cookies: the public URL's scheme", () => {
  it("a production site served over plain http keeps the manage cookie (not Secure), as the session and device cookies", async () => {
    const m = await load({ NODE_ENV: "production", ANTREAN_PUBLIC_URL: "http://antrean.kantor.lan" });
    await m.manage.rememberManage("ABCDEFGH");
    expect(jar.set).toHaveBeenCalledWith("antrean_manage", expect.any(String), expect.objectContaining({ secure: false, httpOnly: true, sameSite: "lax", path: "/" }));
    expect(m.device.deviceCookieOptions().secure).toBe(false);
    expect(m.session.sessionCookie()).toMatchObject({ name: "next-auth.session-token", options: { secure: false } });
  });

  it("an https site marks every cookie Secure, in any mode, and uses next-auth's __Secure- name", async () => {
    const m = await load({ NODE_ENV: "development", ANTREAN_PUBLIC_URL: "https://antrean.example.go.id" });
    await m.manage.rememberManage("ABCDEFGH");
    expect(jar.set.mock.calls[0]![2]).toMatchObject({ secure: true });
    expect(m.device.deviceCookieOptions().secure).toBe(true);
    expect(m.session.sessionCookie()).toMatchObject({ name: "__Secure-next-auth.session-token", options: { secure: true } });
    expect(m.cookies.STAFF_SESSION_COOKIE_NAMES).toContain(m.session.sessionCookie().name);
  });

  it("unconfigured: Secure in production, not in development", async () => {
    expect((await load({ NODE_ENV: "production" })).cookies.cookieOptions().secure).toBe(true);
    expect((await load({ NODE_ENV: "development" })).cookies.cookieOptions().secure).toBe(false);
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { createRequire } from "node:module";
import path from "node:path";
import type { AuthOptions } from "next-auth";
import { decode, encode } from "next-auth/jwt";
import { authOptions } from "@/lib/auth/options";
import { SESSION_MAX_AGE_SECONDS, authSecret } from "@/lib/auth/session-config";
import { encodeStaffSessionToken } from "@/lib/auth/session-cookie";
import { staffSessionCookieName } from "@/lib/cookies";

const login = {
  staffId: "0b6f1f9e-8d0a-4a57-9c3e-2f1d8f0b9a11",
  officeId: "5d1c7b3a-2e4f-4a6b-8c9d-0e1f2a3b4c5d",
  role: "operator" as const,
  name: "Petugas Uji",
  email: "petugas@antrean.test",
  sessionVersion: 3,
};

const HOUR = 60 * 60 * 1000;

type InternalResponse = { body?: unknown; cookies?: { name: string; value: string }[] };
/** next-auth's core handler, which its route handler (app/api/auth/[...nextauth]/route.ts) runs; the package does not export it. */
const require = createRequire(import.meta.url);
const { AuthHandler } = require(path.join(path.dirname(require.resolve("next-auth")), "core/index.js")) as {
  AuthHandler(params: { req: Request; options: AuthOptions }): Promise<InternalResponse>;
};

/** next-auth's own session endpoint (GET /api/auth/session) with the staff cookie: the session and the cookie it re-issues. */
async function readSessionEndpoint(token: string) {
  const name = staffSessionCookieName();
  const req = new Request("http://localhost:3000/api/auth/session", { headers: { cookie: `${name}=${token}` } });
  const res = await AuthHandler({ req, options: authOptions });
  return { body: res.body as Record<string, unknown>, cookie: res.cookies?.find((c) => c.name === name) };
}

describe("staff session token", () => {
  afterEach(() => vi.useRealTimers());

  it("carries who and the session version, never the role, and next-auth's session callback exposes them", async () => {
    const claims = await decode({ token: await encodeStaffSessionToken(login), secret: authSecret() });
    expect(claims).toMatchObject({ sub: login.staffId, staffId: login.staffId, sessionVersion: 3, email: login.email });
    expect(claims).not.toHaveProperty("role");
    expect(claims).not.toHaveProperty("officeId");
    const session = await authOptions.callbacks!.session!({
      session: { user: { name: login.name, email: login.email }, expires: "" },
      token: claims!,
    } as never);
    expect(session).toMatchObject({ staffId: login.staffId, sessionVersion: 3 });
  });

  it("cannot be read with another secret", async () => {
    const token = await encodeStaffSessionToken(login);
    await expect(decode({ token, secret: "some-other-secret-some-other-secret" })).rejects.toThrow();
  });

  it("expires after a working day", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-01T00:00:00Z") });
    const token = await encodeStaffSessionToken(login);
    vi.setSystemTime(new Date(Date.now() + (SESSION_MAX_AGE_SECONDS - 60) * 1000));
    await expect(decode({ token, secret: authSecret() })).resolves.toMatchObject({ staffId: login.staffId });
    vi.setSystemTime(new Date(Date.now() + 120 * 1000));
    await expect(decode({ token, secret: authSecret() })).rejects.toThrow(/exp/);
  });

  it("lasts a working day from sign-in, however often next-auth's session endpoint re-issues it", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-01T07:00:00Z"), toFake: ["Date"] });
    const signedIn = Date.now();
    let token = await encodeStaffSessionToken(login);
    for (const hours of [4, 8, 11.5]) {
      vi.setSystemTime(signedIn + hours * HOUR);
      const { body, cookie } = await readSessionEndpoint(token);
      expect(body).toMatchObject({ staffId: login.staffId, sessionVersion: 3 });
      token = cookie!.value;
    }
    // The re-issued token's own expiry is hours away still, but the day that began at sign-in is over.
    vi.setSystemTime(signedIn + 12 * HOUR + 60_000);
    await expect(decode({ token, secret: authSecret() })).resolves.toMatchObject({ staffId: login.staffId });
    const { body, cookie } = await readSessionEndpoint(token);
    expect(body).not.toHaveProperty("staffId");
    expect(cookie?.value).toBe("");
  });

  it("is refused by next-auth without a sign-in time or with one older than a working day, even with a fresh expiry", async () => {
    const claims = { sub: login.staffId, staffId: login.staffId, sessionVersion: 3 };
    const stale = Math.floor(Date.now() / 1000) - SESSION_MAX_AGE_SECONDS - 60;
    for (const token of [claims, { ...claims, signedInAt: stale }]) {
      const { body } = await readSessionEndpoint(await encode({ token, secret: authSecret(), maxAge: SESSION_MAX_AGE_SECONDS }));
      expect(body).not.toHaveProperty("staffId");
    }
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { decode } from "next-auth/jwt";
import { authOptions } from "@/lib/auth/options";
import { SESSION_MAX_AGE_SECONDS, authSecret } from "@/lib/auth/session-config";
import { encodeStaffSessionToken } from "@/lib/auth/session-cookie";

const login = {
  staffId: "0b6f1f9e-8d0a-4a57-9c3e-2f1d8f0b9a11",
  officeId: "5d1c7b3a-2e4f-4a6b-8c9d-0e1f2a3b4c5d",
  role: "operator" as const,
  name: "Petugas Uji",
  email: "petugas@antrean.test",
  sessionVersion: 3,
};

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
});

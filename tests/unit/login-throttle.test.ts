import { describe, expect, it } from "vitest";
import { clientIpFromHeaders } from "@/lib/client-ip";
import { LOGIN_THROTTLE, lockMinutesAfter, minutesLeft, throttleKey } from "@/lib/auth/login-throttle";

describe("login throttle rules", () => {
  it("locks from the N-th failure with increasing steps and a ceiling", () => {
    const n = LOGIN_THROTTLE.maxFailures.account;
    expect(lockMinutesAfter(n - 1, "account")).toBeNull();
    expect([n, n + 1, n + 2, n + 3, n + 10].map((f) => lockMinutesAfter(f, "account"))).toEqual([1, 5, 15, 15, 15]);
    expect(lockMinutesAfter(n, "ip")).toBeNull();
    expect(lockMinutesAfter(LOGIN_THROTTLE.maxFailures.ip, "ip")).toBe(1);
  });

  it("rounds the time left up to whole minutes, never zero", () => {
    const now = new Date("2026-12-01T03:00:00Z");
    expect(minutesLeft(new Date(now.getTime() + 1_000), now)).toBe(1);
    expect(minutesLeft(new Date(now.getTime() + 61_000), now)).toBe(2);
    expect(minutesLeft(new Date(now.getTime() + 300_000), now)).toBe(5);
  });

  it("keys accounts case-insensitively", () => {
    expect(throttleKey("account", "Admin@Antrean.TEST")).toBe("account:admin@antrean.test");
  });
});

describe("client address", () => {
  const headers = (xff: string) => new Headers({ "x-forwarded-for": xff });
  it("ignores X-Forwarded-For unless told a proxy is in front", () => {
    expect(clientIpFromHeaders(headers("203.0.113.7"), false)).toBeNull();
  });
  it("takes the entry our proxy appended, not the one the client wrote", () => {
    expect(clientIpFromHeaders(headers("1.2.3.4, 203.0.113.7"), true)).toBe("203.0.113.7");
    expect(clientIpFromHeaders(headers("2001:db8::1"), true)).toBe("2001:db8::1");
    expect(clientIpFromHeaders(headers("not-an-ip"), true)).toBeNull();
    expect(clientIpFromHeaders(new Headers(), true)).toBeNull();
  });
});

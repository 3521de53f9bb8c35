import { describe, expect, it } from "vitest";
import { clientIpFromHeaders } from "@/lib/client-ip";
import { findKnownDevice, rememberKnownDevice } from "@/lib/auth/known-device";
import { LOGIN_THROTTLE, lockMinutesAfter, loginThrottleKeys, minutesLeft, throttleKey } from "@/lib/auth/login-throttle";

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

describe("which counters a login attempt meets", () => {
  it("behind a proxy: the address+account pair, the account across addresses and the address; else the account and one shared bucket", () => {
    expect(loginThrottleKeys("siti@antrean.test", "203.0.113.7")).toEqual([
      ["pair", "pair:siti@antrean.test|203.0.113.7"],
      ["spread", "account:siti@antrean.test"],
      ["ip", "ip:203.0.113.7"],
    ]);
    expect(loginThrottleKeys("siti@antrean.test", null)).toEqual([["account", "account:siti@antrean.test"], ["shared", "ip:unknown-address"]]);
    expect(loginThrottleKeys("siti@antrean.test", "203.0.113.7", { staffId: "s1", deviceId: "d1" })).toEqual([["device", "device:s1:d1"]]);
  });
});

describe("known-device cookie", () => {
  const now = new Date("2026-12-01T03:00:00Z");
  const a = "0b6f1f9e-8d0a-4a57-9c3e-2f1d8f0b9a11";
  const b = "5d1c7b3a-2e4f-4a6b-8c9d-0e1f2a3b4c5d";

  it("remembers several accounts on one browser, keeps each device id, and expires", () => {
    const first = rememberKnownDevice(null, a, now);
    const both = rememberKnownDevice(first, b, now);
    expect(findKnownDevice(both, a, now)).toEqual(findKnownDevice(first, a, now));
    expect(findKnownDevice(both, b, now)).not.toBeNull();
    expect(findKnownDevice(rememberKnownDevice(both, a, now), a, now)!.deviceId).toBe(findKnownDevice(first, a, now)!.deviceId);
    expect(findKnownDevice(both, a, new Date(now.getTime() + 181 * 86_400_000))).toBeNull();
  });

  it("ignores forged, tampered and foreign values", () => {
    const genuine = rememberKnownDevice(null, a, now);
    const [staffId, deviceId, expiry, mac] = genuine.split(".");
    expect(findKnownDevice(`${b}.${deviceId}.${expiry}.${mac}`, b, now)).toBeNull();
    expect(findKnownDevice(`${staffId}.${deviceId}.${Number(expiry) + 1}.${mac}`, a, now)).toBeNull();
    expect(findKnownDevice("garbage", a, now)).toBeNull();
    expect(findKnownDevice(undefined, a, now)).toBeNull();
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";

/** A fresh env module each time: the environment is validated once per process. */
async function load(pow: string | undefined) {
  if (pow === undefined) vi.stubEnv("ANTREAN_POW", undefined);
  else vi.stubEnv("ANTREAN_POW", pow);
  vi.stubEnv("ANTREAN_SECRET", "unit-secret-unit-secret-unit-secret-0123456");
  vi.resetModules();
  return import("@/lib/env");
}

afterEach(() => vi.unstubAllEnvs());

describe("ANTREAN_POW", () => {
  it("is on unless set to off, and the start-up log says so only when off", async () => {
    for (const value of [undefined, "", "on"]) {
      const env = await load(value);
      expect(env.getEnv().ANTREAN_POW).toBe("on");
      expect(env.powOffNotice()).toBeNull();
    }
    const env = await load("off");
    expect(env.getEnv().ANTREAN_POW).toBe("off");
    expect(env.powOffNotice()).toMatch(/ANTREAN_POW=off: proof of work is off/);
  });

  it("stops the app with the variable's name on any other value", async () => {
    for (const value of ["0", "false", "OFF", "no"]) {
      const env = await load(value);
      expect(() => env.getEnv(), value).toThrow(/ANTREAN_POW must be on or off/);
    }
  });
});

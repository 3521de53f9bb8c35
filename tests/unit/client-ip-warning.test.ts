import { afterEach, describe, expect, it, vi } from "vitest";

/** A fresh module each time: the env is read once per process. */
async function load(trustProxy: "0" | "1") {
  vi.stubEnv("ANTREAN_TRUST_PROXY", trustProxy);
  vi.resetModules();
  return import("@/lib/client-ip");
}

afterEach(() => vi.unstubAllEnvs());

describe("start-up notice when limits cannot tell callers apart", () => {
  it("names the setting when no trusted proxy is configured", async () => {
    const { noPerAddressLimitsNotice, hasPerAddressLimits } = await load("0");
    expect(hasPerAddressLimits()).toBe(false);
    expect(noPerAddressLimitsNotice()).toContain("ANTREAN_TRUST_PROXY");
  });

  it("stays quiet behind a trusted proxy", async () => {
    const { noPerAddressLimitsNotice, hasPerAddressLimits } = await load("1");
    expect(hasPerAddressLimits()).toBe(true);
    expect(noPerAddressLimitsNotice()).toBeNull();
  });
});

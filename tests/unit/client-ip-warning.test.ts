import { afterEach, describe, expect, it, vi } from "vitest";

/** A fresh module each time: the warning is once per process, and the env is read once. */
async function load(trustProxy: "0" | "1") {
  vi.stubEnv("ANTREAN_TRUST_PROXY", trustProxy);
  vi.resetModules();
  return import("@/lib/client-ip");
}

afterEach(() => vi.unstubAllEnvs());

describe("start-up warning when limits cannot tell callers apart", () => {
  it("warns once, naming the setting, when no trusted proxy is configured", async () => {
    const { warnIfNoPerAddressLimits, hasPerAddressLimits } = await load("0");
    const log = vi.fn();
    warnIfNoPerAddressLimits(log);
    warnIfNoPerAddressLimits(log);
    expect(hasPerAddressLimits()).toBe(false);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]![0]).toContain("ANTREAN_TRUST_PROXY");
  });

  it("stays quiet behind a trusted proxy", async () => {
    const { warnIfNoPerAddressLimits, hasPerAddressLimits } = await load("1");
    const log = vi.fn();
    warnIfNoPerAddressLimits(log);
    expect(hasPerAddressLimits()).toBe(true);
    expect(log).not.toHaveBeenCalled();
  });
});

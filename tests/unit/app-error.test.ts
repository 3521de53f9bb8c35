import { afterEach, describe, expect, it, vi } from "vitest";

/** lib/errors.ts reads NODE_ENV when it is loaded: each case loads a fresh copy under its own value. */
async function freshAppError(nodeEnv: string) {
  vi.stubEnv("NODE_ENV", nodeEnv);
  vi.resetModules();
  const { AppError, isAppError } = await import("@/lib/errors");
  return { AppError, isAppError };
}

describe("AppError, the expected answer", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("carries no stack frames in production (the rush's refusals do not pay for one) and leaves other errors' stacks alone", async () => {
    const { AppError, isAppError } = await freshAppError("production");
    const limit = Error.stackTraceLimit;
    const refused = new AppError("full", "error.full");
    expect(isAppError(refused)).toBe(true);
    expect(refused.status).toBe(409);
    expect(refused.message).toBe("full: error.full");
    expect(refused.stack ?? "").not.toMatch(/^\s+at /m);
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new Error("a bug").stack).toMatch(/^\s+at /m);
  });

  it("keeps its stack outside production, for the one that escapes somewhere unexpected", async () => {
    const { AppError } = await freshAppError("test");
    expect(new AppError("duplicate", "error.duplicate").stack).toMatch(/^\s+at /m);
  });
});

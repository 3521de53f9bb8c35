import { afterEach, describe, expect, it } from "vitest";
import { forgetReference, hasRecentMiss, isKnownReference, noteReferenceMiss, rememberReference, resetSharedConfirmation } from "@/lib/public-confirmations";

afterEach(() => resetSharedConfirmation());

describe("the shared confirmation cache's gate (lib/public-confirmations.ts)", () => {
  it("serves only references this process has found, for ten minutes", () => {
    expect(isKnownReference("ABCDEFGH")).toBe(false);
    rememberReference("ABCDEFGH", 0);
    expect(isKnownReference("ABCDEFGH", 1_000)).toBe(true);
    expect(isKnownReference("ABCDEFGH", 10 * 60_000 + 1)).toBe(false);
    rememberReference("ABCDEFGH", 0);
    forgetReference("ABCDEFGH");
    expect(isKnownReference("ABCDEFGH", 1)).toBe(false);
  });

  it("keeps an address that missed on the per-request path for the misses' window", () => {
    expect(hasRecentMiss("10.0.0.1", 0)).toBe(false);
    noteReferenceMiss("10.0.0.1", 600, 0);
    expect(hasRecentMiss("10.0.0.1", 599_999)).toBe(true);
    expect(hasRecentMiss("10.0.0.2", 1)).toBe(false);
    expect(hasRecentMiss("10.0.0.1", 600_001)).toBe(false);
  });

  it("fails closed when it cannot remember more addresses", () => {
    for (let i = 0; i < 100_000; i++) noteReferenceMiss(`a${i}`, 600, 0);
    noteReferenceMiss("10.0.0.9", 600, 1);
    expect(hasRecentMiss("10.0.0.3", 2)).toBe(true);
    // Once the window has passed, the expired entries make room again.
    noteReferenceMiss("10.0.0.9", 600, 600_001);
    expect(hasRecentMiss("10.0.0.3", 600_002)).toBe(false);
    expect(hasRecentMiss("10.0.0.9", 600_002)).toBe(true);
  });
});

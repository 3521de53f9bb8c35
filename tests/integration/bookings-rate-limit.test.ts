import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { rateLimits } from "@/db/schema";
import { consumeRateLimit } from "@/lib/dal/rate-limit";
import { appErrorOf } from "../helpers/bookings";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";

/** 10:00:05 WIB; a one-minute window starts at 10:00:00. */
const T0 = new Date("2026-12-01T03:00:05Z");
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe.each(DATABASE_KINDS)("consumeRateLimit on %s", (kind) => {
  let testDb: TestDatabase;
  const db = () => testDb.handle.db;

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
  });
  afterAll(() => testDb.dispose());

  it("allows `limit` calls in a window, then 429; other keys are unaffected; the next window starts afresh", async () => {
    for (let i = 0; i < 3; i++) await consumeRateLimit("booking:10.0.0.1", 3, 60, later(i));
    const error = await appErrorOf(consumeRateLimit("booking:10.0.0.1", 3, 60, later(10)));
    expect([error.code, error.status, error.messageKey]).toEqual(["rate_limited", 429, "error.rateLimited"]);
    expect((await appErrorOf(consumeRateLimit("booking:10.0.0.1", 3, 60, later(54)))).code).toBe("rate_limited");

    await expect(consumeRateLimit("booking:10.0.0.2", 3, 60, later(10))).resolves.toBeUndefined();
    await expect(consumeRateLimit("booking:10.0.0.1", 3, 60, later(55))).resolves.toBeUndefined();

    const rows = await db().select().from(rateLimits).where(eq(rateLimits.key, "booking:10.0.0.1"));
    expect(rows.map((r) => [r.windowStart.toISOString(), r.count]).sort()).toEqual([
      ["2026-12-01T03:00:00.000Z", 5],
      ["2026-12-01T03:01:00.000Z", 1],
    ]);
  });

  it("counts concurrent calls exactly: 10 at once with a limit of 4 → 4 pass", async () => {
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => consumeRateLimit("lookup:10.0.0.9", 4, 60, T0)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(4);
    const [row] = await db().select().from(rateLimits).where(eq(rateLimits.key, "lookup:10.0.0.9"));
    expect(row?.count).toBe(10);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";

/** Counting a request must not cost a disk flush: the rate-limit table is unlogged (migration 0005). */
describe.each(DATABASE_KINDS)("rate-limit storage on %s", (kind) => {
  let testDb: TestDatabase;

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
  });
  afterAll(() => testDb.dispose());

  it("keeps rate_limits out of the write-ahead log, and bookings in it", async () => {
    const result = await testDb.handle.db.execute(
      sql`select relname, relpersistence from pg_class where relname in ('rate_limits', 'bookings', 'capacity_usages') and relkind = 'r' order by relname`,
    );
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { relname: string; relpersistence: string }[];
    expect(Object.fromEntries(rows.map((r) => [r.relname, r.relpersistence]))).toEqual({ bookings: "p", capacity_usages: "p", rate_limits: "u" });
  });
});

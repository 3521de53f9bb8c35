import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { format } from "node:util";
import { messages } from "@/db/schema";
import { runJob } from "@/lib/maintenance";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { NOW } from "../helpers/fixtures";

describe.each(DATABASE_KINDS)("a background job that fails on %s", (kind) => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
  });
  afterAll(() => testDb.dispose());

  it("is logged in one line without the failed query's parameter values (drizzle puts them in its message)", async () => {
    const phone = "6281299990000";
    const name = "Siti Rahayu Lestari";
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      // A row for an office that does not exist: a foreign-key violation, with personal data among the parameters.
      const failing = async () => {
        await testDb.handle.db.insert(messages).values({ officeId: randomUUID(), kind: "confirmation", channel: "whatsapp", recipient: phone, params: { reference: "ABCD2345", queueNumber: "A-001", service: "KTP-el", date: "2026-12-02", sessionStart: "09:00", sessionEnd: "10:00", arriveBy: "08:45", place: "Kantor", address: `${name}, Jl. Melati 4`, bring: [], link: "/booking/ABCD2345" }, idempotencyKey: `log-${randomUUID()}` });
        return null;
      };
      await runJob({ name: "messages", everyMs: 10_000, run: failing }, NOW);
      expect(log).toHaveBeenCalledTimes(1);
      const line = format(...log.mock.calls[0]!); // what the console prints, an error object in full
      for (const personal of [phone, name, "ABCD2345"]) expect(line).not.toContain(personal);
      expect(line).toMatch(/^\[antrean\] messages failed: .*Failed query: insert into "messages"/);
      expect(line).toContain("params: [redacted]");
    } finally {
      log.mockRestore();
    }
  });
});

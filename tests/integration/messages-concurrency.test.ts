import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq, inArray } from "drizzle-orm";
import { messageAttempts, messages } from "@/db/schema";
import { createGatewayChannel } from "@/lib/messages/channels/whatsapp";
import { runMessagesOnce, type WorkerConfig } from "@/lib/messages/worker";
import { useTestDatabase, type TestDatabase } from "../helpers/databases";
import { createTestOffice, NOW } from "../helpers/fixtures";
import { startGateway } from "../helpers/gateway-server";

/** Real concurrency needs real connections: PostgreSQL with a pool of 20. */
describe("two outbox workers on one database (PostgreSQL)", () => {
  let testDb: TestDatabase;
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  const db = () => testDb.handle.db;

  beforeAll(async () => {
    testDb = await useTestDatabase("postgres", { max: 20 });
    gateway = await startGateway(() => [200], { delayMs: 5 });
  });
  afterAll(async () => {
    await gateway.close();
    await testDb.dispose();
  });

  it("never send the same row: 120 messages, four passes at once, each key accepted exactly once", async () => {
    const t = await createTestOffice(db());
    const params = { reference: "ABCD2345", queueNumber: "A-001", service: "KTP-el", date: "2026-12-02", sessionStart: "09:00", sessionEnd: "10:00", arriveBy: "08:45", place: "Kantor", address: null, bring: [], link: "/booking/ABCD2345" };
    await db()
      .insert(messages)
      .values(Array.from({ length: 120 }, (_, i) => ({ officeId: t.office.id, kind: "confirmation" as const, channel: "whatsapp" as const, recipient: `62812000${1000 + i}`, params, idempotencyKey: `concurrency-${i}`, nextAttemptAt: NOW })));
    const config: WorkerConfig = { channels: { whatsapp: createGatewayChannel({ url: gateway.url, token: "t" }) }, baseUrl: "https://antrean.example", maxAttempts: 3, batchSize: 5 };
    const passes = await Promise.all([1, 2, 3, 4].map(() => runMessagesOnce(db(), config, NOW)));

    expect(passes.reduce((n, p) => n + p.sent, 0)).toBe(120);
    expect(passes.filter((p) => p.sent > 0).length).toBeGreaterThan(1); // the work really was shared
    expect(gateway.requests).toHaveLength(120);
    expect([...gateway.accepted.values()].every((n) => n === 1)).toBe(true);
    const rows = await db().select().from(messages).where(eq(messages.officeId, t.office.id));
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
    expect(await db().$count(messageAttempts)).toBe(120);
  });

  it("a pass slower than the lease: a second worker starting later never sends a row the first still holds", async () => {
    // The real clock: a batch of 8 at 300 ms each takes 2.4 s, four times the 600 ms lease; the second
    // pass starts after the first batch's lease ran out, while the first worker is still sending it.
    const slow = await startGateway(() => [200], { delayMs: 300 });
    try {
      const t = await createTestOffice(db());
      const params = { reference: "EFGH2345", queueNumber: "A-002", service: "KTP-el", date: "2026-12-02", sessionStart: "09:00", sessionEnd: "10:00", arriveBy: "08:45", place: "Kantor", address: null, bring: [], link: "/booking/EFGH2345" };
      await db()
        .insert(messages)
        .values(Array.from({ length: 8 }, (_, i) => ({ officeId: t.office.id, kind: "confirmation" as const, channel: "whatsapp" as const, recipient: `62813000${1000 + i}`, params, idempotencyKey: `slow-${i}`, nextAttemptAt: new Date() })));
      const config: WorkerConfig = { channels: { whatsapp: createGatewayChannel({ url: slow.url, token: "t" }) }, baseUrl: "https://antrean.example", maxAttempts: 3, batchSize: 8, leaseMs: 600 };
      const first = runMessagesOnce(db(), config);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const passes = await Promise.all([first, runMessagesOnce(db(), config)]);

      expect(passes.reduce((n, p) => n + p.sent, 0)).toBe(8);
      expect(slow.requests).toHaveLength(8);
      expect([...slow.accepted.values()]).toEqual(Array(8).fill(1));
      const rows = await db().select().from(messages).where(eq(messages.officeId, t.office.id));
      expect(rows.every((r) => r.status === "sent")).toBe(true);
      const tries = await db().select().from(messageAttempts).where(inArray(messageAttempts.messageId, rows.map((r) => r.id))).orderBy(asc(messageAttempts.attemptedAt));
      expect(tries).toHaveLength(8);
      // Each attempt is stamped with the clock at its own send, not the pass's start.
      expect(tries.at(-1)!.attemptedAt.getTime() - tries[0]!.attemptedAt.getTime()).toBeGreaterThan(1000);
    } finally {
      await slow.close();
    }
  });
});

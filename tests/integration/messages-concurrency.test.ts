import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
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
});

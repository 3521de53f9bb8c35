import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { asc, eq } from "drizzle-orm";
import { bookings, messageAttempts, messages } from "@/db/schema";
import { citizen } from "@/lib/auth/actor";
import { createBooking } from "@/lib/dal/bookings";
import { createGatewayChannel } from "@/lib/messages/channels/whatsapp";
import { runMessagesOnce, type WorkerConfig } from "@/lib/messages/worker";
import { bookingRequest } from "../helpers/bookings";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { createTestOffice, NOW } from "../helpers/fixtures";
import { startGateway, type GatewayReply } from "../helpers/gateway-server";

const visitor = citizen("127.0.0.1");

const ctx = { locale: "id" as const, now: NOW };
const at = (ms: number) => new Date(NOW.getTime() + ms);

describe.each(DATABASE_KINDS)("the WhatsApp gateway channel on %s", (kind) => {
  let testDb: TestDatabase;
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  const scripts = new Map<string, GatewayReply[]>();
  const db = () => testDb.handle.db;
  let config: WorkerConfig;

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
    gateway = await startGateway((key) => scripts.get(key.split(":")[1]!) ?? [200]);
    config = { channels: { whatsapp: createGatewayChannel({ url: gateway.url, token: "tok-123", timeoutMs: 2000 }) }, baseUrl: "https://antrean.example", maxAttempts: 5, baseDelayMs: 1000 };
  });
  afterAll(async () => {
    await gateway.close();
    await testDb.dispose();
  });

  /** A booking with a phone only; its confirmation follows `script` at the gateway. */
  async function bookWith(script: GatewayReply[]) {
    const t = await createTestOffice(db());
    const created = await createBooking(visitor, bookingRequest(t), ctx);
    const [row] = await db().select({ id: bookings.id }).from(bookings).where(eq(bookings.reference, created.reference));
    scripts.set(row!.id, script);
    const [message] = await db().select().from(messages).where(eq(messages.bookingId, row!.id));
    return { created, message: message! };
  }
  const stateOf = async (id: string) => {
    const [m] = await db().select().from(messages).where(eq(messages.id, id));
    const attempts = await db().select().from(messageAttempts).where(eq(messageAttempts.messageId, id)).orderBy(asc(messageAttempts.attemptedAt));
    return { ...m!, tries: attempts };
  };

  it("retries 5xx and a time-out with exponential backoff, then sends once with the Bearer token and the neutral JSON", async () => {
    const { created, message } = await bookWith([500, 503, "timeout", 200]);
    const times = [0, 1000, 3000, 7000]; // 1 s, then 2 s, then 4 s between attempts
    for (const [i, ms] of times.entries()) {
      if (i > 0) {
        await runMessagesOnce(db(), config, at(ms - 1)); // not yet due: nothing is sent early
        expect((await stateOf(message.id)).tries).toHaveLength(i);
      }
      await runMessagesOnce(db(), config, at(ms));
    }
    const state = await stateOf(message.id);
    expect(state).toMatchObject({ status: "sent", attempts: 4, lastError: null, providerMessageId: expect.stringMatching(/^wamid-/) });
    expect(state.tries.map((a) => [a.isSuccess, a.providerStatus, a.error])).toEqual([
      [false, 500, "gateway answered HTTP 500"],
      [false, 503, "gateway answered HTTP 503"],
      [false, null, "gateway timed out"],
      [true, 200, null],
    ]);
    expect(gateway.accepted.get(message.idempotencyKey)).toBe(1);
    const sent = gateway.requests.filter((r) => r.body.idempotencyKey === message.idempotencyKey);
    expect(sent).toHaveLength(4);
    expect(sent[3]).toEqual({ auth: "Bearer tok-123", body: { to: message.recipient, text: state.renderedText, idempotencyKey: message.idempotencyKey, reference: created.reference } });
    expect(state.renderedText).toContain(created.queueNumber);
    expect(state.renderedText).toContain(`https://antrean.example/booking/${created.reference}`);
    await runMessagesOnce(db(), config, at(60 * 60_000));
    expect(gateway.requests.filter((r) => r.body.idempotencyKey === message.idempotencyKey)).toHaveLength(4);
  });

  it("a 400 is a permanent failure: failed after one attempt, never retried", async () => {
    const { message } = await bookWith([400, 200]);
    await runMessagesOnce(db(), config, at(0));
    await runMessagesOnce(db(), config, at(24 * 60 * 60_000));
    const state = await stateOf(message.id);
    expect(state).toMatchObject({ status: "failed", attempts: 1, lastError: "gateway answered HTTP 400" });
    expect(gateway.accepted.has(message.idempotencyKey)).toBe(false);
  });

  it("a 200 whose body says status:false is not 'sent' (retried); the worker gives up after maxAttempts", async () => {
    const { message } = await bookWith(["status-false", 503]);
    for (let i = 0, ms = 0; i < 7; i++, ms += 20_000) await runMessagesOnce(db(), config, at(ms));
    const state = await stateOf(message.id);
    expect(state).toMatchObject({ status: "failed", attempts: 5, lastError: "gateway answered HTTP 503" });
    expect(state.tries[0]).toMatchObject({ isSuccess: false, providerStatus: 200, error: "gateway refused: device disconnected" });
    expect(state.tries).toHaveLength(5);
  });

  it("a worker that dies between the provider's answer and its commit: the message is sent again with the same key, not lost", async () => {
    const { message } = await bookWith([200]);
    const crashing: WorkerConfig = { ...config, leaseMs: 60_000, afterSend: async () => { throw new Error("killed"); } };
    await expect(runMessagesOnce(db(), crashing, at(0))).rejects.toThrow("killed");
    expect(await stateOf(message.id)).toMatchObject({ status: "queued", attempts: 1, tries: [] });
    await runMessagesOnce(db(), config, at(30_000)); // still leased to the dead worker
    expect(gateway.accepted.get(message.idempotencyKey)).toBe(1);
    await runMessagesOnce(db(), config, at(61_000));
    expect(await stateOf(message.id)).toMatchObject({ status: "sent", attempts: 2 });
    expect(gateway.accepted.get(message.idempotencyKey)).toBe(2); // at least once …
    expect([...gateway.delivered].filter((k) => k === message.idempotencyKey)).toHaveLength(1); // … and the key kept it to one
  });

  it("with no channel configured the message waits as no_channel, is never dropped", async () => {
    const { message } = await bookWith([200]);
    await runMessagesOnce(db(), { ...config, channels: {} }, at(0));
    expect(await stateOf(message.id)).toMatchObject({ status: "no_channel", lastError: "no channel configured", attempts: 0 });
  });

  it("a wrong token (401) is the office's configuration: retried, never failed, one log line naming it without personal data", async () => {
    const strict = await startGateway(() => [200], { token: "right" });
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const channel = (token: string) => ({ whatsapp: createGatewayChannel({ url: strict.url, token, timeoutMs: 2000 }) });
      const first = await bookWith([200]);
      const second = await bookWith([200]);
      const summary = await runMessagesOnce(db(), { ...config, channels: channel("wrong") }, at(0));
      // One refused request, then the channel rests for the pass: the second message is not even tried.
      expect(summary).toMatchObject({ sent: 0, retried: 1, failed: 0 });
      expect(strict.requests).toHaveLength(1);
      const states = await Promise.all([first, second].map((b) => stateOf(b.message.id)));
      expect(states.map((m) => m.status)).toEqual(["queued", "queued"]);
      expect(states.map((m) => m.attempts).sort()).toEqual([0, 1]);
      expect(states.find((m) => m.attempts === 1)).toMatchObject({ lastError: "gateway answered HTTP 401", tries: [{ isSuccess: false, providerStatus: 401 }] });
      expect(log).toHaveBeenCalledTimes(1);
      const line = String(log.mock.calls[0]![0]);
      expect(line).toContain("whatsapp channel is misconfigured");
      expect(line).toContain("ANTREAN_WA_GATEWAY_TOKEN");
      for (const b of [first, second]) for (const personal of [b.message.recipient!, b.created.reference]) expect(line).not.toContain(personal);

      // Out of attempts on it: parked for Resend like a channel that is off, not failed.
      await runMessagesOnce(db(), { ...config, maxAttempts: 1, channels: channel("wrong") }, at(1000));
      const parked = await Promise.all([first, second].map((b) => stateOf(b.message.id)));
      expect(parked.map((m) => m.status).sort()).toEqual(["no_channel", "queued"]);

      // The token put right: the waiting message goes out.
      await runMessagesOnce(db(), { ...config, channels: channel("right") }, at(5000));
      expect((await Promise.all([first, second].map((b) => stateOf(b.message.id)))).map((m) => m.status).sort()).toEqual(["no_channel", "sent"]);
      expect([...strict.accepted.values()]).toEqual([1]);
    } finally {
      log.mockRestore();
      await strict.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { bookings, messages } from "@/db/schema";
import { callNext } from "@/lib/dal/queue/calls";
import { buildOutgoing } from "@/lib/messages/outgoing";
import { runMessagesOnce, type WorkerConfig } from "@/lib/messages/worker";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { createTestOffice, NOW } from "../helpers/fixtures";
import { at, bookAndCheckIn, bookToday } from "../helpers/queue";
import { actorOf, createTestStaff } from "../helpers/staff";

// No channel configured: the pass only schedules (and parks what it cannot send), which is what is tested here.
const config: WorkerConfig = { channels: {}, baseUrl: "https://antrean.test", maxAttempts: 3 };

describe.each(DATABASE_KINDS)("'your turn is near' messages on %s", (kind) => {
  let testDb: TestDatabase;
  const db = () => testDb.handle.db;
  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
  });
  afterAll(() => testDb.dispose());

  async function nearTurnCounts(references: string[]): Promise<number[]> {
    const rows = await db()
      .select({ reference: bookings.reference })
      .from(messages)
      .innerJoin(bookings, eq(bookings.id, messages.bookingId))
      .where(and(eq(messages.kind, "near_turn"), inArray(bookings.reference, references)));
    return references.map((r) => rows.filter((row) => row.reference === r).length);
  }

  it("once per booking when near_turn_ahead or fewer are ahead, moving up as citizens are called; never twice", async () => {
    const t = await createTestOffice(db(), { office: { nearTurnAhead: 3 } });
    const op = actorOf(await createTestStaff(db(), t.office.id));
    const queue = [];
    for (let i = 0; i < 5; i++) queue.push(await bookAndCheckIn(t, op, { session: "10:00", checkInAt: at(i) }));
    const references = queue.map((q) => q.reference);

    expect((await runMessagesOnce(db(), config, at(10))).nearTurns).toBeGreaterThanOrEqual(4);
    expect(await nearTurnCounts(references)).toEqual([1, 1, 1, 1, 0]);

    // The fifth booked in English (creating with locale "en" stores it: messages-outbox.test.ts).
    await db().update(bookings).set({ language: "en" }).where(eq(bookings.reference, queue[4]!.reference));
    await callNext(op, { counterNumber: 1 }, { now: at(11) });
    await runMessagesOnce(db(), config, at(12));
    expect(await nearTurnCounts(references)).toEqual([1, 1, 1, 1, 1]);
    await runMessagesOnce(db(), config, at(13));
    expect(await nearTurnCounts(references)).toEqual([1, 1, 1, 1, 1]);

    const [message] = await db()
      .select()
      .from(messages)
      .innerJoin(bookings, eq(bookings.id, messages.bookingId))
      .where(and(eq(messages.kind, "near_turn"), eq(bookings.reference, queue[4]!.reference)));
    expect(message!.messages).toMatchObject({ channel: "whatsapp", language: "en" });
    expect(message!.messages.params).toMatchObject({ queueNumber: queue[4]!.queueNumber, link: `/booking/${queue[4]!.reference}` });
    expect(JSON.stringify(message!.messages)).not.toContain(queue[4]!.nik);
    const text = (await buildOutgoing(db(), message!.messages, "Asia/Jakarta", config.baseUrl, NOW)).text;
    expect(text).toContain(`Your turn at ${t.office.name} is near. Queue number: ${queue[4]!.queueNumber}.`);
    expect(text).toContain(`https://antrean.test/booking/${queue[4]!.reference}`);
  });

  it("none for a citizen no longer waiting (cancelled, finished, no-show) and none before check-in", async () => {
    const t = await createTestOffice(db(), { office: { nearTurnAhead: 3 } });
    const op = actorOf(await createTestStaff(db(), t.office.id));
    const waiting = await bookAndCheckIn(t, op, { session: "10:00", checkInAt: at(0) });
    const gone = await Promise.all(["cancelled", "done", "no_show"].map(() => bookAndCheckIn(t, op, { session: "10:00", checkInAt: at(1) })));
    for (const [i, status] of (["cancelled", "done", "no_show"] as const).entries()) {
      await db().update(bookings).set({ status }).where(eq(bookings.reference, gone[i]!.reference));
    }
    const notCheckedIn = await bookToday(t, { session: "10:00" });
    await runMessagesOnce(db(), config, at(10));
    expect(await nearTurnCounts([waiting.reference, ...gone.map((g) => g.reference), notCheckedIn.reference])).toEqual([1, 0, 0, 0, 0]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { bookings, counterServices, counters, offices } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { addDays } from "@/lib/dates";
import { callNext, recall } from "@/lib/dal/queue/calls";
import { getQueueStatus } from "@/lib/dal/queue/position";
import { finishService, markNoShow, startService } from "@/lib/dal/queue/service";
import { transfer } from "@/lib/dal/queue/transfer";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { createTestOffice, TODAY, type TestOffice } from "../helpers/fixtures";
import { at, bookAndCheckIn, bookToday } from "../helpers/queue";
import { actorOf, createTestStaff } from "../helpers/staff";

describe.each(DATABASE_KINDS)("the live position on %s", (kind) => {
  let testDb: TestDatabase;
  const db = () => testDb.handle.db;

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
  });
  afterAll(() => testDb.dispose());

  async function office(over: Partial<typeof offices.$inferInsert> = {}): Promise<{ t: TestOffice; op: Actor }> {
    const t = await createTestOffice(db(), { office: over });
    return { t, op: actorOf(await createTestStaff(db(), t.office.id)) };
  }
  const status = async (reference: string, now = at(30)) => (await getQueueStatus({ reference }, { now })).status;

  it("counts those ahead in the very order call-next takes them: priority, session, late arrival", async () => {
    const { t, op } = await office({ isPriorityEnabled: true });
    const a = await bookAndCheckIn(t, op, { session: "10:00", checkInAt: at(5) });
    const b = await bookAndCheckIn(t, op, { session: "10:00", checkInAt: at(1) });
    const late = await bookAndCheckIn(t, op, { session: "09:00", checkInAt: at(10) });
    const d = await bookAndCheckIn(t, op, { session: "11:00", checkInAt: at(0) });
    const elderly = await bookAndCheckIn(t, op, { session: "11:00", checkInAt: at(20), elderly: true });
    const people = [a, b, late, d, elderly];
    const ahead = new Map<string, number>();
    for (const p of people) ahead.set(p.reference, (await status(p.reference)).ahead!);
    expect(Object.fromEntries(people.map((p) => [p.queueNumber, ahead.get(p.reference)]))).toEqual({
      [elderly.queueNumber]: 0,
      [b.queueNumber]: 1,
      [a.queueNumber]: 2,
      [late.queueNumber]: 3,
      [d.queueNumber]: 4,
    });
    // Whoever is shown k ahead is the (k+1)-th that call-next takes.
    const called: string[] = [];
    for (let i = 0; i < people.length; i++) {
      const r = await callNext(op, { counterNumber: 1 + (i % 2) }, { now: at(31 + i) });
      if (!r.called) continue;
      called.push(r.entry.reference);
      // One citizen per counter: served and finished before the counter calls again.
      await startService(op, { reference: r.entry.reference, counterNumber: 1 + (i % 2) }, { now: at(31 + i) });
      await finishService(op, { reference: r.entry.reference, counterNumber: 1 + (i % 2) }, { now: at(31 + i) });
    }
    expect(called).toEqual([...ahead.entries()].sort((x, y) => x[1] - y[1]).map(([ref]) => ref));
  });

  it("with several counters serving different services, only the citizen's own line counts", async () => {
    const { t, op } = await office();
    // Counter 1 serves KK only, counter 2 KTP only.
    await db().delete(counterServices).where(inArray(counterServices.counterId, t.counterIds));
    await db().insert(counterServices).values([{ counterId: t.counterIds[0]!, serviceId: t.kk.id }, { counterId: t.counterIds[1]!, serviceId: t.ktp.id }]);
    const kk1 = await bookAndCheckIn(t, op, { service: "kk", checkInAt: at(1) });
    const ktp1 = await bookAndCheckIn(t, op, { service: "ktp", checkInAt: at(2) });
    const kk2 = await bookAndCheckIn(t, op, { service: "kk", checkInAt: at(3) });
    const ktp2 = await bookAndCheckIn(t, op, { service: "ktp", checkInAt: at(4) });
    expect((await status(kk2.reference)).ahead).toBe(1);
    expect((await status(ktp2.reference)).ahead).toBe(1);
    expect((await status(ktp1.reference)).ahead).toBe(0);
    // A counter closing does not change who is ahead, but the estimate knows fewer hands (here: still one).
    await db().update(counters).set({ isActive: false }).where(eq(counters.id, t.counterIds[0]!));
    expect((await status(kk1.reference)).ahead).toBe(0);
  });

  it("a transferred citizen keeps their place and waits for the counter named; called, recalled and served show the counter", async () => {
    const { t, op } = await office({ noShowAfterCalls: 2 });
    const first = await bookAndCheckIn(t, op, { checkInAt: at(1) });
    const second = await bookAndCheckIn(t, op, { checkInAt: at(2) });
    const third = await bookAndCheckIn(t, op, { checkInAt: at(3) });
    await callNext(op, { counterNumber: 1 }, { now: at(30) });
    const view = await getQueueStatus({ reference: first.reference }, { now: at(31) });
    expect(view.status).toEqual({ status: "called", queueNumber: first.queueNumber, counter: 1, nowServing: [{ counter: 1, number: first.queueNumber }] });
    expect(view.callCount).toBe(1);
    await recall(op, { counterNumber: 1, reference: first.reference }, { now: at(32) });
    expect((await getQueueStatus({ reference: first.reference }, { now: at(33) })).callCount).toBe(2);

    await transfer(op, { reference: first.reference, toCounterNumber: 2 }, { now: at(34) });
    // Back in the line at its old place, for counter 2 only: nobody ahead of it; the others have it ahead.
    expect(await status(first.reference, at(35))).toMatchObject({ status: "checked_in", counter: 2, ahead: 0 });
    expect((await status(second.reference, at(35))).ahead).toBe(1);
    expect((await status(third.reference, at(35))).ahead).toBe(2);

    // Counter 1 takes "second"; "third" now has only "first" (waiting for counter 2, which could call it too) ahead.
    await callNext(op, { counterNumber: 1 }, { now: at(36) });
    expect((await status(third.reference, at(37))).ahead).toBe(1);

    // Called twice without coming: a no-show, with no position and no counter.
    await recall(op, { counterNumber: 1, reference: second.reference }, { now: at(38) });
    await markNoShow(op, { reference: second.reference, counterNumber: 1 }, { now: at(39) });
    const gone = await status(second.reference, at(40));
    expect(gone.status).toBe("no_show");
    expect(gone).not.toHaveProperty("ahead");
    expect(gone).not.toHaveProperty("counter");
  });

  it("before check-in says when check-in opens; before the day gives the session's typical wait", async () => {
    const { t } = await office();
    const later = await bookToday(t, { session: "13:00" });
    const view = await getQueueStatus({ reference: later.reference }, { now: at(0) });
    expect(view.status).toEqual({ status: "booked", queueNumber: later.queueNumber, nowServing: [] });
    expect(view).toMatchObject({ isToday: true, checkInOpensAt: "12:00", nearTurnAhead: 3 });

    // Three days before, the 13:00 session's people waited 10, 20, 20, 30, 40 minutes from check-in to call.
    const waits = [10, 20, 20, 30, 40];
    const past = await Promise.all(waits.map(() => bookToday(t, { session: "13:00" })));
    for (const [i, wait] of waits.entries()) {
      await db()
        .update(bookings)
        .set({ serviceDate: addDays(TODAY, -3), status: "done", checkedInAt: at(-4320), calledAt: at(-4320 + wait), finishedAt: at(-4320 + wait + 10) })
        .where(eq(bookings.reference, past[i]!.reference));
    }
    // Seen two days before the visit: the typical wait of that session, as a range.
    const coming = await getQueueStatus({ reference: later.reference }, { now: at(-2880) });
    expect(coming).toMatchObject({ isToday: false, checkInOpensAt: null });
    expect(coming.status).toEqual({ status: "booked", queueNumber: later.queueNumber, etaMinutes: { low: 20, high: 30 }, nowServing: [] });
  });

  it("estimates from the day's measured times per service and the open counters, else recent days", async () => {
    const { t, op } = await office();
    // Recent days: KK took 10 minutes from call to done, five times.
    const history = await Promise.all([1, 2, 3, 4, 5].map(() => bookToday(t, { session: "08:00" })));
    for (const h of history) {
      await db().update(bookings).set({ serviceDate: addDays(TODAY, -2), status: "done", calledAt: at(-2880), finishedAt: at(-2870) }).where(eq(bookings.reference, h.reference));
    }
    const waiting = [];
    for (let i = 0; i < 5; i++) waiting.push(await bookAndCheckIn(t, op, { checkInAt: at(i) }));
    // 4 ahead × 10 min + the one at the counter, over 2 counters: 20–25 minutes.
    expect((await status(waiting[4]!.reference, at(10))).etaMinutes).toEqual({ low: 20, high: 25 });
    // One counter closes: twice as long.
    await db().update(counters).set({ isActive: false }).where(eq(counters.id, t.counterIds[1]!));
    expect((await status(waiting[4]!.reference, at(10))).etaMinutes).toEqual({ low: 40, high: 50 });

    // Today five KK citizens were served in 2 minutes each: today's times win over history.
    for (let i = 0; i < 5; i++) {
      const p = await bookToday(t, { session: "09:00" });
      await db().update(bookings).set({ status: "done", calledAt: at(-40 + i * 2), finishedAt: at(-38 + i * 2) }).where(eq(bookings.reference, p.reference));
    }
    expect((await status(waiting[4]!.reference, at(40))).etaMinutes).toEqual({ low: 5, high: 10 });
  });

  it("an unknown or malformed reference is not found", async () => {
    await expect(getQueueStatus({ reference: "ZZZZ-ZZZZ" })).rejects.toMatchObject({ code: "not_found" });
    await expect(getQueueStatus({ reference: "nope" })).rejects.toMatchObject({ code: "not_found" });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLogs, calls, counterServices, offices } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { callNext, recall } from "@/lib/dal/queue/calls";
import { setPriority } from "@/lib/dal/queue/check-in";
import { getCounterView } from "@/lib/dal/queue/counters";
import { finishService, markNoShow, startService } from "@/lib/dal/queue/service";
import { transfer } from "@/lib/dal/queue/transfer";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { createTestOffice, type TestOffice } from "../helpers/fixtures";
import { at, auditActions, bookAndCheckIn, listenQueue, rowOf } from "../helpers/queue";
import { actorOf, createTestStaff } from "../helpers/staff";

describe.each(DATABASE_KINDS)("counters on %s", (kind) => {
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

  /** Session order, then check-in time; a late arrival goes by its check-in time; the elderly first. */
  async function fairDay(t: TestOffice, op: Actor) {
    const a = await bookAndCheckIn(t, op, { session: "10:00", checkInAt: at(5) });
    const b = await bookAndCheckIn(t, op, { session: "10:00", checkInAt: at(1) });
    const late = await bookAndCheckIn(t, op, { session: "09:00", checkInAt: at(10) });
    const d = await bookAndCheckIn(t, op, { session: "11:00", checkInAt: at(0) });
    const elderly = await bookAndCheckIn(t, op, { session: "11:00", checkInAt: at(20), elderly: true });
    return { a, b, late, d, elderly };
  }

  /** Presses "call next" `count` times at one counter, serving each citizen called before the next press. */
  async function callAll(op: Actor, counterNumber: number, count: number): Promise<string[]> {
    const out: string[] = [];
    for (let i = 0; i < count; i++) {
      const result = await callNext(op, { counterNumber }, { now: at(30 + i) });
      if (!result.called) continue;
      out.push(result.entry.reference);
      await startService(op, { reference: result.entry.reference, counterNumber }, { now: at(30 + i) });
      await finishService(op, { reference: result.entry.reference, counterNumber }, { now: at(30 + i) });
    }
    return out;
  }

  it("calls in fair order with priority first when the office enables it", async () => {
    const { t, op } = await office({ isPriorityEnabled: true });
    const p = await fairDay(t, op);
    expect(await callAll(op, 1, 5)).toEqual([p.elderly, p.b, p.a, p.late, p.d].map((x) => x.reference));
    expect(await callNext(op, { counterNumber: 1 }, { now: at(40) })).toEqual({ called: false, waiting: 0 });
  });

  it("ignores priority when the office disables it", async () => {
    const { t, op } = await office({ isPriorityEnabled: false });
    const p = await fairDay(t, op);
    // Elderly priority is not recorded when priority is off; staff mark it to prove the order ignores it.
    await setPriority(op, { reference: p.elderly.reference, reason: "disability" }, { now: at(25) });
    expect(await callAll(op, 1, 5)).toEqual([p.b, p.a, p.late, p.d, p.elderly].map((x) => x.reference));
  });

  it("a counter calls only the services it serves", async () => {
    const { t, op } = await office();
    await db().delete(counterServices).where(eq(counterServices.counterId, t.counterIds[1]!));
    await db().insert(counterServices).values({ counterId: t.counterIds[1]!, serviceId: t.ktp.id });
    const kk = await bookAndCheckIn(t, op, { session: "10:00", service: "kk", checkInAt: at(1) });
    const ktp = await bookAndCheckIn(t, op, { session: "10:00", service: "ktp", checkInAt: at(2) });
    expect(await callAll(op, 2, 2)).toEqual([ktp.reference]);
    expect(await callAll(op, 1, 1)).toEqual([kk.reference]);
  });

  it("recall counts calls; no-show only after N calls; every call is recorded and announced", async () => {
    const { t, op } = await office({ noShowAfterCalls: 3 });
    const p = await bookAndCheckIn(t, op, { session: "10:00" });
    const listener = await listenQueue(testDb.handle);
    const first = await callNext(op, { counterNumber: 2 }, { now: at(30) });
    expect(first).toMatchObject({ called: true, entry: { reference: p.reference, status: "called", callCount: 1, counter: { number: 2, name: "Loket 2" } } });
    await expect(markNoShow(op, { reference: p.reference, counterNumber: 2 }, { now: at(31) })).rejects.toMatchObject({
      code: "invalid_transition",
      messageKey: "queue.error.noShowTooEarly",
      params: { calls: 3, count: 1 },
    });
    await recall(op, { reference: p.reference, counterNumber: 2 }, { now: at(32) });
    const third = await recall(op, { reference: p.reference, counterNumber: 2 }, { now: at(33) });
    expect(third.callCount).toBe(3);
    const gone = await markNoShow(op, { reference: p.reference, counterNumber: 2 }, { now: at(34) });
    expect(gone.status).toBe("no_show");
    const row = await rowOf(db(), p.reference);
    expect(row.noShowAt?.toISOString()).toBe(at(34).toISOString());
    const callRows = await db().select().from(calls).where(eq(calls.bookingId, row.id));
    expect(callRows.map((c) => c.kind).sort()).toEqual(["call", "recall", "recall"]);
    expect(await auditActions(db(), p.reference)).toEqual(["booking.check_in", "booking.create", "queue.call", "queue.no_show", "queue.recall", "queue.recall"]);
    const events = await listener.until(4);
    await listener.stop();
    const mine = events.filter((e) => e.officeId === t.office.id);
    expect(mine.map((e) => e.kind)).toEqual(["call", "recall", "recall", "update"]);
    expect(mine[0]).toEqual({ officeId: t.office.id, kind: "call", queueNumber: p.queueNumber, counterNumber: 2, counterName: "Loket 2", at: at(30).toISOString() });
  });

  it("one called or serving citizen per counter: call next is refused until recall, start, no-show or finish", async () => {
    const { t, op } = await office({ noShowAfterCalls: 1 });
    const [a, b, c, d] = [1, 2, 3, 4].map((m) => at(m));
    const first = await bookAndCheckIn(t, op, { session: "10:00", checkInAt: a });
    const second = await bookAndCheckIn(t, op, { session: "10:00", checkInAt: b });
    await bookAndCheckIn(t, op, { session: "10:00", checkInAt: c });
    await bookAndCheckIn(t, op, { session: "10:00", checkInAt: d });
    const busy = { code: "invalid_transition", messageKey: "queue.error.counterBusy", params: { counter: 1, number: first.queueNumber } };

    await callNext(op, { counterNumber: 1 }, { now: at(30) });
    await expect(callNext(op, { counterNumber: 1 }, { now: at(31) })).rejects.toMatchObject(busy);
    // A recall keeps the same citizen; still nobody else.
    await recall(op, { reference: first.reference, counterNumber: 1 }, { now: at(32) });
    await expect(callNext(op, { counterNumber: 1 }, { now: at(33) })).rejects.toMatchObject(busy);
    await startService(op, { reference: first.reference, counterNumber: 1 }, { now: at(34) });
    await expect(callNext(op, { counterNumber: 1 }, { now: at(35) })).rejects.toMatchObject(busy);
    // The refusals changed nothing: one open citizen, one call and one recall recorded.
    const view = await getCounterView(op, { counterNumber: 1 }, { now: at(36) });
    expect(view.open.map((e) => e.reference)).toEqual([first.reference]);
    expect(view.waiting).toBe(3);
    expect(await auditActions(db(), second.reference)).toEqual(["booking.check_in", "booking.create"]);

    // Another counter is not held up, and cannot recall someone onto a busy counter either.
    const atTwo = await callNext(op, { counterNumber: 2 }, { now: at(37) });
    expect(atTwo).toMatchObject({ called: true, entry: { reference: second.reference } });
    await expect(recall(op, { reference: second.reference, counterNumber: 1 }, { now: at(38) })).rejects.toMatchObject({ messageKey: "queue.error.counterBusy" });
    expect((await rowOf(db(), second.reference)).counterId).toBe(t.counterIds[1]);

    await finishService(op, { reference: first.reference, counterNumber: 1 }, { now: at(40) });
    const next = await callNext(op, { counterNumber: 1 }, { now: at(41) });
    expect(next.called).toBe(true);
    if (!next.called) return;
    // After a no-show the counter is free again; a transfer away frees it too.
    await markNoShow(op, { reference: next.entry.reference, counterNumber: 1 }, { now: at(42) });
    const last = await callNext(op, { counterNumber: 1 }, { now: at(43) });
    expect(last.called).toBe(true);
    if (!last.called) return;
    await transfer(op, { reference: last.entry.reference, toServiceSlug: "ktp" }, { now: at(44) });
    expect((await getCounterView(op, { counterNumber: 1 }, { now: at(45) })).open).toEqual([]);
  });

  it("start and finish service", async () => {
    const { t, op } = await office();
    const p = await bookAndCheckIn(t, op, { session: "10:00" });
    await callNext(op, { counterNumber: 1 }, { now: at(30) });
    expect((await startService(op, { reference: p.reference, counterNumber: 1 }, { now: at(31) })).status).toBe("serving");
    expect((await finishService(op, { reference: p.reference, counterNumber: 1 }, { now: at(45) })).status).toBe("done");
    const row = await rowOf(db(), p.reference);
    expect(row.servingStartedAt?.toISOString()).toBe(at(31).toISOString());
    expect(row.finishedAt?.toISOString()).toBe(at(45).toISOString());
  });

  it("only the counter the citizen was called to starts, finishes or records a no-show; another counter changes nothing", async () => {
    const { t, op } = await office({ noShowAfterCalls: 1 });
    const p = await bookAndCheckIn(t, op, { session: "10:00", checkInAt: at(1) });
    await callNext(op, { counterNumber: 1 }, { now: at(30) });
    const fromTwo = { reference: p.reference, counterNumber: 2 };
    const otherCounter = { code: "invalid_transition", status: 409, messageKey: "queue.error.otherCounter", params: { counter: 2 } };
    const before = await rowOf(db(), p.reference);
    const audits = await auditActions(db(), p.reference);
    await expect(startService(op, fromTwo, { now: at(31) })).rejects.toMatchObject(otherCounter);
    await expect(markNoShow(op, fromTwo, { now: at(31) })).rejects.toMatchObject(otherCounter);
    await startService(op, { reference: p.reference, counterNumber: 1 }, { now: at(32) });
    await expect(finishService(op, fromTwo, { now: at(33) })).rejects.toMatchObject(otherCounter);
    expect(await rowOf(db(), p.reference)).toMatchObject({ ...before, status: "serving", servingStartedAt: at(32), updatedAt: at(32) });
    expect(await auditActions(db(), p.reference)).toEqual([...audits, "queue.start"].sort());
    expect((await finishService(op, { reference: p.reference, counterNumber: 1 }, { now: at(34) })).status).toBe("done");
    // The audit rows name the counter the move was made at.
    const rows = await db().select().from(auditLogs).where(eq(auditLogs.bookingId, before.id));
    expect(rows.filter((r) => r.action === "queue.start" || r.action === "queue.finish").map((r) => r.details)).toEqual([
      expect.objectContaining({ counter: 1 }),
      expect.objectContaining({ counter: 1 }),
    ]);
  });

  it("a transfer to another counter keeps the citizen's place, and only that counter calls them", async () => {
    const { t, op } = await office();
    const first = await bookAndCheckIn(t, op, { session: "10:00", checkInAt: at(1) });
    const second = await bookAndCheckIn(t, op, { session: "10:00", checkInAt: at(2) });
    const third = await bookAndCheckIn(t, op, { session: "10:00", checkInAt: at(3) });
    const before = await rowOf(db(), first.reference);
    await callNext(op, { counterNumber: 1 }, { now: at(30) });
    await startService(op, { reference: first.reference, counterNumber: 1 }, { now: at(31) });
    const moved = await transfer(op, { reference: first.reference, toCounterNumber: 2 }, { now: at(35) });
    expect(moved).toMatchObject({ status: "checked_in", callCount: 0, counter: { number: 2 } });
    const after = await rowOf(db(), first.reference);
    expect(after.queueSortAt).toEqual(before.queueSortAt);
    expect(after.checkedInAt).toEqual(before.checkedInAt);
    expect(await callAll(op, 1, 1)).toEqual([second.reference]);
    expect(await callAll(op, 2, 2)).toEqual([first.reference, third.reference]);
  });

  it("a transfer to another service: any counter serving it calls them, still first in line", async () => {
    const { t, op } = await office();
    const first = await bookAndCheckIn(t, op, { session: "10:00", service: "kk", checkInAt: at(1) });
    const second = await bookAndCheckIn(t, op, { session: "10:00", service: "ktp", checkInAt: at(2) });
    await callNext(op, { counterNumber: 1 }, { now: at(30) });
    const moved = await transfer(op, { reference: first.reference, toServiceSlug: "ktp" }, { now: at(31) });
    expect(moved).toMatchObject({ status: "checked_in", service: { slug: "ktp" }, counter: null, queueNumber: first.queueNumber });
    expect(await callAll(op, 2, 2)).toEqual([first.reference, second.reference]);
  });

  it("the counter view lists who is open at the counter and how many wait for it", async () => {
    const { t, op } = await office();
    const first = await bookAndCheckIn(t, op, { session: "10:00", checkInAt: at(1) });
    await bookAndCheckIn(t, op, { session: "10:00", checkInAt: at(2) });
    await bookAndCheckIn(t, op, { session: "10:00", checkInAt: at(3) });
    expect(await getCounterView(op, { counterNumber: 1 }, { now: at(10) })).toMatchObject({ open: [], waiting: 3, noShowAfterCalls: 3 });
    await callNext(op, { counterNumber: 1 }, { now: at(30) });
    await startService(op, { reference: first.reference, counterNumber: 1 }, { now: at(32) });
    const view = await getCounterView(op, { counterNumber: 1 }, { now: at(33) });
    expect(view.open.map((e) => [e.reference, e.status])).toEqual([[first.reference, "serving"]]);
    expect(view.waiting).toBe(2);
    expect(view.counter).toMatchObject({ number: 1, name: "Loket 1", isActive: true });
    expect(view.otherCounters).toEqual([{ number: 2, name: "Loket 2" }]);
    await expect(getCounterView(op, { counterNumber: 9 }, { now: at(33) })).rejects.toMatchObject({ code: "not_found" });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { auditLogs, bookings, calls } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { callNext, recall, type CallNextResult } from "@/lib/dal/queue/calls";
import { checkInBooking } from "@/lib/dal/queue/check-in";
import { finishService, startService } from "@/lib/dal/queue/service";
import { useTestDatabase, type TestDatabase } from "../helpers/databases";
import { createTestOffice, NOW, type TestOffice } from "../helpers/fixtures";
import { at, bookToday, kioskActor, rowOf, type Booked } from "../helpers/queue";
import { actorOf, createTestStaff } from "../helpers/staff";

/** Real concurrency needs real connections: PostgreSQL with a pool of 20. */
describe("counters under concurrency (PostgreSQL)", () => {
  let testDb: TestDatabase;
  const db = () => testDb.handle.db;

  beforeAll(async () => {
    testDb = await useTestDatabase("postgres", { max: 20 });
  });
  afterAll(() => testDb.dispose());

  async function waitingOffice(size: number): Promise<{ t: TestOffice; op: Actor; fair: Booked[] }> {
    const t = await createTestOffice(db(), { sessionCapacity: size, office: { dailyCap: 1000 } });
    const op = actorOf(await createTestStaff(db(), t.office.id));
    const fair: Booked[] = [];
    for (let i = 0; i < size; i++) {
      const booked = await bookToday(t, { session: i % 2 ? "11:00" : "10:00" });
      await checkInBooking(op, { reference: booked.reference, nik: booked.nik }, { now: new Date(NOW.getTime() + i * 1000) });
      fair.push(booked);
    }
    // Fair order: the 10:00 session (even i) by check-in time, then the 11:00 session.
    return { t, op, fair: [...fair.filter((_, i) => i % 2 === 0), ...fair.filter((_, i) => i % 2 === 1)] };
  }

  const calledRef = (r: CallNextResult) => (r.called ? r.entry.reference : null);

  it("one counter pressing 'call next' 50 times at once: exactly one citizen called, the first in fair order", async () => {
    const { t, op, fair } = await waitingOffice(20);
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => callNext(op, { counterNumber: 1 }, { now: at(60) })));
    const called = results.flatMap((r) => (r.status === "fulfilled" ? [calledRef(r.value)] : []));
    expect(called).toEqual([fair[0]!.reference]);
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as { messageKey?: string }] : []));
    expect(refused).toHaveLength(49);
    expect(refused.every((e) => e.messageKey === "queue.error.counterBusy")).toBe(true);

    const open = await db()
      .select()
      .from(bookings)
      .where(and(eq(bookings.officeId, t.office.id), inArray(bookings.status, ["called", "serving"])));
    expect(open.map((r) => [r.reference, r.counterId, r.callCount])).toEqual([[fair[0]!.reference, t.counterIds[0], 1]]);
    expect(await db().select().from(calls).where(eq(calls.officeId, t.office.id))).toHaveLength(1);
    const audits = await db().select().from(auditLogs).where(and(eq(auditLogs.officeId, t.office.id), eq(auditLogs.action, "queue.call")));
    expect(audits).toHaveLength(1);
  });

  it("two counters pressing 'call next' 100 times at once: one citizen each, two different people, first in fair order", async () => {
    const { t, op, fair } = await waitingOffice(30);
    const results = await Promise.allSettled(Array.from({ length: 100 }, (_, i) => callNext(op, { counterNumber: (i % 2) + 1 }, { now: at(60) })));
    const called = results.flatMap((r) => (r.status === "fulfilled" ? [calledRef(r.value)] : []));
    expect(called).toHaveLength(2);
    expect(new Set(called)).toEqual(new Set([fair[0]!.reference, fair[1]!.reference]));
    expect(results.filter((r) => r.status === "rejected").every((r) => (r.reason as { messageKey?: string }).messageKey === "queue.error.counterBusy")).toBe(true);

    const rows = await db().select().from(bookings).where(eq(bookings.officeId, t.office.id));
    const open = rows.filter((r) => r.status === "called");
    expect(new Set(open.map((r) => r.counterId))).toEqual(new Set(t.counterIds.slice(0, 2)));
    expect(rows.filter((r) => r.status === "checked_in")).toHaveLength(28);
    const callRows = await db().select().from(calls).where(eq(calls.officeId, t.office.id));
    expect(callRows).toHaveLength(2);
  });

  it("a busy counter under a storm of call-next presses and recalls of another counter's citizen: nothing moves", async () => {
    const { t, op } = await waitingOffice(20);
    const atOne = await callNext(op, { counterNumber: 1 }, { now: at(59) });
    const atTwo = await callNext(op, { counterNumber: 2 }, { now: at(59) });
    if (!atOne.called || !atTwo.called) throw new Error("a counter called nobody");
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        i % 2 ? recall(op, { reference: atTwo.entry.reference, counterNumber: 1 }, { now: at(60) }) : callNext(op, { counterNumber: 1 }, { now: at(60) }),
      ),
    );
    expect(results.every((r) => r.status === "rejected" && (r.reason as { messageKey?: string }).messageKey === "queue.error.counterBusy")).toBe(true);
    const open = await db()
      .select()
      .from(bookings)
      .where(and(eq(bookings.officeId, t.office.id), inArray(bookings.status, ["called", "serving"])));
    expect(open.map((r) => [r.reference, r.counterId, r.callCount]).sort()).toEqual(
      [
        [atOne.entry.reference, t.counterIds[0], 1],
        [atTwo.entry.reference, t.counterIds[1], 1],
      ].sort(),
    );
  });

  it("pressed together round after round (serving in between), the two counters take the next two in fair order", async () => {
    const { op, fair } = await waitingOffice(40);
    for (let round = 0; round < 20; round++) {
      const pair = await Promise.all([1, 2].map((counterNumber) => callNext(op, { counterNumber }, { now: at(60 + round) })));
      expect(new Set(pair.map(calledRef))).toEqual(new Set([fair[2 * round]!.reference, fair[2 * round + 1]!.reference]));
      await Promise.all(
        pair.map(async (r, i) => {
          const reference = calledRef(r)!;
          await startService(op, { reference, counterNumber: i + 1 }, { now: at(60 + round) });
          await finishService(op, { reference, counterNumber: i + 1 }, { now: at(60 + round) });
        }),
      );
    }
    expect(await callNext(op, { counterNumber: 1 }, { now: at(90) })).toEqual({ called: false, waiting: 0 });
  });

  it("the same booking checked in from two kiosks and a counter at once: checked in once, one audit row", async () => {
    const t = await createTestOffice(db());
    const op = actorOf(await createTestStaff(db(), t.office.id));
    const kiosks = [await kioskActor(db(), t.office.id), await kioskActor(db(), t.office.id)];
    const booked = await bookToday(t, { session: "10:00" });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => checkInBooking([op, ...kiosks][i % 3]!, { reference: booked.reference, nik: booked.nik }, { now: NOW })),
    );
    expect(results.filter((r) => !r.alreadyCheckedIn)).toHaveLength(1);
    const row = await rowOf(db(), booked.reference);
    const audits = await db().select().from(auditLogs).where(and(eq(auditLogs.bookingId, row.id), inArray(auditLogs.action, ["booking.check_in"])));
    expect(audits).toHaveLength(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { auditLogs, bookings } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { callNext } from "@/lib/dal/queue/calls";
import { expireMissedBookings } from "@/lib/dal/queue/expiry";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { createTestOffice, type TestOffice } from "../helpers/fixtures";
import { at, bookAndCheckIn, bookToday, listenQueue, rowOf } from "../helpers/queue";
import { actorOf, createTestStaff } from "../helpers/staff";

describe.each(DATABASE_KINDS)("expiry sweep on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;
  let op: Actor;
  const db = () => testDb.handle.db;

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
    t = await createTestOffice(db(), { office: { checkInGraceMinutes: 30 } });
    op = actorOf(await createTestStaff(db(), t.office.id));
  });
  afterAll(() => testDb.dispose());

  async function sweepAudits(references: string[]): Promise<string[]> {
    const ids = await Promise.all(references.map(async (r) => (await rowOf(db(), r)).id));
    const rows = await db().select().from(auditLogs).where(and(inArray(auditLogs.bookingId, ids), eq(auditLogs.actorType, "system")));
    return rows.map((r) => r.action);
  }

  it("turns bookings never checked in into no-shows once their session plus grace is over, once", async () => {
    const s09 = await bookToday(t, { session: "09:00" }); // ended 10:00, grace until 10:30
    const s10 = await bookToday(t, { session: "10:00" }); // ends 11:00
    const listener = await listenQueue(testDb.handle);

    expect(await expireMissedBookings({ now: at(29) })).toMatchObject({ noShows: 0 });
    expect((await rowOf(db(), s09.reference)).status).toBe("booked");

    expect(await expireMissedBookings({ now: at(30) })).toMatchObject({ noShows: 1 });
    const row = await rowOf(db(), s09.reference);
    expect(row).toMatchObject({ status: "no_show" });
    expect(row.noShowAt?.toISOString()).toBe(at(30).toISOString());
    expect((await rowOf(db(), s10.reference)).status).toBe("booked");

    // Idempotent: running again (even later) moves and audits nothing twice.
    expect(await expireMissedBookings({ now: at(31) })).toMatchObject({ noShows: 0 });
    expect(await sweepAudits([s09.reference, s10.reference])).toEqual(["booking.no_show_expired"]);
    // The same audit row as every status change: from and to, besides the sweep's reason.
    const [audit] = await db().select().from(auditLogs).where(and(eq(auditLogs.bookingId, row.id), eq(auditLogs.actorType, "system")));
    expect(audit!.details).toEqual({ from: "booked", to: "no_show", reason: "not_checked_in" });
    const events = await listener.until(1);
    await listener.stop();
    expect(events.filter((e) => e.officeId === t.office.id)).toEqual([{ officeId: t.office.id, kind: "update", at: at(30).toISOString() }]);
  });

  it("two sweeps at the same moment move and audit each booking once", async () => {
    const a = await bookToday(t, { session: "08:00" });
    const b = await bookToday(t, { session: "08:00" });
    const results = await Promise.all([expireMissedBookings({ now: at(60) }), expireMissedBookings({ now: at(60) })]);
    expect(results.reduce((n, r) => n + r.noShows, 0)).toBe(2);
    expect(await sweepAudits([a.reference, b.reference])).toHaveLength(2);
  });

  it("a backlog larger than one batch is swept whole, one statement per batch", async () => {
    const backlog = await Promise.all(["08:00", "08:00", "09:00"].map((session) => bookToday(t, { session })));
    const result = await expireMissedBookings({ now: at(60), batch: 2 });
    expect(result.noShows).toBe(3);
    for (const b of backlog) expect((await rowOf(db(), b.reference)).status).toBe("no_show");
    expect(await sweepAudits(backlog.map((b) => b.reference))).toEqual(["booking.no_show_expired", "booking.no_show_expired", "booking.no_show_expired"]);
  });

  it("expires citizens still checked in or called after the office's last session plus grace", async () => {
    const called = await bookAndCheckIn(t, op, { session: "13:00", checkInAt: at(180) });
    const waiting = await bookAndCheckIn(t, op, { session: "13:00", checkInAt: at(181) });
    await callNext(op, { counterNumber: 1 }, { now: at(182) });
    expect((await rowOf(db(), called.reference)).status).toBe("called");
    // 14:00 is the last session's end; 14:29 is still within grace.
    await expireMissedBookings({ now: at(269) });
    expect((await rowOf(db(), waiting.reference)).status).not.toBe("expired");
    const result = await expireMissedBookings({ now: at(270) });
    expect(result.expired).toBeGreaterThanOrEqual(2);
    expect((await rowOf(db(), waiting.reference)).status).toBe("expired");
    expect((await rowOf(db(), called.reference)).status).toBe("expired");
    expect(await sweepAudits([waiting.reference])).toEqual(["queue.expired"]);
    const [audit] = await db().select().from(auditLogs).where(and(eq(auditLogs.bookingId, (await rowOf(db(), called.reference)).id), eq(auditLogs.actorType, "system")));
    expect(audit!.details).toEqual({ from: "called", to: "expired", reason: "end_of_day" });
    expect((await expireMissedBookings({ now: at(300) })).expired).toBe(0);
  });

  it("leaves finished, cancelled and serving bookings alone", async () => {
    const before = await db().select({ id: bookings.id, status: bookings.status }).from(bookings).where(inArray(bookings.status, ["done", "cancelled", "serving"]));
    await expireMissedBookings({ now: at(600) });
    const after = await db().select({ id: bookings.id, status: bookings.status }).from(bookings).where(inArray(bookings.status, ["done", "cancelled", "serving"]));
    expect(after).toEqual(before);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { citizen } from "@/lib/auth/actor";
import { createBooking, rescheduleBooking } from "@/lib/dal/bookings";
import { findRescheduledFrom } from "@/lib/dal/booking-history";
import { bookingRequest } from "../helpers/bookings";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, NOW, TOMORROW } from "../helpers/fixtures";

const visitor = citizen("127.0.0.1");

const ctx = { locale: "id" as const, now: NOW };

/** What the print views say about a moved booking: the schedule it had before its latest move. */
describe.each(DATABASE_KINDS)("a booking's earlier schedule on %s", (kind) => {
  let testDb: TestDatabase;

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
  });
  afterAll(() => testDb.dispose());

  it("is null until the booking moves, then the schedule before the latest move", async () => {
    const t = await createTestOffice(testDb.handle.db);
    const nik = adultNik();
    const created = await createBooking(visitor, bookingRequest(t, { nik, session: "09:00" }), ctx);
    const other = await createBooking(visitor, bookingRequest(t), ctx);
    expect(await findRescheduledFrom(created.reference)).toBeNull();

    await rescheduleBooking(visitor, { reference: created.reference, nik, date: TOMORROW, session: "11:00" }, { ...ctx, now: new Date(NOW.getTime() + 1000) });
    expect(await findRescheduledFrom(created.reference)).toEqual({ date: TOMORROW, session: "09:00" });
    await rescheduleBooking(visitor, { reference: created.reference, nik, date: "2026-12-03", session: "08:00" }, { ...ctx, now: new Date(NOW.getTime() + 2000) });
    expect(await findRescheduledFrom(created.reference)).toEqual({ date: TOMORROW, session: "11:00" });
    expect(await findRescheduledFrom(other.reference)).toBeNull();
  });
});

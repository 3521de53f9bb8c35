import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { ACTIVE_BOOKING_STATUSES, bookings } from "@/db/schema";
import { citizen } from "@/lib/auth/actor";
import { cancelBooking, createBooking, rescheduleBooking } from "@/lib/dal/bookings";
import type { BookingDTO } from "@/lib/dal/booking-dto";
import { appErrorOf, bookingRequest, countActive, highestWhile, settleAll, usageMismatches, usageOf } from "../helpers/bookings";
import { useTestDatabase, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, NOW, TOMORROW, type TestOffice } from "../helpers/fixtures";

const visitor = citizen("127.0.0.1");

const ctx = { locale: "id" as const, now: NOW };
const D3 = "2026-12-03";

type Held = { booking: BookingDTO; nik: string };

/** Cancellations and reschedules racing new bookings, on PostgreSQL with a pool of 20. */
describe("cancel, rebook and reschedule races (PostgreSQL)", () => {
  let testDb: TestDatabase;
  const db = () => testDb.handle.db;

  beforeAll(async () => {
    testDb = await useTestDatabase("postgres", { max: 20 });
  });
  afterAll(() => testDb.dispose());

  async function bookMany(t: TestOffice, n: number, over: Parameters<typeof bookingRequest>[1]): Promise<Held[]> {
    const niks = Array.from({ length: n }, () => adultNik());
    const booked = await Promise.all(niks.map((nik) => createBooking(visitor, bookingRequest(t, { ...over, nik }), ctx)));
    return booked.map((booking, i) => ({ booking, nik: niks[i]! }));
  }

  it("40 booked, then 20 cancels and 60 new bookings at once: never more than 40, counters equal the truth", async () => {
    const t = await createTestOffice(db(), { sessionCapacity: 40, office: { dailyCap: 1000 } });
    const held = await bookMany(t, 40, { session: "08:00" });
    expect(await countActive(db(), t.office.id, { session: "08:00" })).toBe(40);

    const cancels = held.slice(0, 20).map(({ booking, nik }) => cancelBooking(visitor, { reference: booking.reference, nik }, ctx));
    const rebooks = Array.from({ length: 60 }, () => createBooking(visitor, bookingRequest(t, { session: "08:00" }), ctx));
    const race = Promise.allSettled([...cancels, ...rebooks]);
    const highest = await highestWhile(race, () => countActive(db(), t.office.id, { session: "08:00" }));
    const cancelled = await settleAll(cancels);
    const rebooked = await settleAll(rebooks);

    expect(cancelled.fulfilled).toHaveLength(20);
    expect(rebooked.fulfilled.length).toBeLessThanOrEqual(20);
    expect(rebooked.codes).toEqual({ full: 60 - rebooked.fulfilled.length });
    expect(highest).toBeLessThanOrEqual(40);
    const active = await countActive(db(), t.office.id, { session: "08:00" });
    expect(active).toBe(20 + rebooked.fulfilled.length);
    expect(await usageOf(db(), t.office.id, TOMORROW, "session", "08:00")).toBe(active);
    expect(await usageMismatches(db(), t.office.id)).toEqual({});

    // The freed places are really free: exactly the missing ones can still be booked, then "full".
    const topUp = await settleAll(Array.from({ length: 45 - active }, () => createBooking(visitor, bookingRequest(t, { session: "08:00" }), ctx)));
    expect(topUp.fulfilled).toHaveLength(40 - active);
    expect(await countActive(db(), t.office.id, { session: "08:00" })).toBe(40);
    const queueNumbers = (await db().select({ seq: bookings.queueSeq }).from(bookings).where(eq(bookings.officeId, t.office.id))).map((r) => r.seq);
    expect(new Set(queueNumbers).size).toBe(queueNumbers.length);
  });

  it("cancelling the same booking 10 times at once frees its place once", async () => {
    const t = await createTestOffice(db(), { sessionCapacity: 5 });
    const [target, ...others] = await bookMany(t, 5, { session: "08:00" });
    const { fulfilled, codes } = await settleAll(Array.from({ length: 10 }, () => cancelBooking(visitor, { reference: target!.booking.reference, nik: target!.nik }, ctx)));
    expect(fulfilled).toHaveLength(1);
    expect(codes).toEqual({ invalid_transition: 9 });
    expect(await usageOf(db(), t.office.id, TOMORROW, "session", "08:00")).toBe(4);
    expect(others).toHaveLength(4);
    expect(await usageMismatches(db(), t.office.id)).toEqual({});
  });

  it("reschedules and new bookings racing into nearly-full sessions never oversell", async () => {
    const t = await createTestOffice(db(), { sessionCapacity: 25, office: { dailyCap: 1000 } });
    await bookMany(t, 22, { session: "10:00" }); // 3 places left tomorrow at 10:00
    await bookMany(t, 23, { date: D3, session: "10:00" }); // 2 places left on D3 at 10:00
    const sameDay = await bookMany(t, 12, { session: "08:00" });
    const otherDay = await bookMany(t, 13, { session: "09:00" });

    const moves = [
      ...sameDay.map(({ booking, nik }) => rescheduleBooking(visitor, { reference: booking.reference, nik, date: TOMORROW, session: "10:00" }, ctx)),
      ...otherDay.map(({ booking, nik }) => rescheduleBooking(visitor, { reference: booking.reference, nik, date: D3, session: "10:00" }, ctx)),
    ];
    const newcomers = Array.from({ length: 10 }, (_, i) => createBooking(visitor, bookingRequest(t, { date: i % 2 ? TOMORROW : D3, session: "10:00" }), ctx));
    const race = Promise.allSettled([...moves, ...newcomers]);
    const highest = await highestWhile(race, async () =>
      Math.max(await countActive(db(), t.office.id, { date: TOMORROW, session: "10:00" }), await countActive(db(), t.office.id, { date: D3, session: "10:00" })),
    );
    const moved = await settleAll(moves);
    const joined = await settleAll(newcomers);

    expect(highest).toBeLessThanOrEqual(25);
    expect(await countActive(db(), t.office.id, { date: TOMORROW, session: "10:00" })).toBe(25);
    expect(await countActive(db(), t.office.id, { date: D3, session: "10:00" })).toBe(25);
    expect(moved.fulfilled.length + joined.fulfilled.length).toBe(5);
    expect(moved.codes).toEqual({ full: 25 - moved.fulfilled.length });
    expect(joined.codes).toEqual(joined.fulfilled.length === 10 ? {} : { full: 10 - joined.fulfilled.length });

    // Whoever lost the race still holds their original booking, and nobody holds two.
    const everyone = [...sameDay, ...otherDay];
    const active = await db()
      .select({ reference: bookings.reference, date: bookings.serviceDate, session: bookings.sessionStartsAt })
      .from(bookings)
      .where(and(eq(bookings.officeId, t.office.id), inArray(bookings.reference, everyone.map((h) => h.booking.reference)), inArray(bookings.status, [...ACTIVE_BOOKING_STATUSES])));
    expect(active).toHaveLength(25);
    const movedRefs = new Set(moved.fulfilled.map((b) => b.reference));
    for (const row of active.filter((r) => !movedRefs.has(r.reference))) expect(row.session).not.toBe("10:00:00");
    expect(await usageMismatches(db(), t.office.id)).toEqual({});
    expect((await appErrorOf(createBooking(visitor, bookingRequest(t, { session: "10:00" }), ctx))).code).toBe("full");
  });

  it("moving a booking to a date while the same person books that date: exactly one wins, never two that day", async () => {
    const t = await createTestOffice(db(), { sessionCapacity: 40, office: { dailyCap: 1000 } });
    const held = await bookMany(t, 12, { session: "08:00" });
    const pairs = held.map(({ booking, nik }) => [
      rescheduleBooking(visitor, { reference: booking.reference, nik, date: D3, session: "09:00" }, ctx),
      createBooking(visitor, bookingRequest(t, { nik, date: D3, session: "10:00", service: "kk" }), ctx),
    ]);
    const outcomes = await Promise.all(pairs.map((pair) => settleAll<BookingDTO>(pair)));
    for (const { fulfilled, codes } of outcomes) {
      expect(fulfilled).toHaveLength(1);
      expect(codes).toEqual({ duplicate: 1 });
    }
    const rows = await db()
      .select({ date: bookings.serviceDate, dedupeKey: bookings.dedupeKey })
      .from(bookings)
      .where(and(eq(bookings.officeId, t.office.id), inArray(bookings.status, [...ACTIVE_BOOKING_STATUSES])));
    const onD3 = rows.filter((r) => r.date === D3).map((r) => r.dedupeKey);
    expect(onD3).toHaveLength(12);
    expect(new Set(onD3).size).toBe(12);
    expect(await usageMismatches(db(), t.office.id)).toEqual({});
  });
});

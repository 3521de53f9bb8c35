import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { citizen } from "@/lib/auth/actor";
import { createBooking } from "@/lib/dal/bookings";
import { bookingRequest, countActive, settleAll, usageMismatches } from "../helpers/bookings";
import { useTestDatabase, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, NOW } from "../helpers/fixtures";

const visitor = citizen("127.0.0.1");

const ctx = { locale: "id" as const, now: NOW };

/**
 * PGlite has one connection and runs one transaction at a time, so "simultaneous" calls interleave
 * their reads before queueing for it: the counters must still give exactly the cap.
 */
describe("capacity under simultaneous calls on PGlite", () => {
  let testDb: TestDatabase;
  const db = () => testDb.handle.db;

  beforeAll(async () => {
    testDb = await useTestDatabase("pglite");
  });
  afterAll(() => testDb.dispose());

  it("300 simultaneous bookings for a session of 40 → exactly 40 booked, the rest 'full'", async () => {
    const t = await createTestOffice(db(), { sessionCapacity: 40, office: { dailyCap: 1000 } });
    const { fulfilled, codes } = await settleAll(Array.from({ length: 300 }, () => createBooking(visitor, bookingRequest(t, { session: "08:00" }), ctx)));
    expect(fulfilled).toHaveLength(40);
    expect(codes).toEqual({ full: 260 });
    expect(await countActive(db(), t.office.id, { session: "08:00" })).toBe(40);
    expect(new Set(fulfilled.map((b) => b.queueNumber)).size).toBe(40);
    expect(await usageMismatches(db(), t.office.id)).toEqual({});
  });

  it("the same NIK 20 times at once → one booking, 19 'duplicate'", async () => {
    const t = await createTestOffice(db(), { sessionCapacity: 40, office: { dailyCap: 1000 } });
    const nik = adultNik();
    const { fulfilled, codes } = await settleAll(Array.from({ length: 20 }, (_, i) => createBooking(visitor, bookingRequest(t, { nik, session: i % 2 ? "08:00" : "09:00" }), ctx)));
    expect(fulfilled).toHaveLength(1);
    expect(codes).toEqual({ duplicate: 19 });
    expect(await usageMismatches(db(), t.office.id)).toEqual({});
  });
});

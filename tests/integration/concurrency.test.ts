import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import { bookings } from "@/db/schema";
import { citizen } from "@/lib/auth/actor";
import { createBooking } from "@/lib/dal/bookings";
import { isAppError } from "@/lib/errors";
import { useTestDatabase, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, NOW, TOMORROW, uniquePhone, type TestOffice } from "../helpers/fixtures";

/** Real concurrency needs real connections: these run on PostgreSQL with a pool of 20. */
describe("capacity under concurrency (PostgreSQL)", () => {
  let testDb: TestDatabase;
  let t: TestOffice;
  const ctx = { actor: citizen("127.0.0.1"), locale: "id" as const, now: NOW };

  beforeAll(async () => {
    testDb = await useTestDatabase("postgres", { max: 20 });
    t = await createTestOffice(testDb.handle.db, { sessionCapacity: 40, office: { dailyCap: 1000 } });
  });
  afterAll(() => testDb.dispose());

  const request = (over: Record<string, unknown> = {}) => ({
    office: t.office.slug,
    service: "ktp",
    date: TOMORROW,
    session: "08:00",
    nik: adultNik(),
    name: "Budi",
    phone: "+62" + uniquePhone().slice(1),
    ...over,
  });

  it("300 simultaneous bookings for a session of 40 → exactly 40 booked, the rest a clean 'full'", async () => {
    const results = await Promise.allSettled(Array.from({ length: 300 }, () => createBooking(request(), ctx)));
    const booked = results.filter((r) => r.status === "fulfilled");
    const codes = results.flatMap((r) => (r.status === "rejected" ? [isAppError(r.reason) ? r.reason.code : String(r.reason)] : []));
    expect(booked).toHaveLength(40);
    expect(new Set(codes)).toEqual(new Set(["full"]));
    const [{ count }] = (await testDb.handle.db
      .select({ count: sql<number>`count(*)::int` })
      .from(bookings)
      .where(and(eq(bookings.officeId, t.office.id), eq(bookings.sessionStartsAt, "08:00"), inArray(bookings.status, ["booked"])))) as [{ count: number }];
    expect(count).toBe(40);
    const queueNumbers = booked.map((r) => (r as PromiseFulfilledResult<{ queueNumber: string }>).value.queueNumber);
    expect(new Set(queueNumbers).size).toBe(40);
  });
});

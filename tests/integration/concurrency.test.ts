import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { bookings } from "@/db/schema";
import { citizen } from "@/lib/auth/actor";
import { hashNik } from "@/lib/crypto";
import { createBooking } from "@/lib/dal/bookings";
import { bookingRequest, countActive, settleAll, usageMismatches, usageOf } from "../helpers/bookings";
import { useTestDatabase, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, NOW, TOMORROW } from "../helpers/fixtures";

const visitor = citizen("127.0.0.1");

const ctx = { locale: "id" as const, now: NOW };

/** Real concurrency needs real connections: these run on PostgreSQL with a pool of 20. */
describe("booking rules under concurrency (PostgreSQL)", () => {
  let testDb: TestDatabase;
  const db = () => testDb.handle.db;

  beforeAll(async () => {
    testDb = await useTestDatabase("postgres", { max: 20 });
  });
  afterAll(() => testDb.dispose());

  it("300 simultaneous bookings for a session of 40 → exactly 40 booked, the rest a clean 'full'", async () => {
    const t = await createTestOffice(db(), { sessionCapacity: 40, office: { dailyCap: 1000 } });
    const { fulfilled, codes } = await settleAll(Array.from({ length: 300 }, () => createBooking(visitor, bookingRequest(t, { session: "08:00" }), ctx)));
    expect(fulfilled).toHaveLength(40);
    expect(codes).toEqual({ full: 260 });
    expect(await countActive(db(), t.office.id, { session: "08:00" })).toBe(40);
    expect(new Set(fulfilled.map((b) => b.queueNumber))).toEqual(new Set(Array.from({ length: 40 }, (_, i) => `A-${String(i + 1).padStart(3, "0")}`)));
    expect(await usageMismatches(db(), t.office.id)).toEqual({});
  });

  it("the same NIK submitted 20 times at once → exactly one booking, 19 'duplicate'", async () => {
    const t = await createTestOffice(db(), { sessionCapacity: 40, office: { dailyCap: 1000 } });
    const nik = adultNik();
    const sessions = ["08:00", "09:00", "10:00", "11:00"];
    const { fulfilled, codes } = await settleAll(
      Array.from({ length: 20 }, (_, i) => createBooking(visitor, bookingRequest(t, { nik, session: sessions[i % 4]!, service: i % 2 ? "kk" : "ktp" }), ctx)),
    );
    expect(fulfilled).toHaveLength(1);
    expect(codes).toEqual({ duplicate: 19 });
    const rows = await db().select().from(bookings).where(eq(bookings.nikHash, hashNik(nik)));
    expect(rows).toHaveLength(1);
    expect(await usageOf(db(), t.office.id, TOMORROW, "day")).toBe(1);
    expect(await usageMismatches(db(), t.office.id)).toEqual({});
  });

  it("a daily cap of 30 over three sessions of 20: 200 at once → exactly 30", async () => {
    const t = await createTestOffice(db(), { sessionCapacity: 20, office: { dailyCap: 30 } });
    const sessions = ["08:00", "09:00", "10:00"];
    const { fulfilled, codes } = await settleAll(Array.from({ length: 200 }, (_, i) => createBooking(visitor, bookingRequest(t, { session: sessions[i % 3]! }), ctx)));
    expect(fulfilled).toHaveLength(30);
    expect(codes).toEqual({ full: 170 });
    expect(await countActive(db(), t.office.id, { date: TOMORROW })).toBe(30);
    for (const session of sessions) expect(await countActive(db(), t.office.id, { session })).toBeLessThanOrEqual(20);
    expect(await usageOf(db(), t.office.id, TOMORROW, "day")).toBe(30);
    expect(await usageMismatches(db(), t.office.id)).toEqual({});
  });

  it("a service cap holds under concurrency while other services still book", async () => {
    const t = await createTestOffice(db(), { sessionCapacity: 100, office: { dailyCap: 1000 }, serviceCaps: { ktp: 12 } });
    const { fulfilled, codes } = await settleAll(
      Array.from({ length: 80 }, (_, i) => createBooking(visitor, bookingRequest(t, { service: i % 4 === 0 ? "kk" : "ktp", session: i % 2 ? "08:00" : "09:00" }), ctx)),
    );
    expect(fulfilled.filter((b) => b.service.slug === "ktp")).toHaveLength(12);
    expect(fulfilled.filter((b) => b.service.slug === "kk")).toHaveLength(20);
    expect(codes).toEqual({ full: 48 });
    expect(await usageMismatches(db(), t.office.id)).toEqual({});
  });

  it("one phone, 20 bookings at once for 20 people → exactly 5, the rest 'phone_limit'", async () => {
    const t = await createTestOffice(db(), { sessionCapacity: 40, office: { dailyCap: 1000 } });
    const phone = "+6281388889999";
    const { fulfilled, codes } = await settleAll(Array.from({ length: 20 }, (_, i) => createBooking(visitor, bookingRequest(t, { phone, session: i % 2 ? "08:00" : "13:00" }), ctx)));
    expect(fulfilled).toHaveLength(5);
    expect(codes).toEqual({ phone_limit: 15 });
    const rows = await db().select().from(bookings).where(eq(bookings.officeId, t.office.id));
    expect(rows.filter((r) => r.phone === phone)).toHaveLength(5);
    expect(await usageMismatches(db(), t.office.id)).toEqual({});
  });
});

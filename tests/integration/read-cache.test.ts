import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { capacityUsages, rateLimits, sessionCapacityOverrides } from "@/db/schema";
import { citizen } from "@/lib/auth/actor";
import { getAvailability } from "@/lib/dal/availability";
import { cancelBooking, createBooking } from "@/lib/dal/bookings";
import { consumeRateLimit } from "@/lib/dal/rate-limit";
import { setReadCacheTtl } from "@/lib/dal/read-cache";
import { createTranslator } from "@/lib/i18n/translate";
import { appErrorOf, bookingRequest, countActive, settleAll, usageMismatches } from "../helpers/bookings";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, NOW, TOMORROW, type TestOffice } from "../helpers/fixtures";

const visitor = citizen("127.0.0.1");

const ctx = { locale: "id" as const, now: NOW };
const id = createTranslator("id");
const TTL = 1000;
const pastTtl = () => new Promise((r) => setTimeout(r, TTL + 100));

/** The opening rush's read cache: at most a second stale across instances, at once within this one. */
describe.each(DATABASE_KINDS)("read cache on %s", (kind) => {
  let testDb: TestDatabase;
  const db = () => testDb.handle.db;

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
  });
  afterAll(() => testDb.dispose());
  beforeEach(() => setReadCacheTtl(TTL));
  afterEach(() => setReadCacheTtl(0));

  async function remaining(t: TestOffice, session = "09:00"): Promise<number> {
    const { days } = await getAvailability({ officeSlug: t.office.slug, serviceSlug: "ktp", from: TOMORROW, days: 1, t: id, now: NOW });
    return days[0]!.sessions.find((s) => s.start === session)!.remaining;
  }

  /** What another app instance does: the same change, straight in the shared database. */
  async function useOnePlaceElsewhere(t: TestOffice, session = "09:00") {
    await db()
      .update(capacityUsages)
      .set({ used: sql`${capacityUsages.used} + 1` })
      .where(and(eq(capacityUsages.officeId, t.office.id), eq(capacityUsages.serviceDate, TOMORROW), eq(capacityUsages.scopeKey, session)));
  }

  it("a booking or a cancellation in this process shows in the availability at once", async () => {
    const t = await createTestOffice(db());
    expect(await remaining(t)).toBe(10);
    const nik = adultNik();
    const booking = await createBooking(visitor, bookingRequest(t, { nik }), ctx);
    expect(await remaining(t)).toBe(9);
    await cancelBooking(visitor, { reference: booking.reference, nik }, ctx);
    expect(await remaining(t)).toBe(10);
  });

  it("a booking made by another instance shows within a second", async () => {
    const t = await createTestOffice(db());
    await createBooking(visitor, bookingRequest(t), ctx);
    expect(await remaining(t)).toBe(9);
    await useOnePlaceElsewhere(t);
    expect(await remaining(t)).toBe(9); // cached: this is what the ttl allows
    await pastTtl();
    expect(await remaining(t)).toBe(8);
  });

  it("a capacity changed by another instance applies within a second", async () => {
    const t = await createTestOffice(db());
    expect(await remaining(t)).toBe(10);
    await db().insert(sessionCapacityOverrides).values({ officeId: t.office.id, date: TOMORROW, startsAt: "09:00", capacity: 3 });
    await pastTtl();
    expect(await remaining(t)).toBe(3);
  });

  it("a session found full is refused without the database until a place is freed, here at once, elsewhere within a second", async () => {
    const t = await createTestOffice(db(), { sessionCapacity: 1 });
    const nik = adultNik();
    const first = await createBooking(visitor, bookingRequest(t, { nik }), ctx);
    expect((await appErrorOf(createBooking(visitor, bookingRequest(t), ctx))).code).toBe("full");

    // Another instance frees the place; the database would now accept, but this process still knows "full".
    await db().update(capacityUsages).set({ used: 0 }).where(and(eq(capacityUsages.officeId, t.office.id), eq(capacityUsages.scope, "session")));
    expect((await appErrorOf(createBooking(visitor, bookingRequest(t), ctx))).code).toBe("full");
    await pastTtl();
    await createBooking(visitor, bookingRequest(t), ctx);
    await db().update(capacityUsages).set({ used: 1 }).where(and(eq(capacityUsages.officeId, t.office.id), eq(capacityUsages.scope, "session")));

    // Full again; a cancellation in this process frees it for the next booking at once.
    expect((await appErrorOf(createBooking(visitor, bookingRequest(t), ctx))).code).toBe("full");
    await cancelBooking(visitor, { reference: first.reference, nik }, ctx);
    await createBooking(visitor, bookingRequest(t), ctx);
  });

  it("once a session's full mark expires, one read answers everyone asking meanwhile: still full → no booking attempt", async () => {
    const t = await createTestOffice(db(), { sessionCapacity: 1 });
    await createBooking(visitor, bookingRequest(t), ctx);
    expect((await appErrorOf(createBooking(visitor, bookingRequest(t), ctx))).code).toBe("full");
    await pastTtl();
    let attempts = 0;
    const beforeWrite = async () => void attempts++;
    const { fulfilled, codes } = await settleAll(Array.from({ length: 20 }, () => createBooking(visitor, bookingRequest(t), { ...ctx, beforeWrite })));
    expect(fulfilled).toHaveLength(0);
    expect(codes).toEqual({ full: 20 });
    expect(attempts).toBe(0); // no rate limit spent, no booking statement: the counter was read once
    // Freed elsewhere: the next read after the ttl lets the booking through.
    await db().update(capacityUsages).set({ used: 0 }).where(and(eq(capacityUsages.officeId, t.office.id), eq(capacityUsages.scope, "session")));
    await pastTtl();
    await createBooking(visitor, bookingRequest(t), { ...ctx, beforeWrite });
    expect(attempts).toBe(1);
  });

  it("a rate-limit key seen over its limit is refused from memory until its window ends, and only over that limit", async () => {
    const key = `test:remembered:${kind}:${Math.random()}`;
    const at = new Date("2026-06-01T10:00:05Z");
    for (let i = 0; i < 2; i++) await consumeRateLimit({ key, limit: 2, windowSeconds: 60 }, { now: at });
    expect((await appErrorOf(consumeRateLimit({ key, limit: 2, windowSeconds: 60 }, { now: at }))).code).toBe("rate_limited");
    // The database forgets (it never does within a window; here it shows the refusal came from memory).
    await db().delete(rateLimits).where(eq(rateLimits.key, key));
    expect((await appErrorOf(consumeRateLimit({ key, limit: 2, windowSeconds: 60 }, { now: new Date("2026-06-01T10:00:59Z") }))).code).toBe("rate_limited");
    await expect(consumeRateLimit({ key, limit: 5, windowSeconds: 60 }, { now: at })).resolves.toBeUndefined(); // a higher limit asks the database
    await expect(consumeRateLimit({ key, limit: 2, windowSeconds: 60 }, { now: new Date("2026-06-01T10:01:00Z") })).resolves.toBeUndefined(); // next window
    setReadCacheTtl(0); // with the cache off, nothing is remembered
    for (let i = 0; i < 3; i++) await consumeRateLimit({ key: `${key}:off`, limit: 2, windowSeconds: 60 }, { now: at }).catch(() => {});
    await db().delete(rateLimits).where(eq(rateLimits.key, `${key}:off`));
    await expect(consumeRateLimit({ key: `${key}:off`, limit: 2, windowSeconds: 60 }, { now: at })).resolves.toBeUndefined();
  });
});

describe("read cache under concurrency (PostgreSQL)", () => {
  let testDb: TestDatabase;
  const db = () => testDb.handle.db;

  beforeAll(async () => {
    testDb = await useTestDatabase("postgres", { max: 20 });
    setReadCacheTtl(TTL);
  });
  afterAll(async () => {
    setReadCacheTtl(0);
    await testDb.dispose();
  });

  it("300 simultaneous bookings for a session of 40 with the cache on → exactly 40, and availability says 0 left", async () => {
    const t = await createTestOffice(db(), { sessionCapacity: 40, office: { dailyCap: 1000 } });
    const { fulfilled, codes } = await settleAll(Array.from({ length: 300 }, () => createBooking(visitor, bookingRequest(t, { session: "08:00" }), ctx)));
    expect(fulfilled).toHaveLength(40);
    expect(codes).toEqual({ full: 260 });
    expect(await countActive(db(), t.office.id, { session: "08:00" })).toBe(40);
    expect(await usageMismatches(db(), t.office.id)).toEqual({});
    const { days } = await getAvailability({ officeSlug: t.office.slug, serviceSlug: "ktp", from: TOMORROW, days: 1, t: id, now: NOW });
    expect(days[0]!.sessions.find((s) => s.start === "08:00")!.remaining).toBe(0);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLogs, bookings, rateLimits } from "@/db/schema";
import { citizen } from "@/lib/auth/actor";
import { hashNik, hashPhone } from "@/lib/crypto";
import { cancelBooking, createBooking } from "@/lib/dal/bookings";
import { consumeRateLimit } from "@/lib/dal/rate-limit";
import { setReadCacheTtl } from "@/lib/dal/read-cache";
import { createBookingAllowances, PERSON_LIMITS } from "@/lib/limits/booking";
import { appErrorOf, bookingRequest, countActive, usageMismatches, usageOf } from "../helpers/bookings";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, NOW, TODAY, TOMORROW } from "../helpers/fixtures";
import { actorOf, createTestStaff } from "../helpers/staff";

const visitor = citizen("127.0.0.1");

const ctx = { locale: "id" as const, now: NOW };
const DAY_AFTER = "2026-12-03";

describe.each(DATABASE_KINDS)("booking limits on %s", (kind) => {
  let testDb: TestDatabase;
  const db = () => testDb.handle.db;

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
  });
  afterAll(() => testDb.dispose());

  it("one phone books at most 5 visits a day; another day, or a cancellation, frees the allowance", async () => {
    const t = await createTestOffice(db());
    const phone = "+6281311112222";
    const niks = Array.from({ length: 6 }, () => adultNik());
    const nik6 = niks[5]!;
    const done = [];
    for (const nik of niks.slice(0, 5)) done.push(await createBooking(visitor, bookingRequest(t, { phone, nik }), ctx));
    const error = await appErrorOf(createBooking(visitor, bookingRequest(t, { phone, nik: nik6 }), ctx));
    expect([error.code, error.status, error.messageKey, error.params]).toEqual(["phone_limit", 409, "error.phoneLimit", { limit: 5 }]);
    expect(await countActive(db(), t.office.id)).toBe(5);

    await expect(createBooking(visitor, bookingRequest(t, { phone, nik: nik6, date: DAY_AFTER }), ctx)).resolves.toMatchObject({ date: DAY_AFTER });
    await cancelBooking(visitor, { reference: done[0]!.reference, nik: niks[0]! }, ctx);
    await expect(createBooking(visitor, bookingRequest(t, { phone, session: "11:00" }), ctx)).resolves.toMatchObject({ status: "booked" });
    expect(await usageMismatches(db(), t.office.id)).toEqual({});
  });

  it("follows the office's own phone limit", async () => {
    const t = await createTestOffice(db(), { office: { phoneDailyLimit: 2 } });
    const phone = "+6281311113333";
    await createBooking(visitor, bookingRequest(t, { phone }), ctx);
    await createBooking(visitor, bookingRequest(t, { phone }), ctx);
    expect((await appErrorOf(createBooking(visitor, bookingRequest(t, { phone }), ctx))).params).toEqual({ limit: 2 });
  });

  it("one NIK, one visit a day: another service or session that day is a duplicate; another day is fine", async () => {
    const t = await createTestOffice(db());
    const nik = adultNik();
    const first = await createBooking(visitor, bookingRequest(t, { nik }), ctx);
    for (const over of [{ service: "kk" }, { session: "13:00" }, { service: "ktp" }]) {
      const error = await appErrorOf(createBooking(visitor, bookingRequest(t, { nik, ...over }), ctx));
      expect([error.code, error.status, error.messageKey]).toEqual(["duplicate", 409, "error.duplicate"]);
    }
    await expect(createBooking(visitor, bookingRequest(t, { nik, date: DAY_AFTER }), ctx)).resolves.toMatchObject({ date: DAY_AFTER });
    const rows = await db().select().from(bookings).where(and(eq(bookings.officeId, t.office.id), eq(bookings.nikHash, hashNik(nik))));
    expect(rows.map((r) => r.serviceDate).sort()).toEqual([TOMORROW, DAY_AFTER]);

    await cancelBooking(visitor, { reference: first.reference, nik }, ctx);
    await expect(createBooking(visitor, bookingRequest(t, { nik, service: "kk" }), ctx)).resolves.toMatchObject({ queueNumber: "C-001" });
    expect(await usageMismatches(db(), t.office.id)).toEqual({});
  });

  it("with allowSeveralServicesPerDay, one NIK may book two services a day, not the same one twice", async () => {
    const t = await createTestOffice(db(), { office: { allowSeveralServicesPerDay: true } });
    const nik = adultNik();
    await createBooking(visitor, bookingRequest(t, { nik }), ctx);
    await expect(createBooking(visitor, bookingRequest(t, { nik, service: "kk", session: "10:00" }), ctx)).resolves.toMatchObject({ queueNumber: "C-001" });
    expect((await appErrorOf(createBooking(visitor, bookingRequest(t, { nik, session: "11:00" }), ctx))).code).toBe("duplicate");
    const rows = await db().select().from(bookings).where(eq(bookings.officeId, t.office.id));
    expect(rows.map((r) => r.dedupeKey).sort()).toEqual([`${hashNik(nik)}:${t.ktp.id}`, `${hashNik(nik)}:${t.kk.id}`].sort());
  });

  describe("caps", () => {
    it("a full session is `full` and changes nothing", async () => {
      const t = await createTestOffice(db(), { sessionCapacity: 2 });
      await createBooking(visitor, bookingRequest(t), ctx);
      await createBooking(visitor, bookingRequest(t), ctx);
      const error = await appErrorOf(createBooking(visitor, bookingRequest(t), ctx));
      expect([error.code, error.status, error.messageKey]).toEqual(["full", 409, "error.full"]);
      expect(await usageOf(db(), t.office.id, TOMORROW, "session", "09:00")).toBe(2);
      expect(await usageOf(db(), t.office.id, TOMORROW, "day")).toBe(2);
      expect(await countActive(db(), t.office.id)).toBe(2);
      await expect(createBooking(visitor, bookingRequest(t, { session: "10:00" }), ctx)).resolves.toMatchObject({ status: "booked" });
    });

    it("the daily cap holds across sessions", async () => {
      const t = await createTestOffice(db(), { sessionCapacity: 5, office: { dailyCap: 3 } });
      for (const session of ["08:00", "09:00", "10:00"]) await createBooking(visitor, bookingRequest(t, { session }), ctx);
      expect((await appErrorOf(createBooking(visitor, bookingRequest(t, { session: "11:00" }), ctx))).code).toBe("full");
      await expect(createBooking(visitor, bookingRequest(t, { date: DAY_AFTER }), ctx)).resolves.toMatchObject({ status: "booked" });
      expect(await usageMismatches(db(), t.office.id)).toEqual({});
    });

    it("a service's daily cap stops that service only", async () => {
      const t = await createTestOffice(db(), { serviceCaps: { ktp: 2 } });
      await createBooking(visitor, bookingRequest(t, { session: "08:00" }), ctx);
      await createBooking(visitor, bookingRequest(t, { session: "09:00" }), ctx);
      expect((await appErrorOf(createBooking(visitor, bookingRequest(t, { session: "10:00" }), ctx))).code).toBe("full");
      await expect(createBooking(visitor, bookingRequest(t, { service: "kk", session: "10:00" }), ctx)).resolves.toMatchObject({ queueNumber: "C-001" });
      expect(await usageOf(db(), t.office.id, TOMORROW, "service", t.ktp.id)).toBe(2);
    });
  });

  describe("the walk-in reserve and staff-assisted bookings", () => {
    it("online stops at capacity − reserve; a staff member can book the reserve", async () => {
      // 20% of 10 places: online bookings stop at 8, staff may fill all 10.
      const t = await createTestOffice(db(), { sessionCapacity: 10, office: { walkInReservePercent: 20, dailyCap: 100 } });
      const staff = await createTestStaff(db(), t.office.id, { role: "operator" });
      const operator = { type: "staff" as const, staffId: staff.id, officeId: t.office.id, role: "operator" as const };
      for (let i = 0; i < 8; i++) await createBooking(visitor, bookingRequest(t), ctx);
      expect((await appErrorOf(createBooking(visitor, bookingRequest(t), ctx))).code).toBe("full");
      // A citizen cannot claim the reserve by calling their booking a walk-in.
      expect((await appErrorOf(createBooking(visitor, { ...bookingRequest(t), channel: "walk_in" }, ctx))).code).toBe("full");

      const assisted = await createBooking(operator, bookingRequest(t), ctx);
      expect(assisted).toMatchObject({ channel: "assisted", queueNumber: "A-009" });
      const walkIn = await createBooking(operator, { ...bookingRequest(t), channel: "walk_in" }, ctx);
      expect(walkIn.channel).toBe("walk_in");
      expect((await appErrorOf(createBooking(operator, bookingRequest(t), ctx))).code).toBe("full");

      const [row] = await db().select().from(bookings).where(eq(bookings.reference, assisted.reference));
      expect(row).toMatchObject({ channel: "assisted", createdByStaffId: staff.id });
      const [audit] = await db().select().from(auditLogs).where(eq(auditLogs.bookingId, row!.id));
      expect(audit).toMatchObject({ actorType: "staff", actorStaffId: staff.id, action: "booking.create", details: { channel: "assisted" } });
      expect(await countActive(db(), t.office.id, { session: "09:00" })).toBe(10);
    });

    it("the reserve applies to the daily cap too", async () => {
      const t = await createTestOffice(db(), { sessionCapacity: 10, office: { walkInReservePercent: 50, dailyCap: 4 } });
      const staff = actorOf(await createTestStaff(db(), t.office.id));
      await createBooking(visitor, bookingRequest(t, { session: "08:00" }), ctx);
      await createBooking(visitor, bookingRequest(t, { session: "09:00" }), ctx);
      expect((await appErrorOf(createBooking(visitor, bookingRequest(t, { session: "10:00" }), ctx))).code).toBe("full");
      await createBooking(staff, bookingRequest(t, { session: "10:00" }), ctx);
      await createBooking(staff, bookingRequest(t, { session: "11:00" }), ctx);
      expect((await appErrorOf(createBooking(staff, bookingRequest(t, { session: "12:00" }), ctx))).code).toBe("full");
    });

    it("staff may book today's session under way; citizens may not; staff of another office may not book here", async () => {
      const t = await createTestOffice(db());
      const staff = actorOf(await createTestStaff(db(), t.office.id));
      await expect(createBooking(staff, bookingRequest(t, { date: TODAY, session: "10:00" }), ctx)).resolves.toMatchObject({ date: TODAY, channel: "assisted" });
      expect((await appErrorOf(createBooking(staff, bookingRequest(t, { date: TODAY, session: "09:00" }), ctx))).code).toBe("closed");
      expect((await appErrorOf(createBooking(visitor, bookingRequest(t, { date: TODAY, session: "11:00" }), ctx))).code).toBe("closed");

      const elsewhere = await createTestOffice(db());
      const outsider = actorOf(await createTestStaff(db(), elsewhere.office.id));
      const error = await appErrorOf(createBooking(outsider, bookingRequest(t), ctx));
      expect([error.code, error.status]).toEqual(["forbidden", 403]);
      expect(await countActive(db(), t.office.id)).toBe(1);
    });
  });

  describe("consumeRateLimit", () => {
    /** 10:00:05 WIB; a one-minute window starts at 10:00:00. */
    const T0 = new Date("2026-12-01T03:00:05Z");
    const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

    it("allows `limit` calls in a window, then 429; other keys are unaffected; the next window starts afresh", async () => {
      for (let i = 0; i < 3; i++) await consumeRateLimit({ key: "booking:10.0.0.1", limit: 3, windowSeconds: 60 }, { now: later(i) });
      const error = await appErrorOf(consumeRateLimit({ key: "booking:10.0.0.1", limit: 3, windowSeconds: 60 }, { now: later(10) }));
      expect([error.code, error.status, error.messageKey]).toEqual(["rate_limited", 429, "error.rateLimited"]);
      expect((await appErrorOf(consumeRateLimit({ key: "booking:10.0.0.1", limit: 3, windowSeconds: 60 }, { now: later(54) }))).code).toBe("rate_limited");

      await expect(consumeRateLimit({ key: "booking:10.0.0.2", limit: 3, windowSeconds: 60 }, { now: later(10) })).resolves.toBeUndefined();
      await expect(consumeRateLimit({ key: "booking:10.0.0.1", limit: 3, windowSeconds: 60 }, { now: later(55) })).resolves.toBeUndefined();

      const rows = await db().select().from(rateLimits).where(eq(rateLimits.key, "booking:10.0.0.1"));
      expect(rows.map((r) => [r.windowStart.toISOString(), r.count]).sort()).toEqual([
        ["2026-12-01T03:00:00.000Z", 5],
        ["2026-12-01T03:01:00.000Z", 1],
      ]);
    });

    it("counts concurrent calls exactly: 10 at once with a limit of 4 → 4 pass", async () => {
      const results = await Promise.allSettled(Array.from({ length: 10 }, () => consumeRateLimit({ key: "lookup:10.0.0.9", limit: 4, windowSeconds: 60 }, { now: T0 })));
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(4);
      const [row] = await db().select().from(rateLimits).where(eq(rateLimits.key, "lookup:10.0.0.9"));
      expect(row?.count).toBe(10);
    });
  });

  describe("the allowances counted by the booking statement itself", () => {
    // Each test its own address: the address's count is shared by everything it sends in the window.
    let ip = "";
    let nextAddress = 0;
    beforeEach(() => {
      ip = `10.77.${kind === "postgres" ? 1 : 2}.${++nextAddress}`;
    });
    /** The window the allowances count in at NOW (10 minutes). */
    const windowStart = new Date(Math.floor(NOW.getTime() / 600_000) * 600_000);
    const personKeys = (nik: string, phone: string) => [`api:create-booking:nik:${hashNik(nik)}`, `api:create-booking:phone:${hashPhone(phone)}`];
    async function countOf(key: string): Promise<number | undefined> {
      const [row] = await db().select({ count: rateLimits.count }).from(rateLimits).where(and(eq(rateLimits.key, key), eq(rateLimits.windowStart, windowStart)));
      return row?.count;
    }

    it("a booking is one statement: the address's and the person's allowances are counted with it", async () => {
      const t = await createTestOffice(db());
      const input = bookingRequest(t);
      const handle = testDb.handle;
      const run = handle.run;
      const statements: string[] = [];
      handle.run = (text, params) => {
        statements.push(text);
        return run.call(handle, text, params);
      };
      try {
        await createBooking(citizen(ip), input, { ...ctx, allowances: createBookingAllowances(ip, input) });
      } finally {
        handle.run = run;
      }
      expect(statements).toHaveLength(1);
      expect(statements[0]).toMatch(/antrean_create_booking/);
      for (const key of [`api:create-booking:${ip}`, ...personKeys(input.nik, input.phone)]) expect(await countOf(key), key).toBe(1);
    });

    it("the previous release's booking statement (32 parameters) still books beside it, for instances not yet restarted", async () => {
      const t = await createTestOffice(db());
      const nik = adultNik();
      const previous = `select booking_id, booking_queue_seq from antrean_create_booking(${Array.from({ length: 32 }, (_, i) => `$${i + 1}`).join(", ")})`;
      const [row] = await testDb.handle.run(previous, [
        t.office.id, t.ktp.id, TOMORROW, "09:00", "10:00", 100, 100, 100, hashPhone("+6281311119999"), 5,
        t.ktp.queueLetter, "PREV0001", "online", hashNik(nik), "x", "3271********0001", "Siti", "+6281311119999", null,
        30, "F", `${hashNik(nik)}:${t.ktp.id}`, false, null, null, null, "citizen", null, "{}", null, "id", NOW.toISOString(),
      ]);
      expect(Number(row!.booking_queue_seq)).toBe(1);
      expect(await countActive(db(), t.office.id)).toBe(1);
      expect(await usageMismatches(db(), t.office.id)).toEqual({});
    });

    it("an attempt the statement refuses (already booked that day, session full) still uses the allowances", async () => {
      const t = await createTestOffice(db(), { sessionCapacity: 1 });
      const first = bookingRequest(t);
      await createBooking(citizen(ip), first, { ...ctx, allowances: createBookingAllowances(ip, first) });
      const again = { ...first, session: "10:00" };
      expect((await appErrorOf(createBooking(citizen(ip), again, { ...ctx, allowances: createBookingAllowances(ip, again) }))).code).toBe("duplicate");
      for (const key of personKeys(first.nik, first.phone)) expect(await countOf(key), key).toBe(2);

      const late = bookingRequest(t);
      expect((await appErrorOf(createBooking(citizen(ip), late, { ...ctx, allowances: createBookingAllowances(ip, late) }))).code).toBe("full");
      for (const key of personKeys(late.nik, late.phone)) expect(await countOf(key), key).toBe(1);
      expect(await countOf(`api:create-booking:${ip}`)).toBe(3);
      expect(await countActive(db(), t.office.id)).toBe(1);
      expect(await usageMismatches(db(), t.office.id)).toEqual({});
    });

    it("a key at its cap refuses the attempt (429) before any place is claimed, and writes nothing", async () => {
      const t = await createTestOffice(db());
      const input = bookingRequest(t);
      const [nikKey] = personKeys(input.nik, input.phone);
      await db().insert(rateLimits).values({ key: nikKey!, windowStart, count: PERSON_LIMITS.nik });
      const before = await usageOf(db(), t.office.id, TOMORROW, "day");
      const error = await appErrorOf(createBooking(citizen(ip), input, { ...ctx, allowances: createBookingAllowances(ip, input) }));
      expect([error.code, error.status]).toEqual(["rate_limited", 429]);
      expect(await countOf(nikKey!)).toBe(PERSON_LIMITS.nik);
      // The whole statement was refused: neither the address's count nor any place moved.
      expect(await countOf(`api:create-booking:${ip}`)).toBeUndefined();
      expect(await usageOf(db(), t.office.id, TOMORROW, "day")).toBe(before);
      expect(await countActive(db(), t.office.id)).toBe(0);
    });

    it("with the read cache on, a key the statement found at its cap is then refused from memory", async () => {
      setReadCacheTtl(1000);
      try {
        const t = await createTestOffice(db());
        const input = bookingRequest(t);
        const [nikKey] = personKeys(input.nik, input.phone);
        await db().insert(rateLimits).values({ key: nikKey!, windowStart, count: PERSON_LIMITS.nik });
        expect((await appErrorOf(createBooking(citizen(ip), input, { ...ctx, allowances: createBookingAllowances(ip, input) }))).code).toBe("rate_limited");
        // The database forgets (it never does within a window): the refusal now comes from memory.
        await db().delete(rateLimits).where(eq(rateLimits.key, nikKey!));
        expect((await appErrorOf(createBooking(citizen(ip), input, { ...ctx, allowances: createBookingAllowances(ip, input) }))).code).toBe("rate_limited");
        expect(await countOf(nikKey!)).toBeUndefined();
        expect(await countActive(db(), t.office.id)).toBe(0);
      } finally {
        setReadCacheTtl(0);
      }
    });
  });
});

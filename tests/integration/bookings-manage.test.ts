import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { ACTIVE_BOOKING_STATUSES, auditLogs, bookings, dateOverrides } from "@/db/schema";
import { citizen } from "@/lib/auth/actor";
import { hashNik, hashPhone } from "@/lib/crypto";
import { cancelBooking, createBooking, findBookingByReference, lookupBooking, rescheduleBooking } from "@/lib/dal/bookings";
import { appErrorOf, bookingRequest, usageMismatches, usageOf } from "../helpers/bookings";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, makeNik, NOW, TOMORROW } from "../helpers/fixtures";

const visitor = citizen("127.0.0.1");

const ctx = { locale: "id" as const, now: NOW };
const D3 = "2026-12-03";
const D4 = "2026-12-04";

describe.each(DATABASE_KINDS)("managing a booking on %s", (kind) => {
  let testDb: TestDatabase;
  const db = () => testDb.handle.db;

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
  });
  afterAll(() => testDb.dispose());

  const activeOf = async (nik: string) =>
    db()
      .select()
      .from(bookings)
      .where(and(eq(bookings.nikHash, hashNik(nik)), inArray(bookings.status, [...ACTIVE_BOOKING_STATUSES])));

  describe("findBookingByReference and lookupBooking", () => {
    it("find by reference in either language; null for an unknown one", async () => {
      const t = await createTestOffice(db());
      const created = await createBooking(visitor, bookingRequest(t), ctx);
      expect(await findBookingByReference({ reference: created.reference }, { locale: "id" })).toEqual(created);
      expect((await findBookingByReference({ reference: created.reference }, { locale: "en" }))?.service.name).toBe("ID card");
      expect(await findBookingByReference({ reference: "ZZZZZZZZ" }, { locale: "id" })).toBeNull();
    });

    it("look up with reference + NIK; a wrong NIK and an unknown reference get the very same 404", async () => {
      const t = await createTestOffice(db());
      const nik = adultNik();
      const created = await createBooking(visitor, bookingRequest(t, { nik }), ctx);
      expect(await lookupBooking(visitor, { reference: created.reference, nik }, ctx)).toEqual(created);

      const wrongNik = await appErrorOf(lookupBooking(visitor, { reference: created.reference, nik: adultNik() }, ctx));
      const unknownRef = await appErrorOf(lookupBooking(visitor, { reference: "ZZZZZZZZ", nik }, ctx));
      const shape = (e: typeof wrongNik) => ({ code: e.code, status: e.status, messageKey: e.messageKey, fields: e.fields, params: e.params, message: e.message });
      expect(shape(wrongNik)).toEqual({ code: "not_found", status: 404, messageKey: "error.notFound", fields: undefined, params: undefined, message: "not_found: error.notFound" });
      expect(shape(unknownRef)).toEqual(shape(wrongNik));
    });
  });

  describe("cancelBooking", () => {
    it("cancels, gives every place back, keeps the queue number used, and cannot cancel twice", async () => {
      const t = await createTestOffice(db());
      const nik = adultNik();
      const phone = "+6281355556666";
      const created = await createBooking(visitor, bookingRequest(t, { nik, phone }), ctx);
      const counters = () =>
        Promise.all([
          usageOf(db(), t.office.id, TOMORROW, "day"),
          usageOf(db(), t.office.id, TOMORROW, "session", "09:00"),
          usageOf(db(), t.office.id, TOMORROW, "service", t.ktp.id),
          usageOf(db(), t.office.id, TOMORROW, "phone", hashPhone(phone)),
        ]);
      expect(await counters()).toEqual([1, 1, 1, 1]);

      const cancelled = await cancelBooking(visitor, { reference: created.reference, nik }, ctx);
      expect(cancelled).toMatchObject({ reference: created.reference, status: "cancelled", queueNumber: "A-001" });
      expect(await counters()).toEqual([0, 0, 0, 0]);
      const [row] = await db().select().from(bookings).where(eq(bookings.reference, created.reference));
      expect(row).toMatchObject({ status: "cancelled", cancelledAt: NOW });
      const actions = await db().select({ action: auditLogs.action }).from(auditLogs).where(eq(auditLogs.bookingId, row!.id));
      expect(actions.map((a) => a.action).sort()).toEqual(["booking.cancel", "booking.create"]);

      const again = await appErrorOf(cancelBooking(visitor, { reference: created.reference, nik }, ctx));
      expect([again.code, again.status]).toEqual(["invalid_transition", 409]);
      expect(await counters()).toEqual([0, 0, 0, 0]);
      await expect(createBooking(visitor, bookingRequest(t), ctx)).resolves.toMatchObject({ queueNumber: "A-002" });
    });

    it("a wrong NIK is a 404 and cancels nothing; a past booking cannot be cancelled", async () => {
      const t = await createTestOffice(db());
      const nik = adultNik();
      const created = await createBooking(visitor, bookingRequest(t, { nik }), ctx);
      expect((await appErrorOf(cancelBooking(visitor, { reference: created.reference, nik: adultNik() }, ctx))).code).toBe("not_found");
      expect((await findBookingByReference({ reference: created.reference }, { locale: "id" }))?.status).toBe("booked");

      const later = { ...ctx, now: new Date("2026-12-02T17:00:00Z") }; // 00:00 WIB on 3 December
      expect((await appErrorOf(cancelBooking(visitor, { reference: created.reference, nik }, later))).code).toBe("invalid_transition");
      expect(await usageOf(db(), t.office.id, TOMORROW, "day")).toBe(1);
    });
  });

  describe("rescheduleBooking", () => {
    it("a session on the same date keeps the queue number and moves only the session's place", async () => {
      const t = await createTestOffice(db());
      const nik = adultNik();
      const created = await createBooking(visitor, bookingRequest(t, { nik }), ctx);
      const moved = await rescheduleBooking(visitor, { reference: created.reference, nik, date: TOMORROW, session: "13:00" }, ctx);
      expect(moved).toMatchObject({ reference: created.reference, queueNumber: "A-001", date: TOMORROW, session: { start: "13:00", end: "14:00" } });
      expect(await usageOf(db(), t.office.id, TOMORROW, "session", "09:00")).toBe(0);
      expect(await usageOf(db(), t.office.id, TOMORROW, "session", "13:00")).toBe(1);
      expect(await usageOf(db(), t.office.id, TOMORROW, "day")).toBe(1);
      const [audit] = await db().select().from(auditLogs).where(and(eq(auditLogs.officeId, t.office.id), eq(auditLogs.action, "booking.reschedule")));
      expect(audit?.details).toEqual({ from: { date: TOMORROW, session: "09:00" }, to: { date: TOMORROW, session: "13:00" } });
    });

    it("another date gets that date's next queue number and moves every place", async () => {
      const t = await createTestOffice(db());
      const nik = adultNik();
      const phone = "+6281377778888";
      await createBooking(visitor, bookingRequest(t, { date: D3 }), ctx);
      const created = await createBooking(visitor, bookingRequest(t, { nik, phone }), ctx);
      const moved = await rescheduleBooking(visitor, { reference: created.reference, nik, date: D3, session: "08:00" }, ctx);
      expect(moved).toMatchObject({ reference: created.reference, queueNumber: "A-002", date: D3, session: { start: "08:00" } });
      expect(await usageOf(db(), t.office.id, TOMORROW, "day")).toBe(0);
      expect(await usageOf(db(), t.office.id, TOMORROW, "phone", hashPhone(phone))).toBe(0);
      expect(await usageOf(db(), t.office.id, D3, "day")).toBe(2);
      expect(await usageOf(db(), t.office.id, D3, "phone", hashPhone(phone))).toBe(1);
      expect(await usageMismatches(db(), t.office.id)).toEqual({});
      expect(await activeOf(nik)).toHaveLength(1);
    });

    it("to a full session is `full`, and the original booking and counters stay exactly as they were", async () => {
      const t = await createTestOffice(db(), { sessionCapacity: 1 });
      const nik = adultNik();
      await createBooking(visitor, bookingRequest(t, { session: "10:00" }), ctx);
      await createBooking(visitor, bookingRequest(t, { date: D3, session: "10:00" }), ctx);
      const created = await createBooking(visitor, bookingRequest(t, { nik }), ctx);
      const [before] = await db().select().from(bookings).where(eq(bookings.reference, created.reference));

      for (const target of [{ date: TOMORROW, session: "10:00" }, { date: D3, session: "10:00" }]) {
        const error = await appErrorOf(rescheduleBooking(visitor, { reference: created.reference, nik, ...target }, ctx));
        expect([error.code, error.status]).toEqual(["full", 409]);
      }
      const [after] = await db().select().from(bookings).where(eq(bookings.reference, created.reference));
      expect(after).toEqual(before);
      expect(await usageMismatches(db(), t.office.id)).toEqual({});
      expect(await usageOf(db(), t.office.id, D3, "sequence", "A")).toBe(1);
    });

    it("to a date where the NIK already has a booking is a duplicate; both stay, never two on a date", async () => {
      const t = await createTestOffice(db());
      const nik = adultNik();
      const first = await createBooking(visitor, bookingRequest(t, { nik }), ctx);
      const second = await createBooking(visitor, bookingRequest(t, { nik, date: D3, service: "kk" }), ctx);
      const error = await appErrorOf(rescheduleBooking(visitor, { reference: second.reference, nik, date: TOMORROW, session: "11:00" }, ctx));
      expect([error.code, error.status]).toEqual(["duplicate", 409]);
      const active = await activeOf(nik);
      expect(active.map((b) => [b.reference, b.serviceDate]).sort()).toEqual([[first.reference, TOMORROW], [second.reference, D3]].sort());
      expect(await usageMismatches(db(), t.office.id)).toEqual({});
    });

    it("the same session is a no-op; closed dates, cancelled bookings and wrong NIKs are refused", async () => {
      const t = await createTestOffice(db());
      await db().insert(dateOverrides).values({ officeId: t.office.id, date: D4, kind: "closed", reason: "Libur", reasonEn: null });
      const nik = adultNik();
      const created = await createBooking(visitor, bookingRequest(t, { nik }), ctx);
      expect(await rescheduleBooking(visitor, { reference: created.reference, nik, date: TOMORROW, session: "09:00" }, ctx)).toEqual(created);
      expect(await db().select().from(auditLogs).where(eq(auditLogs.action, "booking.reschedule")).then((r) => r.filter((a) => a.officeId === t.office.id))).toEqual([]);

      for (const target of [{ date: D4, session: "09:00" }, { date: "2026-12-01", session: "13:00" }, { date: "2026-12-09", session: "09:00" }, { date: D3, session: "07:00" }]) {
        expect((await appErrorOf(rescheduleBooking(visitor, { reference: created.reference, nik, ...target }, ctx))).code).toBe("closed");
      }
      expect((await appErrorOf(rescheduleBooking(visitor, { reference: created.reference, nik: adultNik(), date: D3, session: "09:00" }, ctx))).code).toBe("not_found");
      await cancelBooking(visitor, { reference: created.reference, nik }, ctx);
      expect((await appErrorOf(rescheduleBooking(visitor, { reference: created.reference, nik, date: D3, session: "09:00" }, ctx))).code).toBe("invalid_transition");
      expect(await usageMismatches(db(), t.office.id)).toEqual({});
    });

    it("a booking whose date has passed cannot be moved, just as it cannot be cancelled", async () => {
      const t = await createTestOffice(db());
      const nik = adultNik();
      const created = await createBooking(visitor, bookingRequest(t, { nik }), ctx);
      const nextDay = { ...ctx, now: new Date("2026-12-02T17:00:00Z") }; // 00:00 WIB on 3 December
      const error = await appErrorOf(rescheduleBooking(visitor, { reference: created.reference, nik, date: D4, session: "09:00" }, nextDay));
      expect([error.code, error.status]).toEqual(["invalid_transition", 409]);
      expect(await findBookingByReference({ reference: created.reference }, { locale: "id" })).toEqual(created);
      expect(await usageOf(db(), t.office.id, D4, "day")).toBe(0);
    });

    it("checks the service's age rule again for the new date", async () => {
      const t = await createTestOffice(db());
      const child = makeNik("2009-12-03", "F", 31); // 16 on 2 December, 17 from 3 December
      const created = await createBooking(visitor, bookingRequest(t, { service: "kia", nik: child }), ctx);
      const error = await appErrorOf(rescheduleBooking(visitor, { reference: created.reference, nik: child, date: D3, session: "09:00" }, ctx));
      expect([error.code, error.fields]).toEqual(["validation", { nik: ["field.nik.tooOld"] }]);
      expect((await findBookingByReference({ reference: created.reference }, { locale: "id" }))?.date).toBe(TOMORROW);
    });
  });
});

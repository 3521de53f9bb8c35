import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLogs, bookings } from "@/db/schema";
import { citizen } from "@/lib/auth/actor";
import { cancelBooking, createBooking, lookupBooking, rescheduleBooking } from "@/lib/dal/bookings";
import { AppError } from "@/lib/errors";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, NOW, TOMORROW, uniquePhone, type TestOffice } from "../helpers/fixtures";


describe.each(DATABASE_KINDS)("bookings on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;
  const ctx = { actor: citizen("127.0.0.1"), locale: "id" as const, now: NOW };

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
    t = await createTestOffice(testDb.handle.db);
  });
  afterAll(() => testDb.dispose());

  const input = (over: Record<string, unknown> = {}) => ({
    office: t.office.slug,
    service: "ktp",
    date: TOMORROW,
    session: "09:00",
    nik: adultNik(),
    name: "Siti Nurhaliza",
    phone: "+62" + uniquePhone().slice(1),
    ...over,
  });

  it("books, looks up, reschedules and cancels", async () => {
    const nik = adultNik();
    const created = await createBooking(input({ nik }), ctx);
    expect(created.status).toBe("booked");
    expect(created.queueNumber).toMatch(/^A-\d{3}$/);
    expect(created.reference).toMatch(/^[A-Z2-9]{8}$/);
    expect(created.nikMasked).toBe(nik.slice(0, 4) + "********" + nik.slice(12));

    const found = await lookupBooking({ reference: created.reference, nik }, ctx);
    expect(found.reference).toBe(created.reference);
    await expect(lookupBooking({ reference: created.reference, nik: adultNik() }, ctx)).rejects.toMatchObject({ code: "not_found" });

    const moved = await rescheduleBooking({ reference: created.reference, nik, date: TOMORROW, session: "10:00" }, ctx);
    expect(moved.session.start).toBe("10:00");

    const cancelled = await cancelBooking({ reference: created.reference, nik }, ctx);
    expect(cancelled.status).toBe("cancelled");
    const audits = await testDb.handle.db.select().from(auditLogs).where(eq(auditLogs.officeId, t.office.id));
    expect(audits.map((a) => a.action).sort()).toEqual(["booking.cancel", "booking.create", "booking.reschedule"]);
  });

  it("refuses a second active booking for the same NIK and date", async () => {
    const nik = adultNik();
    await createBooking(input({ nik }), ctx);
    const error = await createBooking(input({ nik, service: "kk" }), ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("duplicate");
    const rows = await testDb.handle.db.select().from(bookings).where(eq(bookings.officeId, t.office.id));
    expect(rows.filter((r) => r.serviceDate === TOMORROW && r.status === "booked").length).toBeGreaterThan(0);
  });
});

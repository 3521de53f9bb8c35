import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLogs, bookings } from "@/db/schema";
import { citizen } from "@/lib/auth/actor";
import { cancelBooking, createBooking } from "@/lib/dal/bookings";
import { purgeExpiredPersonalData } from "@/lib/dal/retention";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, NOW, TOMORROW, uniquePhone, type TestOffice } from "../helpers/fixtures";

describe.each(DATABASE_KINDS)("retention purge on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;
  const visitor = citizen("198.51.100.7");
  const ctx = { locale: "id" as const, now: NOW };

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
    t = await createTestOffice(testDb.handle.db, { office: { retentionDays: 30 } });
  });
  afterAll(() => testDb.dispose());

  it("keeps personal data inside the retention period and removes it after, keeping the statistics", async () => {
    const nik = adultNik();
    const active = await createBooking(visitor, { office: t.office.slug, service: "ktp", date: TOMORROW, session: "08:00", nik: adultNik(), name: "Aktif", phone: uniquePhone() }, ctx);
    const old = await createBooking(visitor, { office: t.office.slug, service: "kk", date: TOMORROW, session: "09:00", nik, name: "Siti Aminah", phone: uniquePhone(), email: "siti@example.id" }, ctx);
    await cancelBooking(visitor, { reference: old.reference, nik }, ctx);
    // The booking, its change and their audit rows all carry the command's clock, never the database's:
    // the purge below counts 30 days from them (a fixed NOW in tests, the request's time in the app).
    const [cancelled] = await testDb.handle.db.select().from(bookings).where(eq(bookings.reference, old.reference));
    expect([cancelled!.createdAt, cancelled!.updatedAt]).toEqual([NOW, NOW]);
    const trail = await testDb.handle.db.select({ action: auditLogs.action, at: auditLogs.createdAt }).from(auditLogs).where(eq(auditLogs.bookingId, cancelled!.id));
    expect(trail.map((a) => a.action).sort()).toEqual(["booking.cancel", "booking.create"]);
    expect(trail.every((a) => a.at.getTime() === NOW.getTime())).toBe(true);

    expect((await purgeExpiredPersonalData({ now: NOW })).bookings).toBe(0);

    const later = new Date(NOW.getTime() + 40 * 86_400_000);
    expect((await purgeExpiredPersonalData({ now: later })).bookings).toBe(1);
    expect((await purgeExpiredPersonalData({ now: later })).bookings).toBe(0);

    const [purged] = await testDb.handle.db.select().from(bookings).where(eq(bookings.reference, old.reference));
    expect(purged).toMatchObject({ nikHash: null, nikEncrypted: null, fullName: null, phone: null, phoneHash: null, email: null, status: "cancelled" });
    expect(purged!.nikMasked).toBe(nik.slice(0, 4) + "************");
    expect(purged!.ageYears).not.toBeNull();
    expect(purged!.purgedAt).not.toBeNull();

    // An active booking is never purged, whatever its age: it still has a visit ahead.
    const [kept] = await testDb.handle.db.select().from(bookings).where(eq(bookings.reference, active.reference));
    expect(kept!.fullName).toBe("Aktif");

    const ips = await testDb.handle.db.select({ ip: auditLogs.ip, action: auditLogs.action }).from(auditLogs).where(eq(auditLogs.officeId, t.office.id));
    expect(ips.filter((a) => a.action.startsWith("booking.")).every((a) => a.ip === null)).toBe(true);
    expect(ips.some((a) => a.action === "retention.purge")).toBe(true);
  });
});

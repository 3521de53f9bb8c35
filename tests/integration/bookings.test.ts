import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLogs, bookings, dateOverrides, services, sessionCapacityOverrides } from "@/db/schema";
import { citizen } from "@/lib/auth/actor";
import { decryptNik, hashNik, hashPhone } from "@/lib/crypto";
import { createBooking } from "@/lib/dal/bookings";
import { isReference } from "@/lib/reference";
import { appErrorOf, bookingRequest, countActive, usageOf } from "../helpers/bookings";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { createTestOffice, makeNik, NOW, TODAY, TOMORROW, type TestOffice } from "../helpers/fixtures";

const visitor = citizen("127.0.0.1");

const ctx = { locale: "id" as const, now: NOW };

describe.each(DATABASE_KINDS)("createBooking on %s", (kind) => {
  let testDb: TestDatabase;
  const db = () => testDb.handle.db;

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
  });
  afterAll(() => testDb.dispose());

  it("books a visit and returns what the confirmation page shows", async () => {
    const t = await createTestOffice(db());
    const nik = makeNik("1990-05-17", "F", 7);
    const created = await createBooking(visitor, bookingRequest(t, { nik, phone: "+6281234567890", email: "siti@example.com" }), ctx);
    expect(isReference(created.reference)).toBe(true);
    expect(created).toEqual({
      reference: created.reference,
      referenceDisplay: `${created.reference.slice(0, 4)}-${created.reference.slice(4)}`,
      queueNumber: "A-001",
      status: "booked",
      channel: "online",
      date: TOMORROW,
      session: { id: "09:00", label: "09.00–10.00", start: "09:00", end: "10:00" },
      service: { slug: "ktp", name: "KTP-el", nameLang: "id", category: "KTP-el" },
      office: { slug: t.office.slug, name: "Kantor Uji", shortName: "Uji", address: null, timezone: "Asia/Jakarta" },
      nikMasked: `3271********0007`,
      name: "Siti Nurhaliza",
      phone: "0812-3456-7890",
      email: "siti@example.com",
      isPriority: false,
      createdAt: created.createdAt,
      updatedAt: created.createdAt,
      checkedInAt: null,
    });
  });

  it("numbers the queue per office, day and service letter", async () => {
    const t = await createTestOffice(db());
    const book = (over: Parameters<typeof bookingRequest>[1]) => createBooking(visitor, bookingRequest(t, over), ctx).then((b) => b.queueNumber);
    expect(await book({})).toBe("A-001");
    expect(await book({ session: "13:00" })).toBe("A-002");
    expect(await book({ service: "kk" })).toBe("C-001");
    expect(await book({ service: "kia", nik: makeNik("2015-03-04", "M", 1) })).toBe("B-001");
    expect(await book({ session: "08:00" })).toBe("A-003");
    expect(await book({ date: "2026-12-03" })).toBe("A-001");
    const other = await createTestOffice(db());
    expect(await createBooking(visitor, bookingRequest(other), ctx).then((b) => b.queueNumber)).toBe("A-001");
  });

  it("stores the NIK only as a keyed hash, a ciphertext and a mask, and writes the audit row", async () => {
    const t = await createTestOffice(db());
    const nik = makeNik("1985-10-20", "M", 42);
    const created = await createBooking(visitor, { ...bookingRequest(t, { nik, phone: "+6281299887766" }), consent: true }, ctx);
    const [row] = await db().select().from(bookings).where(eq(bookings.reference, created.reference));
    expect(row).toMatchObject({
      officeId: t.office.id,
      serviceId: t.ktp.id,
      serviceDate: TOMORROW,
      sessionStartsAt: "09:00:00",
      sessionEndsAt: "10:00:00",
      queueLetter: "A",
      queueSeq: 1,
      status: "booked",
      channel: "online",
      nikHash: hashNik(nik),
      nikMasked: "3271********0042",
      dedupeKey: hashNik(nik),
      phone: "+6281299887766",
      phoneHash: hashPhone("+6281299887766"),
      ageYears: 41,
      sex: "M",
      consentAt: NOW,
      createdByStaffId: null,
      isPriority: false,
    });
    expect(decryptNik(row!.nikEncrypted!)).toBe(nik);
    expect(JSON.stringify(row)).not.toContain(nik);
    expect(JSON.stringify(row)).not.toContain(nik.slice(4, 12));

    const audits = await db().select().from(auditLogs).where(eq(auditLogs.bookingId, row!.id));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      officeId: t.office.id,
      actorType: "citizen",
      actorStaffId: null,
      action: "booking.create",
      ip: "127.0.0.1",
      details: { channel: "online", service: "ktp", date: TOMORROW, session: "09:00" },
    });
    expect(JSON.stringify(audits)).not.toContain(nik);

    expect(await usageOf(db(), t.office.id, TOMORROW, "day")).toBe(1);
    expect(await usageOf(db(), t.office.id, TOMORROW, "session", "09:00")).toBe(1);
    expect(await usageOf(db(), t.office.id, TOMORROW, "service", t.ktp.id)).toBe(1);
    expect(await usageOf(db(), t.office.id, TOMORROW, "phone", hashPhone("+6281299887766"))).toBe(1);
  });

  it("marks people of 60 and over as priority (elderly)", async () => {
    const t = await createTestOffice(db());
    await createBooking(visitor, bookingRequest(t, { nik: makeNik("1966-12-02", "F", 3) }), ctx);
    const [row] = await db().select().from(bookings).where(eq(bookings.officeId, t.office.id));
    expect(row).toMatchObject({ ageYears: 60, isPriority: true, priorityReason: "elderly", sex: "F" });
  });

  describe("age rules, computed on the visit date", () => {
    it("KTP-el: 17 on the visit date is old enough even if 16 today; 16 is not", async () => {
      const t = await createTestOffice(db());
      const turns17Tomorrow = makeNik("2009-12-02", "M", 11);
      const turns17DayAfter = makeNik("2009-12-03", "F", 12);
      await expect(createBooking(visitor, bookingRequest(t, { nik: turns17Tomorrow }), ctx)).resolves.toMatchObject({ status: "booked" });
      const error = await appErrorOf(createBooking(visitor, bookingRequest(t, { nik: turns17DayAfter }), ctx));
      expect([error.code, error.status, error.fields, error.params]).toEqual(["validation", 422, { nik: ["field.nik.tooYoung"] }, { minAge: 17, suggestedService: "kia", suggestedServiceName: "KIA" }]);
      expect(await countActive(db(), t.office.id)).toBe(1);
    });

    it("KIA: under 17 on the visit date; 17 is too old even if 16 today", async () => {
      const t = await createTestOffice(db());
      const stillSixteen = makeNik("2009-12-03", "M", 21);
      const turns17Tomorrow = makeNik("2009-12-02", "F", 22);
      await expect(createBooking(visitor, bookingRequest(t, { service: "kia", nik: stillSixteen }), ctx)).resolves.toMatchObject({ queueNumber: "B-001" });
      const error = await appErrorOf(createBooking(visitor, bookingRequest(t, { service: "kia", nik: turns17Tomorrow }), ctx));
      expect([error.code, error.fields, error.params]).toEqual(["validation", { nik: ["field.nik.tooOld"] }, { limit: 17, suggestedService: "ktp", suggestedServiceName: "KTP-el" }]);
      expect(await countActive(db(), t.office.id)).toBe(1);
    });
  });

  describe("closed dates and sessions → `closed`", () => {
    let t: TestOffice;
    beforeAll(async () => {
      t = await createTestOffice(db(), { office: { openWeekdays: [1, 2, 3, 4, 5] } });
      await db().insert(dateOverrides).values({ officeId: t.office.id, date: "2026-12-03", kind: "closed", reason: "Cuti bersama", reasonEn: "Collective leave" });
    });

    it.each([
      [TODAY, "09:00", "today (the window closed last night)"],
      ["2026-11-30", "09:00", "a past date"],
      ["2026-12-09", "09:00", "D+8 (not open yet)"],
      ["2026-12-03", "09:00", "a holiday"],
      ["2026-12-05", "09:00", "a Saturday outside the office's week"],
      [TOMORROW, "15:00", "a session that does not exist"],
      [TOMORROW, "09:30", "a time between sessions"],
    ])("%s %s: %s", async (date, session) => {
      const error = await appErrorOf(createBooking(visitor, bookingRequest(t, { date, session }), ctx));
      expect([error.code, error.status, error.messageKey]).toEqual(["closed", 409, "error.closed"]);
    });

    it("wrote nothing for any of them", async () => {
      expect(await countActive(db(), t.office.id)).toBe(0);
      expect(await db().select().from(auditLogs).where(eq(auditLogs.officeId, t.office.id))).toEqual([]);
    });

    it("D+7 is open; a session closed on one date (capacity 0) is `full`", async () => {
      await expect(createBooking(visitor, bookingRequest(t, { date: "2026-12-08" }), ctx)).resolves.toMatchObject({ date: "2026-12-08" });
      await db().insert(sessionCapacityOverrides).values({ officeId: t.office.id, date: TOMORROW, startsAt: "10:00", capacity: 0 });
      expect((await appErrorOf(createBooking(visitor, bookingRequest(t, { session: "10:00" }), ctx))).code).toBe("full");
    });
  });

  it("an unknown, inactive or other office's service, or an unknown office, is a 422 naming the field", async () => {
    const t = await createTestOffice(db());
    const other = await createTestOffice(db());
    await db().insert(services).values({ officeId: other.office.id, slug: "only-there", category: "KK", name: "Lain", queueLetter: "Z" });
    await db().update(services).set({ isActive: false }).where(eq(services.id, t.kk.id));
    for (const service of ["paspor", "kk", "only-there"]) {
      const error = await appErrorOf(createBooking(visitor, bookingRequest(t, { service }), ctx));
      expect([error.code, error.status, error.fields]).toEqual(["validation", 422, { service: ["field.service.unknown"] }]);
    }
    const error = await appErrorOf(createBooking(visitor, bookingRequest(t, { office: "kota-atlantis" }), ctx));
    expect([error.code, error.status, error.fields]).toEqual(["validation", 422, { office: ["field.office.unknown"] }]);
    expect(await countActive(db(), t.office.id)).toBe(0);
  });
});

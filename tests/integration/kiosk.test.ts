import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLogs, bookings } from "@/db/schema";
import { citizen, type Actor } from "@/lib/auth/actor";
import { createBooking } from "@/lib/dal/bookings";
import { activateDevice, createDevice, resolveDeviceActor, type DeviceActor } from "@/lib/dal/devices";
import { checkInAtKiosk } from "@/lib/dal/kiosk";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, NOW, TOMORROW, uniquePhone, type TestOffice } from "../helpers/fixtures";
import { actorOf, createTestStaff } from "../helpers/staff";

/** 09:05 in Jakarta on the booking's day: inside the 09:00 session. */
const AT_SESSION = new Date(`${TOMORROW}T02:05:00Z`);

describe.each(DATABASE_KINDS)("kiosk check-in on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;
  let kiosk: DeviceActor;
  let display: DeviceActor;
  let operator: Actor;

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
    t = await createTestOffice(testDb.handle.db);
    const admin = actorOf(await createTestStaff(testDb.handle.db, t.office.id, { role: "admin" }));
    operator = actorOf(await createTestStaff(testDb.handle.db, t.office.id, { role: "operator" }));
    // As the screens are set up: the admin's link, opened (exchanged) on the screen.
    const screenToken = async (kind: "kiosk" | "display", name: string) => (await activateDevice({ token: (await createDevice(admin, { kind, name })).token }))!.token;
    kiosk = (await resolveDeviceActor({ token: await screenToken("kiosk", "Kiosk") }))!;
    display = (await resolveDeviceActor({ token: await screenToken("display", "TV") }))!;
  });
  afterAll(() => testDb.dispose());

  const book = async (name = "Siti Nurhaliza") => {
    const nik = adultNik();
    const b = await createBooking(
      citizen(),
      { office: t.office.slug, service: "ktp", date: TOMORROW, session: "09:00", nik, name, phone: "+62" + uniquePhone().slice(1) },
      { locale: "id", now: NOW },
    );
    return { nik, name, reference: b.reference, queueNumber: b.queueNumber };
  };
  const statusOf = async (reference: string) => (await testDb.handle.db.select().from(bookings).where(eq(bookings.reference, reference)))[0]!.status;

  it("checks a citizen in and returns a slip with the queue number, no name and only the masked NIK", async () => {
    const p = await book("Budi Santoso");
    const slip = await checkInAtKiosk(kiosk, { reference: p.reference, nik: p.nik }, { now: AT_SESSION });
    expect(slip).toMatchObject({ queueNumber: p.queueNumber, reference: p.reference, alreadyCheckedIn: false, service: "KTP-el", office: { name: "Kantor Uji" } });
    expect(slip.nikMasked).toBe(p.nik.slice(0, 4) + "********" + p.nik.slice(12));
    const json = JSON.stringify(slip);
    expect(json).not.toContain(p.nik);
    expect(json).not.toContain("Budi");
    expect(await statusOf(p.reference)).toBe("checked_in");
    const [audit] = await testDb.handle.db.select().from(auditLogs).where(eq(auditLogs.action, "booking.check_in"));
    expect(audit).toMatchObject({ actorType: "device", actorDeviceId: kiosk.deviceId });

    const again = await checkInAtKiosk(kiosk, { reference: p.reference, nik: p.nik }, { now: AT_SESSION });
    expect(again.alreadyCheckedIn).toBe(true);
  });

  it("answers a wrong NIK like an unknown reference, and changes nothing", async () => {
    const p = await book();
    await expect(checkInAtKiosk(kiosk, { reference: p.reference, nik: adultNik() }, { now: AT_SESSION })).rejects.toMatchObject({ code: "not_found" });
    await expect(checkInAtKiosk(kiosk, { reference: "ZZZZZZZZ", nik: p.nik }, { now: AT_SESSION })).rejects.toMatchObject({ code: "not_found" });
    expect(await statusOf(p.reference)).toBe("booked");
  });

  it("refuses a display device and staff (who use the counter's check-in), and changes nothing", async () => {
    const p = await book();
    await expect(checkInAtKiosk(display, { reference: p.reference, nik: p.nik }, { now: AT_SESSION })).rejects.toMatchObject({ code: "forbidden" });
    await expect(checkInAtKiosk(operator, { reference: p.reference, nik: p.nik }, { now: AT_SESSION })).rejects.toMatchObject({ code: "forbidden" });
    await expect(checkInAtKiosk(citizen(), { reference: p.reference, nik: p.nik }, { now: AT_SESSION })).rejects.toMatchObject({ code: "unauthorized" });
    expect(await statusOf(p.reference)).toBe("booked");
  });

  it("refuses a booking for another day with a clear error", async () => {
    const p = await book();
    await expect(checkInAtKiosk(kiosk, { reference: p.reference, nik: p.nik }, { now: NOW })).rejects.toMatchObject({ code: "invalid_transition" });
    expect(await statusOf(p.reference)).toBe("booked");
  });
});

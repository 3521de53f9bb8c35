import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { auditLogs, bookings, calls, capacityUsages, devices, offices } from "@/db/schema";
import { citizen, type Actor } from "@/lib/auth/actor";
import { createBooking } from "@/lib/dal/bookings";
import { createDevice, listDevices, reissueDeviceToken, revokeDevice } from "@/lib/dal/devices";
import { getDisplayState } from "@/lib/dal/display";
import { listReportPlaces, requirePublicOffice } from "@/lib/dal/places";
import { assistBooking } from "@/lib/dal/queue/assist";
import { callNext, recall } from "@/lib/dal/queue/calls";
import { checkInBooking } from "@/lib/dal/queue/check-in";
import { getCounterManifest } from "@/lib/dal/reports/manifest";
import { getReport } from "@/lib/dal/reports/summary";
import { computeTransparency } from "@/lib/dal/transparency";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, NOW, TODAY, TOMORROW, uniquePhone, type TestOffice } from "../helpers/fixtures";
import { at, bookAndCheckIn, bookToday, kioskActor, type Booked } from "../helpers/queue";
import { actorOf, createTestStaff } from "../helpers/staff";

/**
 * Service points: a main office and a place under it (each an office row), plus a training place. Staff
 * and devices of one place never act on another's; the training place is hidden and never reported.
 */
describe.each(DATABASE_KINDS)("service points and the training place on %s", (kind) => {
  let testDb: TestDatabase;
  let main: TestOffice;
  let point: TestOffice;
  let training: TestOffice;
  const staff: Record<string, Actor> = {};
  let mainBooked: Booked;
  let mainCalled: Booked;
  let mainDeviceId: string;
  const db = () => testDb.handle.db;
  const range = { from: TODAY, to: TOMORROW, groupBy: "day" as const };

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
    main = await createTestOffice(db(), { sessionCapacity: 20, office: { dailyCap: 100 } });
    point = await createTestOffice(db(), { office: { parentId: main.office.id, name: "MPP Uji", shortName: "MPP" } });
    training = await createTestOffice(db(), { office: { parentId: main.office.id, isTraining: true, isPublic: false, name: "Latihan", shortName: "Latihan" } });
    for (const [office, name] of [[main, "main"], [point, "point"], [training, "training"]] as const) {
      for (const role of ["operator", "supervisor", "admin"] as const) staff[`${name} ${role}`] = actorOf(await createTestStaff(db(), office.office.id, { role }));
    }
    staff["point kiosk"] = await kioskActor(db(), point.office.id, "kiosk");
    staff["point display"] = await kioskActor(db(), point.office.id, "display");
    mainBooked = await bookToday(main, { session: "10:00" });
    mainCalled = await bookAndCheckIn(main, staff["main operator"]!, { session: "09:00", checkInAt: at(-5) });
    await callNext(staff["main operator"]!, { counterNumber: 1 }, { now: at(0) });
    mainDeviceId = (await createDevice(staff["main admin"]!, { kind: "display", name: "TV ruang tunggu" })).device.id;
    // The service point's own day: two online bookings, one checked in.
    await bookAndCheckIn(point, staff["point operator"]!, { session: "10:00", checkInAt: at(1) });
    await bookToday(point, { session: "11:00" });
  });
  afterAll(() => testDb.dispose());

  async function snapshot() {
    const rows = await db().select().from(bookings);
    const [audits] = await db().select({ n: count() }).from(auditLogs);
    const [callRows] = await db().select({ n: count() }).from(calls);
    const usage = await db().select().from(capacityUsages);
    const deviceRows = await db().select().from(devices);
    return JSON.stringify({ rows: rows.sort((a, b) => a.id.localeCompare(b.id)), audits, callRows, usage: usage.map((u) => u.used).sort(), deviceRows });
  }

  const opts = { now: NOW };
  const attempts: [string, (a: Actor) => Promise<unknown>][] = [
    ["check in the main office's booking", (a) => checkInBooking(a, { reference: mainBooked.reference, nik: mainBooked.nik }, opts)],
    ["call next at the main office's counter", (a) => callNext(a, { counterId: main.counterIds[0]! }, opts)],
    ["recall the main office's citizen", (a) => recall(a, { reference: mainCalled.reference, counterId: main.counterIds[0]! }, opts)],
    [
      "book on a citizen's behalf at the main office",
      (a) =>
        createBooking(
          a, { office: main.office.slug, service: "kk", date: TODAY, session: "11:00", nik: adultNik(), name: "Warga Dibantu", phone: `+62${uniquePhone().slice(1)}`, channel: "walk_in" }, { locale: "id", now: NOW }
        ),
    ],
    ["read the main office's report", (a) => getReport(a, { ...range, office: main.office.slug })],
    ["revoke the main office's display", (a) => revokeDevice(a, { deviceId: mainDeviceId }, { now: NOW })],
    ["reissue the main office's display token", (a) => reissueDeviceToken(a, { deviceId: mainDeviceId })],
  ];

  it.each(["point operator", "point supervisor", "point admin", "point kiosk", "training admin"])(
    "refuses the %s every action on the main office's bookings, counters, reports and devices; nothing changes",
    async (name) => {
      const before = await snapshot();
      for (const [what, run] of attempts) {
        // 403, or 404 where the data layer does not even confirm the row exists (devices).
        const error = await run(staff[name]!).then(() => null, (e: unknown) => e);
        expect((error as { status?: number } | null)?.status, what).toBeOneOf([403, 404]);
      }
      expect(await snapshot()).toBe(before);
    },
  );

  it("keeps each place's devices and display to itself", async () => {
    expect((await listDevices(staff["point admin"]!)).map((d) => d.id)).not.toContain(mainDeviceId);
    const display = await getDisplayState(staff["point display"]!, { now: at(2) });
    expect(display.office.name).toBe("MPP Uji");
    // The main office's call (counter 1, A-/C- number) is not on the service point's screen.
    expect(display.recent).toEqual([]);
    expect((await getDisplayState(await kioskActor(db(), main.office.id, "display"), { now: at(2) })).recent.length).toBe(1);
  });

  it("lets staff of each place work their own place, the training place included", async () => {
    await assistBooking(
      staff["training operator"]!,
      { channel: "walk_in", service: "kk", date: TODAY, session: "10:00", nik: adultNik(), name: "Warga Latihan", phone: `+62${uniquePhone().slice(1)}` },
      opts,
    );
    const called = await callNext(staff["training operator"]!, { counterNumber: 1 }, { now: at(4) });
    expect(called.called).toBe(true);
  });

  it("reports per place: own place by default, the organisation's admin may choose any service point", async () => {
    const own = await getReport(staff["point supervisor"]!, range);
    expect(own.office.slug).toBe(point.office.slug);
    expect(own.total.booked).toBe(2);
    expect(own.total.checkedIn).toBe(1);

    const chosen = await getReport(staff["main admin"]!, { ...range, office: point.office.slug });
    expect(chosen).toMatchObject({ office: { slug: point.office.slug }, total: { booked: 2, checkedIn: 1 } });
    const mainOwn = await getReport(staff["main admin"]!, range);
    expect(mainOwn.office.slug).toBe(main.office.slug);
    expect(mainOwn.total.booked).toBe(2);

    // A supervisor of the main office reads the main office only; the service point's admin only its own.
    await expect(getReport(staff["main supervisor"]!, { ...range, office: point.office.slug })).rejects.toMatchObject({ status: 403 });
    await expect(getReport(staff["point admin"]!, { ...range, office: main.office.slug })).rejects.toMatchObject({ status: 403 });
    await expect(getReport(staff["main operator"]!, range)).rejects.toMatchObject({ status: 403 });

    // Integrations: a reports key of the main office is the organisation's; a service point's key is not.
    const key = (officeId: string): Actor => ({ type: "api_key", apiKeyId: "k", officeId, scopes: ["reports"], ip: null });
    await expect(getReport(key(main.office.id), { ...range, office: point.office.slug })).resolves.toMatchObject({ office: { slug: point.office.slug } });
    await expect(getReport(key(point.office.id), { ...range, office: main.office.slug })).rejects.toMatchObject({ status: 403 });

    expect((await listReportPlaces(staff["main admin"]!)).map((p) => p.slug)).toEqual([main.office.slug, point.office.slug]);
    expect((await listReportPlaces(staff["main supervisor"]!)).map((p) => p.slug)).toEqual([main.office.slug]);
    expect((await listReportPlaces(staff["point admin"]!)).map((p) => p.slug)).toEqual([point.office.slug]);
  });

  it("never reports the training place, to its own staff or to the organisation's admin", async () => {
    await expect(getReport(staff["training admin"]!, range)).rejects.toMatchObject({ status: 422, fields: { office: ["field.office.training"] } });
    await expect(getReport(staff["main admin"]!, { ...range, office: training.office.slug })).rejects.toMatchObject({ status: 422 });
    expect(await listReportPlaces(staff["training admin"]!)).toEqual([]);
    expect((await listReportPlaces(staff["main admin"]!)).map((p) => p.slug)).not.toContain(training.office.slug);
    await expect(getCounterManifest(staff["training admin"]!, { date: TODAY, counterNumber: 1 })).resolves.toBeDefined();
    // The main office's own report does not count the rehearsals.
    expect((await getReport(staff["main admin"]!, range)).total.booked).toBe(2);
  });

  it("hides the training place from citizens and from the transparency figures, even once made public", async () => {
    const book = () =>
      createBooking(
        citizen("127.0.0.1"),
        { office: training.office.slug, service: "kk", date: TOMORROW, session: "10:00", nik: adultNik(), name: "Warga", phone: `+62${uniquePhone().slice(1)}` },
        { locale: "id", now: NOW },
      );
    const before = await snapshot();
    await expect(book()).rejects.toMatchObject({ status: 422, fields: { office: ["field.office.unknown"] } });
    await expect(requirePublicOffice(training.office.slug)).rejects.toMatchObject({ status: 422 });
    await expect(computeTransparency({ officeSlug: training.office.slug }, { now: NOW })).rejects.toMatchObject({ status: 422 });
    expect(await snapshot()).toBe(before);
    // Switched on: citizens may book there to try Antrean, but its numbers stay out of public figures.
    await db().update(offices).set({ isPublic: true }).where(eq(offices.id, training.office.id));
    await expect(requirePublicOffice(training.office.slug)).resolves.toMatchObject({ slug: training.office.slug });
    await expect(book()).resolves.toMatchObject({ status: "booked" });
    await expect(computeTransparency({ officeSlug: training.office.slug }, { now: NOW })).rejects.toMatchObject({ status: 422 });
    await expect(computeTransparency({ officeSlug: point.office.slug }, { now: NOW })).resolves.toMatchObject({ office: { slug: point.office.slug } });
  });

  it("answers a hidden place exactly as an unknown one", async () => {
    await expect(requirePublicOffice("no-such-place")).rejects.toMatchObject({ status: 422, fields: { office: ["field.office.unknown"] } });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verify } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import { bookings, offices, services, staffUsers, weeklySessions } from "@/db/schema";
import { TRAINING_STAFF } from "@/db/seed/demo-staff";
import { EXAMPLE_SERVICE_POINTS, TRAINING_OFFICE_SLUG } from "@/db/seed/places";
import { seedDatabase } from "@/db/seed/seed";
import { actorOf } from "../helpers/staff";
import { citizen } from "@/lib/auth/actor";
import { createBooking } from "@/lib/dal/bookings";
import { listPublicPlaces, listReportPlaces } from "@/lib/dal/places";
import { assistBooking } from "@/lib/dal/queue/assist";
import { callNext } from "@/lib/dal/queue/calls";
import { getReport } from "@/lib/dal/reports/summary";
import { computeTransparency } from "@/lib/dal/transparency";
import { localDate } from "@/lib/dates";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { adultNik, uniquePhone } from "../helpers/fixtures";

/** The embedded default's places: Kota Bogor, its example service points, and the hidden training place. */
describe.each(DATABASE_KINDS)("seeded places on %s", (kind) => {
  let testDb: TestDatabase;
  const db = () => testDb.handle.db;
  const bySlug = async (slug: string) => (await db().select().from(offices).where(eq(offices.slug, slug)))[0]!;
  // Sunday 29 November 2026, 23:30 in Jakarta: the real office is closed, the training place is not.
  const SUNDAY_NIGHT = new Date("2026-11-29T16:30:00Z");

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
    await seedDatabase(db(), { now: SUNDAY_NIGHT });
  });
  afterAll(() => testDb.dispose());

  it("lists Kota Bogor first, then the example service points with addresses and https map links; never the training place", async () => {
    const places = await listPublicPlaces();
    expect(places.map((p) => p.slug)).toEqual(["kota-bogor", ...EXAMPLE_SERVICE_POINTS.map((p) => p.slug)]);
    expect(places[0]).toMatchObject({ isMain: true, isTraining: false });
    for (const place of places) {
      expect(place.address).toBeTruthy();
      expect(place.mapUrl).toMatch(/^https:\/\/www\.openstreetmap\.org\/search\?query=/);
    }
    expect(places.filter((p) => p.slug !== "kota-bogor").every((p) => /contoh/.test(p.address!))).toBe(true);
  });

  it("gives each service point its own schedule, caps, services and counters under the main office", async () => {
    const main = await bySlug("kota-bogor");
    const mpp = await bySlug("mpp-kota-bogor");
    const kecamatan = await bySlug("kec-bogor-tengah");
    expect(mpp).toMatchObject({ parentId: main.id, isPublic: true, isTraining: false, dailyCap: 80 });
    expect(kecamatan).toMatchObject({ parentId: main.id, dailyCap: 30 });
    const kecServices = await db().select().from(services).where(eq(services.officeId, kecamatan.id));
    expect(new Set(kecServices.map((s) => s.category))).toEqual(new Set(["KTP-el", "KIA", "Kartu Keluarga"]));
    expect((await db().select().from(weeklySessions).where(eq(weeklySessions.officeId, kecamatan.id))).length).toBe(5 * 4);
  });

  it("seeds the training place hidden, open every day round the clock, with its own logins", async () => {
    const training = await bySlug(TRAINING_OFFICE_SLUG);
    expect(training).toMatchObject({ isPublic: false, isTraining: true, observesNationalHolidays: false, openWeekdays: [1, 2, 3, 4, 5, 6, 7] });
    expect(training.name).toMatch(/Latihan \/ Training/);
    expect((await db().select().from(weeklySessions).where(eq(weeklySessions.officeId, training.id))).length).toBe(7 * 24);
    const staff = await db().select().from(staffUsers).where(eq(staffUsers.officeId, training.id));
    for (const login of TRAINING_STAFF) expect(await verify(staff.find((s) => s.email === login.email)!.passwordHash, login.password)).toBe(true);
  });

  it("lets staff rehearse at the training place on a Sunday night; citizens cannot book there and no report shows it", async () => {
    const training = await bySlug(TRAINING_OFFICE_SLUG);
    const [admin] = await db().select().from(staffUsers).where(eq(staffUsers.email, TRAINING_STAFF[0].email));
    const actor = actorOf(admin!);
    const today = localDate(SUNDAY_NIGHT, training.timezone);
    await assistBooking(actor, { channel: "walk_in", service: "kk-perubahan", date: today, session: "23:00", nik: adultNik(), name: "Warga Latihan", phone: `+62${uniquePhone().slice(1)}` }, { now: SUNDAY_NIGHT });
    expect((await callNext(actor, { counterNumber: 1 }, { now: SUNDAY_NIGHT })).called).toBe(true);
    await expect(
      createBooking(
        citizen("127.0.0.1"),
        { office: TRAINING_OFFICE_SLUG, service: "kk-perubahan", date: "2026-11-30", session: "10:00", nik: adultNik(), name: "Warga", phone: `+62${uniquePhone().slice(1)}` },
        { locale: "id", now: SUNDAY_NIGHT },
      ),
    ).rejects.toMatchObject({ status: 422 });
    expect((await db().select().from(bookings).where(eq(bookings.officeId, training.id))).length).toBe(1);

    const [mainAdmin] = await db().select().from(staffUsers).where(eq(staffUsers.email, "admin@antrean.test"));
    const places = await listReportPlaces(actorOf(mainAdmin!));
    expect(places.map((p) => p.slug)).toEqual(["kota-bogor", ...EXAMPLE_SERVICE_POINTS.map((p) => p.slug)]);
    expect((await getReport(actorOf(mainAdmin!), { from: today, to: today, groupBy: "day" })).total.booked).toBe(0);
    await expect(getReport(actorOf(mainAdmin!), { from: today, to: today, groupBy: "day", office: TRAINING_OFFICE_SLUG })).rejects.toMatchObject({ status: 422 });
    await expect(computeTransparency({ officeSlug: TRAINING_OFFICE_SLUG }, { now: SUNDAY_NIGHT })).rejects.toMatchObject({ status: 422 });
  });
});

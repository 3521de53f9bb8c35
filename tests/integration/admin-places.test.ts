import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { auditLogs, counterServices, counters, dateOverrides, forms, offices, serviceRequirements, services, staffUsers, weeklySessions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { listForms } from "@/lib/dal/admin-forms";
import { canManagePlaces, createPlace, createPlaceStaff, getAdminPlace, listAdminPlaces, setPlaceSwitch, updatePlace } from "@/lib/dal/admin-places";
import { getAvailability } from "@/lib/dal/availability";
import { listStaff } from "@/lib/dal/staff-users";
import { createTranslator } from "@/lib/i18n/translate";
import { parseInput } from "@/lib/validation/parse";
import { CreatePlaceSchema, CreatePlaceStaffSchema, PlaceSchema } from "@/lib/validation/places";
import { appErrorOf } from "../helpers/bookings";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { createTestOffice, NOW, TOMORROW } from "../helpers/fixtures";
import { actorOf, attemptLogin, createTestStaff } from "../helpers/staff";

let placeCounter = 0;
/** Office slugs are unique across the database: every test gets its own. */
const newPlace = () => ({ ...NEW_PLACE, slug: `kec-bogor-timur-${++placeCounter}` });
const NEW_PLACE = {
  slug: "kec-bogor-timur",
  name: "Layanan Adminduk Kecamatan Bogor Timur",
  nameEn: "Civil registration desk, Bogor Timur district",
  shortName: "Kec. Bogor Timur",
  address: "Kantor Kecamatan Bogor Timur",
  mapUrl: "https://www.openstreetmap.org/search?query=Kecamatan%20Bogor%20Timur",
  isPublic: "on",
  position: "4",
  copyCatalogue: "on",
};
const FIRST_ADMIN = { name: "Admin Bogor Timur", email: "admin.timur@antrean.test", role: "admin", password: "Timur-Admin-2026-panjang" };

describe.each(DATABASE_KINDS)("service points managed by the main office on %s", (kind) => {
  let testDb: TestDatabase;
  const db = () => testDb.handle.db;
  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
  });
  afterAll(() => testDb.dispose());

  /** A main office with a catalogue, a form, a holiday, and an existing service point with its own admin. */
  async function setup() {
    const main = await createTestOffice(db());
    const [form] = await db().insert(forms).values({ officeId: main.office.id, slug: "f-1-01", name: "F-1.01", url: "https://example.org/f.pdf" }).returning();
    await db().insert(serviceRequirements).values({ serviceId: main.ktp.id, position: 0, text: "Kartu keluarga" });
    await db().insert(dateOverrides).values([
      { officeId: main.office.id, date: "2026-12-25", kind: "closed", reason: "Natal", isHoliday: true },
      { officeId: main.office.id, date: "2026-12-10", kind: "closed", reason: "Rapat kantor", isHoliday: false },
      { officeId: main.office.id, date: "2026-11-20", kind: "closed", reason: "Lalu", isHoliday: true },
    ]);
    const point = await createTestOffice(db(), { office: { parentId: main.office.id } });
    const staff = async (officeId: string, role: "operator" | "supervisor" | "admin") => actorOf(await createTestStaff(db(), officeId, { role }));
    return {
      main,
      point,
      form: form!,
      admin: await staff(main.office.id, "admin"),
      supervisor: await staff(main.office.id, "supervisor"),
      operator: await staff(main.office.id, "operator"),
      pointAdmin: await staff(point.office.id, "admin"),
    };
  }
  const placeRow = (slug: string) => db().select().from(offices).where(eq(offices.slug, slug)).then((r) => r[0]);
  const auditOf = (officeId: string) => db().select().from(auditLogs).where(eq(auditLogs.officeId, officeId));
  const snapshot = async () => ({
    offices: await db().select().from(offices).orderBy(offices.slug),
    staff: await db().$count(staffUsers),
    audit: await db().$count(auditLogs),
  });

  it("the main office's admin adds a place that starts usable: services, requirements, forms, sessions, holidays and a counter copied", async () => {
    const { main, point, admin } = await setup();
    const input = newPlace();
    expect(await createPlace(admin, parseInput(CreatePlaceSchema, input), { now: NOW })).toEqual({ slug: input.slug });
    const place = (await placeRow(input.slug))!;
    expect(place).toMatchObject({ parentId: main.office.id, nameEn: NEW_PLACE.nameEn, isPublic: true, isTraining: false, placePosition: 4, timezone: "Asia/Jakarta" });
    const count = (table: typeof services | typeof weeklySessions | typeof forms | typeof counters, officeId: string) => db().$count(table, eq(table.officeId, officeId));
    expect(await count(services, place.id)).toBe(await count(services, main.office.id));
    expect(await count(weeklySessions, place.id)).toBe(await count(weeklySessions, main.office.id));
    expect(await count(forms, place.id)).toBe(1);
    expect(await count(counters, place.id)).toBe(1);
    const [copiedKtp] = await db().select().from(services).where(and(eq(services.officeId, place.id), eq(services.slug, "ktp")));
    expect(await db().$count(serviceRequirements, eq(serviceRequirements.serviceId, copiedKtp!.id))).toBe(1);
    const served = await db().select().from(counterServices).innerJoin(counters, eq(counters.id, counterServices.counterId)).where(eq(counters.officeId, place.id));
    expect(served).toHaveLength(3);
    // Only the coming holidays are copied, never the main office's own ad-hoc closures.
    const holidays = await db().select().from(dateOverrides).where(eq(dateOverrides.officeId, place.id));
    expect(holidays.map((h) => [h.date, h.reason, h.isHoliday])).toEqual([["2026-12-25", "Natal", true]]);
    // Citizens could book it at once (tomorrow has open sessions).
    const availability = await getAvailability({ officeSlug: place.slug, serviceSlug: "ktp", t: createTranslator("id"), now: NOW });
    expect(availability.days.find((d) => d.date === TOMORROW)).toMatchObject({ open: true });
    const [audit] = await auditOf(main.office.id);
    expect(audit).toMatchObject({ action: "place.create", actorStaffId: admin.staffId });
    expect(audit!.details).toMatchObject({ slug: input.slug, before: null, after: { name: NEW_PLACE.name, mapUrl: NEW_PLACE.mapUrl, isPublic: true, placePosition: 4, copied: { services: 3, holidays: 1 } } });
    expect((await listAdminPlaces(admin)).map((p) => p.slug)).toEqual([point.office.slug, input.slug]);
  });

  it("without the copy a place starts empty; a taken slug is a 409 and nothing is written", async () => {
    const { main, point, admin } = await setup();
    const kosong = `kosong-${++placeCounter}`;
    await createPlace(admin, parseInput(CreatePlaceSchema, { ...NEW_PLACE, slug: kosong, copyCatalogue: "" }), { now: NOW });
    const empty = (await placeRow(kosong))!;
    expect(await db().$count(services, eq(services.officeId, empty.id))).toBe(0);
    expect(await db().$count(weeklySessions, eq(weeklySessions.officeId, empty.id))).toBe(0);
    expect(empty.isPublic).toBe(true);
    const before = await snapshot();
    for (const slug of [kosong, point.office.slug, main.office.slug]) {
      const taken = await appErrorOf(createPlace(admin, parseInput(CreatePlaceSchema, { ...NEW_PLACE, slug }), { now: NOW }));
      expect(taken).toMatchObject({ status: 409, code: "duplicate", fields: { slug: ["field.place.slugTaken"] } });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("bad input names each field (422) as the database would refuse it; past the schema the database still refuses", async () => {
    const { point, admin } = await setup();
    const error = await appErrorOf(
      Promise.resolve().then(() =>
        parseInput(CreatePlaceSchema, { ...NEW_PLACE, slug: "Kec Timur!", name: "x".repeat(201), shortName: "", mapUrl: "http://maps.example/x", position: "1000" }),
      ),
    );
    expect(error.status).toBe(422);
    expect(error.fields).toMatchObject({ slug: ["field.place.slug"], name: ["field.tooLong"], shortName: ["field.required"], mapUrl: ["field.place.mapUrl"], position: ["field.number.range"] });
    expect((await appErrorOf(Promise.resolve().then(() => parseInput(PlaceSchema, { ...NEW_PLACE, mapUrl: "javascript:alert(1)" })))).fields).toEqual({ mapUrl: ["field.place.mapUrl"] });
    const before = await snapshot();
    const valid = parseInput(PlaceSchema, NEW_PLACE);
    const refused = await appErrorOf(updatePlace(admin, { ...valid, mapUrl: "https://has space", place: point.office.slug }, { now: NOW }));
    expect(refused).toMatchObject({ status: 422, fields: { mapUrl: ["field.place.mapUrl"] } });
    expect((await appErrorOf(updatePlace(admin, { ...valid, position: 5000, place: point.office.slug }, { now: NOW }))).status).toBe(422);
    expect(await snapshot()).toEqual(before);
  });

  it("edits and the two switches are audited with before and after", async () => {
    const { main, point, admin } = await setup();
    await updatePlace(admin, { ...parseInput(PlaceSchema, { ...NEW_PLACE, isPublic: "", position: "2" }), place: point.office.slug }, { now: NOW });
    expect(await placeRow(point.office.slug)).toMatchObject({ name: NEW_PLACE.name, isPublic: false, placePosition: 2 });
    await setPlaceSwitch(admin, { field: "isPublic", value: true, place: point.office.slug }, { now: NOW });
    await setPlaceSwitch(admin, { field: "isTraining", value: true, place: point.office.slug }, { now: NOW });
    await setPlaceSwitch(admin, { field: "isTraining", value: true, place: point.office.slug }, { now: NOW });
    expect(await placeRow(point.office.slug)).toMatchObject({ isPublic: true, isTraining: true });
    const rows = await auditOf(main.office.id);
    expect(rows.map((r) => r.action)).toEqual(["place.update", "place.switch", "place.switch"]);
    expect(rows[0]!.details).toMatchObject({ slug: point.office.slug, before: { name: "Kantor Uji", isPublic: true, placePosition: 0 }, after: { name: NEW_PLACE.name, isPublic: false, placePosition: 2 } });
    expect(rows[2]!.details).toEqual({ slug: point.office.slug, before: { isTraining: false }, after: { isTraining: true } });
  });

  it("supervisors, operators, a service point's admin and another organisation's admin are refused everything; nothing changes", async () => {
    const { point, supervisor, operator, pointAdmin } = await setup();
    const otherMain = await createTestOffice(db());
    const otherAdmin = actorOf(await createTestStaff(db(), otherMain.office.id, { role: "admin" }));
    const before = await snapshot();
    const create = parseInput(CreatePlaceSchema, newPlace());
    const onThisPlace = (actor: Actor) => [
      () => getAdminPlace(actor, { slug: point.office.slug }),
      () => updatePlace(actor, { ...parseInput(PlaceSchema, NEW_PLACE), place: point.office.slug }, { now: NOW }),
      () => setPlaceSwitch(actor, { field: "isPublic", value: false, place: point.office.slug }, { now: NOW }),
      () => createPlaceStaff(actor, { ...parseInput(CreatePlaceStaffSchema, { ...FIRST_ADMIN, email: "x@antrean.test" }), place: point.office.slug }, { now: NOW }),
    ];
    for (const actor of [supervisor, operator, pointAdmin]) {
      for (const attempt of [() => listAdminPlaces(actor), () => createPlace(actor, create, { now: NOW }), ...onThisPlace(actor)]) {
        expect((await appErrorOf(attempt())).status).toBe(403);
      }
      expect(await canManagePlaces(actor)).toBe(false);
    }
    // Another main office's admin may manage its own places, never this organisation's (404: not theirs).
    for (const attempt of onThisPlace(otherAdmin)) expect((await appErrorOf(attempt())).status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it("the place's first admin: argon2 password, signs in to that place only; a second admin is the place's own business (409)", async () => {
    const { main, admin } = await setup();
    const input = newPlace();
    await createPlace(admin, parseInput(CreatePlaceSchema, input), { now: NOW });
    const place = (await placeRow(input.slug))!;
    expect(await appErrorOf(Promise.resolve().then(() => parseInput(CreatePlaceStaffSchema, { ...FIRST_ADMIN, role: "operator" })))).toMatchObject({ fields: { role: ["field.role.invalid"] } });
    expect((await appErrorOf(Promise.resolve().then(() => parseInput(CreatePlaceStaffSchema, { ...FIRST_ADMIN, password: "pendek" })))).fields).toEqual({ password: ["field.password.tooShort"] });
    // A supervisor first is allowed; the place still has no admin.
    await createPlaceStaff(admin, { ...parseInput(CreatePlaceStaffSchema, { ...FIRST_ADMIN, email: "kasi.timur@antrean.test", role: "supervisor" }), place: place.slug }, { now: NOW });
    expect((await getAdminPlace(admin, { slug: place.slug })).canCreateFirstStaff).toBe(true);
    const created = await createPlaceStaff(admin, { ...parseInput(CreatePlaceStaffSchema, FIRST_ADMIN), place: place.slug }, { now: NOW });
    expect(created).toMatchObject({ email: FIRST_ADMIN.email, role: "admin", isActive: true });
    const [row] = await db().select().from(staffUsers).where(eq(staffUsers.id, created.id));
    expect(row).toMatchObject({ officeId: place.id });
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row!.passwordHash).not.toContain(FIRST_ADMIN.password);
    const detail = await getAdminPlace(admin, { slug: place.slug });
    expect(detail).toMatchObject({ canCreateFirstStaff: false });
    expect(detail.staff.map((s) => s.role).sort()).toEqual(["admin", "supervisor"]);

    // Audited in both offices: the place's staff.create and the main office's place.staff_create.
    expect((await auditOf(place.id)).filter((r) => r.action === "staff.create").map((r) => r.details)).toContainEqual({ staffId: created.id, email: FIRST_ADMIN.email, role: "admin", via: "places" });
    expect((await auditOf(main.office.id)).filter((r) => r.action === "place.staff_create")).toHaveLength(2);

    const before = await snapshot();
    const again = await appErrorOf(createPlaceStaff(admin, { ...parseInput(CreatePlaceStaffSchema, { ...FIRST_ADMIN, email: "kedua@antrean.test" }), place: place.slug }, { now: NOW }));
    expect(again).toMatchObject({ status: 409, messageKey: "places.error.hasAdmin" });
    expect(await snapshot()).toEqual(before);

    // The new admin signs in with the password, to that place: its staff and forms, nothing of the main office.
    const login = await attemptLogin({ email: FIRST_ADMIN.email, password: FIRST_ADMIN.password }, { ip: "192.0.2.10", now: NOW });
    expect(login.staffId).toBe(created.id);
    const placeAdmin = actorOf(row!);
    expect((await listStaff(placeAdmin, { officeId: place.id })).map((s) => s.email).sort()).toEqual([FIRST_ADMIN.email, "kasi.timur@antrean.test"]);
    expect(await listForms(placeAdmin, { officeId: place.id })).toHaveLength(1);
    expect((await appErrorOf(listForms(placeAdmin, { officeId: main.office.id }))).status).toBe(403);
    expect((await appErrorOf(listStaff(placeAdmin, { officeId: main.office.id }))).status).toBe(403);
    expect((await appErrorOf(listAdminPlaces(placeAdmin))).status).toBe(403);
  });

  it("a taken e-mail is a field error and writes nothing; a disabled admin lets the main office create a new one", async () => {
    const { point, admin, pointAdmin } = await setup();
    const before = await snapshot();
    await db().update(staffUsers).set({ isActive: false }).where(eq(staffUsers.id, pointAdmin.staffId));
    const taken = await appErrorOf(createPlaceStaff(admin, { ...parseInput(CreatePlaceStaffSchema, { ...FIRST_ADMIN, email: pointAdmin.email }), place: point.office.slug }, { now: NOW }));
    expect(taken).toMatchObject({ status: 422, fields: { email: ["field.email.taken"] } });
    const after = await snapshot();
    expect({ ...after, offices: after.offices.length }).toEqual({ ...before, offices: before.offices.length });
    await createPlaceStaff(admin, { ...parseInput(CreatePlaceStaffSchema, { ...FIRST_ADMIN, email: "admin.baru@antrean.test" }), place: point.office.slug }, { now: NOW });
    expect(await db().$count(staffUsers, and(eq(staffUsers.officeId, point.office.id), eq(staffUsers.isActive, true), sql`${staffUsers.role} = 'admin'`))).toBe(1);
  });
});

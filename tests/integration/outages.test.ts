import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { auditLogs, bookings, messages, outages, priorityRebookings } from "@/db/schema";
import { citizen } from "@/lib/auth/actor";
import { getAvailability } from "@/lib/dal/availability";
import { createBooking } from "@/lib/dal/bookings";
import { declareOutage, liftOutage, listOutages, listPublicOutages, sweepOutageStragglers } from "@/lib/dal/outages";
import { setReadCacheTtl } from "@/lib/dal/read-cache";
import { createTranslator } from "@/lib/i18n/translate";
import { appErrorOf, bookingRequest, countActive, usageMismatches } from "../helpers/bookings";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, NOW, TODAY, TOMORROW } from "../helpers/fixtures";
import { actorOf, createTestStaff } from "../helpers/staff";

const visitor = citizen("127.0.0.1");

const ctx = { locale: "id" as const, now: NOW };
const id = createTranslator("id");
const en = createTranslator("en");

describe.each(DATABASE_KINDS)("outage switch on %s", (kind) => {
  let testDb: TestDatabase;
  const db = () => testDb.handle.db;
  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
  });
  afterAll(() => testDb.dispose());
  afterEach(() => setReadCacheTtl(0));

  async function setup() {
    const t = await createTestOffice(db());
    const supervisor = actorOf(await createTestStaff(db(), t.office.id, { role: "supervisor" }));
    return { t, supervisor };
  }

  it("a session outage cancels its bookings, lists the citizens, stops new bookings at once and shows the reason publicly", async () => {
    const { t, supervisor } = await setup();
    const nik = adultNik();
    const hit = await createBooking(visitor, bookingRequest(t, { nik, name: "Budi Santoso" }), ctx);
    const kia = await createBooking(visitor, bookingRequest(t, { service: "kk" }), ctx);
    const other = await createBooking(visitor, bookingRequest(t, { session: "10:00" }), ctx);
    // The read cache is on, as in production: the outage must drop what it holds.
    setReadCacheTtl(60_000);
    const before = await getAvailability({ officeSlug: t.office.slug, serviceSlug: "ktp", t: id, now: NOW });
    expect(before.days.find((d) => d.date === TOMORROW)!.sessions.some((s) => s.start === "09:00")).toBe(true);

    const { outage, affected } = await declareOutage(supervisor, { date: TOMORROW, session: "09:00", service: "ktp", reason: "siak_down" }, { now: NOW });
    expect(outage.reason).toMatch(/SIAK/);
    expect(affected.map((a) => a.reference)).toEqual([hit.reference]);
    expect(affected[0]).toMatchObject({ fullName: "Budi Santoso", serviceDate: TOMORROW, sessionStart: "09:00" });
    expect(JSON.stringify(affected)).not.toContain(nik);

    const rows = await db().select().from(bookings).where(eq(bookings.officeId, t.office.id));
    expect(rows.find((r) => r.reference === hit.reference)!.status).toBe("cancelled");
    expect(rows.find((r) => r.reference === kia.reference)!.status).toBe("booked");
    expect(rows.find((r) => r.reference === other.reference)!.status).toBe("booked");
    expect(await usageMismatches(db(), t.office.id)).toEqual({});

    const after = await getAvailability({ officeSlug: t.office.slug, serviceSlug: "ktp", t: id, now: NOW });
    const day = after.days.find((d) => d.date === TOMORROW)!;
    expect(day.sessions.map((s) => s.start)).not.toContain("09:00");
    expect(day.outage).toMatch(/dihentikan sementara: SIAK/);
    const english = await getAvailability({ officeSlug: t.office.slug, serviceSlug: "ktp", t: en, now: NOW });
    expect(english.days.find((d) => d.date === TOMORROW)!.outage).toMatch(/suspended: SIAK \(the civil registry system\) is down/);
    // Another service keeps its 09:00 session.
    const kk = await getAvailability({ officeSlug: t.office.slug, serviceSlug: "kk", t: id, now: NOW });
    expect(kk.days.find((d) => d.date === TOMORROW)!.sessions.map((s) => s.start)).toContain("09:00");

    const refused = await appErrorOf(createBooking(visitor, bookingRequest(t), ctx));
    expect(refused).toMatchObject({ code: "closed", messageKey: "error.outage", status: 409 });
    await createBooking(visitor, bookingRequest(t, { session: "10:00" }), ctx);
    await createBooking(visitor, bookingRequest(t, { service: "kk" }), ctx);

    expect(await listPublicOutages({ officeSlug: t.office.slug }, { locale: "en", now: NOW })).toEqual([{ date: TOMORROW, session: "09:00", service: "ID card", reason: "SIAK (the civil registry system) is down" }]);
    const [listed] = await listOutages(supervisor, { locale: "id", now: NOW });
    expect(listed!.contacts).toEqual([{ reference: hit.reference, fullName: "Budi Santoso", phone: expect.stringMatching(/^\+62/), serviceDate: TOMORROW, sessionStart: "09:00", rebookedReference: null }]);
    expect(await db().$count(auditLogs, and(eq(auditLogs.officeId, t.office.id), eq(auditLogs.action, "outage.declare")))).toBe(1);
    expect(await db().$count(messages, and(eq(messages.bookingId, rows.find((r) => r.reference === hit.reference)!.id), eq(messages.kind, "outage")))).toBe(1);
  });

  it("a day outage closes the date for every service with its reason; free text in two languages; lifting reopens", async () => {
    const { t, supervisor } = await setup();
    const a = await createBooking(visitor, bookingRequest(t), ctx);
    const b = await createBooking(visitor, bookingRequest(t, { service: "kk", session: "13:00" }), ctx);
    const { outage, affected } = await declareOutage(supervisor, { date: TOMORROW, reason: "Listrik padam", reasonEn: "Power cut" }, { now: NOW });
    expect(affected.map((x) => x.reference).sort()).toEqual([a.reference, b.reference].sort());
    for (const slug of ["ktp", "kk"]) {
      const day = (await getAvailability({ officeSlug: t.office.slug, serviceSlug: slug, t: id, now: NOW })).days.find((d) => d.date === TOMORROW)!;
      expect(day).toMatchObject({ open: false, reasonCode: "outage", reason: "Layanan dihentikan sementara: Listrik padam", sessions: [] });
    }
    const dayEn = (await getAvailability({ officeSlug: t.office.slug, serviceSlug: "ktp", t: en, now: NOW })).days.find((d) => d.date === TOMORROW)!;
    expect(dayEn.reason).toBe("Service suspended: Power cut");
    expect(await appErrorOf(createBooking(visitor, bookingRequest(t, { session: "13:00" }), ctx))).toMatchObject({ code: "closed" });
    expect(await appErrorOf(declareOutage(supervisor, { date: TOMORROW, reason: "lagi" }, { now: NOW }))).toMatchObject({ code: "duplicate", status: 409 });

    await liftOutage(supervisor, { id: outage.id }, { now: NOW });
    await createBooking(visitor, bookingRequest(t, { session: "13:00" }), ctx);
    expect((await db().select().from(bookings).where(eq(bookings.reference, a.reference)))[0]!.status).toBe("cancelled");
    expect(await appErrorOf(liftOutage(supervisor, { id: outage.id }, { now: NOW }))).toMatchObject({ code: "invalid_transition" });
    expect(await db().$count(auditLogs, and(eq(auditLogs.officeId, t.office.id), eq(auditLogs.action, "outage.lift")))).toBe(1);
    expect(await listPublicOutages({ officeSlug: t.office.slug }, { locale: "id", now: NOW })).toEqual([]);
  });

  it("the same scope declared many times at once: one outage, every other a 409; lifting it reopens the scope", async () => {
    const { t, supervisor } = await setup();
    const declare = () => declareOutage(supervisor, { date: TOMORROW, session: "10:00", reason: "siak_down" }, { now: NOW });
    const results = await Promise.allSettled(Array.from({ length: 12 }, declare));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "duplicate", status: 409, messageKey: "error.outageExists" });
    const active = await db().select().from(outages).where(and(eq(outages.officeId, t.office.id), isNull(outages.liftedAt)));
    expect(active).toHaveLength(1);
    await liftOutage(supervisor, { id: active[0]!.id }, { now: NOW });
    expect((await getAvailability({ officeSlug: t.office.slug, serviceSlug: "ktp", from: TOMORROW, days: 1, t: id, now: NOW })).days[0]!.sessions.find((s) => s.id === "10:00")?.remaining).toBeGreaterThan(0);
    // Other scopes of the same date are their own (the whole day, one service).
    await declareOutage(supervisor, { date: TOMORROW, reason: "siak_down" }, { now: NOW });
    await declareOutage(supervisor, { date: TOMORROW, session: "10:00", service: "ktp", reason: "siak_down" }, { now: NOW });
  });

  it("from now on: today's sessions that already ended keep their bookings; bookings checked in are not cancelled", async () => {
    const { t, supervisor } = await setup();
    // Staff bookings for today, made at 08:30; the outage comes at 10:00 (NOW), when 08:00–09:00 has ended.
    const assisted = { locale: "id" as const, now: new Date("2026-12-01T01:30:00Z") }; // 08:30
    const early = await createBooking(supervisor, bookingRequest(t, { date: TODAY, session: "08:00" }), assisted);
    const later = await createBooking(supervisor, bookingRequest(t, { date: TODAY, session: "11:00" }), assisted);
    const present = await createBooking(supervisor, bookingRequest(t, { date: TODAY, session: "12:00" }), assisted);
    await db().update(bookings).set({ status: "checked_in", checkedInAt: NOW }).where(eq(bookings.reference, present.reference));
    const { affected } = await declareOutage(supervisor, { date: TODAY, reason: "network_down" }, { now: NOW });
    expect(affected.map((a) => a.reference)).toEqual([later.reference]);
    const statuses = Object.fromEntries((await db().select().from(bookings).where(eq(bookings.officeId, t.office.id))).map((r) => [r.reference, r.status]));
    expect(statuses).toEqual({ [early.reference]: "booked", [later.reference]: "cancelled", [present.reference]: "checked_in" });
  });

  it("refuses the operator, another office's supervisor and bad input; nothing changes on refusal", async () => {
    const { t } = await setup();
    const other = await createTestOffice(db());
    const operator = actorOf(await createTestStaff(db(), t.office.id, { role: "operator" }));
    const stranger = actorOf(await createTestStaff(db(), other.office.id, { role: "supervisor" }));
    const admin = actorOf(await createTestStaff(db(), t.office.id, { role: "admin" }));
    const booked = await createBooking(visitor, bookingRequest(t), ctx);
    const countAll = async () => ({ outages: await db().$count(outages), rights: await db().$count(priorityRebookings), active: await countActive(db(), t.office.id) });
    const before = await countAll();

    expect(await appErrorOf(declareOutage(operator, { date: TOMORROW, reason: "siak_down" }, { now: NOW }))).toMatchObject({ status: 403 });
    expect(await appErrorOf(declareOutage(stranger, { office: t.office.slug, date: TOMORROW, reason: "siak_down" }, { now: NOW }))).toMatchObject({ status: 403 });
    expect(await appErrorOf(declareOutage(citizen("1.2.3.4"), { date: TOMORROW, reason: "siak_down" }, { now: NOW }))).toMatchObject({ status: 401 });
    expect(await appErrorOf(declareOutage(admin, { date: "2026-11-30", reason: "siak_down" }, { now: NOW }))).toMatchObject({ status: 422, fields: { date: ["field.outage.date"] } });
    expect(await appErrorOf(declareOutage(admin, { date: TOMORROW, session: "07:00", reason: "siak_down" }, { now: NOW }))).toMatchObject({ status: 422, fields: { session: ["field.outage.session"] } });
    expect(await appErrorOf(declareOutage(admin, { date: TOMORROW, service: "paspor", reason: "siak_down" }, { now: NOW }))).toMatchObject({ status: 422, fields: { service: ["field.outage.service"] } });
    expect(await countAll()).toEqual(before);
    expect((await db().select().from(bookings).where(eq(bookings.reference, booked.reference)))[0]!.status).toBe("booked");

    const { outage } = await declareOutage(admin, { date: TOMORROW, session: "13:00", reason: "blanko_empty" }, { now: NOW });
    expect(await appErrorOf(liftOutage(operator, { id: outage.id }, { now: NOW }))).toMatchObject({ status: 403 });
    expect(await appErrorOf(liftOutage(stranger, { id: outage.id }, { now: NOW }))).toMatchObject({ status: 404 });
    expect(await appErrorOf(listOutages(operator, { locale: "id", now: NOW }))).toMatchObject({ status: 403 });
    expect((await db().select().from(outages).where(eq(outages.id, outage.id)))[0]!.liftedAt).toBeNull();
  });

  it("the minute sweep cancels, with priority, a booking that raced the switch; once; older bookings and lifted outages untouched", async () => {
    const { t } = await setup();
    const raced = await createBooking(visitor, bookingRequest(t), ctx);
    const older = await createBooking(visitor, bookingRequest(t), ctx);
    await db().update(bookings).set({ createdAt: new Date("2026-11-29T00:00:00Z") }).where(eq(bookings.reference, older.reference));
    await db().update(bookings).set({ createdAt: new Date("2026-11-30T12:00:00Z") }).where(eq(bookings.reference, raced.reference));
    const lifted = await createBooking(visitor, bookingRequest(t, { session: "12:00" }), ctx);
    // As committed by a switch that this booking's availability check did not see yet.
    const [o] = await db()
      .insert(outages)
      .values({ officeId: t.office.id, date: TOMORROW, sessionStartsAt: "09:00", reasonCode: "siak_down", reason: "SIAK mati", startsAt: new Date("2026-11-30T00:00:00Z") })
      .returning();
    await db().insert(outages).values({ officeId: t.office.id, date: TOMORROW, sessionStartsAt: "12:00", reasonCode: "other", reason: "x", startsAt: new Date("2026-11-30T00:00:00Z"), liftedAt: new Date("2026-11-30T01:00:00Z") });

    expect(await sweepOutageStragglers({ now: NOW })).toBe(1);
    expect(await sweepOutageStragglers({ now: NOW })).toBe(0);
    const status = async (reference: string) => (await db().select().from(bookings).where(eq(bookings.reference, reference)))[0]!;
    expect((await status(raced.reference)).status).toBe("cancelled");
    expect((await status(older.reference)).status).toBe("booked");
    expect((await status(lifted.reference)).status).toBe("booked");
    const [right] = await db().select().from(priorityRebookings).where(eq(priorityRebookings.bookingId, (await status(raced.reference)).id));
    expect(right).toMatchObject({ sourceId: o!.id, source: "outage", usedAt: null });
    expect(await db().$count(messages, and(eq(messages.bookingId, right!.bookingId), eq(messages.kind, "outage")))).toBe(1);
    expect(await usageMismatches(db(), t.office.id)).toEqual({});
  });
});

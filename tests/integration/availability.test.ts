import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { dateOverrides, forms, requirementForms, serviceRequirements, services } from "@/db/schema";
import { citizen } from "@/lib/auth/actor";
import { getAvailability } from "@/lib/dal/availability";
import { createBooking } from "@/lib/dal/bookings";
import { findServiceDTO, listServices, requireService } from "@/lib/dal/services";
import { createTranslator } from "@/lib/i18n/translate";
import { appErrorOf, bookingRequest } from "../helpers/bookings";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { createTestOffice, NOW, TODAY, TOMORROW } from "../helpers/fixtures";

const visitor = citizen("127.0.0.1");

const ctx = { locale: "id" as const, now: NOW };
const id = createTranslator("id");
const en = createTranslator("en");
const WEEK = ["2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06", "2026-12-07", "2026-12-08"];

describe.each(DATABASE_KINDS)("availability and services on %s", (kind) => {
  let testDb: TestDatabase;
  const db = () => testDb.handle.db;

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
  });
  afterAll(() => testDb.dispose());

  it("shows the booking window's dates, and a booking takes one place off its session", async () => {
    const t = await createTestOffice(db());
    const before = await getAvailability({ officeSlug: t.office.slug, serviceSlug: "ktp", t: id, now: NOW });
    expect(before.office).toEqual({ slug: t.office.slug, name: "Kantor Uji", bookingOpensAt: "00:00" });
    expect(before.service).toEqual({ slug: "ktp", name: "KTP-el" });
    expect(before.days.map((d) => d.date)).toEqual(WEEK);
    expect(before.days[0]).toEqual({
      date: TOMORROW,
      open: true,
      sessions: ["08", "09", "10", "11", "12", "13"].map((h) => {
        const end = `${String(Number(h) + 1).padStart(2, "0")}:00`;
        return { id: `${h}:00`, label: `${h}.00–${end.replace(":", ".")}`, start: `${h}:00`, end, capacity: 10, remaining: 10 };
      }),
    });
    expect(before.firstAvailableDate).toBe(TOMORROW);

    await createBooking(visitor, bookingRequest(t, { session: "09:00" }), ctx);
    await createBooking(visitor, bookingRequest(t, { session: "09:00", service: "kk" }), ctx);
    const after = await getAvailability({ officeSlug: t.office.slug, serviceSlug: "ktp", t: id, now: NOW });
    expect(after.days[0]!.sessions.map((s) => s.remaining)).toEqual([10, 8, 10, 10, 10, 10]);
    expect(after.days[1]!.sessions.map((s) => s.remaining)).toEqual([10, 10, 10, 10, 10, 10]);
  });

  it("names a holiday in the reader's language, explains other closed days, and shows a special day's note", async () => {
    const t = await createTestOffice(db(), { office: { openWeekdays: [1, 2, 3, 4, 5] } });
    await db().insert(dateOverrides).values([
      { officeId: t.office.id, date: "2026-12-03", kind: "closed", reason: "Hari Raya Natal", reasonEn: "Christmas Day", isHoliday: true },
      { officeId: t.office.id, date: "2026-12-04", kind: "closed", reason: "Cuti bersama", reasonEn: null, isHoliday: true },
      { officeId: t.office.id, date: "2026-12-05", kind: "open", reason: "Layanan Sabtu", reasonEn: "Saturday service", dailyCap: 20 },
    ]);
    const inId = await getAvailability({ officeSlug: t.office.slug, serviceSlug: "ktp", t: id, now: NOW });
    const inEn = await getAvailability({ officeSlug: t.office.slug, serviceSlug: "ktp", t: en, now: NOW });
    const summary = (days: typeof inId.days) => days.map((d) => [d.date, d.open, d.reasonCode ?? null, d.reason ?? null, d.note ?? null]);
    expect(summary(inId.days)).toEqual([
      ["2026-12-02", true, null, null, null],
      ["2026-12-03", false, "holiday", "Libur: Hari Raya Natal", null],
      ["2026-12-04", false, "holiday", "Libur: Cuti bersama", null],
      ["2026-12-05", true, null, null, "Layanan Sabtu"],
      ["2026-12-06", false, "not_a_service_day", "Tidak ada layanan pada hari ini", null],
      ["2026-12-07", true, null, null, null],
      ["2026-12-08", true, null, null, null],
    ]);
    expect(summary(inEn.days).slice(1, 5)).toEqual([
      ["2026-12-03", false, "holiday", "Holiday: Christmas Day", null],
      ["2026-12-04", false, "holiday", "Holiday: Cuti bersama", null],
      ["2026-12-05", true, null, null, "Saturday service"],
      ["2026-12-06", false, "not_a_service_day", "No service on this day", null],
    ]);
    expect(inId.days[1]!.sessions).toEqual([]);
  });

  it("a full day says so and firstAvailableDate skips it and the closed days after it", async () => {
    const t = await createTestOffice(db(), { office: { dailyCap: 2 } });
    await db().insert(dateOverrides).values({ officeId: t.office.id, date: "2026-12-03", kind: "closed", reason: "Libur", reasonEn: null });
    await createBooking(visitor, bookingRequest(t, { session: "08:00" }), ctx);
    await createBooking(visitor, bookingRequest(t, { session: "13:00", service: "kk" }), ctx);
    const result = await getAvailability({ officeSlug: t.office.slug, serviceSlug: "ktp", t: id, now: NOW });
    expect(result.days[0]).toMatchObject({ date: TOMORROW, open: true, reasonCode: "full", reason: "Kuota penuh" });
    expect(result.days[0]!.sessions.every((s) => s.remaining === 0)).toBe(true);
    expect(result.firstAvailableDate).toBe("2026-12-04");
    expect((await appErrorOf(createBooking(visitor, bookingRequest(t), ctx))).code).toBe("full");
  });

  it("a full day points to the next later date with room (and links nothing earlier)", async () => {
    const t = await createTestOffice(db(), { office: { dailyCap: 1 } });
    // 2 Dec has room, 3 Dec is full, 4 Dec is closed, 5 Dec is full, 6 Dec has room.
    await db().insert(dateOverrides).values({ officeId: t.office.id, date: "2026-12-04", kind: "closed", reason: "Libur", reasonEn: null });
    await createBooking(visitor, bookingRequest(t, { date: "2026-12-03", session: "08:00" }), ctx);
    await createBooking(visitor, bookingRequest(t, { date: "2026-12-05", session: "09:00" }), ctx);
    const result = await getAvailability({ officeSlug: t.office.slug, serviceSlug: "ktp", t: id, now: NOW });
    const byDate = new Map(result.days.map((d) => [d.date, d]));
    expect(byDate.get("2026-12-03")).toMatchObject({ reasonCode: "full", nextDateWithRoom: "2026-12-06" });
    expect(byDate.get("2026-12-05")).toMatchObject({ reasonCode: "full", nextDateWithRoom: "2026-12-06" });
    expect(byDate.get("2026-12-02")!.nextDateWithRoom).toBeUndefined();
    expect(result.firstAvailableDate).toBe(TOMORROW);

    // The last date of the window full, nothing later: no pointer rather than a backward one.
    const last = result.days.at(-1)!.date;
    await createBooking(visitor, bookingRequest(t, { date: last, session: "08:00" }), ctx);
    const again = await getAvailability({ officeSlug: t.office.slug, serviceSlug: "ktp", t: id, now: NOW });
    expect(again.days.at(-1)).toMatchObject({ date: last, reasonCode: "full", nextDateWithRoom: null });
  });

  it("a service's own cap shows as that service's remaining places", async () => {
    const t = await createTestOffice(db(), { serviceCaps: { ktp: 3 } });
    await createBooking(visitor, bookingRequest(t, { session: "08:00" }), ctx);
    const ktp = await getAvailability({ officeSlug: t.office.slug, serviceSlug: "ktp", t: id, now: NOW, days: 1 });
    const kk = await getAvailability({ officeSlug: t.office.slug, serviceSlug: "kk", t: id, now: NOW, days: 1 });
    expect(ktp.days[0]!.sessions.map((s) => s.remaining)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(kk.days[0]!.sessions.map((s) => s.remaining)).toEqual([9, 10, 10, 10, 10, 10]);
  });

  it("online sees capacity minus the walk-in reserve; staff see today's remaining sessions and all places", async () => {
    const t = await createTestOffice(db(), { office: { walkInReservePercent: 20 } });
    const online = await getAvailability({ officeSlug: t.office.slug, serviceSlug: "ktp", t: id, now: NOW, days: 1 });
    expect(online.days[0]!.sessions.map((s) => [s.capacity, s.remaining])[0]).toEqual([8, 8]);

    const staff = await getAvailability({ officeSlug: t.office.slug, serviceSlug: "ktp", t: id, now: NOW, channel: "assisted", days: 2 });
    expect(staff.days.map((d) => d.date)).toEqual([TODAY, TOMORROW]);
    expect(staff.days[0]!.sessions.map((s) => s.start)).toEqual(["10:00", "11:00", "12:00", "13:00"]);
    expect(staff.days[1]!.sessions[0]).toMatchObject({ capacity: 10, remaining: 10 });
  });

  it("honours from and days, explaining dates outside the window", async () => {
    const t = await createTestOffice(db());
    const result = await getAvailability({ officeSlug: t.office.slug, serviceSlug: "ktp", t: en, now: NOW, from: "2026-12-07", days: 4 });
    expect(result.days.map((d) => [d.date, d.open, d.reason ?? null])).toEqual([
      ["2026-12-07", true, null],
      ["2026-12-08", true, null],
      ["2026-12-09", false, "Booking for this date is not open yet"],
      ["2026-12-10", false, "Booking for this date is not open yet"],
    ]);
    const past = await getAvailability({ officeSlug: t.office.slug, serviceSlug: "ktp", t: id, now: NOW, from: TODAY, days: 1 });
    expect(past.days).toEqual([{ date: TODAY, open: false, reasonCode: "booking_closed", reason: "Booking untuk tanggal ini sudah ditutup", sessions: [] }]);
    expect(past.firstAvailableDate).toBeNull();
  });

  it("an unknown service or office is a 422 naming the field", async () => {
    const t = await createTestOffice(db());
    expect((await appErrorOf(getAvailability({ officeSlug: t.office.slug, serviceSlug: "paspor", t: id, now: NOW }))).fields).toEqual({ service: ["field.service.unknown"] });
    expect((await appErrorOf(getAvailability({ officeSlug: "nowhere", serviceSlug: "ktp", t: id, now: NOW }))).fields).toEqual({ office: ["field.office.unknown"] });
  });

  it("listServices: active services in order with their requirements and forms, in both languages", async () => {
    const t = await createTestOffice(db());
    await db().update(services).set({ isActive: false }).where(eq(services.id, t.kia.id));
    const [f1, f2] = await db()
      .insert(forms)
      .values([
        { officeId: t.office.id, slug: "f-1-01", name: "F-1.01", nameEn: "F-1.01 (en)", url: "/forms/f-1-01.pdf", description: "Formulir Biodata" },
        { officeId: t.office.id, slug: "f-1-02", name: "F-1.02", url: "/forms/f-1-02.pdf", description: null },
      ])
      .returning();
    const [r2, r1] = await db()
      .insert(serviceRequirements)
      .values([
        { serviceId: t.kk.id, position: 1, text: "Fotokopi buku nikah", textEn: "Copy of the marriage book" },
        { serviceId: t.kk.id, position: 0, text: "Formulir F-1.01 dan F-1.02", textEn: null },
      ])
      .returning();
    await db().insert(requirementForms).values([{ requirementId: r1!.id, formId: f1!.id }, { requirementId: r1!.id, formId: f2!.id }]);

    const list = await listServices({ office: t.office }, { locale: "id" });
    expect(list.map((s) => [s.slug, s.name.text, s.queueLetter, s.minAge, s.maxAge])).toEqual([
      ["ktp", "KTP-el", "A", 17, null],
      ["kk", "Kartu Keluarga", "C", null, null],
    ]);
    const kk = list[1]!;
    expect(kk.requirements.map((r) => r.text.text)).toEqual(["Formulir F-1.01 dan F-1.02", "Fotokopi buku nikah"]);
    expect(kk.requirements[0]!.forms.map((f) => f.slug).sort()).toEqual(["f-1-01", "f-1-02"]);
    expect(kk.requirements[0]!.forms.find((f) => f.slug === "f-1-01")).toEqual({
      slug: "f-1-01",
      name: { text: "F-1.01", lang: "id" },
      url: "/forms/f-1-01.pdf",
      description: { text: "Formulir Biodata", lang: "id" },
    });
    expect(kk.requirements[1]!.forms).toEqual([]);
    expect(r2!.position).toBe(1);

    const inEn = (await findServiceDTO({ office: t.office, slug: "kk" }, { locale: "en" }))!;
    // A text without English comes in Indonesian and says so, for the page to mark it.
    expect(inEn.requirements.map((r) => r.text)).toEqual([
      { text: "Formulir F-1.01 dan F-1.02", lang: "id" },
      { text: "Copy of the marriage book", lang: "en" },
    ]);
    expect(inEn.requirements[0]!.forms.find((f) => f.slug === "f-1-01")!.name).toEqual({ text: "F-1.01 (en)", lang: "en" });
    expect(inEn.name).toEqual({ text: "Kartu Keluarga", lang: "id" });
    expect((await findServiceDTO({ office: t.office, slug: "ktp" }, { locale: "en" }))!.name).toEqual({ text: "ID card", lang: "en" });
    expect((await findServiceDTO({ office: t.office, slug: "ktp" }, { locale: "id" }))!.requirements).toEqual([]);
  });

  it("requireService: an unknown or inactive service is a 422 naming the field (findServiceDTO: null)", async () => {
    const t = await createTestOffice(db());
    await db().update(services).set({ isActive: false }).where(eq(services.id, t.kia.id));
    for (const slug of ["paspor", "kia"]) {
      expect(await findServiceDTO({ office: t.office, slug }, { locale: "id" })).toBeNull();
      const error = await appErrorOf(requireService(t.office, slug));
      expect([error.code, error.fields]).toEqual(["validation", { service: ["field.service.unknown"] }]);
    }
  });
});

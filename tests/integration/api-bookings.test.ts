import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { POST as cancelPost } from "@/app/api/v1/bookings/[reference]/cancel/route";
import { POST as reschedulePost } from "@/app/api/v1/bookings/[reference]/reschedule/route";
import { POST as lookupPost } from "@/app/api/v1/bookings/lookup/route";
import { POST as bookPost } from "@/app/api/v1/bookings/route";
import { auditLogs, bookings } from "@/db/schema";
import { apiPost, countState, freshIp, read, refParams, disposeApiTestDatabase, useApiTestDatabase } from "../helpers/api";
import { DATABASE_KINDS, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, makeNik, NOW, TODAY, TOMORROW, uniquePhone, type TestOffice } from "../helpers/fixtures";

// As behind a trusted proxy, so every request can come from its own address (see tests/helpers/api.ts).
vi.stubEnv("ANTREAN_TRUST_PROXY", "1");
// Proof of work has its own tests (api-pow.test.ts); these book without solving a challenge.
vi.stubEnv("ANTREAN_POW", "off");

const BOOKING_KEYS = [
  "channel", "checkedInAt", "createdAt", "date", "email", "isPriority", "name", "nikMasked", "office", "phone",
  "queueNumber", "reference", "referenceDisplay", "service", "session", "status",
];

describe.each(DATABASE_KINDS)("booking API on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;

  beforeAll(async () => {
    testDb = await useApiTestDatabase(kind);
    t = await createTestOffice(testDb.handle.db);
  });
  afterAll(async () => {
    await disposeApiTestDatabase(testDb);
  });

  const body = (over: Record<string, unknown> = {}) => ({
    office: t.office.slug,
    service: "ktp",
    date: TOMORROW,
    session: "09:00",
    nik: adultNik(),
    name: "Siti Nurhaliza",
    phone: uniquePhone(),
    ...over,
  });
  const book = (b: unknown, options = {}) => read(bookPost(apiPost("/api/v1/bookings", b, options)));
  const lookup = (b: unknown, options = {}) => read(lookupPost(apiPost("/api/v1/bookings/lookup", b, options)));
  const cancel = (ref: string, b: unknown, options = {}) => read(cancelPost(apiPost(`/api/v1/bookings/${ref}/cancel`, b, options), refParams(ref)));
  const reschedule = (ref: string, b: unknown, options = {}) =>
    read(reschedulePost(apiPost(`/api/v1/bookings/${ref}/reschedule`, b, options), refParams(ref)));

  it("books a visit: 201, no-store, the fixed shape, the NIK only masked, no internal ids", async () => {
    const ip = freshIp();
    const nik = adultNik();
    const res = await book(body({ nik, phone: "0812-1111-2222", email: "Siti@Example.com" }), { ip });
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(Object.keys(res.json).sort()).toEqual(BOOKING_KEYS);
    expect(res.json).toMatchObject({
      status: "booked",
      channel: "online",
      date: TOMORROW,
      queueNumber: "A-001",
      session: { id: "09:00", start: "09:00", end: "10:00" },
      service: { slug: "ktp", name: "KTP-el", category: "KTP-el" },
      office: { slug: t.office.slug },
      nikMasked: `${nik.slice(0, 4)}********${nik.slice(12)}`,
      email: "siti@example.com",
    });
    expect(res.json.reference).toMatch(/^[A-Z2-9]{8}$/);
    expect(res.text).not.toContain(nik);
    expect(res.text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    expect(res.text).not.toMatch(/"(officeId|serviceId|nikHash|nikEncrypted|phoneHash|dedupeKey)"/);

    const [row] = await testDb.handle.db.select().from(bookings).where(eq(bookings.reference, String(res.json.reference)));
    const audits = await testDb.handle.db.select().from(auditLogs).where(eq(auditLogs.bookingId, row!.id));
    expect(audits.map((a) => [a.action, a.actorType, a.ip])).toEqual([["booking.create", "citizen", ip]]);
  });

  it("takes a null email as no email", async () => {
    const res = await book(body({ email: null }), { ip: freshIp() });
    expect(res.status).toBe(201);
    expect(res.json.email).toBeNull();
  });

  it("records consent when the integration sends it", async () => {
    const res = await book(body({ consent: true }));
    expect(res.status).toBe(201);
    const [row] = await testDb.handle.db.select().from(bookings).where(eq(bookings.reference, String(res.json.reference)));
    expect(row!.consentAt).toEqual(NOW);
  });

  it("answers bad input with 422, every bad field named, in Indonesian by default and English on request", async () => {
    const bad = body({ name: "R2-D2", phone: "12345", date: "2026-02-30" });
    const before = await countState(testDb.handle.db);
    const id = await book(bad);
    expect(id.status).toBe(422);
    expect(id.json).toEqual({
      error: {
        code: "validation",
        message: "Ada isian yang perlu diperbaiki.",
        fields: {
          name: ["Tulis nama sesuai KTP/KK: huruf, spasi, titik, koma, tanda petik atau tanda hubung."],
          phone: ["Nomor HP tidak valid. Contoh: 0812-3456-7890."],
          date: ["Tanggal tidak valid."],
        },
      },
    });
    const en = await book(bad, { lang: "en" });
    expect(en.json.error).toMatchObject({ code: "validation", message: "Some fields need to be corrected.", fields: { date: ["Invalid date."] } });
    const query = await read(bookPost(apiPost("/api/v1/bookings?lang=en", bad, { lang: "id" })));
    expect(query.json.error?.message).toBe("Some fields need to be corrected.");
    expect(await countState(testDb.handle.db)).toEqual(before);
  });

  it("applies the service's age rule with its parameter in the message", async () => {
    const child = makeNik("2018-05-05", "F", 7);
    const id = await book(body({ nik: child }));
    expect(id.status).toBe(422);
    expect(id.json.error?.fields).toEqual({
      nik: ["Layanan ini untuk usia 17 tahun ke atas. Jika ada pengecualian untuk Anda (misalnya sudah atau pernah kawin), datanglah ke kantor dengan dokumennya: petugas dapat membuat booking Anda."],
    });
    const en = await book(body({ nik: child }), { lang: "en" });
    expect(en.json.error?.fields).toEqual({
      nik: ["This service is for people aged 17 or over. If an exception applies to you (for example, you are or were married), come to the office with the document: staff can make your booking."],
    });
    const adultForKia = await book(body({ service: "kia" }), { lang: "en" });
    expect(adultForKia.json.error?.fields).toEqual({ nik: ["This service is for people under 17."] });
  });

  it("points a person refused for their age to the service that fits: KIA for a child, KTP-el for an adult", async () => {
    const child = await book(body({ nik: makeNik("2016-03-03", "M", 11) }));
    expect([child.status, child.json.error?.suggestedService]).toEqual([422, "kia"]);
    const adult = await book(body({ service: "kia" }));
    expect([adult.status, adult.json.error?.suggestedService]).toEqual([422, "ktp"]);
    // A service without an age rule is no pointer: nothing fits better, so nothing is suggested.
    const fine = await book(body({ service: "kk", nik: makeNik("2016-03-03", "M", 12) }));
    expect(fine.status).toBe(201);
    expect(fine.json.error).toBeUndefined();
  });

  it("names an unknown service or office as a field error", async () => {
    const service = await book(body({ service: "paspor" }));
    expect(service.status).toBe(422);
    expect(service.json.error?.fields).toEqual({ service: ["Layanan tidak dikenal."] });
    const office = await book(body({ office: "kota-atlantis" }), { lang: "en" });
    expect(office.json.error?.fields).toEqual({ office: ["Unknown office."] });
  });

  it("refuses a second booking for the same NIK and date with 409 duplicate", async () => {
    const nik = adultNik();
    expect((await book(body({ nik }))).status).toBe(201);
    const before = await countState(testDb.handle.db);
    const again = await book(body({ nik, service: "kk", session: "11:00" }), { lang: "en" });
    expect(again.status).toBe(409);
    expect(again.json).toEqual({ error: { code: "duplicate", message: "This NIK already has an active booking on that date." } });
    expect(await countState(testDb.handle.db)).toEqual(before);
  });

  it("says 409 full when the session has no place left", async () => {
    const small = await createTestOffice(testDb.handle.db, { sessionCapacity: 1 });
    expect((await book(body({ office: small.office.slug }))).status).toBe(201);
    const res = await book(body({ office: small.office.slug }));
    expect(res.status).toBe(409);
    expect(res.json).toEqual({ error: { code: "full", message: "Kuota sesi ini sudah penuh. Silakan pilih sesi atau tanggal lain." } });
  });

  it("says 409 closed for today, past the window, and a session that does not exist", async () => {
    for (const over of [{ date: TODAY }, { date: "2026-12-20" }, { session: "07:00" }]) {
      const res = await book(body(over));
      expect(res.status, JSON.stringify(over)).toBe(409);
      expect(res.json.error?.code).toBe("closed");
    }
  });

  it("says 409 phone_limit with the office's limit in the message", async () => {
    const strict = await createTestOffice(testDb.handle.db, { office: { phoneDailyLimit: 1 } });
    const phone = uniquePhone();
    expect((await book(body({ office: strict.office.slug, phone }))).status).toBe(201);
    const res = await book(body({ office: strict.office.slug, phone }), { lang: "en" });
    expect(res.status).toBe(409);
    expect(res.json).toEqual({ error: { code: "phone_limit", message: "This phone number has already been used for 1 bookings on that date." } });
  });

  it("looks a booking up by reference and NIK, however the reference is typed", async () => {
    const nik = adultNik();
    const created = await book(body({ nik }));
    const ref = String(created.json.reference);
    const res = await lookup({ reference: `${ref.slice(0, 4).toLowerCase()}-${ref.slice(4)}`, nik });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.json).toEqual(created.json);
  });

  it("gives byte-identical 404s for a wrong NIK and an unknown reference", async () => {
    const created = await book(body());
    const wrongNik = await lookup({ reference: created.json.reference, nik: adultNik() });
    const unknownRef = await lookup({ reference: "ZZZZ-ZZZZ", nik: adultNik() });
    expect(wrongNik.status).toBe(404);
    expect(unknownRef.status).toBe(404);
    expect(wrongNik.text).toBe(unknownRef.text);
    expect(wrongNik.json).toEqual({ error: { code: "not_found", message: "Booking tidak ditemukan. Periksa kembali kode booking dan NIK." } });
  });

  it("cancels once (200, the place freed), then 409 invalid_transition; a wrong NIK gets 404", async () => {
    const small = await createTestOffice(testDb.handle.db, { sessionCapacity: 1 });
    const nik = adultNik();
    const created = await book(body({ office: small.office.slug, nik }));
    const ref = String(created.json.reference);

    const wrong = await cancel(ref, { nik: adultNik() });
    expect(wrong.status).toBe(404);
    expect(wrong.json.error?.code).toBe("not_found");

    const res = await cancel(ref, { nik });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ reference: ref, status: "cancelled" });
    expect(Object.keys(res.json).sort()).toEqual(BOOKING_KEYS);
    expect((await book(body({ office: small.office.slug }))).status).toBe(201);

    const again = await cancel(ref, { nik }, { lang: "en" });
    expect(again.status).toBe(409);
    expect(again.json).toEqual({ error: { code: "invalid_transition", message: "This action is not possible for the booking's current status." } });
  });

  it("reschedules atomically: 200 when there is room, 409 full/closed keeping the old slot, 404 for a wrong NIK", async () => {
    const small = await createTestOffice(testDb.handle.db, { sessionCapacity: 1 });
    const nik = adultNik();
    const ref = String((await book(body({ office: small.office.slug, nik, session: "08:00" }))).json.reference);
    expect((await book(body({ office: small.office.slug, session: "10:00" }))).status).toBe(201);

    const moved = await reschedule(ref, { nik, date: "2026-12-03", session: "09:00" });
    expect(moved.status).toBe(200);
    expect(moved.json).toMatchObject({ reference: ref, date: "2026-12-03", session: { start: "09:00" }, status: "booked" });

    const full = await reschedule(ref, { nik, date: TOMORROW, session: "10:00" });
    expect(full.status).toBe(409);
    expect(full.json.error?.code).toBe("full");
    const closed = await reschedule(ref, { nik, date: TODAY, session: "13:00" });
    expect(closed.status).toBe(409);
    expect(closed.json.error?.code).toBe("closed");
    const stillThere = await lookup({ reference: ref, nik });
    expect(stillThere.json).toMatchObject({ date: "2026-12-03", session: { start: "09:00" }, status: "booked" });

    const wrong = await reschedule(ref, { nik: adultNik(), date: TOMORROW, session: "11:00" });
    expect(wrong.status).toBe(404);
  });

  it("rejects a malformed reference in the path as a field error", async () => {
    const res = await cancel("not-a-ref!", { nik: adultNik() });
    expect(res.status).toBe(422);
    expect(Object.keys(res.json.error?.fields ?? {})).toEqual(["reference"]);
  });
});

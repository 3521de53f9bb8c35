import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as cancelPost } from "@/app/api/v1/bookings/[reference]/cancel/route";
import { POST as recoverPost } from "@/app/api/v1/bookings/recover/route";
import { POST as bookPost } from "@/app/api/v1/bookings/route";
import { RECOVER_PERSON_LIMIT, REQUEST_LIMITS } from "@/lib/limits/booking";
import { addDays } from "@/lib/dates";
import { apiPost, countState, freshIp, read, refParams, disposeApiTestDatabase, useApiTestDatabase } from "../helpers/api";
import { DATABASE_KINDS, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, TOMORROW, uniquePhone, type TestOffice } from "../helpers/fixtures";

// As behind a trusted proxy, so every request can come from its own address (see tests/helpers/api.ts).
vi.stubEnv("ANTREAN_TRUST_PROXY", "1");
// Proof of work has its own tests (api-pow.test.ts); these book without solving a challenge.
vi.stubEnv("ANTREAN_POW", "off");

/** "Back after booking, then send again": the NIK is taken, the reference lost. NIK + phone find it. */
describe.each(DATABASE_KINDS)("finding a booking again by NIK and phone on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;

  beforeAll(async () => {
    testDb = await useApiTestDatabase(kind);
    t = await createTestOffice(testDb.handle.db);
  });
  afterAll(async () => {
    await disposeApiTestDatabase(testDb);
  });

  const book = async (over: Record<string, unknown>) => {
    const res = await read(bookPost(apiPost("/api/v1/bookings", { office: t.office.slug, service: "ktp", date: TOMORROW, session: "09:00", name: "Siti Nurhaliza", ...over })));
    expect(res.status, res.text).toBe(201);
    return res;
  };
  const recover = (body: unknown, options: { ip?: string; lang?: "id" | "en" } = {}) => read(recoverPost(apiPost("/api/v1/bookings/recover", body, options)));

  it("answers the booking itself (200, no-store), however the phone is written", async () => {
    const nik = adultNik();
    const phone = uniquePhone();
    const created = await book({ nik, phone });
    const res = await recover({ nik: `${nik.slice(0, 8)} ${nik.slice(8)}`, phone: `+62 ${phone.slice(1, 4)}-${phone.slice(4)}` });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.json).toEqual(created.json);
    expect(res.text).not.toContain(nik);
  });

  it("picks the nearest active booking when the person has several", async () => {
    const nik = adultNik();
    const phone = uniquePhone();
    await book({ nik, phone, date: addDays(TOMORROW, 2) });
    const nearest = await book({ nik, phone, date: addDays(TOMORROW, 1), session: "11:00" });
    expect((await recover({ nik, phone })).json.reference).toBe(nearest.json.reference);
  });

  it("gives the same 404 for a wrong phone, a wrong NIK, a cancelled booking and nobody at all, and changes nothing", async () => {
    const nik = adultNik();
    const phone = uniquePhone();
    const cancelledNik = adultNik();
    const cancelled = await book({ nik: cancelledNik, phone });
    const reference = String(cancelled.json.reference);
    expect((await read(cancelPost(apiPost(`/api/v1/bookings/${reference}/cancel`, { nik: cancelledNik }), refParams(reference)))).status).toBe(200);
    await book({ nik, phone });

    const before = await countState(testDb.handle.db);
    const answers = await Promise.all([
      recover({ nik, phone: uniquePhone() }),
      recover({ nik: adultNik(), phone }),
      recover({ nik: cancelledNik, phone }),
      recover({ nik: adultNik(), phone: uniquePhone() }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404]);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(answers[0]!.json).toEqual({
      error: { code: "not_found", message: "Booking aktif tidak ditemukan. Periksa kembali NIK dan nomor HP yang dipakai saat booking." },
    });
    expect(await countState(testDb.handle.db)).toEqual(before);
  });

  it("names malformed fields with 422, in the reader's language", async () => {
    const res = await recover({ nik: "12", phone: "" }, { lang: "en" });
    expect(res.status).toBe(422);
    expect(Object.keys(res.json.error?.fields ?? {}).sort()).toEqual(["nik", "phone"]);
    expect(res.json.error?.message).toBe("Some fields need to be corrected.");
  });

  it("is rate-limited per address: every attempt counts, another address is not held up", async () => {
    const ip = freshIp();
    const { limit } = REQUEST_LIMITS.recoverBooking;
    for (let i = 0; i < limit; i++) expect((await recover({ nik: adultNik(), phone: uniquePhone() }, { ip })).status).toBe(404);
    const nik = adultNik();
    const phone = uniquePhone();
    await book({ nik, phone });
    const limited = await recover({ nik, phone }, { ip });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await recover({ nik, phone }, { ip: freshIp() })).status).toBe(200);
  });

  it("is rate-limited per person too: guessing NIKs against one phone, or phones against one NIK, from ever new addresses", async () => {
    const nik = adultNik();
    const phone = uniquePhone();
    await book({ nik, phone });
    // A known phone number, the NIK's serial guessed: each guess from a new address.
    for (let i = 0; i < RECOVER_PERSON_LIMIT; i++) expect((await recover({ nik: adultNik(), phone }, { ip: freshIp() })).status).toBe(404);
    const byPhone = await recover({ nik, phone }, { ip: freshIp() });
    expect(byPhone.status).toBe(429);
    expect(Number(byPhone.headers.get("retry-after"))).toBeGreaterThan(0);

    // A known NIK, phone numbers tried.
    const other = { nik: adultNik(), phone: uniquePhone() };
    await book(other);
    for (let i = 0; i < RECOVER_PERSON_LIMIT; i++) expect((await recover({ nik: other.nik, phone: uniquePhone() }, { ip: freshIp() })).status).toBe(404);
    expect((await recover(other, { ip: freshIp() })).status).toBe(429);
    // Somebody else is not held up.
    const third = { nik: adultNik(), phone: uniquePhone() };
    await book(third);
    expect((await recover(third, { ip: freshIp() })).status).toBe(200);
  });
});

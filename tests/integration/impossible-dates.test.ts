import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as availabilityGet } from "@/app/api/v1/availability/route";
import { POST as reschedulePost } from "@/app/api/v1/bookings/[reference]/reschedule/route";
import { POST as bookPost } from "@/app/api/v1/bookings/route";
import { getAvailability } from "@/lib/dal/availability";
import { createTranslator } from "@/lib/i18n/translate";
import { apiGet, apiPost, countState, disposeApiTestDatabase, read, refParams, useApiTestDatabase } from "../helpers/api";
import { DATABASE_KINDS, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, TOMORROW, uniquePhone, type TestOffice } from "../helpers/fixtures";

vi.stubEnv("ANTREAN_TRUST_PROXY", "1");
// Proof of work has its own tests (api-pow.test.ts); these book without solving a challenge.
vi.stubEnv("ANTREAN_POW", "off");

/** Dates that pass a `YYYY-MM-DD` pattern but that PostgreSQL cannot hold (or that do not exist). */
const IMPOSSIBLE = ["0000-01-01", "0001-01-01", "9999-12-31", "2026-02-30", "2026-13-01", "+10000-01-01", "10000-01-01"];

describe.each(DATABASE_KINDS)("impossible dates are refused with 422 before they reach %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;
  let reference: string;
  let nik: string;

  beforeAll(async () => {
    testDb = await useApiTestDatabase(kind);
    t = await createTestOffice(testDb.handle.db);
    nik = adultNik();
    const created = await read(bookPost(apiPost("/api/v1/bookings", { office: t.office.slug, service: "kk", date: TOMORROW, session: "08:00", nik, name: "Dewi", phone: uniquePhone() })));
    expect(created.status).toBe(201);
    reference = String(created.json.reference);
  });
  afterAll(() => disposeApiTestDatabase(testDb));

  it.each(IMPOSSIBLE)("availability ?from=%s", async (from) => {
    const res = await read(availabilityGet(apiGet(`/api/v1/availability?office=${t.office.slug}&service=kk&from=${encodeURIComponent(from)}`, { lang: "en" })));
    expect(res.status, res.text).toBe(422);
    expect(res.json.error?.fields?.from).toContain("Invalid date.");
  });

  it("availability whose `days` would run past the last date PostgreSQL can be asked for", async () => {
    const res = await read(availabilityGet(apiGet(`/api/v1/availability?office=${t.office.slug}&service=kk&from=2999-12-20&days=31`)));
    expect(res.status, res.text).toBe(422);
    // The last accepted day still answers.
    const ok = await read(availabilityGet(apiGet(`/api/v1/availability?office=${t.office.slug}&service=kk&from=2999-12-01&days=31`)));
    expect(ok.status, ok.text).toBe(200);
  });

  it("the data layer refuses such a range itself (the pages call it without the API's schema)", async () => {
    const tr = createTranslator("id");
    await expect(getAvailability({ officeSlug: t.office.slug, serviceSlug: "kk", from: "0000-01-01", days: 1, t: tr })).rejects.toMatchObject({ code: "validation" });
    await expect(getAvailability({ officeSlug: t.office.slug, serviceSlug: "kk", from: "2026-02-30", days: 1, t: tr })).rejects.toMatchObject({ code: "validation" });
  });

  it.each(IMPOSSIBLE)("a booking or a reschedule to %s changes nothing", async (date) => {
    const before = await countState(testDb.handle.db);
    const booked = await read(bookPost(apiPost("/api/v1/bookings", { office: t.office.slug, service: "kk", date, session: "08:00", nik: adultNik(), name: "Budi", phone: uniquePhone() })));
    expect(booked.status, booked.text).toBe(422);
    expect(booked.json.error?.fields?.date).toContain("Tanggal tidak valid.");
    const moved = await read(reschedulePost(apiPost(`/api/v1/bookings/${reference}/reschedule`, { nik, date, session: "09:00" }), refParams(reference)));
    expect(moved.status, moved.text).toBe(422);
    expect(moved.json.error?.fields?.date).toContain("Tanggal tidak valid.");
    expect(await countState(testDb.handle.db)).toEqual(before);
  });
});

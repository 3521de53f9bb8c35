import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { GET as availabilityGet } from "@/app/api/v1/availability/route";
import { POST as outagesPost } from "@/app/api/v1/admin/outages/route";
import { POST as bookingsPost } from "@/app/api/v1/bookings/route";
import { auditLogs, bookings, outages, priorityRebookings } from "@/db/schema";
import { citizen } from "@/lib/auth/actor";
import { createApiKey } from "@/lib/dal/api-keys";
import { createBooking } from "@/lib/dal/bookings";
import { apiGet, apiPost, countState, disposeApiTestDatabase, read, useApiTestDatabase } from "../helpers/api";
import { bookingRequest } from "../helpers/bookings";
import { DATABASE_KINDS, type TestDatabase } from "../helpers/databases";
import { createTestOffice, NOW, TOMORROW, type TestOffice } from "../helpers/fixtures";
import { actorOf, createTestStaff } from "../helpers/staff";

const visitor = citizen("127.0.0.1");

const ctx = { locale: "id" as const, now: NOW };

// The outage is under test, not the proof of work of the refused booking (tests/integration/api-pow.test.ts).
vi.stubEnv("ANTREAN_POW", "off");

describe.each(DATABASE_KINDS)("POST /api/v1/admin/outages on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;
  let adminKey: string;
  let reportsKey: string;
  const db = () => testDb.handle.db;
  const post = (body: unknown, key: string | null = adminKey, lang: "id" | "en" = "id") =>
    read(outagesPost(apiPost("/api/v1/admin/outages", body, { lang, headers: key ? { authorization: `Bearer ${key}` } : {} })));
  // Every accepted key use is audited (api_key.use); nothing else may be.
  const state = async () => {
    const { audit: _audit, ...rest } = await countState(db());
    return { ...rest, outages: await db().$count(outages), rights: await db().$count(priorityRebookings), declared: await db().$count(auditLogs, eq(auditLogs.action, "outage.declare")), cancels: await db().$count(auditLogs, eq(auditLogs.action, "booking.cancel")) };
  };

  beforeAll(async () => {
    testDb = await useApiTestDatabase(kind);
    t = await createTestOffice(db());
    const admin = actorOf(await createTestStaff(db(), t.office.id, { role: "admin" }));
    adminKey = (await createApiKey(admin, { name: "Integrasi", scopes: ["admin"] })).key;
    reportsKey = (await createApiKey(admin, { name: "Laporan", scopes: ["reports"] })).key;
  });
  afterAll(() => disposeApiTestDatabase(testDb));

  it("201 with the affected references; availability shows the session gone with the reason; booking it is 409", async () => {
    const a = await createBooking(visitor, bookingRequest(t, { session: "10:00" }), ctx);
    const b = await createBooking(visitor, bookingRequest(t, { session: "10:00", service: "kk" }), ctx);
    await createBooking(visitor, bookingRequest(t, { session: "11:00" }), ctx);
    const res = await post({ office: t.office.slug, date: TOMORROW, session: "10:00", reason: "blanko_empty" });
    expect(res.status).toBe(201);
    expect(res.json.references).toEqual(expect.arrayContaining([a.reference, b.reference]));
    expect(res.json.references).toHaveLength(2);
    expect(res.json.outage).toMatchObject({ office: t.office.slug, date: TOMORROW, session: "10:00", service: null, reason: "Blanko KTP-el habis", reasonEn: "Blank KTP-el cards have run out" });
    expect(res.json.priorityUntil).toBe("2026-12-04T03:00:00.000Z");
    expect(res.text).not.toMatch(/nik/i);

    const avail = await read(availabilityGet(apiGet(`/api/v1/availability?office=${t.office.slug}&service=ktp&from=${TOMORROW}&days=1`, { lang: "en" })));
    const day = (avail.json.days as { sessions: { start: string }[]; outage?: string }[])[0]!;
    expect(day.sessions.map((s) => s.start)).not.toContain("10:00");
    expect(day.outage).toBe("Service suspended: Blank KTP-el cards have run out");
    const refused = await read(bookingsPost(apiPost("/api/v1/bookings", bookingRequest(t, { session: "10:00" }))));
    expect(refused.status).toBe(409);
    expect(refused.json.error).toMatchObject({ code: "closed", message: expect.stringMatching(/dihentikan sementara/) });
    expect(await db().$count(auditLogs, and(eq(auditLogs.action, "outage.declare"), eq(auditLogs.actorType, "api_key")))).toBe(1);

    const again = await post({ date: TOMORROW, session: "10:00", reason: "blanko_empty" });
    expect(again.status).toBe(409);
    // A whole day for one service, with free text: office defaults to the key's own.
    const day2 = await post({ date: "2026-12-03", service: "kk", reason: "Server SIAK diperbarui", reasonEn: "SIAK server upgrade" }, adminKey, "en");
    expect(day2.status).toBe(201);
    expect(day2.json).toMatchObject({ references: [], outage: { office: t.office.slug, service: "kk", session: null, reason: "Server SIAK diperbarui", reasonEn: "SIAK server upgrade" } });
    const kk = await read(availabilityGet(apiGet(`/api/v1/availability?office=${t.office.slug}&service=kk&from=2026-12-03&days=1`, { lang: "en" })));
    expect((kk.json.days as unknown[])[0]).toMatchObject({ open: false, reasonCode: "outage", reason: "Service suspended: SIAK server upgrade" });
  });

  it("refuses missing, wrong-scope and unknown keys, another office, and hostile input — changing nothing", async () => {
    const other = await createTestOffice(db());
    const booked = await createBooking(visitor, bookingRequest(t, { session: "12:00" }), ctx);
    const before = await state();
    const good = { date: TOMORROW, session: "12:00", reason: "siak_down" };
    expect((await post(good, null)).status).toBe(401);
    expect((await post(good, "antr_" + "x".repeat(43))).status).toBe(401);
    expect((await post(good, reportsKey)).status).toBe(403);
    expect((await post({ ...good, office: other.office.slug })).status).toBe(403);

    const hostile: [unknown, string][] = [
      ["{not json", "_"],
      [[good], "_"],
      [{ ...good, date: "2026-02-30" }, "date"],
      [{ ...good, date: "2026-11-30" }, "date"],
      [{ ...good, date: "'; drop table bookings; --" }, "date"],
      [{ ...good, session: "25:00" }, "session"],
      [{ ...good, session: "07:00" }, "session"],
      [{ ...good, service: "../../etc" }, "service"],
      [{ ...good, service: "paspor" }, "service"],
      [{ ...good, reason: "" }, "reason"],
      [{ ...good, reason: "x".repeat(301) }, "reason"],
      [{ ...good, reason: 42 }, "reason"],
      [{ ...good, reasonEn: "y".repeat(5000) }, "reasonEn"],
      [{ ...good, office: "<script>" }, "office"],
      [{ date: TOMORROW }, "reason"],
    ];
    for (const [body, field] of hostile) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(422);
      if (field !== "_") expect(Object.keys(res.json.error!.fields ?? {})).toContain(field);
    }
    const huge = await post({ ...good, reason: "a".repeat(20_000) });
    expect(huge.status).toBe(422);
    const wrongType = await read(outagesPost(new Request("http://antrean.test/api/v1/admin/outages", { method: "POST", headers: { authorization: `Bearer ${adminKey}`, "content-type": "text/plain" }, body: JSON.stringify(good) })));
    expect(wrongType.status).toBe(422);

    expect(await state()).toEqual(before);
    expect((await db().select().from(bookings).where(eq(bookings.reference, booked.reference)))[0]!.status).toBe("booked");
  });
});

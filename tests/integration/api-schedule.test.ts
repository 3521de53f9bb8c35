import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, ne } from "drizzle-orm";
import { DELETE as closuresDelete, POST as closuresPost } from "@/app/api/v1/admin/closures/route";
import { PUT as capacityPut } from "@/app/api/v1/admin/capacity/route";
import { POST as openDaysPost } from "@/app/api/v1/admin/open-days/route";
import { GET as availabilityGet } from "@/app/api/v1/availability/route";
import { auditLogs, dateOverrides, sessionCapacityOverrides } from "@/db/schema";
import { citizen } from "@/lib/auth/actor";
import { createApiKey } from "@/lib/dal/api-keys";
import { createBooking } from "@/lib/dal/bookings";
import { setReadCacheTtl } from "@/lib/dal/read-cache";
import { apiGet, countState, disposeApiTestDatabase, read, useApiTestDatabase } from "../helpers/api";
import { bookingRequest, countActive } from "../helpers/bookings";
import { DATABASE_KINDS, type TestDatabase } from "../helpers/databases";
import { createTestOffice, NOW, TODAY, TOMORROW, type TestOffice } from "../helpers/fixtures";
import { actorOf, createTestStaff } from "../helpers/staff";

const BASE = "http://antrean.test";

function send(method: string, path: string, body: unknown, key: string | null): Request {
  const headers = new Headers({ "content-type": "application/json", "x-forwarded-for": "10.9.9.9" });
  if (key) headers.set("authorization", `Bearer ${key}`);
  return new Request(BASE + path, { method, headers, body: typeof body === "string" ? body : JSON.stringify(body) });
}

describe.each(DATABASE_KINDS)("the schedule admin API on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;
  let other: TestOffice;
  let key: string;
  let reportsKey: string;
  const db = () => testDb.handle.db;
  const closures = (body: unknown, k: string | null = key) => read(closuresPost(send("POST", "/api/v1/admin/closures", body, k)));
  const reopen = (body: unknown, k: string | null = key) => read(closuresDelete(send("DELETE", "/api/v1/admin/closures", body, k)));
  const capacity = (body: unknown, k: string | null = key) => read(capacityPut(send("PUT", "/api/v1/admin/capacity", body, k)));
  const openDay = (body: unknown, k: string | null = key) => read(openDaysPost(send("POST", "/api/v1/admin/open-days", body, k)));
  const day = async (date: string, lang: "id" | "en" = "id") => {
    const res = await read(availabilityGet(apiGet(`/api/v1/availability?office=${t.office.slug}&service=ktp`, { lang })));
    return (res.json.days as { date: string; open: boolean; reason?: string; note?: string; sessions: { id: string; capacity: number; remaining: number; closed?: boolean; reason?: string }[] }[]).find((d) => d.date === date)!;
  };

  /** What a refused request must leave alone (an accepted key's use is audited as api_key.use, which is fine). */
  const stateOf = async () => {
    const { bookings, usages } = await countState(db());
    const audit = await db().select({ action: auditLogs.action }).from(auditLogs).where(ne(auditLogs.action, "api_key.use"));
    return { bookings, usages, audit: audit.length, overrides: await db().select().from(dateOverrides) };
  };

  beforeAll(async () => {
    testDb = await useApiTestDatabase(kind);
    t = await createTestOffice(db(), { office: { openWeekdays: [1, 2, 3, 4, 5] } });
    other = await createTestOffice(db());
    const admin = actorOf(await createTestStaff(db(), t.office.id, { role: "admin" }));
    key = (await createApiKey(admin, { name: "Integrasi", scopes: ["admin"] })).key;
    reportsKey = (await createApiKey(admin, { name: "Laporan", scopes: ["reports"] })).key;
    setReadCacheTtl(60_000);
  });
  afterAll(async () => {
    setReadCacheTtl(0);
    await disposeApiTestDatabase(testDb);
  });

  it("POST closures → 201 and availability shows the date closed with that reason at once; DELETE reopens", async () => {
    expect((await day(TOMORROW)).open).toBe(true);
    const res = await closures({ date: TOMORROW, reason: "Gangguan SIAK", reasonEn: "SIAK outage" });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ office: t.office.slug, date: TOMORROW, session: null, reason: "Gangguan SIAK", reasonEn: "SIAK outage", cancelled: [], kept: [] });
    expect(await day(TOMORROW)).toMatchObject({ open: false, reason: "Libur: Gangguan SIAK" });
    expect((await day(TOMORROW, "en")).reason).toBe("Holiday: SIAK outage");
    expect((await closures({ date: TOMORROW, reason: "again" })).status).toBe(409);
    const back = await reopen({ date: TOMORROW });
    expect(back.status).toBe(200);
    expect((await day(TOMORROW)).open).toBe(true);
    expect((await reopen({ date: TOMORROW })).status).toBe(404);
  });

  it("closes one session with its reason; the availability API marks it closed", async () => {
    const res = await closures({ office: t.office.slug, date: TOMORROW, session: "10:00", reason: "Blanko habis" });
    expect(res.status).toBe(201);
    expect((await day(TOMORROW)).sessions.find((s) => s.id === "10:00")).toMatchObject({ remaining: 0, closed: true, reason: "Blanko habis" });
    expect((await reopen({ date: TOMORROW, session: "10:00" })).status).toBe(200);
    expect((await day(TOMORROW)).sessions.find((s) => s.id === "10:00")!.closed).toBeUndefined();
  });

  it("PUT capacity → 200; below what is booked → 409 below_booked with the count unless onConflict", async () => {
    for (let i = 0; i < 3; i++) await createBooking(citizen("127.0.0.1"), bookingRequest(t, { session: "11:00" }), { locale: "id", now: NOW });
    const ok = await capacity({ date: TOMORROW, session: "11:00", capacity: 5 });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ date: TOMORROW, session: "11:00", capacity: 5, cancelled: [], kept: [] });
    expect((await day(TOMORROW)).sessions.find((s) => s.id === "11:00")).toMatchObject({ capacity: 5, remaining: 2 });

    const before = await stateOf();
    const refused = await capacity({ date: TOMORROW, session: "11:00", capacity: 1 });
    expect(refused.status).toBe(409);
    expect(refused.json.error).toMatchObject({ code: "below_booked", booked: 3 });
    expect(await stateOf()).toEqual(before);
    const kept = await capacity({ date: TOMORROW, session: "11:00", capacity: 2, onConflict: "keep" });
    expect(kept.status).toBe(200);
    expect(kept.json.kept).toHaveLength(1);
    const cancelled = await capacity({ date: TOMORROW, session: "11:00", capacity: 1, onConflict: "cancel_and_rebook" });
    expect(cancelled.json.cancelled).toHaveLength(2);
    expect(await countActive(db(), t.office.id, { date: TOMORROW, session: "11:00" })).toBe(1);
    expect((await capacity({ date: TOMORROW, capacity: 7 })).status).toBe(200);
    const [override] = await db().select().from(dateOverrides).where(eq(dateOverrides.officeId, t.office.id));
    expect(override).toMatchObject({ kind: "open", dailyCap: 7, reason: "" });
  });

  it("an admin key may close and reopen a session of today too", async () => {
    expect((await closures({ date: TODAY, session: "13:00", reason: "SIAK down" })).status).toBe(201);
    expect((await reopen({ date: TODAY, session: "13:00" })).status).toBe(200);
  });

  it("POST open-days → 201: a Saturday opens with its own cap and name", async () => {
    const saturday = "2026-12-05";
    expect((await day(saturday)).open).toBe(false);
    const res = await openDay({ date: saturday, dailyCap: 30, reason: "Layanan Sabtu", reasonEn: "Saturday service" });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ office: t.office.slug, date: saturday, dailyCap: 30, reason: "Layanan Sabtu", reasonEn: "Saturday service", cancelled: [], kept: [] });
    expect(await day(saturday)).toMatchObject({ open: true, note: "Layanan Sabtu" });
  });

  it("refuses without a key (401), a key without the admin scope (403), another office (403), an unknown one (404)", async () => {
    const before = await stateOf();
    const overridesBefore = await db().select().from(sessionCapacityOverrides);
    expect((await closures({ date: TOMORROW, reason: "x" }, null)).status).toBe(401);
    expect((await closures({ date: TOMORROW, reason: "x" }, "antr_nope")).status).toBe(401);
    expect((await capacity({ date: TOMORROW, capacity: 1 }, reportsKey)).status).toBe(403);
    expect((await openDay({ date: "2026-12-06", dailyCap: 1, reason: "x" }, reportsKey)).status).toBe(403);
    expect((await reopen({ date: TOMORROW }, reportsKey)).status).toBe(403);
    expect((await closures({ office: other.office.slug, date: TOMORROW, reason: "x" })).status).toBe(403);
    expect((await capacity({ office: other.office.slug, date: TOMORROW, capacity: 1 })).status).toBe(403);
    expect((await closures({ office: "tidak-ada", date: TOMORROW, reason: "x" })).status).toBe(404);
    expect(await db().select().from(dateOverrides).where(eq(dateOverrides.officeId, other.office.id))).toHaveLength(0);
    expect(await db().select().from(sessionCapacityOverrides)).toEqual(overridesBefore);
    expect(await stateOf()).toEqual(before);
  });

  it("answers garbage, hostile and oversized input with 422 and changes nothing", async () => {
    const before = await db().select().from(dateOverrides);
    const bad: unknown[] = [
      "{not json",
      "[]",
      {},
      { date: "2026-02-30", reason: "x" },
      { date: TOMORROW, reason: "" },
      { date: TOMORROW, reason: "x".repeat(201) },
      { date: TOMORROW, session: "25:00", reason: "x" },
      { date: TOMORROW, reason: { $ne: 1 } },
      { date: "2026-11-01", reason: "lewat" },
      { date: TOMORROW, reason: "x", onConflict: "drop_table" },
      { date: "x".repeat(20_000), reason: "x" },
    ];
    for (const body of bad) {
      const res = await closures(body);
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(422);
    }
    for (const body of [{ date: TOMORROW, capacity: -1 }, { date: TOMORROW, capacity: 1.5 }, { date: TOMORROW, capacity: "lots" }, { date: TOMORROW, capacity: 1e9 }]) {
      expect((await capacity(body)).status).toBe(422);
    }
    expect((await openDay({ date: "2026-12-06", dailyCap: 5 })).status).toBe(422);
    expect((await read(closuresPost(new Request(`${BASE}/api/v1/admin/closures`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "text/plain" }, body: "date=x" })))).status).toBe(422);
    expect(await db().select().from(dateOverrides)).toEqual(before);
  });
});

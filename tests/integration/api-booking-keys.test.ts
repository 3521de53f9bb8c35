import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { POST as bookPost } from "@/app/api/v1/bookings/route";
import { GET as summaryGet } from "@/app/api/v1/reports/summary/route";
import { auditLogs, bookings } from "@/db/schema";
import { API_KEY_LIMIT, apiKeyLimitKey } from "@/lib/api/limits";
import { PERSON_LIMITS } from "@/lib/limits/booking";
import { createApiKey, revokeApiKey } from "@/lib/dal/api-keys";
import { consumeRateLimit } from "@/lib/dal/rate-limit";
import { apiGet, apiPost, countState, disposeApiTestDatabase, freshIp, read, useApiTestDatabase } from "../helpers/api";
import { DATABASE_KINDS, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, TODAY, TOMORROW, uniquePhone, type TestOffice } from "../helpers/fixtures";
import { actorOf, createTestStaff } from "../helpers/staff";

vi.stubEnv("ANTREAN_TRUST_PROXY", "1");
vi.stubEnv("ANTREAN_POW", "on");

describe.each(DATABASE_KINDS)("booking with an API key, and the limits per key, NIK and phone on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;
  let other: TestOffice;
  let admin: ReturnType<typeof actorOf>;
  let otherAdmin: ReturnType<typeof actorOf>;
  const db = () => testDb.handle.db;
  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

  beforeAll(async () => {
    testDb = await useApiTestDatabase(kind);
    t = await createTestOffice(db(), { sessionCapacity: 100, office: { dailyCap: 1000 } });
    other = await createTestOffice(db());
    admin = actorOf(await createTestStaff(db(), t.office.id, { role: "admin" }));
    otherAdmin = actorOf(await createTestStaff(db(), other.office.id, { role: "admin" }));
  });
  afterAll(() => disposeApiTestDatabase(testDb));

  const body = (over: Record<string, unknown> = {}) => ({
    office: t.office.slug,
    service: "kk",
    date: TOMORROW,
    session: "10:00",
    nik: adultNik(),
    name: "Budi Santoso",
    phone: uniquePhone(),
    ...over,
  });
  const book = (data: Record<string, unknown>, headers: Record<string, string> = {}, ip?: string) =>
    read(bookPost(apiPost("/api/v1/bookings", data, { headers, lang: "en", ip })));

  it("a booking-scope key books without proof of work; the use and the booking are audited as the key", async () => {
    const { apiKey, key } = await createApiKey(admin, { name: "Kios mitra", scopes: ["booking"] });
    const created = await book(body(), bearer(key));
    expect(created.status, created.text).toBe(201);
    expect(created.json.channel).toBe("online");
    const [row] = await db().select({ id: bookings.id }).from(bookings).where(eq(bookings.reference, String(created.json.reference)));
    const [audit] = await db().select().from(auditLogs).where(and(eq(auditLogs.bookingId, row!.id), eq(auditLogs.action, "booking.create")));
    expect(audit!.actorType).toBe("api_key");
    const uses = await db().select().from(auditLogs).where(eq(auditLogs.action, "api_key.use"));
    expect(uses.some((u) => u.details?.apiKeyId === apiKey.id && u.details?.call === "POST /api/v1/bookings")).toBe(true);
  });

  it("refuses keys that are wrong, unknown, revoked, of another scope or another office, and never falls back to anonymous", async () => {
    const reports = await createApiKey(admin, { name: "Laporan", scopes: ["reports"] });
    const revoked = await createApiKey(admin, { name: "Lama", scopes: ["booking"] });
    await revokeApiKey(admin, { apiKeyId: revoked.apiKey.id });
    const foreign = await createApiKey(otherAdmin, { name: "Kantor lain", scopes: ["booking"] });
    const before = await countState(db());
    const cases: [string, Record<string, string>, number, string][] = [
      ["reports scope", bearer(reports.key), 403, "forbidden"],
      ["revoked", bearer(revoked.key), 401, "unauthorized"],
      ["unknown", bearer("antr_" + "x".repeat(43)), 401, "unauthorized"],
      ["not a key", bearer("hello"), 401, "unauthorized"],
      ["basic auth", { authorization: "Basic dXNlcjpwYXNz" }, 401, "unauthorized"],
      ["empty header", { authorization: "" }, 401, "unauthorized"],
      ["another office's key", bearer(foreign.key), 403, "forbidden"],
    ];
    for (const [why, headers, status, code] of cases) {
      const refused = await book(body(), headers);
      expect(refused.status, why).toBe(status);
      expect(refused.json.error?.code, why).toBe(code);
    }
    // The same office's own key books there; the other office's key books at its own office.
    expect((await book(body({ office: other.office.slug, session: "09:00" }), bearer(foreign.key))).status).toBe(201);
    const after = await countState(db());
    expect(after.bookings).toBe(before.bookings + 1);
  });

  it("without a key and without a solution: 403 challenge", async () => {
    const refused = await book(body());
    expect(refused.status).toBe(403);
    expect(refused.json.error?.code).toBe("challenge");
  });

  it("a key has its own limit (every call counts, reports too): 429 with Retry-After, other keys unaffected", async () => {
    const { apiKey, key } = await createApiKey(admin, { name: "Sibuk", scopes: ["booking", "reports"] });
    const { key: calm } = await createApiKey(admin, { name: "Tenang", scopes: ["booking"] });
    for (let i = 0; i < API_KEY_LIMIT.limit - 1; i++) await consumeRateLimit({ key: apiKeyLimitKey(apiKey.id), limit: API_KEY_LIMIT.limit, windowSeconds: API_KEY_LIMIT.windowSeconds });
    // The last call of the window: a report.
    expect((await read(summaryGet(apiGet(`/api/v1/reports/summary?from=${TODAY}&to=${TODAY}`, { headers: bearer(key) })))).status).toBe(200);
    const before = await countState(db());
    const limited = await book(body(), bearer(key));
    expect(limited.status).toBe(429);
    expect(limited.json.error?.code).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await countState(db())).bookings).toBe(before.bookings);
    expect((await book(body(), bearer(calm))).status).toBe(201);
  });

  it("a key is not held to the per-address limit (a kiosk behind one address books all day)", async () => {
    const { key } = await createApiKey(admin, { name: "Kios", scopes: ["booking"] });
    const ip = freshIp();
    for (let i = 0; i < 35; i++) expect((await book(body(), bearer(key), ip)).status).toBe(201);
  });

  it("per NIK: after the allowance of attempts for one NIK, 429 whatever the address or key; another NIK goes on", async () => {
    const { key } = await createApiKey(admin, { name: "NIK", scopes: ["booking"] });
    const nik = adultNik();
    expect((await book(body({ nik }), bearer(key))).status).toBe(201);
    for (let i = 1; i < PERSON_LIMITS.nik; i++) expect((await book(body({ nik }), bearer(key), freshIp())).status).toBe(409);
    const limited = await book(body({ nik }), bearer(key), freshIp());
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await book(body(), bearer(key))).status).toBe(201);
  });

  it("per phone: after the allowance of attempts for one number, 429; the number's daily cap answered 409 before", async () => {
    const { key } = await createApiKey(admin, { name: "HP", scopes: ["booking"] });
    const phone = uniquePhone();
    const statuses: number[] = [];
    for (let i = 0; i <= PERSON_LIMITS.phone; i++) statuses.push((await book(body({ phone }), bearer(key), freshIp())).status);
    expect(statuses.slice(0, 5)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(statuses.slice(5, PERSON_LIMITS.phone))).toEqual(new Set([409]));
    expect(statuses.at(-1)).toBe(429);
    expect((await book(body(), bearer(key))).status).toBe(201);
  });
});

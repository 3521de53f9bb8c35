import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import { GET as exportGet } from "@/app/api/v1/reports/export.csv/route";
import { GET as summaryGet } from "@/app/api/v1/reports/summary/route";
import { apiKeys, auditLogs } from "@/db/schema";
import { createApiKey, listApiKeys, revokeApiKey } from "@/lib/dal/api-keys";
import { apiGet, disposeApiTestDatabase, read, useApiTestDatabase } from "../helpers/api";
import { DATABASE_KINDS, type TestDatabase } from "../helpers/databases";
import { createTestOffice, TODAY, type TestOffice } from "../helpers/fixtures";
import { bookToday } from "../helpers/queue";
import { actorOf, createTestStaff } from "../helpers/staff";

describe.each(DATABASE_KINDS)("API keys and the reports API on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;
  let admin: ReturnType<typeof actorOf>;
  const db = () => testDb.handle.db;
  const bearer = (key: string) => ({ headers: { authorization: `Bearer ${key}` } });
  const summary = (query: string, options = {}) => read(summaryGet(apiGet(`/api/v1/reports/summary?${query}`, options)));

  beforeAll(async () => {
    testDb = await useApiTestDatabase(kind);
    t = await createTestOffice(db());
    admin = actorOf(await createTestStaff(db(), t.office.id, { role: "admin" }));
    await bookToday(t);
    await bookToday(t);
  });
  afterAll(() => disposeApiTestDatabase(testDb));

  it("issues a key shown once and stored only as a hash; operators and supervisors cannot", async () => {
    const { apiKey, key } = await createApiKey(admin, { name: "Dasbor", scopes: ["reports"] });
    expect(key).toMatch(/^antr_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(apiKey.prefix)).toBe(true);
    const [row] = await db().select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(JSON.stringify(row)).not.toContain(key.slice(apiKey.prefix.length));
    expect(JSON.stringify(await listApiKeys(admin))).not.toContain(key);
    for (const role of ["operator", "supervisor"] as const) {
      const staff = actorOf(await createTestStaff(db(), t.office.id, { role }));
      await expect(createApiKey(staff, { name: "x", scopes: ["reports"] })).rejects.toMatchObject({ code: "forbidden" });
      await expect(revokeApiKey(staff, { apiKeyId: apiKey.id })).rejects.toMatchObject({ code: "forbidden" });
    }
    expect((await listApiKeys(admin)).filter((k) => k.revokedAt === null)).toHaveLength(1);
  });

  it("answers the summary for a reports key, audits the use, and refuses missing, unknown, wrong-scope and revoked keys", async () => {
    const { apiKey, key } = await createApiKey(admin, { name: "Laporan", scopes: ["reports"] });
    const ok = await summary(`from=${TODAY}&to=${TODAY}`, bearer(key));
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ from: TODAY, to: TODAY, groupBy: "day", total: { booked: 2 } });
    const uses = await db().select().from(auditLogs).where(and(eq(auditLogs.action, "api_key.use"), eq(auditLogs.actorType, "api_key")));
    expect(uses.some((u) => (u.details as { apiKeyId?: string }).apiKeyId === apiKey.id)).toBe(true);

    expect((await summary(`from=${TODAY}&to=${TODAY}`)).status).toBe(401);
    expect((await summary(`from=${TODAY}&to=${TODAY}`, bearer("antr_unknown"))).status).toBe(401);
    expect((await summary(`from=${TODAY}&to=${TODAY}`, { headers: { authorization: `Basic ${key}` } })).status).toBe(401);
    const booking = await createApiKey(admin, { name: "Kiosk", scopes: ["booking"] });
    const wrong = await summary(`from=${TODAY}&to=${TODAY}`, bearer(booking.key));
    expect(wrong.status).toBe(403);
    expect(wrong.json.error!.code).toBe("forbidden");

    await revokeApiKey(admin, { apiKeyId: apiKey.id });
    expect((await summary(`from=${TODAY}&to=${TODAY}`, bearer(key))).status).toBe(401);
  });

  it("validates the range and keeps a key to its own office", async () => {
    const { key } = await createApiKey(admin, { name: "Laporan 2", scopes: ["reports"] });
    const bad = await summary(`from=${TODAY}&to=2026-11-01`, bearer(key));
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.error!.fields!)).toEqual(["to"]);
    expect((await summary(`from=2026-01-01&to=2027-12-31`, bearer(key))).status).toBe(422);
    const other = await createTestOffice(db());
    expect((await summary(`from=${TODAY}&to=${TODAY}&office=${other.office.slug}`, bearer(key))).status).toBe(403);
  });

  it("exports the same numbers as CSV", async () => {
    const { key } = await createApiKey(admin, { name: "CSV", scopes: ["reports", "booking"] });
    const response = await exportGet(apiGet(`/api/v1/reports/export.csv?from=${TODAY}&to=${TODAY}`, bearer(key)));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain(`laporan-${t.office.slug}-${TODAY}-${TODAY}.csv`);
    const rows = parse(text.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.section === "total")).toMatchObject({ booked: "2", served: "0" });
    expect((await read(exportGet(apiGet(`/api/v1/reports/export.csv?from=${TODAY}&to=${TODAY}`)))).status).toBe(401);
  });
});

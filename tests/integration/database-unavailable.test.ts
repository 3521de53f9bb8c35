import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as availabilityGet } from "@/app/api/v1/availability/route";
import { POST as bookPost } from "@/app/api/v1/bookings/route";
import { GET as healthGet } from "@/app/api/health/route";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { toFormState } from "@/lib/actions/form-state";
import { citizen } from "@/lib/auth/actor";
import { createBooking } from "@/lib/dal/bookings";
import { setDatabaseHandleForTests } from "@/lib/db";
import { isDatabaseMarkedUnavailable } from "@/lib/db-status";
import { createTranslator } from "@/lib/i18n/translate";
import { apiGet, apiPost, read } from "../helpers/api";
import { bookingRequest } from "../helpers/bookings";
import { createTestOffice, TOMORROW, type TestOffice } from "../helpers/fixtures";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../helpers/throwaway-postgres";

vi.stubEnv("ANTREAN_TRUST_PROXY", "1");
// Proof of work has its own tests (api-pow.test.ts); these book without solving a challenge.
vi.stubEnv("ANTREAN_POW", "off");

/**
 * PostgreSQL-only by nature: a throw-away cluster of its own (never the shared server) is stopped and
 * started under the data layer. While it is down everything fails fast with 503 `unavailable`; once it
 * is back the same pool recovers by itself.
 */
describe("PostgreSQL stopped and started under the data layer", () => {
  let cluster: ThrowawayPostgres;
  let handle: DatabaseHandle;
  let t: TestOffice;

  const availability = () => read(availabilityGet(apiGet(`/api/v1/availability?office=${t.office.slug}&service=kk&from=${TOMORROW}&days=1`, { lang: "en" })));
  const book = () =>
    read(bookPost(apiPost("/api/v1/bookings", { ...bookingRequest(t, { service: "kk" }), office: t.office.slug }, { lang: "en" })));

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-01T03:00:00Z"));
    cluster = await startThrowawayPostgres();
    // As lib/db.ts opens the app's pool.
    handle = openDatabase({ kind: "postgres", url: cluster.url, statementTimeouts: true });
    await handle.migrate();
    setDatabaseHandleForTests(handle);
    t = await createTestOffice(handle.db);
  });
  afterAll(async () => {
    vi.useRealTimers();
    await handle?.close();
    await cluster?.dispose();
  });

  it("the app's pool asks the server to end runaway statements and idle transactions", async () => {
    // postgres.js returns the rows as the result itself.
    const show = async (setting: string) => ((await handle.db.execute(sql.raw(`show ${setting}`))) as unknown as Record<string, string>[])[0]![setting];
    expect(await show("statement_timeout")).toBe("15s");
    expect(await show("idle_in_transaction_session_timeout")).toBe("30s");
    // Scripts (migrations) keep the server's default: a long index build must not be cut off.
    const script = openDatabase({ kind: "postgres", url: cluster.url, max: 1 });
    try {
      const rows = (await script.db.execute(sql`show statement_timeout`)) as unknown as { statement_timeout: string }[];
      expect(rows[0]!.statement_timeout).toBe("0");
    } finally {
      await script.close();
    }
  });

  it("answers 503 at once while the server is down, and recovers by itself", async () => {
    expect((await availability()).status).toBe(200);
    expect((await book()).status).toBe(201);
    await cluster.stop();

    const started = performance.now();
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? availability() : book())));
    const elapsed = performance.now() - started;
    for (const res of results) {
      expect(res.status, res.text).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      expect(res.json).toEqual({ error: { code: "unavailable", message: "The system is briefly unavailable. Please try again in a few seconds." } });
    }
    // 30 requests at once, all answered within a second or two (the driver used to wait up to 30 s).
    expect(elapsed).toBeLessThan(3_000);
    const health = await healthGet();
    expect(health.status).toBe(503);
    expect(health.headers.get("retry-after")).toBe("5");
    expect(isDatabaseMarkedUnavailable()).toBe(true);

    // A server action shows the same message in its form instead of failing.
    const error = await createBooking(citizen("10.0.0.1"), { ...bookingRequest(t), consent: true }, { locale: "id" }).catch((e: unknown) => e);
    expect(toFormState(error, createTranslator("id"), { name: "Dewi" })).toEqual({
      status: "error",
      code: "unavailable",
      message: "Sistem sedang tidak dapat melayani untuk sementara. Silakan coba lagi dalam beberapa detik.",
      fields: {},
      values: { name: "Dewi" },
    });

    await cluster.start();
    const back = performance.now();
    await vi.waitFor(() => expect(isDatabaseMarkedUnavailable()).toBe(false), { timeout: 10_000, interval: 100 });
    console.log(`[db-unavailable] 30 requests refused in ${elapsed.toFixed(0)} ms; marked available ${(performance.now() - back).toFixed(0)} ms after the restart`);
    expect((await availability()).status).toBe(200);
    expect((await book()).status).toBe(201);
    expect((await healthGet()).status).toBe(200);
  });
});

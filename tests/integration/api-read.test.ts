import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { GET as healthGet } from "@/app/api/health/route";
import { GET as availabilityGet } from "@/app/api/v1/availability/route";
import { POST as bookPost } from "@/app/api/v1/bookings/route";
import { GET as servicesGet } from "@/app/api/v1/services/route";
import { dateOverrides, forms, requirementForms, serviceRequirements, services } from "@/db/schema";
import { setReadCacheTtl } from "@/lib/dal/read-cache";
import { apiGet, apiPost, read, disposeApiTestDatabase, useApiTestDatabase } from "../helpers/api";
import { DATABASE_KINDS, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, TODAY, TOMORROW, uniquePhone, type TestOffice } from "../helpers/fixtures";

vi.stubEnv("ANTREAN_TRUST_PROXY", "1");
// Proof of work has its own tests (api-pow.test.ts); these book without solving a challenge.
vi.stubEnv("ANTREAN_POW", "off");

const HOSTILE = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "' OR 1=1 --", "'; DROP TABLE bookings; --"];

describe.each(DATABASE_KINDS)("read API on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;

  beforeAll(async () => {
    testDb = await useApiTestDatabase(kind);
    const db = testDb.handle.db;
    t = await createTestOffice(db, { sessionCapacity: 2 });
    const [requirement] = await db
      .insert(serviceRequirements)
      .values([
        { serviceId: t.ktp.id, position: 0, text: "Kartu keluarga asli", textEn: "Original family card", copy: "original" },
        { serviceId: t.ktp.id, position: 1, text: "Surat pengantar RT/RW" },
        { serviceId: t.ktp.id, position: 2, text: "Telah berusia 17 tahun", textEn: "Aged 17 or over", kind: "condition" },
        { serviceId: t.ktp.id, position: 3, text: "Apabila KK hilang, isi F-1.04", kind: "note" },
      ])
      .returning();
    const [form] = await db.insert(forms).values({ officeId: t.office.id, slug: "f1-01", name: "F-1.01 Biodata", url: "https://example.org/F1.01.pdf" }).returning();
    await db.insert(requirementForms).values({ requirementId: requirement!.id, formId: form!.id });
    await db.insert(dateOverrides).values({ officeId: t.office.id, date: "2026-12-03", kind: "closed", reason: "Hari Raya Uji", reasonEn: "Test Holiday", isHoliday: true });
  });
  afterAll(async () => {
    await disposeApiTestDatabase(testDb);
  });

  const availability = (query: string, options = {}) => read(availabilityGet(apiGet(`/api/v1/availability?${query}`, options)));

  it("GET /api/health reports the database kind", async () => {
    const res = await read(healthGet());
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: "ok", db: kind });
  });

  it("GET /services lists the office's services with requirements (and their kind) and forms, in either language", async () => {
    const id = await read(servicesGet(apiGet(`/api/v1/services?office=${t.office.slug}`)));
    expect(id.status).toBe(200);
    expect(id.json.office).toEqual({ slug: t.office.slug, name: "Kantor Uji" });
    const list = id.json.services as { slug: string; name: string; requirements: unknown[] }[];
    expect(list.map((s) => s.slug)).toEqual(["ktp", "kia", "kk"]);
    expect(list[0]).toEqual({
      slug: "ktp",
      name: "KTP-el",
      category: "KTP-el",
      queueLetter: "A",
      minAge: 17,
      maxAge: null,
      eligibilityNote: null,
      lang: { name: "id", category: "id", eligibilityNote: null },
      requirements: [
        {
          kind: "document",
          copy: "original",
          copies: null,
          text: "Kartu keluarga asli",
          lang: "id",
          forms: [{ name: "F-1.01 Biodata", url: "https://example.org/F1.01.pdf", description: null, lang: "id" }],
        },
        { kind: "document", copy: null, copies: null, text: "Surat pengantar RT/RW", lang: "id", forms: [] },
        { kind: "condition", text: "Telah berusia 17 tahun", lang: "id", forms: [] },
        { kind: "note", text: "Apabila KK hilang, isi F-1.04", lang: "id", forms: [] },
      ],
    });
    expect(id.text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);

    const en = await read(servicesGet(apiGet(`/api/v1/services?office=${t.office.slug}&lang=en`)));
    const ktp = (en.json.services as { name: string; lang: unknown; requirements: { text: string; lang: string }[] }[])[0]!;
    expect(ktp.name).toBe("ID card");
    // No English for the category or two requirements: they come in Indonesian, marked as such.
    expect(ktp.lang).toEqual({ name: "en", category: "id", eligibilityNote: null });
    expect(ktp.requirements.map((r) => [r.text, r.lang])).toEqual([
      ["Original family card", "en"],
      ["Surat pengantar RT/RW", "id"],
      ["Aged 17 or over", "en"],
      ["Apabila KK hilang, isi F-1.04", "id"],
    ]);
  });

  it("GET /services leaves out inactive services and names an unknown office", async () => {
    await testDb.handle.db.update(services).set({ isActive: false }).where(eq(services.id, t.kk.id));
    const res = await read(servicesGet(apiGet(`/api/v1/services?office=${t.office.slug}`)));
    expect((res.json.services as { slug: string }[]).map((s) => s.slug)).toEqual(["ktp", "kia"]);
    await testDb.handle.db.update(services).set({ isActive: true }).where(eq(services.id, t.kk.id));

    const unknown = await read(servicesGet(apiGet("/api/v1/services?office=nowhere", { lang: "en" })));
    expect(unknown.status).toBe(422);
    expect(unknown.json).toEqual({ error: { code: "validation", message: "Some fields need to be corrected.", fields: { office: ["Unknown office."] } } });
  });

  it("GET /availability gives days and sessions with places left, closed days with their reason", async () => {
    const res = await availability(`office=${t.office.slug}&service=kk&from=${TOMORROW}&days=3`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.json).toMatchObject({ office: { slug: t.office.slug }, service: { slug: "kk" }, firstAvailableDate: TOMORROW });
    const days = res.json.days as { date: string; open: boolean; reason?: string; reasonCode?: string; sessions: unknown[] }[];
    expect(days.map((d) => [d.date, d.open])).toEqual([[TOMORROW, true], ["2026-12-03", false], ["2026-12-04", true]]);
    expect(days[0]!.sessions).toHaveLength(6);
    expect(days[0]!.sessions[1]).toEqual({ id: "09:00", label: "09.00–10.00", start: "09:00", end: "10:00", capacity: 2, remaining: 2 });
    expect(days[1]).toEqual({ date: "2026-12-03", open: false, reasonCode: "holiday", reason: "Libur: Hari Raya Uji", sessions: [] });
    expect("reason" in days[0]!).toBe(false);

    const en = await availability(`office=${t.office.slug}&service=kk&from=2026-12-03&days=1`, { lang: "en" });
    expect((en.json.days as { reason: string }[])[0]!.reason).toBe("Holiday: Test Holiday");
    const today = await availability(`office=${t.office.slug}&service=kk&from=${TODAY}&days=1`);
    expect((today.json.days as unknown[])[0]).toMatchObject({ open: false, reasonCode: "booking_closed" });
  });

  it("GET /availability counts bookings made through the API and points past a full day", async () => {
    const small = await createTestOffice(testDb.handle.db, { office: { dailyCap: 1 } });
    const booked = await read(
      bookPost(apiPost("/api/v1/bookings", { office: small.office.slug, service: "kk", date: TOMORROW, session: "09:00", nik: adultNik(), name: "Ani", phone: uniquePhone() })),
    );
    expect(booked.status).toBe(201);
    const res = await availability(`office=${small.office.slug}&service=kk&from=${TOMORROW}&days=2`);
    const days = res.json.days as { open: boolean; reasonCode?: string; sessions: { remaining: number }[] }[];
    expect(days[0]).toMatchObject({ open: true, reasonCode: "full" });
    expect(days[0]!.sessions.every((s) => s.remaining === 0)).toBe(true);
    expect(res.json.firstAvailableDate).toBe("2026-12-03");
  });

  it("GET /availability with the read cache on: the answer shows a booking at once, in each language", async () => {
    // The route keeps each result's JSON (a WeakMap on the cached result): a booking in this process must
    // drop it with the result, and a language must never get another's body.
    setReadCacheTtl(60_000);
    try {
      const small = await createTestOffice(testDb.handle.db, { sessionCapacity: 3 });
      const query = `office=${small.office.slug}&service=kk&from=${TOMORROW}&days=1`;
      const left = (res: { json: Record<string, unknown> }) => (res.json.days as { sessions: { start: string; remaining: number }[] }[])[0]!.sessions.find((s) => s.start === "09:00")!.remaining;
      const first = await availability(query);
      expect(left(first)).toBe(3);
      expect(await availability(query)).toEqual(first);
      const booked = await read(
        bookPost(apiPost("/api/v1/bookings", { office: small.office.slug, service: "kk", date: TOMORROW, session: "09:00", nik: adultNik(), name: "Ani", phone: uniquePhone() })),
      );
      expect(booked.status).toBe(201);
      expect(left(await availability(query))).toBe(2);
      const en = await availability(`office=${small.office.slug}&service=kk&from=${TODAY}&days=1`, { lang: "en" });
      const id = await availability(`office=${small.office.slug}&service=kk&from=${TODAY}&days=1`);
      expect((en.json.days as { reason: string }[])[0]!.reason).not.toBe((id.json.days as { reason: string }[])[0]!.reason);
    } finally {
      setReadCacheTtl(0);
    }
  });

  it("GET /availability defaults to seven days from the first bookable date", async () => {
    const res = await availability(`office=${t.office.slug}&service=kk`);
    expect(res.status).toBe(200);
    expect((res.json.days as { date: string }[]).map((d) => d.date)).toEqual(
      ["2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06", "2026-12-07", "2026-12-08"],
    );
  });

  it("GET /availability answers bad parameters with 422 naming each one", async () => {
    const cases: [string, string[]][] = [
      [`office=${t.office.slug}`, ["service"]],
      [`office=${t.office.slug}&service=kk&days=0`, ["days"]],
      [`office=${t.office.slug}&service=kk&days=32`, ["days"]],
      [`office=${t.office.slug}&service=kk&days=1.5`, ["days"]],
      [`office=${t.office.slug}&service=kk&days=abc&from=2026-02-30`, ["from", "days"]],
      [`office=${t.office.slug}&service=paspor`, ["service"]],
      ["office=nowhere&service=kk", ["office"]],
    ];
    for (const [query, fields] of cases) {
      const res = await availability(query);
      expect(res.status, query).toBe(422);
      expect(Object.keys(res.json.error?.fields ?? {}).sort(), query).toEqual([...fields].sort());
    }
  });

  it("refuses hostile query strings with 422 and echoes them nowhere", async () => {
    for (const hostile of HOSTILE) {
      for (const param of ["office", "service", "from", "days"]) {
        const params = new URLSearchParams({ office: t.office.slug, service: "kk", [param]: hostile });
        const res = await availability(params.toString());
        expect(res.status, `${param}=${hostile}`).toBe(422);
        expect(Object.keys(res.json.error?.fields ?? {})).toEqual([param]);
        expect(res.text).not.toContain(hostile);
        expect(res.text).not.toMatch(/<script|onerror|DROP TABLE|OR 1=1/i);
      }
      const services = await read(servicesGet(apiGet(`/api/v1/services?${new URLSearchParams({ office: hostile })}`)));
      expect(services.status).toBe(422);
      expect(services.text).not.toContain(hostile);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { count } from "drizzle-orm";
import { POST as acceptPost } from "@/app/api/v1/standby/[reference]/accept/route";
import { POST as lookupPost } from "@/app/api/v1/standby/lookup/route";
import { POST as joinPost } from "@/app/api/v1/standby/route";
import { POST as bookPost } from "@/app/api/v1/bookings/route";
import { POST as cancelPost } from "@/app/api/v1/bookings/[reference]/cancel/route";
import { capacityReleases, messages, standbyEntries } from "@/db/schema";
import { MAX_BODY_BYTES } from "@/lib/api/body";
import { REQUEST_LIMITS } from "@/lib/limits/booking";
import { applyDueReleases } from "@/lib/dal/capacity-release";
import { apiPost, countState, disposeApiTestDatabase, freshIp, read, refParams, useApiTestDatabase, type ApiResult } from "../helpers/api";
import { DATABASE_KINDS, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, makeNik, NOW, TOMORROW, uniquePhone, type TestOffice } from "../helpers/fixtures";

vi.stubEnv("ANTREAN_TRUST_PROXY", "1");

const HOSTILE = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "' OR 1=1 --", "'; DROP TABLE standby_entries; --", "../../etc/passwd", "\u0000", "x".repeat(5000)];
const WRONG_TYPES: unknown[] = [123, 1.5, -1, true, [], ["x"], {}, { a: 1 }, null];
const BOOKING_KEYS = [
  "channel", "checkedInAt", "createdAt", "date", "email", "isPriority", "name", "nikMasked", "office", "phone",
  "queueNumber", "reference", "referenceDisplay", "service", "session", "status",
];

// The standby API is under test here, not the proof of work on the booking that fills the day (tests/integration/api-pow.test.ts).
vi.stubEnv("ANTREAN_POW", "off");

describe.each(DATABASE_KINDS)("standby API on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;
  let held: { reference: string; nik: string };
  const db = () => testDb.handle.db;

  beforeAll(async () => {
    testDb = await useApiTestDatabase(kind);
    // One place a day, the 30-minute delay: TOMORROW is full after one booking.
    t = await createTestOffice(db(), { office: { dailyCap: 1, releaseDelayMinutes: 30 } });
    const nik = adultNik();
    const res = await read(bookPost(apiPost("/api/v1/bookings", { office: t.office.slug, service: "ktp", date: TOMORROW, session: "09:00", nik, name: "Budi", phone: uniquePhone() })));
    expect(res.status).toBe(201);
    held = { reference: String(res.json.reference), nik };
  });
  afterAll(async () => {
    await disposeApiTestDatabase(testDb);
  });

  const valid = (over: Record<string, unknown> = {}) => ({ office: t.office.slug, service: "ktp", date: TOMORROW, nik: adultNik(), name: "Dewi Lestari", phone: uniquePhone(), ...over });
  const join = (body: unknown, options = {}) => read(joinPost(apiPost("/api/v1/standby", body, options)));
  const lookup = (body: unknown, options = {}) => read(lookupPost(apiPost("/api/v1/standby/lookup", body, options)));
  const accept = (ref: string, body: unknown, options = {}) => read(acceptPost(apiPost(`/api/v1/standby/${encodeURIComponent(ref)}/accept`, body, options), refParams(ref)));

  const standbyState = async () => {
    const [[e], [r], [m]] = await Promise.all([
      db().select({ n: count() }).from(standbyEntries),
      db().select({ n: count() }).from(capacityReleases),
      db().select({ n: count() }).from(messages),
    ]);
    return { ...(await countState(db())), entries: e!.n, releases: r!.n, messages: m!.n };
  };
  async function expectUnchanged(run: () => Promise<void>) {
    const before = await standbyState();
    await run();
    expect(await standbyState()).toEqual(before);
  }
  function expectFieldError(res: ApiResult, field: string, label: string) {
    expect(res.status, label).toBe(422);
    expect(res.json.error?.code, label).toBe("validation");
    expect(Object.keys(res.json.error?.fields ?? {}), label).toEqual([field]);
  }

  it("join, look up, and the whole offer → accept path: the issue's exact shapes", async () => {
    const nik = adultNik();
    const joined = await join(valid({ nik, session: "09:00" }));
    expect(joined.status).toBe(201);
    expect(joined.headers.get("cache-control")).toBe("no-store");
    expect(Object.keys(joined.json).sort()).toEqual(["position", "reference"]);
    expect(joined.json.position).toBe(1);
    const reference = String(joined.json.reference);

    const dup = await join(valid({ nik }), { lang: "en" });
    expect(dup.status).toBe(409);
    expect(dup.json.error).toEqual({ code: "duplicate", message: "This NIK is already on the standby list for that date." });
    expect((await join(valid({ date: "2026-12-03" }))).json.error?.code).toBe("not_full");

    const waiting = await lookup({ reference, nik });
    expect(waiting.status).toBe(200);
    expect(waiting.json).toMatchObject({ status: "waiting", position: 1, date: TOMORROW, session: "09:00", service: { slug: "ktp" } });
    expect(waiting.text).not.toContain(nik);
    expect((await lookup({ reference, nik: adultNik() })).status).toBe(404);
    expect((await accept(reference, { nik })).json.error?.code).toBe("invalid_transition");

    // A place comes free: cancelled through the API, offered once the delay is over.
    expect((await read(cancelPost(apiPost(`/api/v1/bookings/${held.reference}/cancel`, { nik: held.nik }), refParams(held.reference)))).status).toBe(200);
    await applyDueReleases({ now: new Date(NOW.getTime() + 30 * 60_000), officeId: t.office.id });
    const offered = await lookup({ reference, nik });
    expect(offered.json).toMatchObject({ status: "offered", offer: { session: { start: "09:00", end: "10:00" } } });
    expect(typeof (offered.json.offer as { expiresAt: string }).expiresAt).toBe("string");

    expect((await accept(reference, { nik: adultNik() })).status).toBe(404);
    const booked = await accept(reference, { nik });
    expect(booked.status).toBe(201);
    expect(Object.keys(booked.json).sort()).toEqual(BOOKING_KEYS);
    expect(booked.json).toMatchObject({ status: "booked", date: TOMORROW, session: { start: "09:00" }, service: { slug: "ktp" } });
    expect(booked.text).not.toContain(nik);
    expect((await lookup({ reference, nik })).json).toMatchObject({ status: "booked", booking: { reference: booked.json.reference } });
    expect((await accept(reference, { nik })).status).toBe(409);
  });

  it("refuses a NIK too young for the service, naming the field (422)", async () => {
    const res = await join(valid({ nik: makeNik("2015-05-05") }), { lang: "en" });
    expectFieldError(res, "nik", "too young");
  });

  it("XSS, SQL and oversized strings and wrong types in every field: 422, nothing written, nothing echoed", async () => {
    const endpoints = [
      { name: "join", fields: ["office", "service", "date", "session", "nik", "name", "phone"], send: (b: unknown) => join(b), valid: () => valid() },
      { name: "lookup", fields: ["reference", "nik"], send: (b: unknown) => lookup(b), valid: () => ({ reference: "ABCDEFGH", nik: adultNik() }) },
      { name: "accept", fields: ["nik"], send: (b: unknown) => accept("ABCDEFGH", b), valid: () => ({ nik: adultNik() }) },
    ];
    await expectUnchanged(async () => {
      for (const e of endpoints) {
        for (const field of e.fields) {
          for (const hostile of HOSTILE) {
            const label = `${e.name} ${field}=${hostile.slice(0, 20)}`;
            const res = await e.send({ ...e.valid(), [field]: hostile });
            expectFieldError(res, field, label);
            expect(res.text, label).not.toMatch(/<script|<img|onerror|DROP TABLE|OR 1=1|passwd/i);
          }
          for (const value of WRONG_TYPES) {
            // An absent session means "any session": null is not a wrong type there.
            if (value === null && field === "session") continue;
            expectFieldError(await e.send({ ...e.valid(), [field]: value }), field, `${e.name} ${field}=${JSON.stringify(value)}`);
          }
        }
        for (const body of ["{", "[]", "null", "42", JSON.stringify({ ...e.valid(), padding: "x".repeat(MAX_BODY_BYTES) })]) {
          const res = await e.send(body);
          expect(res.status, `${e.name} ${body.slice(0, 10)}`).toBe(422);
        }
      }
      for (const hostile of HOSTILE) expectFieldError(await accept(hostile, { nik: adultNik() }), "reference", `accept path ${hostile.slice(0, 20)}`);
    });
  });

  it("ignores unknown fields: a client cannot set the status, position or an offer", async () => {
    const nik = adultNik();
    const res = await join({ ...valid({ nik }), status: "offered", position: 0, seq: -1, offerExpiresAt: "2030-01-01T00:00:00Z" });
    expect(res.status).toBe(201);
    expect((await lookup({ reference: res.json.reference, nik })).json.status).toBe("waiting");
  });

  it("rate limits like the booking API: per address, junk included, then 429 with Retry-After", async () => {
    const ip = freshIp();
    for (let i = 0; i < REQUEST_LIMITS.createBooking.limit; i++) expect((await join({ junk: i }, { ip })).status).toBe(422);
    const limited = await join(valid(), { ip });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    const other = freshIp();
    for (let i = 0; i < REQUEST_LIMITS.manageBooking.limit; i++) await lookup({ junk: i }, { ip: other });
    expect((await lookup({ reference: "ABCDEFGH", nik: adultNik() }, { ip: other })).status).toBe(429);
    expect((await accept("ABCDEFGH", { nik: adultNik() }, { ip: other })).status).toBe(429);
  });
});

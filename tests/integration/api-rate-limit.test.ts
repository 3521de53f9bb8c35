import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { auditLogs, bookings } from "@/db/schema";
import { PERSON_LIMITS, REQUEST_LIMITS, SHARED_BOOKING_ALLOWANCE, SHARED_BUCKET_FACTOR } from "@/lib/limits/booking";
import { REFERENCE_FAILURES } from "@/lib/limits/reference-guard";
import { apiPost, freshIp, read, refParams, disposeApiTestDatabase, useApiTestDatabase } from "../helpers/api";
import { DATABASE_KINDS, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, TOMORROW, uniquePhone, type TestOffice } from "../helpers/fixtures";

type Handler = (request: Request, context?: { params: Promise<{ reference: string }> }) => Promise<Response>;

/** The route modules, freshly loaded so they read ANTREAN_TRUST_PROXY as the test sets it. */
async function loadRoutes(trustProxy: "0" | "1") {
  vi.stubEnv("ANTREAN_TRUST_PROXY", trustProxy);
  // Proof of work has its own tests (api-pow.test.ts); these book without solving a challenge.
  vi.stubEnv("ANTREAN_POW", "off");
  vi.resetModules();
  return {
    book: (await import("@/app/api/v1/bookings/route")).POST as Handler,
    lookup: (await import("@/app/api/v1/bookings/lookup/route")).POST as Handler,
    cancel: (await import("@/app/api/v1/bookings/[reference]/cancel/route")).POST as Handler,
  };
}

describe.each(DATABASE_KINDS)("API rate limits on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;

  beforeAll(async () => {
    testDb = await useApiTestDatabase(kind);
    t = await createTestOffice(testDb.handle.db);
  });
  afterAll(async () => {
    await disposeApiTestDatabase(testDb);
    vi.unstubAllEnvs();
  });

  const booking = () => ({ office: t.office.slug, service: "kk", date: TOMORROW, session: "10:00", nik: adultNik(), name: "Budi", phone: uniquePhone() });
  const { limit: bookLimit } = REQUEST_LIMITS.createBooking;

  it("behind a trusted proxy: limits bookings per address (the proxy's last X-Forwarded-For entry) with 429 and Retry-After", async () => {
    const routes = await loadRoutes("1");
    const ip = freshIp();
    // Malformed attempts cost no round trip and use none of the allowance.
    for (let i = 0; i < bookLimit + 5; i++) {
      expect((await read(routes.book(apiPost("/api/v1/bookings", { nik: "bad" }, { ip })))).status).toBe(422);
    }
    // Every attempt that reaches the database counts: a person books (201), then tries again (409) while
    // the person's own allowance (PERSON_LIMITS.nik) lasts; then the next person — the address's whole allowance.
    let attempts = 0;
    while (attempts < bookLimit) {
      const person = booking();
      expect((await read(routes.book(apiPost("/api/v1/bookings", person, { ip })))).status).toBe(201);
      attempts++;
      for (let i = 1; i < PERSON_LIMITS.nik && attempts < bookLimit; i++, attempts++) {
        expect((await read(routes.book(apiPost("/api/v1/bookings", person, { ip })))).status).toBe(409);
      }
    }
    const limited = await read(routes.book(apiPost("/api/v1/bookings", booking(), { ip, lang: "en" })));
    expect(limited.status).toBe(429);
    expect(limited.json).toEqual({ error: { code: "rate_limited", message: "Too many requests. Please try again shortly." } });
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(REQUEST_LIMITS.createBooking.windowSeconds);

    // A client cannot escape by prepending an address of its choice; another address is not affected.
    const spoofed = await read(routes.book(apiPost("/api/v1/bookings", booking(), { ip: `${freshIp()}, ${ip}` })));
    expect(spoofed.status).toBe(429);
    const other = await read(routes.book(apiPost("/api/v1/bookings", booking())));
    expect(other.status).toBe(201);
  });

  it("without a trusted proxy: one shared bucket that X-Forwarded-For cannot escape, and no address audited", async () => {
    const routes = await loadRoutes("0");
    const first = await read(routes.book(apiPost("/api/v1/bookings", booking())));
    expect(first.status).toBe(201);
    const [row] = await testDb.handle.db.select().from(bookings).where(eq(bookings.reference, String(first.json.reference)));
    const [audit] = await testDb.handle.db.select().from(auditLogs).where(eq(auditLogs.bookingId, row!.id));
    expect(audit!.ip).toBeNull();
  });

  it("without a trusted proxy: junk never drains the shared bucket, for booking or look-up", async () => {
    const routes = await loadRoutes("0");
    // More junk than the old fixed shared allowance (30 × 25 = 750) that blocked everyone for 10 minutes.
    for (let i = 0; i < 800; i++) {
      expect((await read(routes.book(apiPost("/api/v1/bookings", { nik: "bad" }, { ip: freshIp() })))).status).toBe(422);
    }
    for (let i = 0; i < REQUEST_LIMITS.manageBooking.limit * SHARED_BUCKET_FACTOR + 10; i++) {
      expect((await read(routes.lookup(apiPost("/api/v1/bookings/lookup", { reference: "x" })))).status).toBe(422);
    }
    const nik = adultNik();
    const created = await read(routes.book(apiPost("/api/v1/bookings", { ...booking(), nik })));
    expect(created.status).toBe(201);
    expect((await read(routes.lookup(apiPost("/api/v1/bookings/lookup", { reference: created.json.reference, nik })))).status).toBe(200);
  });

  it("without a trusted proxy: well-formed attempts for a date may use a multiple of that day's places, then 429", async () => {
    const routes = await loadRoutes("0");
    const { perPlace, minimum } = SHARED_BOOKING_ALLOWANCE;
    const small = await createTestOffice(testDb.handle.db, { office: { dailyCap: 15 } });
    const large = await createTestOffice(testDb.handle.db, { office: { dailyCap: 30 } });
    const smallAllowance = Math.max(minimum, perPlace * 15);
    expect(smallAllowance).toBeLessThan(perPlace * 30);

    const attempt = (office: TestOffice, nik: string) =>
      read(routes.book(apiPost("/api/v1/bookings", { ...booking(), office: office.office.slug, nik })));
    // Well-formed but refused by the rules (the same person twice): these count. A NIK has its own, smaller
    // allowance of attempts (PERSON_LIMITS.nik), so the repeats rotate over a few people.
    const attempts = async (office: TestOffice, n: number) => {
      let nik = "";
      for (let i = 0; i < n; i++) {
        if (i % PERSON_LIMITS.nik === 0) nik = adultNik();
        expect((await attempt(office, nik)).status).toBe(i % PERSON_LIMITS.nik === 0 ? 201 : 409);
      }
    };
    await attempts(small, smallAllowance);
    const limited = await attempt(small, adultNik());
    expect(limited.status).toBe(429);
    expect(limited.json.error?.code).toBe("rate_limited");

    // A day with twice the places has twice the allowance; another date of the small office is not affected.
    await attempts(large, smallAllowance + 1);
    expect((await attempt(large, adultNik())).status).toBe(201);
    const otherDate = await read(routes.book(apiPost("/api/v1/bookings", { ...booking(), office: small.office.slug, date: "2026-12-03" })));
    expect(otherDate.status).toBe(201);
  });

  /** A booking with a known phone, and a look-up/cancel sender for it. */
  async function bookedWithPhone(routes: Awaited<ReturnType<typeof loadRoutes>>) {
    const nik = adultNik();
    const phone = uniquePhone();
    const created = await read(routes.book(apiPost("/api/v1/bookings", { ...booking(), nik, phone })));
    expect(created.status).toBe(201);
    return { nik, reference: String(created.json.reference), last4: phone.slice(-4), wrong4: phone.slice(-4) === "0000" ? "1111" : "0000" };
  }

  it("behind a trusted proxy: a NIK guesser is stopped per address, while the owner still gets in with the phone's last digits", async () => {
    const routes = await loadRoutes("1");
    const { nik, reference, last4, wrong4 } = await bookedWithPhone(routes);
    const attacker = freshIp();
    const owner = freshIp();

    // The owner's own look-ups are free.
    for (let i = 0; i < 3; i++) expect((await read(routes.lookup(apiPost("/api/v1/bookings/lookup", { reference, nik }, { ip: owner })))).status).toBe(200);

    const { perAddress } = REFERENCE_FAILURES;
    for (let i = 0; i < perAddress; i++) {
      const guess = i % 2 === 0
        ? routes.lookup(apiPost("/api/v1/bookings/lookup", { reference, nik: adultNik() }, { ip: attacker }))
        : routes.cancel(apiPost(`/api/v1/bookings/${reference}/cancel`, { nik: adultNik() }, { ip: attacker }), refParams(reference));
      expect((await read(guess)).status).toBe(404);
    }
    // The guessing address is stopped, even with the right NIK and phone digits.
    const blocked = await read(routes.lookup(apiPost("/api/v1/bookings/lookup", { reference, nik, phoneLast4: last4 }, { ip: attacker })));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    const cancelBlocked = await read(routes.cancel(apiPost(`/api/v1/bookings/${reference}/cancel`, { nik, phoneLast4: last4 }, { ip: attacker }), refParams(reference)));
    expect(cancelBlocked.status).toBe(429);

    // The owner, from their own address: the NIK alone is no longer enough, and says what else is needed.
    const asked = await read(routes.lookup(apiPost("/api/v1/bookings/lookup", { reference, nik }, { ip: owner, lang: "en" })));
    expect(asked.status).toBe(422);
    expect(asked.json.error?.fields?.phoneLast4).toEqual(["Enter the last 4 digits of the mobile number used when booking."]);
    expect((await read(routes.lookup(apiPost("/api/v1/bookings/lookup", { reference, nik, phoneLast4: wrong4 }, { ip: owner })))).status).toBe(404);
    expect((await read(routes.lookup(apiPost("/api/v1/bookings/lookup", { reference, nik, phoneLast4: last4 }, { ip: owner })))).status).toBe(200);
    const [before] = await testDb.handle.db.select().from(bookings).where(eq(bookings.reference, reference));
    expect(before!.status).toBe("booked");
    const cancelled = await read(routes.cancel(apiPost(`/api/v1/bookings/${reference}/cancel`, { nik, phoneLast4: last4 }, { ip: owner }), refParams(reference)));
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.status).toBe("cancelled");
  });

  it("without a trusted proxy: the owner still gets in with the phone's last digits; guessing both stops at a ceiling", async () => {
    const routes = await loadRoutes("0");
    const { nik, reference, last4 } = await bookedWithPhone(routes);
    const other = await bookedWithPhone(routes);
    const { untilSecondFactor, sharedCeiling } = REFERENCE_FAILURES;
    for (let i = 0; i < untilSecondFactor; i++) {
      expect((await read(routes.lookup(apiPost("/api/v1/bookings/lookup", { reference, nik: adultNik() })))).status).toBe(404);
    }
    expect((await read(routes.lookup(apiPost("/api/v1/bookings/lookup", { reference, nik })))).status).toBe(422);
    expect((await read(routes.lookup(apiPost("/api/v1/bookings/lookup", { reference, nik, phoneLast4: last4 })))).status).toBe(200);
    // Another reference is not affected.
    expect((await read(routes.lookup(apiPost("/api/v1/bookings/lookup", { reference: other.reference, nik: other.nik })))).status).toBe(200);

    // Callers cannot be told apart, so guessing NIK and digits together is stopped for good at the ceiling.
    for (let i = untilSecondFactor; i < sharedCeiling; i++) {
      expect((await read(routes.lookup(apiPost("/api/v1/bookings/lookup", { reference, nik: adultNik(), phoneLast4: "1234" })))).status).toBe(404);
    }
    expect((await read(routes.lookup(apiPost("/api/v1/bookings/lookup", { reference, nik, phoneLast4: last4 })))).status).toBe(429);
  });
});

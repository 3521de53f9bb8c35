import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { citizen } from "@/lib/auth/actor";
import { REFERENCE_MISSES } from "@/lib/limits/reference-misses";
import { SHARED_BUCKET_FACTOR } from "@/lib/limits/booking";
import { UNTRUSTED_CLIENT } from "@/lib/client-ip";
import { createBooking } from "@/lib/dal/bookings";
import { findConfirmation, findConfirmationForPage, findSharedConfirmation, RATE_LIMITED } from "@/lib/dal/public-booking";
import { hasRecentMiss, isKnownReference } from "@/lib/public-confirmations";
import { createManageToken } from "@/lib/manage-token";
import { shortenName } from "@/lib/name";
import { apiGet, disposeApiTestDatabase, freshIp, refParams, useApiTestDatabase } from "../helpers/api";
import { appErrorOf, bookingRequest } from "../helpers/bookings";
import { DATABASE_KINDS, type TestDatabase } from "../helpers/databases";
import { createTestOffice, NOW, type TestOffice } from "../helpers/fixtures";

const anonymous = citizen(null);
const ctx = { locale: "id" as const, now: NOW };
/** Valid-looking references that name no booking (the alphabet has no 0, 1, I, L, O, U). */
const missing = (i: number) => `ZZZZ${"ABCDEFGHJKMNPQRSTVWXYZ23456789"[i % 30]}${"ABCDEFGHJKMNPQRSTVWXYZ23456789"[Math.floor(i / 30) % 30]}ZZ`;

describe.each(DATABASE_KINDS)("the confirmation page's data on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;

  beforeAll(async () => {
    testDb = await useApiTestDatabase(kind);
    t = await createTestOffice(testDb.handle.db);
  });
  afterAll(() => disposeApiTestDatabase(testDb));

  it("shows the name only shortened, and no phone or email, to a visitor without the manage cookie", async () => {
    const created = await createBooking(anonymous, bookingRequest(t, { name: "Budi Santoso Wijaya", email: "budi@example.test" }), ctx);
    const stranger = await findConfirmation({ reference: created.reference, ip: freshIp() }, { locale: "id" });
    expect(stranger!.booking.name).toBe("Budi S. W.");
    expect([stranger!.booking.phone, stranger!.booking.email, stranger!.canManage]).toEqual([null, null, false]);
    expect(JSON.stringify(stranger)).not.toContain("Santoso");

    const owner = await findConfirmation({ reference: created.reference, manageToken: createManageToken(created.reference), ip: freshIp() }, { locale: "id" });
    expect(owner!.booking.name).toBe("Budi Santoso Wijaya");
    expect(owner!.canManage).toBe(true);
    // Another booking's token proves nothing about this one.
    const other = await createBooking(anonymous, bookingRequest(t), ctx);
    expect((await findConfirmation({ reference: created.reference, manageToken: createManageToken(other.reference), ip: freshIp() }, { locale: "id" }))!.booking.name).toBe("Budi S. W.");
  });

  it("feeds the shared cache's gate: found references are known, addresses that missed are not served from it", async () => {
    const created = await createBooking(anonymous, bookingRequest(t, { name: "Budi Santoso Wijaya" }), ctx);
    expect(isKnownReference(created.reference)).toBe(false);
    const ip = freshIp();
    await findConfirmation({ reference: created.reference, ip }, { locale: "id" });
    expect([isKnownReference(created.reference), hasRecentMiss(ip)]).toEqual([true, false]);
    expect(await findConfirmation({ reference: missing(7), ip }, { locale: "id" })).toBeNull();
    expect(hasRecentMiss(ip)).toBe(true);

    // The shared view is the stranger's view, whoever asks: shortened name, no phone, no manage buttons.
    const shared = await findSharedConfirmation({ reference: created.reference }, { locale: "id" });
    expect(shared!.booking.name).toBe("Budi S. W.");
    expect([shared!.booking.phone, shared!.booking.email, shared!.canManage]).toEqual([null, null, false]);
    expect(JSON.stringify(shared)).not.toContain("Santoso");
    expect(await findSharedConfirmation({ reference: missing(8) }, { locale: "id" })).toBeNull();
  });

  it("limits misses per address: then even a hit gets 429, other addresses and the proven owner are unaffected", async () => {
    const created = await createBooking(anonymous, bookingRequest(t), ctx);
    const ip = freshIp();
    for (let i = 0; i < REFERENCE_MISSES.limit; i++) expect(await findConfirmation({ reference: missing(i), ip }, { locale: "id" })).toBeNull();
    const limited = await appErrorOf(findConfirmation({ reference: created.reference, ip }, { locale: "id" }));
    expect([limited.code, limited.status]).toEqual(["rate_limited", 429]);
    expect(await findConfirmationForPage({ reference: created.reference, ip }, { locale: "id" })).toBe(RATE_LIMITED);

    expect((await findConfirmation({ reference: created.reference, ip: freshIp() }, { locale: "id" }))?.booking.reference).toBe(created.reference);
    expect((await findConfirmation({ reference: created.reference, manageToken: createManageToken(created.reference), ip }, { locale: "id" }))?.canManage).toBe(true);
  });

  it("counts malformed references as misses, and callers it cannot tell apart share a larger allowance", async () => {
    const ip = freshIp();
    for (let i = 0; i < REFERENCE_MISSES.limit; i++) expect(await findConfirmation({ reference: `bad-${i}`, ip }, { locale: "id" })).toBeNull();
    expect(await findConfirmationForPage({ reference: "ZZZZZZZZ", ip }, { locale: "id" })).toBe(RATE_LIMITED);

    // The shared bucket (SHARED_BUCKET_FACTOR times larger) is still open where one address's is used up.
    expect(SHARED_BUCKET_FACTOR).toBeGreaterThan(1);
    for (let i = 0; i <= REFERENCE_MISSES.limit; i++) expect(await findConfirmation({ reference: missing(i), ip: UNTRUSTED_CLIENT }, { locale: "id" })).toBeNull();
    expect(await findConfirmationForPage({ reference: missing(0), ip: UNTRUSTED_CLIENT }, { locale: "id" })).toBeNull();
  });
});

describe("shortenName", () => {
  it("keeps the first word and the initials of the rest; a one-word name only its first letters", () => {
    expect(shortenName("Budi Santoso")).toBe("Budi S.");
    expect(shortenName("  siti   nurhaliza ")).toBe("siti N.");
    expect(shortenName("Sukarno")).toBe("Su…");
    expect(shortenName("Ma'ruf Amin")).toBe("Ma'ruf A.");
    expect(shortenName("Oo")).toBe("Oo");
  });
});

describe.each(DATABASE_KINDS)("the calendar file's misses on %s", (kind) => {
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

  it("counts 404s per address like the pages, then answers 429 with Retry-After, even for a real booking", async () => {
    vi.stubEnv("ANTREAN_TRUST_PROXY", "1");
    vi.resetModules();
    const { GET } = await import("@/app/[locale]/booking/[reference]/calendar.ics/route");
    const created = await createBooking(anonymous, bookingRequest(t), ctx);
    const ics = (reference: string, ip: string) => GET(apiGet(`/booking/${reference}/calendar.ics`, { ip }), refParams(reference));
    const ip = freshIp();
    expect((await ics(created.reference, ip)).status).toBe(200);
    for (let i = 0; i < REFERENCE_MISSES.limit; i++) expect((await ics(missing(i), ip)).status).toBe(404);
    const limited = await ics(created.reference, ip);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await ics(created.reference, freshIp())).status).toBe(200);
  });
});

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { POST as bookPost } from "@/app/api/v1/bookings/route";
import { POST as lookupPost } from "@/app/api/v1/lottery/lookup/route";
import { GET as transparencyGet } from "@/app/api/v1/transparency/route";
import { auditLogs, lotteryEntries, offices } from "@/db/schema";
import { SYSTEM } from "@/lib/auth/actor";
import { drawLottery } from "@/lib/dal/lottery/draw";
import { getOfficeSettings, updateOfficeSettings } from "@/lib/dal/office-settings";
import { OfficeSettingsSchema } from "@/lib/validation/office-settings";
import { parseInput } from "@/lib/validation/parse";
import { appErrorOf } from "../helpers/bookings";
import { apiGet, apiPost, disposeApiTestDatabase, read, useApiTestDatabase } from "../helpers/api";
import { DATABASE_KINDS, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, NOW, uniquePhone, type TestOffice } from "../helpers/fixtures";
import { actorOf, createTestStaff } from "../helpers/staff";

vi.stubEnv("ANTREAN_TRUST_PROXY", "1");
// The lottery's answer is under test here, not the proof of work (tests/integration/api-pow.test.ts).
vi.stubEnv("ANTREAN_POW", "off");

const OPENING = "2026-12-08";

describe.each(DATABASE_KINDS)("the lottery through the API on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;
  const db = () => testDb.handle.db;

  beforeAll(async () => {
    testDb = await useApiTestDatabase(kind);
    // 8 December opens at NOW (10:00 WIB, 7 days ahead); the lottery window is the first 30 minutes.
    t = await createTestOffice(db(), { office: { bookingOpensAt: "10:00", isLotteryEnabled: true, lotteryWindowMinutes: 30 } });
  });
  afterAll(() => disposeApiTestDatabase(testDb));

  const body = (over: Record<string, unknown> = {}) => ({ office: t.office.slug, service: "ktp", date: OPENING, session: "10:00", nik: adultNik(), name: "Dewi Lestari", phone: uniquePhone(), ...over });
  const entries = async () => (await db().select({ n: count() }).from(lotteryEntries).where(eq(lotteryEntries.officeId, t.office.id)))[0]!.n;

  it("POST /api/v1/bookings in the window answers 202 with the entry; a second entry for the NIK is 409; bad input 422 with nothing written", async () => {
    const nik = adultNik();
    const res = await read(bookPost(apiPost("/api/v1/bookings", body({ nik }))));
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({ status: "entered", drawAt: "2026-12-01T03:30:00.000Z", date: OPENING, session: "10:00", booking: null });
    expect(res.json.reference).toMatch(/^[A-Z0-9]{8}$/);
    expect(Object.keys(res.json).sort()).toEqual(["booking", "date", "drawAt", "office", "reference", "referenceDisplay", "service", "session", "status"]);
    expect(res.text).not.toContain(nik);

    const again = await read(bookPost(apiPost("/api/v1/bookings", body({ nik, session: "11:00" }), { lang: "en" })));
    expect([again.status, again.json.error?.code, again.json.error?.message]).toEqual([409, "duplicate", "This NIK is already entered in the lottery for this date."]);
    const before = await entries();
    const bad = await read(bookPost(apiPost("/api/v1/bookings", body({ nik: "1234" }))));
    expect(bad.status).toBe(422);
    expect(await entries()).toBe(before);

    // The result by look-up: entered, then drawn with its booking; a wrong NIK is the one 404.
    const reference = String(res.json.reference);
    const waiting = await read(lookupPost(apiPost("/api/v1/lottery/lookup", { reference, nik })));
    expect([waiting.status, waiting.json.status]).toEqual([200, "entered"]);
    expect((await read(lookupPost(apiPost("/api/v1/lottery/lookup", { reference, nik: adultNik() })))).status).toBe(404);
    await drawLottery(SYSTEM, { officeId: t.office.id, date: OPENING }, { now: new Date(NOW.getTime() + 30 * 60_000) });
    const drawn = await read(lookupPost(apiPost("/api/v1/lottery/lookup", { reference, nik })));
    expect(drawn.json).toMatchObject({ status: "drawn", booking: { reference: expect.stringMatching(/^[A-Z0-9]{8}$/) } });

    // The public counts: a new field, the existing ones unchanged.
    const open = await read(transparencyGet(apiGet(`/api/v1/transparency?office=${t.office.slug}`)));
    expect(open.status).toBe(200);
    expect(Object.keys(open.json).sort()).toEqual(["days", "lastMonth", "lottery", "office"]);
    expect(open.json.lottery).toEqual([expect.objectContaining({ date: OPENING, entries: 1, places: 40, winners: 1, seed: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
  });

  it("the admin turns the lottery on and sets its window (bounded 1–1440, audited); it is off for a new office", async () => {
    const other = await createTestOffice(db());
    const admin = actorOf(await createTestStaff(db(), other.office.id, { role: "admin" }));
    const current = await getOfficeSettings(admin, { officeId: other.office.id });
    expect([current.isLotteryEnabled, current.lotteryWindowMinutes]).toEqual([false, 30]);
    const form = (over: Record<string, string>) => ({ ...Object.fromEntries(Object.entries(current).filter(([, v]) => typeof v !== "boolean" || v).map(([k, v]) => [k, v === true ? "on" : String(v ?? "")])), ...over });
    const tooLong = await appErrorOf(Promise.resolve().then(() => parseInput(OfficeSettingsSchema, form({ isLotteryEnabled: "on", lotteryWindowMinutes: "1441" }))));
    expect(tooLong.fields?.lotteryWindowMinutes).toEqual(["field.number.range"]);
    await updateOfficeSettings(admin, parseInput(OfficeSettingsSchema, form({ isLotteryEnabled: "on", lotteryWindowMinutes: "15" })));
    const [row] = await db().select().from(offices).where(eq(offices.id, other.office.id));
    expect([row!.isLotteryEnabled, row!.lotteryWindowMinutes]).toEqual([true, 15]);
    const [audit] = await db().select().from(auditLogs).where(and(eq(auditLogs.officeId, other.office.id), eq(auditLogs.action, "office.settings_update")));
    expect(audit!.details).toMatchObject({ after: { isLotteryEnabled: true, lotteryWindowMinutes: 15 } });
    // The database refuses what the form would: the CHECK constraint.
    await expect(db().update(offices).set({ lotteryWindowMinutes: 0 }).where(eq(offices.id, other.office.id))).rejects.toThrow();
  });
});

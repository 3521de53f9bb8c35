import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLogs, offices } from "@/db/schema";
import { citizen } from "@/lib/auth/actor";
import { getAvailability } from "@/lib/dal/availability";
import { createBooking } from "@/lib/dal/bookings";
import { getOfficeSettings, previewOfficeSettings, updateOfficeSettings, type OfficeSettings } from "@/lib/dal/office-settings";
import { setReadCacheTtl } from "@/lib/dal/read-cache";
import { createTranslator } from "@/lib/i18n/translate";
import { OfficeSettingsSchema } from "@/lib/validation/office-settings";
import { parseInput } from "@/lib/validation/parse";
import { appErrorOf, bookingRequest } from "../helpers/bookings";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { createTestOffice, NOW, TOMORROW } from "../helpers/fixtures";
import { actorOf, createTestStaff } from "../helpers/staff";

/** What the form posts for these settings: strings, checkboxes "on" or absent. */
function formOf(s: OfficeSettings, over: Record<string, string | undefined> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(s)) {
    if (typeof v === "boolean") {
      if (v) out[k] = "on";
    } else out[k] = v === null ? "" : String(v);
  }
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

describe.each(DATABASE_KINDS)("office settings on %s", (kind) => {
  let testDb: TestDatabase;
  const db = () => testDb.handle.db;
  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
  });
  afterAll(() => testDb.dispose());
  afterEach(() => setReadCacheTtl(0));

  async function setup() {
    const t = await createTestOffice(db());
    const staff = async (role: "operator" | "supervisor" | "admin") => actorOf(await createTestStaff(db(), t.office.id, { role }));
    return { t, admin: await staff("admin"), staff };
  }
  const rowOf = async (id: string) => (await db().select().from(offices).where(eq(offices.id, id)))[0]!;

  it("an admin saves every tunable; the audit row holds only the changed values before and after", async () => {
    const { t, admin } = await setup();
    const current = await getOfficeSettings(admin, { officeId: t.office.id });
    const input = parseInput(
      OfficeSettingsSchema,
      formOf(current, { dailyCap: "120", bookingOpensAt: "07:30", website: "https://disdukcapil.example.go.id", allowSeveralServicesPerDay: "on", isPriorityEnabled: undefined, lateArrivalPolicy: "refuse", retentionDays: "730" }),
    );
    expect(await updateOfficeSettings(admin, input)).toEqual({
      changed: ["website", "dailyCap", "bookingOpensAt", "allowSeveralServicesPerDay", "lateArrivalPolicy", "isPriorityEnabled", "retentionDays"],
    });
    const row = await rowOf(t.office.id);
    expect(row).toMatchObject({ dailyCap: 120, bookingOpensAt: "07:30:00", allowSeveralServicesPerDay: true, isPriorityEnabled: false, lateArrivalPolicy: "refuse", retentionDays: 730 });
    const [audit] = await db().select().from(auditLogs).where(and(eq(auditLogs.officeId, t.office.id), eq(auditLogs.action, "office.settings_update")));
    expect(audit).toMatchObject({ actorStaffId: admin.staffId });
    expect(audit!.details).toEqual({
      before: { website: null, dailyCap: 40, bookingOpensAt: "00:00", allowSeveralServicesPerDay: false, lateArrivalPolicy: "back_of_queue", isPriorityEnabled: true, retentionDays: 365 },
      after: { website: "https://disdukcapil.example.go.id", dailyCap: 120, bookingOpensAt: "07:30", allowSeveralServicesPerDay: true, lateArrivalPolicy: "refuse", isPriorityEnabled: false, retentionDays: 730 },
    });
    // Saving the same values again changes nothing and writes no second row.
    expect(await updateOfficeSettings(admin, input)).toEqual({ changed: [] });
    expect(await db().$count(auditLogs, and(eq(auditLogs.officeId, t.office.id), eq(auditLogs.action, "office.settings_update")))).toBe(1);
  });

  it("the fairness settings (re-release delay, standby offer, priority share, proof-of-work difficulty) are saved and bounded", async () => {
    const { t, admin } = await setup();
    const current = await getOfficeSettings(admin, { officeId: t.office.id });
    const input = parseInput(OfficeSettingsSchema, formOf(current, { releaseDelayMinutes: "45", standbyOfferMinutes: "90", priorityRebookPercent: "15", powDifficulty: "5000" }));
    expect(await updateOfficeSettings(admin, input)).toEqual({ changed: ["releaseDelayMinutes", "standbyOfferMinutes", "priorityRebookPercent", "powDifficulty"] });
    expect(await rowOf(t.office.id)).toMatchObject({ releaseDelayMinutes: 45, standbyOfferMinutes: 90, priorityRebookPercent: 15, powDifficulty: 5000 });
    const bad = formOf(current, { releaseDelayMinutes: "1441", standbyOfferMinutes: "4", priorityRebookPercent: "101", powDifficulty: "0" });
    const error = await appErrorOf(Promise.resolve().then(() => parseInput(OfficeSettingsSchema, bad)));
    expect(Object.keys(error.fields!).sort()).toEqual(["powDifficulty", "priorityRebookPercent", "releaseDelayMinutes", "standbyOfferMinutes"]);
  });

  it("operators, supervisors and another office's admin get 403 and nothing changes", async () => {
    const { t, admin, staff } = await setup();
    const other = await setup();
    const input = parseInput(OfficeSettingsSchema, formOf(await getOfficeSettings(admin, { officeId: t.office.id }), { dailyCap: "1" }));
    const before = await rowOf(t.office.id);
    for (const actor of [await staff("operator"), await staff("supervisor"), other.admin]) {
      expect((await appErrorOf(updateOfficeSettings(actor, { ...input, officeId: t.office.id }))).status).toBe(403);
      expect((await appErrorOf(previewOfficeSettings(actor, { ...input, officeId: t.office.id }))).status).toBe(403);
      expect((await appErrorOf(getOfficeSettings(actor, { officeId: t.office.id }))).status).toBe(403);
    }
    expect(await rowOf(t.office.id)).toEqual(before);
    expect(await db().$count(auditLogs, eq(auditLogs.officeId, t.office.id))).toBe(0);
  });

  it("the schema refuses what the database refuses, naming each field; the database still refuses what slips past", async () => {
    const { t, admin } = await setup();
    const current = await getOfficeSettings(admin, { officeId: t.office.id });
    const bad = formOf(current, {
      dailyCap: "-1",
      walkInReservePercent: "101",
      bookingDaysAhead: "0",
      phoneDailyLimit: "51",
      nearTurnAhead: "2.5",
      retentionDays: "29",
      bookingOpensAt: "25:00",
      website: "javascript:alert(1)",
      name: "x".repeat(201),
      lateArrivalPolicy: "shout",
      noShowAfterCalls: "",
    });
    const error = await appErrorOf(Promise.resolve().then(() => parseInput(OfficeSettingsSchema, bad)));
    expect(error.status).toBe(422);
    expect(Object.keys(error.fields!).sort()).toEqual(
      ["dailyCap", "walkInReservePercent", "bookingDaysAhead", "phoneDailyLimit", "nearTurnAhead", "retentionDays", "bookingOpensAt", "website", "name", "lateArrivalPolicy", "noShowAfterCalls"].sort(),
    );
    expect(error.fields!.website).toEqual(["field.url.invalid"]);
    const window = await appErrorOf(Promise.resolve().then(() => parseInput(OfficeSettingsSchema, formOf(current, { bookingDaysAhead: "3", bookingCutoffDaysBefore: "4" }))));
    expect(window.fields).toEqual({ bookingCutoffDaysBefore: ["field.settings.cutoffAfterWindow"] });

    // Past the schema (a caller that skips it): the CHECK constraint answers, as a 422 with nothing written.
    const before = await rowOf(t.office.id);
    const refused = await appErrorOf(updateOfficeSettings(admin, { ...current, retentionDays: 5 }));
    expect(refused.status).toBe(422);
    expect(await rowOf(t.office.id)).toEqual(before);
    expect(await db().$count(auditLogs, eq(auditLogs.officeId, t.office.id))).toBe(0);
  });

  it("hostile text is stored as text, never interpreted; control characters are refused", async () => {
    const { t, admin } = await setup();
    const current = await getOfficeSettings(admin, { officeId: t.office.id });
    const name = `<script>alert("x")</script> Disdukcapil`;
    await updateOfficeSettings(admin, parseInput(OfficeSettingsSchema, formOf(current, { name })));
    expect((await rowOf(t.office.id)).name).toBe(name);
    const error = await appErrorOf(Promise.resolve().then(() => parseInput(OfficeSettingsSchema, formOf(current, { shortName: "a\u0000b" }))));
    expect(error.fields).toEqual({ shortName: ["field.invalid"] });
  });

  it("the preview shows the next days' online places now and after, and writes nothing", async () => {
    const { t, admin } = await setup();
    await createBooking(citizen("127.0.0.1"), bookingRequest(t), { locale: "id", now: NOW });
    const current = await getOfficeSettings(admin, { officeId: t.office.id });
    const input = parseInput(OfficeSettingsSchema, formOf(current, { dailyCap: "10", walkInReservePercent: "20", bookingDaysAhead: "3" }));
    const preview = await previewOfficeSettings(admin, input, { now: NOW, days: 6 });
    expect(preview.map((d) => d.date)).toEqual(["2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06"]);
    // Today: closed for online booking either way (cutoff the day before).
    expect(preview[0]).toMatchObject({ before: { open: false, reasonCode: "booking_closed" }, after: { open: false } });
    // Tomorrow: cap 40 → 10 with a 20% reserve (8 online), one booked.
    expect(preview[1]).toMatchObject({ before: { open: true, places: 39 }, after: { open: true, places: 7 } });
    // 7 days ahead → 3: the 5th is no longer open yet.
    expect(preview[3]).toMatchObject({ before: { open: true, places: 40 }, after: { open: true, places: 8 } });
    expect(preview[4]).toMatchObject({ before: { open: true, places: 40 }, after: { open: false, reasonCode: "not_yet_open" } });
    expect((await rowOf(t.office.id)).dailyCap).toBe(40);
  });

  it("citizens see a saved change at once, with the read cache on", async () => {
    const { t, admin } = await setup();
    setReadCacheTtl(60_000);
    const places = async () => {
      const { days } = await getAvailability({ officeSlug: t.office.slug, serviceSlug: "ktp", from: TOMORROW, days: 1, t: createTranslator("id"), now: NOW });
      return days[0]!.sessions.reduce((sum, s) => Math.max(sum, s.remaining), 0);
    };
    expect(await places()).toBe(10);
    const current = await getOfficeSettings(admin, { officeId: t.office.id });
    await updateOfficeSettings(admin, parseInput(OfficeSettingsSchema, formOf(current, { walkInReservePercent: "50" })));
    expect(await places()).toBe(5);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { dateOverrides } from "@/db/schema";
import { getAvailability } from "@/lib/dal/availability";
import { closeSchedule, openScheduleDay } from "@/lib/dal/schedule-changes";
import { importClosures } from "@/lib/dal/schedule-template";
import { createTranslator } from "@/lib/i18n/translate";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { createTestOffice, NOW } from "../helpers/fixtures";
import { actorOf, createTestStaff } from "../helpers/staff";

const id = createTranslator("id");
const en = createTranslator("en");

/**
 * The citizen's date choice names why a day is closed: a holiday (national, the imported cuti bersama) reads
 * "Libur: …", a closure the office made for another reason (SIAK down, an office event) "Tutup: …".
 */
describe.each(DATABASE_KINDS)("closed-day wording on %s", (kind) => {
  let testDb: TestDatabase;
  const db = () => testDb.handle.db;
  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
  });
  afterAll(() => testDb.dispose());

  async function setup() {
    const t = await createTestOffice(db());
    return { t, admin: actorOf(await createTestStaff(db(), t.office.id, { role: "admin" })) };
  }
  const days = async (slug: string, tr = id) =>
    new Map((await getAvailability({ officeSlug: slug, serviceSlug: "ktp", t: tr, now: NOW })).days.map((d) => [d.date, [d.reasonCode ?? null, d.reason ?? null]]));

  it("an ad-hoc closure reads Tutup/Closed, the imported cuti bersama Libur/Holiday, in both languages", async () => {
    const { t, admin } = await setup();
    await closeSchedule(admin, { date: "2026-12-03", reason: "Gangguan jaringan SIAK", reasonEn: "SIAK network outage" }, { now: NOW });
    await importClosures(admin, { lines: "2026-12-04 Cuti bersama Natal | Christmas joint leave" }, { now: NOW });
    const inId = await days(t.office.slug);
    expect(inId.get("2026-12-03")).toEqual(["closure", "Tutup: Gangguan jaringan SIAK"]);
    expect(inId.get("2026-12-04")).toEqual(["holiday", "Libur: Cuti bersama Natal"]);
    const inEn = await days(t.office.slug, en);
    expect(inEn.get("2026-12-03")).toEqual(["closure", "Closed: SIAK network outage"]);
    expect(inEn.get("2026-12-04")).toEqual(["holiday", "Holiday: Christmas joint leave"]);
    const rows = await db().select().from(dateOverrides).where(eq(dateOverrides.officeId, t.office.id));
    expect(rows.map((r) => [r.date, r.isHoliday]).sort()).toEqual([["2026-12-03", false], ["2026-12-04", true]]);
  });

  it("a closure without a public reason reads just Tutup; a holiday stays a holiday; re-closing a holiday makes it a closure", async () => {
    const { t, admin } = await setup();
    await db().insert(dateOverrides).values([
      { officeId: t.office.id, date: "2026-12-03", kind: "closed", reason: "", reasonEn: null, isHoliday: false },
      { officeId: t.office.id, date: "2026-12-05", kind: "closed", reason: "Hari Raya Uji", reasonEn: null, isHoliday: true },
    ]);
    const before = await days(t.office.slug);
    expect(before.get("2026-12-03")).toEqual(["closure", "Tutup"]);
    expect(before.get("2026-12-05")).toEqual(["holiday", "Libur: Hari Raya Uji"]);
    // A special open day on a date, then closed ad hoc: the open row becomes a closure, not a holiday.
    await openScheduleDay(admin, { date: "2026-12-06", dailyCap: 10, reason: "Layanan Minggu" }, { now: NOW });
    await closeSchedule(admin, { date: "2026-12-06", reason: "Listrik padam" }, { now: NOW });
    expect((await days(t.office.slug)).get("2026-12-06")).toEqual(["closure", "Tutup: Listrik padam"]);
    const [row] = await db().select().from(dateOverrides).where(and(eq(dateOverrides.officeId, t.office.id), eq(dateOverrides.date, "2026-12-06")));
    expect(row).toMatchObject({ kind: "closed", isHoliday: false });
  });
});

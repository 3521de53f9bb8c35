import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { dateOverrides } from "@/db/schema";
import { ensureNationalHolidays } from "@/lib/dal/holidays";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { createTestOffice, NOW, type TestOffice } from "../helpers/fixtures";

describe.each(DATABASE_KINDS)("national holidays kept up to date on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
    t = await createTestOffice(testDb.handle.db);
  });
  afterAll(() => testDb.dispose());

  const closed = () =>
    testDb.handle.db.select().from(dateOverrides).where(and(eq(dateOverrides.officeId, t.office.id), eq(dateOverrides.kind, "closed")));

  it("closes this year's and next year's holidays once, and leaves an edited year alone", async () => {
    const first = await ensureNationalHolidays({ now: NOW });
    const rows = await closed();
    expect(first.added).toBe(rows.length);
    expect(rows.map((r) => r.date)).toEqual(expect.arrayContaining(["2026-12-25", "2027-08-17"]));
    expect(rows.find((r) => r.date === "2027-08-17")!.reason).toMatch(/Kemerdekaan/);
    // Holidays read "Libur: …" to citizens (an ad-hoc closure reads "Tutup: …").
    expect(rows.every((r) => r.isHoliday)).toBe(true);

    // The admin reopens Christmas 2026: the job must not put it back.
    await testDb.handle.db.delete(dateOverrides).where(and(eq(dateOverrides.officeId, t.office.id), eq(dateOverrides.date, "2026-12-25")));
    expect((await ensureNationalHolidays({ now: NOW })).added).toBe(0);
    expect((await closed()).some((r) => r.date === "2026-12-25")).toBe(false);

    // A year later, 2028 is added.
    const nextYear = new Date("2027-06-01T03:00:00Z");
    expect((await ensureNationalHolidays({ now: nextYear })).added).toBeGreaterThan(10);
    expect((await closed()).some((r) => r.date === "2028-08-17")).toBe(true);
  });

  it("leaves an office that does not observe national holidays open", async () => {
    const open = await createTestOffice(testDb.handle.db, { office: { observesNationalHolidays: false } });
    await ensureNationalHolidays({ now: NOW });
    const rows = await testDb.handle.db.select().from(dateOverrides).where(eq(dateOverrides.officeId, open.office.id));
    expect(rows).toEqual([]);
  });
});

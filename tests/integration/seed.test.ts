import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verify } from "@node-rs/argon2";
import { asc, eq } from "drizzle-orm";
import { counters, dateOverrides, forms, offices, requirementForms, serviceRequirements, services, staffUsers, weeklySessions } from "@/db/schema";
import catalogue from "@/db/seed/data/kota-bogor-services.json";
import { DEMO_STAFF, seedDatabase } from "@/db/seed/seed";
import { nationalHolidays } from "@/lib/holidays";
import { loadDayPlans } from "@/lib/dal/calendar";
import { addDays, isoWeekday } from "@/lib/dates";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { NOW } from "../helpers/fixtures";

describe.each(DATABASE_KINDS)("seedDatabase on %s", (kind) => {
  let testDb: TestDatabase;
  const db = () => testDb.handle.db;
  const office = async () => (await db().select().from(offices).where(eq(offices.slug, "kota-bogor")))[0]!;

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
    expect(await seedDatabase(db(), { now: NOW })).toEqual({ created: true });
  });
  afterAll(() => testDb.dispose());

  it("creates the Kota Bogor office with its settings", async () => {
    expect(await office()).toMatchObject({
      slug: "kota-bogor",
      name: "Dinas Kependudukan dan Pencatatan Sipil Kota Bogor",
      shortName: "Disdukcapil Kota Bogor",
      timezone: "Asia/Jakarta",
      regionCode: "3271",
      dailyCap: 250,
      openWeekdays: [1, 2, 3, 4, 5],
      bookingDaysAhead: 7,
      phoneDailyLimit: 5,
    });
  });

  it("creates the 11 published services with their requirements, age rules and forms", async () => {
    const { id: officeId } = await office();
    const rows = await db().select().from(services).where(eq(services.officeId, officeId)).orderBy(asc(services.position));
    expect(rows.map((s) => s.slug)).toEqual(catalogue.services.map((s) => s.id));
    expect(rows).toHaveLength(11);
    expect(rows.map((s) => s.queueLetter).join("")).toBe("ABCCCDDEFFF");
    expect(rows.find((s) => s.slug === "ktp-el-baru")).toMatchObject({ minAge: 17, maxAge: null });
    expect(rows.find((s) => s.slug === "kia-baru")).toMatchObject({ minAge: null, maxAge: 16 });

    const requirements = await db().select().from(serviceRequirements);
    for (const [i, s] of catalogue.services.entries()) {
      const own = requirements.filter((r) => r.serviceId === rows[i]!.id).sort((a, b) => a.position - b.position);
      expect(own.map((r) => r.text)).toEqual(s.requirements.map((r) => r.text));
    }

    const formRows = await db().select().from(forms).where(eq(forms.officeId, officeId));
    expect(formRows.map((f) => f.slug).sort()).toEqual(catalogue.forms.map((f) => f.id).sort());
    const links = await db()
      .select({ text: serviceRequirements.text, serviceId: serviceRequirements.serviceId, form: forms.slug })
      .from(requirementForms)
      .innerJoin(serviceRequirements, eq(serviceRequirements.id, requirementForms.requirementId))
      .innerJoin(forms, eq(forms.id, requirementForms.formId))
      .where(eq(forms.officeId, officeId));
    const expected = catalogue.services.flatMap((s, i) =>
      s.requirements.flatMap((r) => ((r as { forms?: string[] }).forms ?? []).map((form) => `${rows[i]!.id}|${r.text}|${form}`)),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(links.map((l) => `${l.serviceId}|${l.text}|${l.form}`).sort()).toEqual(expected.sort());
  });

  it("stores each requirement's kind and copy and the English next to the Indonesian, with the typos fixed", async () => {
    const { id: officeId } = await office();
    const rows = await db().select().from(services).where(eq(services.officeId, officeId)).orderBy(asc(services.position));
    const bySlug = new Map(rows.map((s) => [s.slug, s]));
    const requirementsOf = async (slug: string) =>
      (await db().select().from(serviceRequirements).where(eq(serviceRequirements.serviceId, bySlug.get(slug)!.id)).orderBy(asc(serviceRequirements.position))).map(
        (r) => [r.kind, r.copy, r.text],
      );
    expect(await requirementsOf("ktp-el-baru")).toEqual([
      ["condition", null, "Untuk pemula baru 17 tahun, belum pernah memiliki KTP-el sebelumnya"],
      ["condition", null, "Telah berusia 17 tahun atau lebih"],
      ["document", "original", "Kartu keluarga asli"],
    ]);
    expect((await requirementsOf("pencatatan-biodata-wni-dalam-wilayah-nkri")).map(([kind, copy]) => `${kind}/${copy}`)).toEqual([
      "document/null",
      "document/photocopy",
      "document/photocopy",
      "note/null",
    ]);
    expect(bySlug.get("pencatatan-biodata-orang-asing")).toMatchObject({ nameEn: "Personal data registration — foreign national", categoryEn: "Registering personal data (biodata)" });
    expect(bySlug.get("ktp-el-baru")).toMatchObject({ categoryEn: "Electronic ID card (KTP-el)", eligibilityNoteEn: "Aged 17 or over, or married now or in the past" });
    for (const s of rows) expect([s.slug, s.nameEn && s.categoryEn ? "en" : "missing"]).toEqual([s.slug, "en"]);

    const all = await db().select().from(serviceRequirements);
    expect(all.filter((r) => !r.textEn)).toEqual([]);
    const akta = (await requirementsOf("akta-kelahiran"))[0]![2];
    expect(akta).toContain("nakhoda kapal");
    const formRows = await db().select().from(forms).where(eq(forms.officeId, officeId));
    expect(formRows.filter((f) => !f.nameEn)).toEqual([]);
    expect(formRows.find((f) => f.slug === "formulir-f-1-06")!.name).toBe("(F1.06) SURAT PERNYATAAN PERUBAHAN ELEMEN DATA KEPENDUDUKAN");
    expect(formRows.find((f) => f.slug === "formulir-f-1-03")!.description).toBe("Digunakan untuk kepindahan penduduk baik dalam wilayah NKRI maupun luar wilayah NKRI");
  });

  it("opens Monday–Thursday 08–14, Friday without 11:00–13:00, Saturday only through overrides", async () => {
    const { id: officeId } = await office();
    const template = await db().select().from(weeklySessions).where(eq(weeklySessions.officeId, officeId));
    const startsOn = (weekday: number) => template.filter((s) => s.weekday === weekday).map((s) => s.startsAt.slice(0, 5)).sort();
    for (const weekday of [1, 2, 3, 4]) expect(startsOn(weekday)).toEqual(["08:00", "09:00", "10:00", "11:00", "12:00", "13:00"]);
    expect(startsOn(5)).toEqual(["08:00", "09:00", "10:00", "13:00"]);
    expect(startsOn(7)).toEqual([]);

    const plans = await loadDayPlans(db(), await office(), "2026-12-03", "2026-12-07");
    expect(plans.map((p) => (p.open ? [p.date, p.dayCap, p.sessions.map((s) => `${s.start}-${s.end}/${s.capacity}`).join(" "), p.note?.id ?? null] : [p.date, p.closedReason]))).toEqual([
      ["2026-12-03", 250, "08:00-09:00/42 09:00-10:00/42 10:00-11:00/42 11:00-12:00/42 12:00-13:00/42 13:00-14:00/42", null],
      ["2026-12-04", 250, "08:00-09:00/42 09:00-10:00/42 10:00-11:00/42 13:00-14:00/42", null],
      ["2026-12-05", 100, "08:00-09:00/25 09:00-10:00/25 10:00-11:00/25 11:00-12:00/25", "Layanan Sabtu"],
      ["2026-12-06", "not_a_service_day"],
      ["2026-12-07", 250, "08:00-09:00/42 09:00-10:00/42 10:00-11:00/42 11:00-12:00/42 12:00-13:00/42 13:00-14:00/42", null],
    ]);
  });

  it("closes the national holidays of this year and the next, and opens every other Saturday of both", async () => {
    const { id: officeId } = await office();
    const overrides = await db().select().from(dateOverrides).where(eq(dateOverrides.officeId, officeId));
    const holidays = nationalHolidays([2026, 2027]);
    const closed = overrides.filter((o) => o.kind === "closed");
    expect(closed.map((o) => o.date).sort()).toEqual(holidays.map((h) => h.date));
    for (const [date, name, nameEn] of [
      ["2026-01-01", "Hari tahun baru", "New Year's Day"],
      ["2026-08-17", "Hari Ulang Tahun Kemerdekaan Republik Indonesia", "Independence Day"],
      ["2026-12-25", "Hari Raya Natal", "Christmas Day"],
      ["2027-06-01", "Hari Lahir Pancasila", "Pancasila Day"],
      ["2027-08-17", "Hari Ulang Tahun Kemerdekaan Republik Indonesia", "Independence Day"],
    ]) {
      expect(closed.find((o) => o.date === date)).toMatchObject({ reason: name, reasonEn: nameEn });
    }
    expect(closed.find((o) => o.date === "2026-01-16")?.reason).toBe("Isra Mi'raj Nabi Muhammad");

    const holidayDates = new Set(holidays.map((h) => h.date));
    const saturdays: string[] = [];
    for (let d = "2026-01-01"; d <= "2027-12-31"; d = addDays(d, 1)) if (isoWeekday(d) === 6 && !holidayDates.has(d)) saturdays.push(d);
    const open = overrides.filter((o) => o.kind === "open");
    expect(open.map((o) => o.date).sort()).toEqual(saturdays);
    expect(new Set(open.map((o) => `${o.reason}|${o.reasonEn}|${o.dailyCap}`))).toEqual(new Set(["Layanan Sabtu|Saturday service|100"]));
    expect(overrides.some((o) => o.date < "2026-01-01" || o.date > "2027-12-31")).toBe(false);
  });

  it("creates one demo account per role, with argon2 hashes of the printed passwords", async () => {
    const staff = await db().select().from(staffUsers).where(eq(staffUsers.officeId, (await office()).id));
    expect(staff.map((s) => [s.role, s.email, s.isActive]).sort()).toEqual([
      ["admin", "admin@antrean.test", true],
      ["operator", "operator@antrean.test", true],
      ["supervisor", "supervisor@antrean.test", true],
    ]);
    for (const demo of DEMO_STAFF) {
      const row = staff.find((s) => s.email === demo.email)!;
      expect(row.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verify(row.passwordHash, demo.password)).toBe(true);
      expect(await verify(row.passwordHash, `${demo.password}x`)).toBe(false);
    }
    expect(await db().select().from(counters).where(eq(counters.officeId, (await office()).id))).toHaveLength(5);
  });

  it("is idempotent: a second run changes nothing", async () => {
    const snapshot = async () =>
      Promise.all([offices, services, serviceRequirements, forms, requirementForms, weeklySessions, dateOverrides, staffUsers, counters].map((table) => db().select().from(table).then((r) => r.length)));
    const before = await snapshot();
    expect(await seedDatabase(db(), { now: NOW })).toEqual({ created: false });
    expect(await snapshot()).toEqual(before);
  });
});

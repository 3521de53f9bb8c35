import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLogs } from "@/db/schema";
import { citizen } from "@/lib/auth/actor";
import { getAuditFilterOptions, listAuditLog, AUDIT_PAGE_SIZE } from "@/lib/dal/audit-log";
import { createBooking } from "@/lib/dal/bookings";
import { AuditQuerySchema } from "@/lib/validation/audit";
import { parseInput } from "@/lib/validation/parse";
import { appErrorOf, bookingRequest } from "../helpers/bookings";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { createTestOffice, makeNik, NOW } from "../helpers/fixtures";
import { actorOf, createTestStaff } from "../helpers/staff";

let serial = 1;
const q = (raw: Record<string, string> = {}) => parseInput(AuditQuerySchema, raw);

describe.each(DATABASE_KINDS)("the audit-log viewer on %s", (kind) => {
  let testDb: TestDatabase;
  const db = () => testDb.handle.db;
  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
  });
  afterAll(() => testDb.dispose());

  async function setup() {
    const t = await createTestOffice(db());
    const admin = await createTestStaff(db(), t.office.id, { role: "admin", name: "Admin Satu" });
    const supervisor = await createTestStaff(db(), t.office.id, { role: "supervisor", name: "Kasi Dua" });
    const operator = await createTestStaff(db(), t.office.id, { role: "operator" });
    const nik = makeNik("1990-01-05", "F", serial++);
    const booking = await createBooking(citizen("127.0.0.1"), bookingRequest(t, { nik }), { locale: "id", now: NOW });
    const at = (iso: string) => new Date(iso);
    await db()
      .insert(auditLogs)
      .values([
        // 9 Oct 23:30 and 10 Oct 09:00 in Jakarta (far from the wall clock the booking row uses).
        { officeId: t.office.id, actorType: "staff", actorStaffId: admin.id, action: "office.settings_update", details: { before: { dailyCap: 40 }, after: { dailyCap: 30 } }, createdAt: at("2026-10-09T16:30:00Z") },
        { officeId: t.office.id, actorType: "staff", actorStaffId: supervisor.id, action: "booking.override", details: { note: `typed ${nik} by mistake`, nik }, createdAt: at("2026-10-10T02:00:00Z") },
      ]);
    return { t, admin: actorOf(admin), supervisor: actorOf(supervisor), operator: actorOf(operator), booking, nik };
  }

  it("supervisors and admins filter by who, what, when and booking; newest first; no NIK anywhere", async () => {
    const { t, admin, supervisor, booking, nik } = await setup();
    for (const actor of [admin, supervisor]) {
      const all = await listAuditLog(actor, { ...q(), officeId: t.office.id });
      expect(all.entries.length).toBeGreaterThanOrEqual(3);
      expect(JSON.stringify(all)).not.toContain(nik);
      const byWho = await listAuditLog(actor, { ...q({ who: supervisor.staffId }), officeId: t.office.id });
      expect(byWho.entries.map((e) => [e.action, e.actorName])).toEqual([["booking.override", "Kasi Dua"]]);
      expect(byWho.entries[0]!.details).toBe(`{"note":"typed ${nik.slice(0, 4)}********${nik.slice(-4)} by mistake"}`);
      const byAction = await listAuditLog(actor, { ...q({ action: "office.settings_update" }), officeId: t.office.id });
      expect(byAction.entries).toHaveLength(1);
      expect(byAction.entries[0]).toMatchObject({ actorName: "Admin Satu" });
      expect(JSON.parse(byAction.entries[0]!.details!)).toEqual({ before: { dailyCap: 40 }, after: { dailyCap: 30 } });
      // Office-local dates: 9 Oct 23:30 Jakarta is on the 9th, though it is 16:30 UTC.
      const onThe30th = await listAuditLog(actor, { ...q({ from: "2026-10-09", to: "2026-10-09" }), officeId: t.office.id });
      expect(onThe30th.entries.map((e) => e.action)).toEqual(["office.settings_update"]);
      const byBooking = await listAuditLog(actor, { ...q({ reference: booking.reference.toLowerCase() }), officeId: t.office.id });
      expect(byBooking.entries.length).toBeGreaterThanOrEqual(1);
      expect(byBooking.entries.every((e) => e.reference === booking.reference)).toBe(true);
    }
    const options = await getAuditFilterOptions(admin, { officeId: t.office.id });
    expect(options.actions).toEqual(expect.arrayContaining(["booking.override", "office.settings_update"]));
    expect(options.staff.map((s) => s.name)).toEqual(expect.arrayContaining(["Admin Satu", "Kasi Dua"]));
  });

  it("pages of 50, newest first", async () => {
    const { t, admin } = await setup();
    await db()
      .insert(auditLogs)
      .values(Array.from({ length: 60 }, (_, i) => ({ officeId: t.office.id, actorType: "system" as const, action: "test.page", details: { i }, createdAt: new Date(Date.UTC(2026, 11, 2, 0, i)) })));
    const first = await listAuditLog(admin, { ...q({ action: "test.page" }), officeId: t.office.id });
    expect(first).toMatchObject({ page: 1, hasNext: true });
    expect(first.entries).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.entries[0]!.details).toBe(`{"i":59}`);
    const second = await listAuditLog(admin, { ...q({ action: "test.page", page: "2" }), officeId: t.office.id });
    expect(second).toMatchObject({ page: 2, hasNext: false });
    expect(second.entries.map((e) => e.details)).toEqual(Array.from({ length: 10 }, (_, i) => `{"i":${9 - i}}`));
  });

  it("operators and another office get 403; garbage filters are 422 naming the field", async () => {
    const { t, operator } = await setup();
    const other = await setup();
    expect((await appErrorOf(listAuditLog(operator, { ...q(), officeId: t.office.id }))).status).toBe(403);
    expect((await appErrorOf(getAuditFilterOptions(operator, { officeId: t.office.id }))).status).toBe(403);
    expect((await appErrorOf(listAuditLog(other.admin, { ...q(), officeId: t.office.id }))).status).toBe(403);
    const bad = await appErrorOf(
      Promise.resolve().then(() => q({ who: "1; drop table audit_logs", action: "<script>", from: "2026-02-30", to: "x", reference: "'; --", page: "-1" })),
    );
    expect(Object.keys(bad.fields!).sort()).toEqual(["action", "from", "page", "reference", "to", "who"]);
    const order = await appErrorOf(Promise.resolve().then(() => q({ from: "2026-12-02", to: "2026-12-01" })));
    expect(order.fields).toEqual({ to: ["field.date.invalid"] });
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { auditLogs, bookings, capacityUsages, dateOverrides, messages, priorityRebookings, sessionCapacityOverrides, weeklySessions } from "@/db/schema";
import { citizen, type Actor } from "@/lib/auth/actor";
import { getAvailability } from "@/lib/dal/availability";
import { createBooking } from "@/lib/dal/bookings";
import { applyUsageChanges } from "@/lib/dal/capacity-usage";
import { setReadCacheTtl } from "@/lib/dal/read-cache";
import { getScheduleMonth } from "@/lib/dal/schedule-calendar";
import { closeSchedule, openScheduleDay, reopenSchedule, resetScheduleCapacity, setScheduleCapacity } from "@/lib/dal/schedule-changes";
import { BelowBookedError } from "@/lib/dal/schedule-safety";
import { addWeeklySession, ImportLinesError, importClosures, removeWeeklySession, updateWeeklySession } from "@/lib/dal/schedule-template";
import { AppError } from "@/lib/errors";
import { createTranslator } from "@/lib/i18n/translate";
import { appErrorOf, bookingRequest, countActive, usageMismatches } from "../helpers/bookings";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { createTestOffice, NOW, TODAY, TOMORROW, type TestOffice } from "../helpers/fixtures";
import { actorOf, createTestStaff } from "../helpers/staff";

const visitor = citizen("127.0.0.1");
const citizenCtx = { locale: "id" as const, now: NOW };
const id = createTranslator("id");
const en = createTranslator("en");

describe.each(DATABASE_KINDS)("schedule changes on %s", (kind) => {
  let testDb: TestDatabase;
  const db = () => testDb.handle.db;

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
  });
  afterAll(() => testDb.dispose());
  afterEach(() => setReadCacheTtl(0));

  async function setup(options: Parameters<typeof createTestOffice>[1] = {}) {
    const t = await createTestOffice(db(), options);
    const admin = actorOf(await createTestStaff(db(), t.office.id, { role: "admin" }));
    const supervisor = actorOf(await createTestStaff(db(), t.office.id, { role: "supervisor" }));
    const operator = actorOf(await createTestStaff(db(), t.office.id, { role: "operator" }));
    return { t, admin, supervisor, operator };
  }
  const availability = (t: TestOffice, tr = id) => getAvailability({ officeSlug: t.office.slug, serviceSlug: "ktp", t: tr, now: NOW });
  const dayOf = async (t: TestOffice, date: string, tr = id) => (await availability(t, tr)).days.find((d) => d.date === date)!;
  const book = (t: TestOffice, session = "09:00", date = TOMORROW) => createBooking(visitor, bookingRequest(t, { session, date }), citizenCtx);
  const auditOf = (officeId: string, action: string) =>
    db().select().from(auditLogs).where(and(eq(auditLogs.officeId, officeId), eq(auditLogs.action, action)));
  const snapshot = async (officeId: string) => ({
    overrides: await db().select().from(dateOverrides).where(eq(dateOverrides.officeId, officeId)),
    sessions: await db().select().from(sessionCapacityOverrides).where(eq(sessionCapacityOverrides.officeId, officeId)),
    weekly: (await db().select().from(weeklySessions).where(eq(weeklySessions.officeId, officeId))).length,
    statuses: (await db().select({ s: bookings.status }).from(bookings).where(eq(bookings.officeId, officeId))).map((b) => b.s).sort(),
    audit: (await db().select().from(auditLogs).where(eq(auditLogs.officeId, officeId))).length,
  });

  it("closes a date with its reason at once, even with the read cache on, and reopens it (audited before/after)", async () => {
    const { t, admin } = await setup();
    setReadCacheTtl(60_000);
    expect((await dayOf(t, TOMORROW)).open).toBe(true);
    await closeSchedule(admin, { date: TOMORROW, reason: "Gangguan jaringan SIAK", reasonEn: "SIAK network outage" }, { now: NOW });
    // An ad-hoc closure is not a holiday: "Tutup: …", never "Libur: …".
    expect(await dayOf(t, TOMORROW)).toMatchObject({ open: false, reasonCode: "closure", reason: "Tutup: Gangguan jaringan SIAK", sessions: [] });
    expect((await dayOf(t, TOMORROW, en)).reason).toBe("Closed: SIAK network outage");
    expect(await appErrorOf(book(t))).toMatchObject({ code: "closed" });
    const [audit] = await auditOf(t.office.id, "schedule.close");
    expect(audit!.details).toMatchObject({ date: TOMORROW, before: null, after: { kind: "closed", reason: "Gangguan jaringan SIAK", reasonEn: "SIAK network outage" } });
    expect(audit!.actorStaffId).toBe(admin.staffId);

    await reopenSchedule(admin, { date: TOMORROW }, { now: NOW });
    expect((await dayOf(t, TOMORROW)).open).toBe(true);
    const [reopen] = await auditOf(t.office.id, "schedule.reopen");
    expect(reopen!.details).toMatchObject({ before: { kind: "closed", reason: "Gangguan jaringan SIAK" }, after: null });
    expect(await appErrorOf(reopenSchedule(admin, { date: TOMORROW }, { now: NOW }))).toMatchObject({ code: "not_found" });
  });

  it("closes one session with its public reason; the others stay bookable", async () => {
    const { t, admin } = await setup();
    setReadCacheTtl(60_000);
    await availability(t);
    await closeSchedule(admin, { date: TOMORROW, session: "10:00", reason: "Blanko KTP habis", reasonEn: "Out of blank cards" }, { now: NOW });
    const day = await dayOf(t, TOMORROW);
    expect(day.open).toBe(true);
    expect(day.sessions.find((s) => s.start === "10:00")).toMatchObject({ remaining: 0, reason: "Blanko KTP habis", closed: { id: "Blanko KTP habis", en: "Out of blank cards" } });
    expect(day.sessions.find((s) => s.start === "09:00")!.remaining).toBe(10);
    expect((await dayOf(t, TOMORROW, en)).sessions.find((s) => s.start === "10:00")!.reason).toBe("Out of blank cards");
    expect(await appErrorOf(book(t, "10:00"))).toMatchObject({ code: "full" });
    await book(t, "11:00");
    await expect(setScheduleCapacity(admin, { date: TOMORROW, session: "10:00", capacity: 5 }, { now: NOW })).rejects.toMatchObject({ code: "closed" });
    await reopenSchedule(admin, { date: TOMORROW, session: "10:00" }, { now: NOW });
    expect((await dayOf(t, TOMORROW)).sessions.find((s) => s.start === "10:00")).toMatchObject({ remaining: 10 });
    expect((await dayOf(t, TOMORROW)).sessions.find((s) => s.start === "10:00")!.closed).toBeUndefined();
  });

  it("refuses a capacity below what is booked (below_booked, nothing changed), then keeps or cancels on request", async () => {
    const { t, admin } = await setup();
    const made = [];
    for (let i = 0; i < 4; i++) made.push(await book(t, "09:00"));
    const before = await snapshot(t.office.id);

    const refused = await appErrorOf(setScheduleCapacity(admin, { date: TOMORROW, session: "09:00", capacity: 2 }, { now: NOW }));
    expect(refused).toBeInstanceOf(BelowBookedError);
    expect(refused).toMatchObject({ code: "below_booked", status: 409, booked: 4 });
    const affected = (refused as BelowBookedError).affected;
    // The latest two would go; each has what staff need to call them, and no NIK.
    expect(affected.map((a) => a.reference).sort()).toEqual([made[2]!.reference, made[3]!.reference].sort());
    expect(affected[0]).toMatchObject({ name: "Siti Nurhaliza", date: TOMORROW, session: "09:00" });
    expect(affected[0]!.whatsapp).toMatch(/^https:\/\/wa\.me\/62\d+$/);
    expect(JSON.stringify(affected)).not.toMatch(/\d{16}/);
    expect(await snapshot(t.office.id)).toEqual(before);

    // keep: the bookings stay, the new cap holds for everyone else.
    const kept = await setScheduleCapacity(admin, { date: TOMORROW, session: "09:00", capacity: 2, onConflict: "keep" }, { now: NOW });
    expect(kept.kept).toHaveLength(2);
    expect(await countActive(db(), t.office.id, { date: TOMORROW, session: "09:00" })).toBe(4);
    expect(await appErrorOf(book(t, "09:00"))).toMatchObject({ code: "full" });
    expect((await dayOf(t, TOMORROW)).sessions.find((s) => s.start === "09:00")).toMatchObject({ capacity: 2, remaining: 0 });
    const [audit] = await auditOf(t.office.id, "schedule.capacity");
    expect(audit!.details).toMatchObject({ before: { capacity: 10 }, after: { capacity: 2 }, booked: 4, onConflict: "keep", kept: affected.map((a) => a.reference) });

    // cancel: down to 1, the latest bookings go, their places come back and each is told.
    const cancelled = await setScheduleCapacity(admin, { date: TOMORROW, session: "09:00", capacity: 1, onConflict: "cancel_and_rebook" }, { now: NOW });
    expect(cancelled.cancelled.map((c) => c.reference).sort()).toEqual([made[1]!.reference, made[2]!.reference, made[3]!.reference].sort());
    expect(await countActive(db(), t.office.id, { date: TOMORROW, session: "09:00" })).toBe(1);
    expect(await usageMismatches(db(), t.office.id)).toEqual({});
    const ids = (await db().select({ id: bookings.id }).from(bookings).where(inArray(bookings.reference, cancelled.cancelled.map((c) => c.reference)))).map((r) => r.id);
    // One notice each, with the reason and a priority rebooking link (the generic "cancelled" one is withdrawn).
    const sent = await db().select().from(messages).where(and(inArray(messages.bookingId, ids), eq(messages.kind, "outage")));
    expect(sent).toHaveLength(3);
    expect(sent[0]!.params).toMatchObject({ reason: "Jadwal atau kuota layanan diubah oleh kantor", rebookLink: expect.stringContaining("/booking/") });
    const generic = await db().select().from(messages).where(and(inArray(messages.bookingId, ids), eq(messages.kind, "cancelled")));
    expect(generic.every((m) => m.status === "cancelled")).toBe(true);
    const priority = await db().select().from(priorityRebookings).where(inArray(priorityRebookings.bookingId, ids));
    expect(priority.map((p) => p.source)).toEqual(["capacity", "capacity", "capacity"]);
    expect((await auditOf(t.office.id, "booking.cancel")).filter((a) => ids.includes(a.bookingId!))).toHaveLength(3);
  });

  it("closing a day with bookings needs a choice; cancel cancels and notifies every one of them", async () => {
    const { t, admin } = await setup();
    const a = await book(t, "08:00");
    const b = await book(t, "13:00");
    const before = await snapshot(t.office.id);
    const refused = await appErrorOf(closeSchedule(admin, { date: TOMORROW, reason: "Cuti bersama" }, { now: NOW }));
    expect(refused).toMatchObject({ code: "below_booked", booked: 2 });
    expect((refused as BelowBookedError).affected.map((x) => x.reference)).toEqual([a.reference, b.reference]);
    expect(await snapshot(t.office.id)).toEqual(before);

    const done = await closeSchedule(admin, { date: TOMORROW, reason: "Cuti bersama", onConflict: "cancel_and_rebook" }, { now: NOW });
    expect(done.cancelled).toHaveLength(2);
    expect(await countActive(db(), t.office.id, { date: TOMORROW })).toBe(0);
    const notices = await db().select().from(messages).where(and(eq(messages.officeId, t.office.id), eq(messages.kind, "outage")));
    expect(notices.map((m) => (m.params as { reason: string }).reason)).toEqual(["Cuti bersama", "Cuti bersama"]);
    const priority = await db().select().from(priorityRebookings).where(eq(priorityRebookings.officeId, t.office.id));
    expect(priority.map((p) => [p.source, p.reason])).toEqual([["closure", "Cuti bersama"], ["closure", "Cuti bersama"]]);
    expect(await usageMismatches(db(), t.office.id)).toEqual({});
  });

  it("keeps a closed day's bookings when asked, and the database refuses even a stale limit past a ceiling", async () => {
    const { t, admin } = await setup();
    await book(t, "08:00");
    await closeSchedule(admin, { date: TOMORROW, reason: "Rapat dinas", onConflict: "keep" }, { now: NOW });
    expect(await countActive(db(), t.office.id, { date: TOMORROW })).toBe(1);
    // A booking that read the old plan (cap 40) a moment earlier still cannot take a place.
    const full = new AppError("full", "error.full");
    await expect(
      db().transaction((tx) => applyUsageChanges(tx, [{ officeId: t.office.id, serviceDate: TOMORROW, scope: "day", scopeKey: "", delta: 1, limit: 40, whenFull: full }])),
    ).rejects.toBe(full);
    const [row] = await db()
      .select()
      .from(capacityUsages)
      .where(and(eq(capacityUsages.officeId, t.office.id), eq(capacityUsages.serviceDate, TOMORROW), eq(capacityUsages.scope, "day")));
    expect(row).toMatchObject({ used: 1, ceiling: 0 });
  });

  it("sets and resets a date's own daily cap; a day cap below booked is refused the same way", async () => {
    const { t, admin } = await setup();
    await book(t, "08:00");
    await book(t, "09:00");
    expect(await appErrorOf(setScheduleCapacity(admin, { date: TOMORROW, capacity: 1 }, { now: NOW }))).toMatchObject({ code: "below_booked", booked: 2 });
    await setScheduleCapacity(admin, { date: TOMORROW, capacity: 3 }, { now: NOW });
    await book(t, "10:00");
    expect(await appErrorOf(book(t, "11:00"))).toMatchObject({ code: "full" });
    expect((await dayOf(t, TOMORROW)).reasonCode).toBe("full");
    await resetScheduleCapacity(admin, { date: TOMORROW }, { now: NOW });
    await book(t, "11:00");
    expect(await countActive(db(), t.office.id, { date: TOMORROW })).toBe(4);
    const [audit] = await auditOf(t.office.id, "schedule.capacity_reset");
    expect(audit!.details).toMatchObject({ before: { kind: "open", dailyCap: 3 }, after: { dailyCap: 40 } });
  });

  it("opens a special service day (Layanan Sabtu) with its own cap", async () => {
    const { t, admin } = await setup({ office: { openWeekdays: [1, 2, 3, 4, 5] } });
    const saturday = "2026-12-05";
    expect((await dayOf(t, saturday)).reasonCode).toBe("not_a_service_day");
    await openScheduleDay(admin, { date: saturday, dailyCap: 2, reason: "Layanan Sabtu", reasonEn: "Saturday service" }, { now: NOW });
    expect(await dayOf(t, saturday)).toMatchObject({ open: true, note: "Layanan Sabtu" });
    expect((await dayOf(t, saturday, en)).note).toBe("Saturday service");
    await book(t, "08:00", saturday);
    await book(t, "09:00", saturday);
    expect(await appErrorOf(book(t, "10:00", saturday))).toMatchObject({ code: "full" });
    const month = await getScheduleMonth(admin, { month: "2026-12" }, { now: NOW });
    const cell = month.weeks.flat().find((d) => d.date === saturday)!;
    expect(cell).toMatchObject({ kind: "open_day", dayCap: 2, booked: 2, ownCap: true });
  });

  it("refuses dates in the past, unknown sessions, and another office", async () => {
    const { t, admin } = await setup();
    const other = await setup();
    expect(await appErrorOf(closeSchedule(admin, { date: "2026-11-30", reason: "x" }, { now: NOW }))).toMatchObject({ code: "validation", fields: { date: ["schedule.field.past"] } });
    expect(await appErrorOf(closeSchedule(admin, { date: TOMORROW, session: "07:00", reason: "x" }, { now: NOW }))).toMatchObject({ code: "not_found" });
    expect(await appErrorOf(closeSchedule(admin, { office: other.t.office.slug, date: TOMORROW, reason: "x" }, { now: NOW }))).toMatchObject({ code: "forbidden" });
    expect(await appErrorOf(closeSchedule(admin, { office: "no-such-office", date: TOMORROW, reason: "x" }, { now: NOW }))).toMatchObject({ code: "not_found" });
    expect(await db().select().from(dateOverrides).where(eq(dateOverrides.officeId, other.t.office.id))).toHaveLength(0);
    expect((await dayOf(t, TOMORROW)).open).toBe(true);
  });

  it("weekly sessions: no overlaps, a break is a gap, lowering below upcoming bookings needs a choice", async () => {
    const { t, admin } = await setup();
    const friday = 5;
    expect(await appErrorOf(addWeeklySession(admin, { weekday: friday, startsAt: "13:30", endsAt: "14:30", capacity: 5 }, { now: NOW }))).toMatchObject({
      fields: { startsAt: ["schedule.field.overlap"] },
    });
    // Friday prayer: no 11:00–13:00 on Fridays; the gap is the break.
    await removeWeeklySession(admin, { weekday: friday, startsAt: "11:00" }, { now: NOW });
    await removeWeeklySession(admin, { weekday: friday, startsAt: "12:00" }, { now: NOW });
    await addWeeklySession(admin, { weekday: friday, startsAt: "14:00", endsAt: "15:00", capacity: 5 }, { now: NOW });
    const friDate = "2026-12-04";
    expect((await dayOf(t, friDate)).sessions.map((s) => s.start)).toEqual(["08:00", "09:00", "10:00", "13:00", "14:00"]);

    await book(t, "09:00", friDate);
    await book(t, "09:00", friDate);
    const refused = await appErrorOf(updateWeeklySession(admin, { weekday: friday, startsAt: "09:00", capacity: 1 }, { now: NOW }));
    expect(refused).toMatchObject({ code: "below_booked", booked: 2 });
    await updateWeeklySession(admin, { weekday: friday, startsAt: "09:00", capacity: 1, onConflict: "keep" }, { now: NOW });
    expect(await countActive(db(), t.office.id, { date: friDate })).toBe(2);
    expect((await dayOf(t, friDate)).sessions.find((s) => s.start === "09:00")).toMatchObject({ capacity: 1, remaining: 0 });
    expect((await auditOf(t.office.id, "schedule.weekly_remove")).map((a) => (a.details as { before: { startsAt: string } }).before.startsAt).sort()).toEqual(["11:00", "12:00"]);
  });

  it("imports cuti bersama all or nothing, naming every bad line", async () => {
    const { t, admin } = await setup();
    const before = await snapshot(t.office.id);
    const bad = ["2026-12-24 Cuti bersama Natal | Christmas joint leave", "2026-02-30 Tanggal salah", "24-12-2026 salah format", "2026-12-24 Lagi", "2026-11-01 Sudah lewat", "2026-12-31   "].join("\n");
    const error = await appErrorOf(importClosures(admin, { lines: bad }, { now: NOW }));
    expect(error).toBeInstanceOf(ImportLinesError);
    expect((error as ImportLinesError).problems.map((p) => [p.line, p.problem])).toEqual([
      [2, "schedule.import.lineDate"],
      [3, "schedule.import.lineFormat"],
      [4, "schedule.import.lineDuplicate"],
      [5, "schedule.field.past"],
      [6, "schedule.import.lineFormat"],
    ]);
    expect(await snapshot(t.office.id)).toEqual(before);
    expect(await appErrorOf(importClosures(admin, { lines: "\n\n# nothing\n" }, { now: NOW }))).toBeInstanceOf(ImportLinesError);

    const done = await importClosures(admin, { lines: "2026-12-24 Cuti bersama Natal | Christmas joint leave\n\n2026-12-26\tCuti bersama\n" }, { now: NOW });
    expect(done.imported).toBe(2);
    const rows = await db().select().from(dateOverrides).where(eq(dateOverrides.officeId, t.office.id));
    expect(rows.map((r) => [r.date, r.kind, r.reason, r.reasonEn]).sort()).toEqual([
      ["2026-12-24", "closed", "Cuti bersama Natal", "Christmas joint leave"],
      ["2026-12-26", "closed", "Cuti bersama", null],
    ]);
    expect(await auditOf(t.office.id, "schedule.import_closures")).toHaveLength(1);
  });

  it("permissions: operators change nothing; supervisors only close today's session; admins all", async () => {
    const { t, admin, supervisor, operator } = await setup();
    const before = await snapshot(t.office.id);
    const calls = (actor: Actor) => [
      () => closeSchedule(actor, { date: TOMORROW, reason: "x" }, { now: NOW }),
      () => closeSchedule(actor, { date: TOMORROW, session: "09:00", reason: "x" }, { now: NOW }),
      () => setScheduleCapacity(actor, { date: TOMORROW, capacity: 5 }, { now: NOW }),
      () => setScheduleCapacity(actor, { date: TODAY, session: "13:00", capacity: 5 }, { now: NOW }),
      () => openScheduleDay(actor, { date: TOMORROW, dailyCap: 5, reason: "x" }, { now: NOW }),
      () => resetScheduleCapacity(actor, { date: TOMORROW }, { now: NOW }),
      () => addWeeklySession(actor, { weekday: 1, startsAt: "15:00", endsAt: "16:00", capacity: 5 }, { now: NOW }),
      () => updateWeeklySession(actor, { weekday: 1, startsAt: "08:00", capacity: 5 }, { now: NOW }),
      () => removeWeeklySession(actor, { weekday: 1, startsAt: "08:00" }, { now: NOW }),
      () => importClosures(actor, { lines: "2026-12-24 Cuti" }, { now: NOW }),
    ];
    for (const call of calls(operator)) expect(await appErrorOf(call())).toMatchObject({ code: "forbidden" });
    expect(await appErrorOf(closeSchedule(operator, { date: TODAY, session: "13:00", reason: "x" }, { now: NOW }))).toMatchObject({ code: "forbidden" });
    expect(await appErrorOf(getScheduleMonth(operator, { month: "2026-12" }, { now: NOW }))).toMatchObject({ code: "forbidden" });
    for (const call of calls(supervisor)) expect(await appErrorOf(call())).toMatchObject({ code: "forbidden" });
    expect(await appErrorOf(closeSchedule(citizen("1.2.3.4"), { office: t.office.slug, date: TODAY, session: "13:00", reason: "x" }, { now: NOW }))).toMatchObject({ code: "unauthorized" });
    expect(await snapshot(t.office.id)).toEqual(before);

    await closeSchedule(supervisor, { date: TODAY, session: "13:00", reason: "SIAK down" }, { now: NOW });
    expect((await getScheduleMonth(supervisor, { month: "2026-12" }, { now: NOW })).canManage).toBe(false);
    await reopenSchedule(supervisor, { date: TODAY, session: "13:00" }, { now: NOW });
    await setScheduleCapacity(admin, { date: TOMORROW, capacity: 5 }, { now: NOW });
    expect((await getScheduleMonth(admin, { month: "2026-12" }, { now: NOW })).canManage).toBe(true);
  });
});

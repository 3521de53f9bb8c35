import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLogs, bookings } from "@/db/schema";
import { citizen, type Actor } from "@/lib/auth/actor";
import { hashNik } from "@/lib/crypto";
import { createBooking } from "@/lib/dal/bookings";
import { assistBooking } from "@/lib/dal/queue/assist";
import { callNext } from "@/lib/dal/queue/calls";
import { getDayOverview } from "@/lib/dal/queue/overview";
import { cancelByStaff } from "@/lib/dal/queue/service";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, makeNik, NOW, TODAY, TOMORROW, uniquePhone, type TestOffice } from "../helpers/fixtures";
import { auditActions, bookAndCheckIn, bookToday, rowOf } from "../helpers/queue";
import { actorOf, createTestStaff } from "../helpers/staff";

describe.each(DATABASE_KINDS)("assisted and walk-in booking, the day overview, on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;
  let op: Actor;
  const db = () => testDb.handle.db;

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
    // Sessions of 10 with a 20 % walk-in reserve: online stops at 8 per session.
    t = await createTestOffice(db(), { sessionCapacity: 10, office: { walkInReservePercent: 20, dailyCap: 200 } });
    op = actorOf(await createTestStaff(db(), t.office.id));
  });
  afterAll(() => testDb.dispose());

  const person = (over: Record<string, unknown> = {}) => ({
    service: "kk",
    date: TODAY,
    session: "11:00",
    nik: adultNik(),
    name: "Ahmad Sobari",
    phone: "+62" + uniquePhone().slice(1),
    channel: "walk_in" as const,
    ...over,
  });

  it("a walk-in uses the reserve the online channel cannot, and joins the queue at once", async () => {
    for (let i = 0; i < 8; i++) await bookToday(t, { session: "11:00" });
    await expect(bookToday(t, { session: "11:00" })).rejects.toMatchObject({ code: "full" });

    const walkIn = await assistBooking(op, person(), { now: NOW });
    expect(walkIn.checkInError).toBeNull();
    expect(walkIn.booking).toMatchObject({ channel: "walk_in", status: "checked_in" });
    expect(walkIn.entry).toMatchObject({ status: "checked_in", channel: "walk_in" });
    const row = await rowOf(db(), walkIn.booking.reference);
    // Checked in before the session opens for check-in: they are here, and keep their session's place.
    expect(row.queueSortAt?.toISOString()).toBe("2026-12-01T04:00:00.000Z");
    expect(row.createdByStaffId).toBe(op.type === "staff" ? op.staffId : null);
    expect(await auditActions(db(), walkIn.booking.reference)).toEqual(["booking.check_in", "booking.create"]);

    await assistBooking(op, person(), { now: NOW });
    await expect(assistBooking(op, person(), { now: NOW })).rejects.toMatchObject({ code: "full" });
  });

  it("a walk-in for a later session today is checked in at once, keeping that session's place", async () => {
    // At 10:00, check-in for 13:00 would open at 12:00; the walk-in is standing at the counter now.
    const walkIn = await assistBooking(op, person({ session: "13:00" }), { now: NOW });
    expect(walkIn.entry?.status).toBe("checked_in");
    expect((await rowOf(db(), walkIn.booking.reference)).queueSortAt?.toISOString()).toBe("2026-12-01T06:00:00.000Z");
  });

  it("an assisted booking for a later date stays booked; a walk-in must be for today", async () => {
    const assisted = await assistBooking(op, person({ channel: "assisted", date: TOMORROW, session: "09:00", priorityReason: "pregnant" }), { now: NOW });
    expect(assisted.booking).toMatchObject({ channel: "assisted", status: "booked", isPriority: true, date: TOMORROW });
    expect(assisted.entry).toBeNull();
    await expect(assistBooking(op, person({ date: TOMORROW }), { now: NOW })).rejects.toMatchObject({
      code: "validation",
      fields: { date: ["queue.error.walkInToday"] },
    });
  });

  it("the same booking rules apply: one visit a day per NIK", async () => {
    const nik = adultNik();
    await assistBooking(op, person({ nik, session: "12:00" }), { now: NOW });
    await expect(assistBooking(op, person({ nik, session: "13:00" }), { now: NOW })).rejects.toMatchObject({ code: "duplicate" });
  });

  it("staff may waive a service's minimum age after seeing the document (a married 16-year-old's KTP-el); a citizen may not", async () => {
    const sixteen = makeNik("2010-03-15", "F", 77);
    const refused = { code: "validation", fields: { nik: ["field.nik.tooYoung"] } };
    await expect(assistBooking(op, person({ service: "ktp", nik: sixteen, channel: "assisted", date: TOMORROW }), { now: NOW })).rejects.toMatchObject(refused);
    // The waiver is staff's: a citizen who sends it is held to the rule all the same.
    await expect(createBooking(citizen("127.0.0.1"), { ...person({ service: "ktp", nik: sixteen, date: TOMORROW }), office: t.office.slug, ageException: true }, { now: NOW })).rejects.toMatchObject(refused);
    expect(await db().select().from(bookings).where(eq(bookings.nikHash, hashNik(sixteen)))).toEqual([]);

    const booked = await assistBooking(op, person({ service: "ktp", nik: sixteen, channel: "assisted", date: TOMORROW, ageException: true }), { now: NOW });
    expect(booked.booking).toMatchObject({ status: "booked", service: { slug: "ktp" } });
    const [audit] = await db().select().from(auditLogs).where(and(eq(auditLogs.bookingId, (await rowOf(db(), booked.booking.reference)).id), eq(auditLogs.action, "booking.create")));
    expect(audit!.details).toMatchObject({ ageException: true });
    // It waives the minimum only: the maximum (KIA is for children) still holds.
    await expect(assistBooking(op, person({ service: "kia", nik: adultNik(), channel: "assisted", date: TOMORROW, ageException: true }), { now: NOW })).rejects.toMatchObject({
      code: "validation",
      fields: { nik: ["field.nik.tooOld"] },
    });
  });

  it("the overview groups by session and status, counts per status, and searches", async () => {
    const fresh = await createTestOffice(db());
    const staff = actorOf(await createTestStaff(db(), fresh.office.id));
    const a = await bookAndCheckIn(fresh, staff, { session: "10:00" });
    const b = await bookToday(fresh, { session: "10:00" });
    await bookToday(fresh, { session: "11:00" });
    await callNext(staff, { counterNumber: 1 }, { now: NOW });

    const day = await getDayOverview(staff, {}, { now: NOW });
    expect(day.date).toBe(TODAY);
    expect(day.total).toBe(3);
    expect(day.counts).toMatchObject({ called: 1, booked: 2, checked_in: 0 });
    expect(day.sessions.map((s) => [s.start, s.groups.map((g) => [g.status, g.entries.length])])).toEqual([
      ["10:00", [["booked", 1], ["called", 1]]],
      ["11:00", [["booked", 1]]],
    ]);
    const entry = day.sessions[0]!.groups[1]!.entries[0]!;
    expect(entry).toMatchObject({ reference: a.reference, counter: { number: 1 }, channel: "online" });
    expect(entry.nikMasked).toMatch(/^\d{4}\*{8}\d{4}$/);
    expect(JSON.stringify(day)).not.toContain(a.nik);

    const search = async (q: string) => (await getDayOverview(staff, { q }, { now: NOW })).sessions.flatMap((s) => s.groups.flatMap((g) => g.entries.map((e) => e.reference)));
    expect(await search(b.reference.toLowerCase().replace(/^(.{4})/, "$1-"))).toEqual([b.reference]);
    expect(await search(b.queueNumber.replace("-0", "").toLowerCase())).toEqual([b.reference]);
    expect(await search(b.queueNumber)).toEqual([b.reference]);
    expect(await search("warga")).toHaveLength(3);
    expect(await search("%")).toHaveLength(0);
    expect(await search("_")).toHaveLength(0);
    expect((await getDayOverview(staff, { q: "nobody" }, { now: NOW })).counts.booked).toBe(2);
  });

  it("a supervisor's cancellation gives the place back to the pool; an operator may not cancel", async () => {
    const full = await createTestOffice(db(), { sessionCapacity: 2, office: { walkInReservePercent: 0 } });
    const supervisor = actorOf(await createTestStaff(db(), full.office.id, { role: "supervisor" }));
    const operator = actorOf(await createTestStaff(db(), full.office.id));
    const first = await bookToday(full, { session: "12:00" });
    await bookToday(full, { session: "12:00" });
    await expect(bookToday(full, { session: "12:00" })).rejects.toMatchObject({ code: "full" });
    await expect(cancelByStaff(operator, { reference: first.reference }, { now: NOW })).rejects.toMatchObject({ code: "forbidden" });
    const cancelled = await cancelByStaff(supervisor, { reference: first.reference, reason: "warga minta dibatalkan" }, { now: NOW });
    expect(cancelled.status).toBe("cancelled");
    expect(await auditActions(db(), first.reference)).toEqual(["booking.cancel_by_staff", "booking.create"]);
    await expect(bookToday(full, { session: "12:00" })).resolves.toMatchObject({ queueNumber: expect.any(String) });
  });
});

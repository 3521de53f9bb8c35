import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { bookings } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { citizen } from "@/lib/auth/actor";
import { cancelBooking, createBooking } from "@/lib/dal/bookings";
import { assistBooking } from "@/lib/dal/queue/assist";
import { callNext, recall } from "@/lib/dal/queue/calls";
import { checkInBooking } from "@/lib/dal/queue/check-in";
import { finishService, markNoShow, startService } from "@/lib/dal/queue/service";
import { transfer } from "@/lib/dal/queue/transfer";
import { getCounterManifest } from "@/lib/dal/reports/manifest";
import { getReport } from "@/lib/dal/reports/summary";
import { submitSurvey } from "@/lib/dal/survey";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, TODAY, TOMORROW, uniquePhone, type TestOffice } from "../helpers/fixtures";
import { at, bookAndCheckIn, bookToday, DAY_BEFORE, type Booked } from "../helpers/queue";
import { actorOf, createTestStaff } from "../helpers/staff";

const minute = (base: Date, m: number) => new Date(base.getTime() + m * 60_000);
const all = (score: number) => ({ u1: score, u2: score, u3: score, u4: score, u5: score, u6: score, u7: score, u8: score, u9: score, comment: null, ageBand: null, sex: null, education: null, occupation: null });

describe.each(DATABASE_KINDS)("reports on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;
  let op: Actor;
  let supervisor: Actor;
  const db = () => testDb.handle.db;
  const who = citizen("127.0.0.1");

  async function serve(b: Booked, counterNumber: number, callAt: number, finishAt: number) {
    const called = await callNext(op, { counterNumber }, { now: at(callAt) });
    expect(called.called && called.entry.reference).toBe(b.reference);
    await startService(op, { ...b, counterNumber }, { now: at(callAt + 1) });
    await finishService(op, { ...b, counterNumber }, { now: at(finishAt) });
  }

  /** A hand-counted day; the expected numbers in the tests below are worked out from these comments. */
  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
    t = await createTestOffice(db());
    op = actorOf(await createTestStaff(db(), t.office.id));
    supervisor = actorOf(await createTestStaff(db(), t.office.id, { role: "supervisor" }));
    // X: session 08:00, checked in 07:30 local (00:30 UTC: hour 7, not 0); wait 10, service 10, counter 1.
    const x = await bookAndCheckIn(t, op, { session: "08:00", checkInAt: at(-150) });
    await serve(x, 1, -140, -130);
    // A: wait 10, service 10 (call 10:10 → finish 10:20), counter 1.
    const a = await bookAndCheckIn(t, op, { checkInAt: at(0) });
    await serve(a, 1, 10, 20);
    // B: wait 4, service 15, counter 1.
    const b = await bookAndCheckIn(t, op, { checkInAt: at(21) });
    await serve(b, 1, 25, 40);
    // C (KTP): first call at counter 1 after 9 min, transferred to counter 2, called there at 60, finished at 70:
    // wait 9 (first call), service 10 (the answered call → finish), counter 2.
    const c = await bookAndCheckIn(t, op, { service: "ktp", checkInAt: at(41) });
    await callNext(op, { counterNumber: 1 }, { now: at(50) });
    await startService(op, { ...c, counterNumber: 1 }, { now: at(51) });
    await transfer(op, { reference: c.reference, toCounterNumber: 2 }, { now: at(55) });
    await serve(c, 2, 60, 70);
    // D: wait 4, three calls, no-show; counter 1.
    const d = await bookAndCheckIn(t, op, { checkInAt: at(71) });
    await callNext(op, { counterNumber: 1 }, { now: at(75) });
    await recall(op, { counterNumber: 1, reference: d.reference }, { now: at(76) });
    await recall(op, { counterNumber: 1, reference: d.reference }, { now: at(77) });
    await markNoShow(op, { ...d, counterNumber: 1 }, { now: at(78) });
    // E: booked, cancelled, booked again by the same person: two bookings, one cancelled.
    const nikE = adultNik();
    const e1 = await createBooking(
      who, { office: t.office.slug, service: "kk", date: TODAY, session: "11:00", nik: nikE, name: "Warga E", phone: `+62${uniquePhone().slice(1)}` }, { locale: "id", now: DAY_BEFORE }
    );
    await cancelBooking(who, { reference: e1.reference, nik: nikE }, { locale: "id", now: minute(DAY_BEFORE, 1) });
    const e2 = await bookToday(t, { nik: nikE, session: "11:00" });
    // F: walk-in at 11:21, called at counter 2 at 11:25, finished 11:30: wait 4, service 5.
    const f = await assistBooking(op, { channel: "walk_in", service: "kk", date: TODAY, session: "11:00", nik: adultNik(), name: "Warga F", phone: `+62${uniquePhone().slice(1)}` }, { now: at(81) });
    await serve({ reference: f.booking.reference, nik: "", queueNumber: "" }, 2, 85, 90);
    // E2 arrives after F was called (so F's call takes F): checked in at 11:35, never called.
    await checkInBooking(op, { reference: e2.reference, nik: nikE }, { now: at(95) });
    // G: booked, never came. H: booked for tomorrow at 23:50 local on the 1st (16:50 UTC).
    await bookToday(t);
    await createBooking(
      who, { office: t.office.slug, service: "kk", date: TOMORROW, session: "09:00", nik: adultNik(), name: "Warga H", phone: `+62${uniquePhone().slice(1)}` }, { locale: "id", now: new Date("2026-12-01T16:50:00Z") }
    );
    // Survey: X answers all 4, A all 3 → every NRR 3.5 → IKM 87.5, B.
    await submitSurvey(who, { ...all(4), reference: x.reference, nik: x.nik }, { now: at(100) });
    await submitSurvey(who, { ...all(3), reference: a.reference, nik: a.nik }, { now: at(100) });
  });
  afterAll(() => testDb.dispose());

  it("counts the day by status, channel, service and counter, with exact median and p90", async () => {
    const report = await getReport(supervisor, { from: TODAY, to: TOMORROW, groupBy: "day" });
    const today = report.periods.find((p) => p.key === TODAY)!;
    expect(today).toMatchObject({ booked: 9, checkedIn: 7, served: 5, noShow: 1, cancelled: 1, expired: 0 });
    // Waits 10, 10, 4, 9, 4, 4 → median (4 + 9) / 2; p90 between the two 10s. Services 10, 10, 15, 10, 5 → 10; 10 + 0.6 × 5.
    expect(today).toMatchObject({ waitMedian: 6.5, waitP90: 10, serviceMedian: 10, serviceP90: 13 });
    expect(report.periods.find((p) => p.key === TOMORROW)).toMatchObject({ booked: 1, checkedIn: 0, served: 0 });
    expect(report.total).toMatchObject({ booked: 10, checkedIn: 7, served: 5, noShow: 1, cancelled: 1 });
    expect(Object.fromEntries(report.channels.map((c) => [c.key, c.booked]))).toEqual({ online: 9, walk_in: 1 });
    expect(Object.fromEntries(report.services.map((s) => [s.label, s.booked]))).toEqual({ "Kartu Keluarga": 9, "KTP-el": 1 });
    const byCounter = Object.fromEntries(report.counters.map((c) => [c.label, [c.booked, c.served]]));
    expect(byCounter).toEqual({ "Loket 1": [4, 3], "Loket 2": [2, 2], "Belum dipanggil": [4, 0] });
  });

  it("groups by the office-local hour of check-in", async () => {
    const report = await getReport(supervisor, { from: TODAY, to: TODAY, groupBy: "day" });
    expect(report.hours.map((h) => [h.hour, h.checkedIn, h.served])).toEqual([
      [7, 1, 1],
      [10, 3, 3],
      [11, 3, 1],
    ]);
    expect(report.hours.find((h) => h.hour === 10)).toMatchObject({ waitMedian: 9, waitP90: 9.8 });
  });

  it("adds up the same visits by week and by month (weeks start on Monday)", async () => {
    const week = await getReport(supervisor, { from: TODAY, to: TOMORROW, groupBy: "week" });
    expect(week.periods.map((p) => [p.key, p.booked, p.served])).toEqual([["2026-11-30", 10, 5]]);
    const month = await getReport(supervisor, { from: "2026-11-01", to: "2026-12-31", groupBy: "month" });
    expect(month.periods.map((p) => [p.key, p.booked, p.waitMedian])).toEqual([["2026-12-01", 10, 6.5]]);
  });

  it("shows each date's quota and what was used (all but the cancelled)", async () => {
    const report = await getReport(supervisor, { from: TODAY, to: TOMORROW, groupBy: "day" });
    expect(report.quota.find((q) => q.date === TODAY)).toEqual({ date: TODAY, open: true, capacity: 40, used: 8, onlineCapacity: 40, onlineUsed: 7, filledAt: null });
    expect(report.quota.find((q) => q.date === TOMORROW)).toMatchObject({ used: 1, onlineUsed: 1 });
  });

  it("finds the minute the online places ran out, counting a cancellation as a place returned", async () => {
    const small = await createTestOffice(db(), { office: { dailyCap: 2 } });
    const sup = actorOf(await createTestStaff(db(), small.office.id, { role: "supervisor" }));
    const book = async (m: number) => {
      const nik = adultNik();
      const made = await createBooking(
        who, { office: small.office.slug, service: "kk", date: TOMORROW, session: "09:00", nik, name: "Warga", phone: `+62${uniquePhone().slice(1)}` }, { locale: "id", now: minute(DAY_BEFORE, m) }
      );
      // createBooking stamps the real clock; the report reads created_at, so pin it to the test's minute.
      await db().update(bookings).set({ createdAt: minute(DAY_BEFORE, m) }).where(eq(bookings.reference, made.reference));
      return { reference: made.reference, nik };
    };
    const first = await book(0);
    await book(1); // held 2 of 2: full at 10:01 …
    await cancelBooking(who, { reference: first.reference, nik: first.nik }, { locale: "id", now: minute(DAY_BEFORE, 2) });
    await book(3); // … but the first time counts
    const report = await getReport(sup, { from: TOMORROW, to: TOMORROW, groupBy: "day" });
    expect(report.quota[0]).toMatchObject({ capacity: 2, used: 2, onlineUsed: 2, filledAt: minute(DAY_BEFORE, 1).toISOString().replace(".000", "") });
  });

  it("computes the IKM per period, service and counter from the survey", async () => {
    const report = await getReport(supervisor, { from: TODAY, to: TOMORROW, groupBy: "day" });
    expect(report.ikm.total).toMatchObject({ responses: 2, ikm: 87.5, grade: "B" });
    expect(report.ikm.periods).toMatchObject([{ key: TODAY, responses: 2, ikm: 87.5 }]);
    expect(report.ikm.counters).toMatchObject([{ label: "Loket 1", responses: 2 }]);
  });

  it("prints a counter's day in the order of first calls, masked NIKs only", async () => {
    const manifest = await getCounterManifest(supervisor, { date: TODAY, counterNumber: 2 });
    expect(manifest.rows.map((r) => [r.channel, r.status])).toEqual([
      ["online", "done"],
      ["walk_in", "done"],
    ]);
    expect((await getCounterManifest(supervisor, { date: TODAY, counterNumber: 1 })).rows.map((r) => r.status)).toEqual(["done", "done", "done", "no_show"]);
    expect(JSON.stringify(manifest)).toMatch(/\*{8}/);
    // Without a date: today in the office's zone (17:30 UTC on 30 November is already 1 December in Jakarta).
    const today = await getCounterManifest(supervisor, { counterNumber: 2 }, { now: new Date(`2026-11-30T17:30:00Z`) });
    expect([today.date, today.timezone, today.rows]).toEqual([TODAY, "Asia/Jakarta", manifest.rows]);
    await expect(getCounterManifest(op, { date: TODAY, counterNumber: 1 })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("refuses operators and other offices' supervisors", async () => {
    await expect(getReport(op, { from: TODAY, to: TODAY, groupBy: "day" })).rejects.toMatchObject({ code: "forbidden", status: 403 });
    const other = await createTestOffice(db());
    const stranger = actorOf(await createTestStaff(db(), other.office.id, { role: "supervisor" }));
    await expect(getReport(stranger, { from: TODAY, to: TODAY, groupBy: "day", office: t.office.slug })).rejects.toMatchObject({ code: "forbidden" });
    expect((await getReport(stranger, { from: TODAY, to: TOMORROW, groupBy: "day" })).total.booked).toBe(0);
    await expect(getReport(who, { from: TODAY, to: TODAY, groupBy: "day" })).rejects.toMatchObject({ code: "unauthorized" });
  });
});

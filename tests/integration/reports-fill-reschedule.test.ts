import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLogs, bookings } from "@/db/schema";
import { citizen, type Actor } from "@/lib/auth/actor";
import { createBooking, rescheduleBooking } from "@/lib/dal/bookings";
import { getReport } from "@/lib/dal/reports/summary";
import { addDays } from "@/lib/dates";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, TOMORROW, uniquePhone, type TestOffice } from "../helpers/fixtures";
import { DAY_BEFORE } from "../helpers/queue";
import { actorOf, createTestStaff } from "../helpers/staff";

const minute = (m: number) => new Date(DAY_BEFORE.getTime() + m * 60_000);
const iso = (m: number) => minute(m).toISOString().replace(".000", "");
const D1 = TOMORROW;
const D2 = addDays(TOMORROW, 1);

/**
 * The minute each date's online places ran out, with reschedules replayed in time: a move returns the
 * place on the old date and takes one on the new date at the minute of the move (hand-counted below;
 * the old rule, which saw only created_at and the current date, gives D1 10:04 and D2 10:02).
 */
describe.each(DATABASE_KINDS)("fill minute with reschedules on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;
  let supervisor: Actor;
  const db = () => testDb.handle.db;
  const who = citizen("127.0.0.1");

  async function book(date: string, m: number) {
    const nik = adultNik();
    const phone = `+62${uniquePhone().slice(1)}`;
    const made = await createBooking(who, { office: t.office.slug, service: "kk", date, session: "09:00", nik, name: "Warga", phone }, { locale: "id", now: minute(m) });
    // The rows take the database's clock; the report reads them, so pin them to the test's minute.
    await db().update(bookings).set({ createdAt: minute(m) }).where(eq(bookings.reference, made.reference));
    return { reference: made.reference, nik, phone };
  }

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
    t = await createTestOffice(db(), { office: { dailyCap: 2 } });
    supervisor = actorOf(await createTestStaff(db(), t.office.id, { role: "supervisor" }));
    await book(D1, 0); // D1 holds 1
    await book(D2, 1); // D2 holds 1
    const b = await book(D1, 2); // D1 holds 2: full at 10:02
    await rescheduleBooking(who, { reference: b.reference, nik: b.nik, phoneLast4: b.phone.slice(-4), date: D2, session: "10:00" }, { locale: "id", now: minute(3) });
    const [row] = await db().select().from(bookings).where(eq(bookings.reference, b.reference));
    await db().update(auditLogs).set({ createdAt: minute(3) }).where(and(eq(auditLogs.bookingId, row!.id), eq(auditLogs.action, "booking.reschedule")));
    // 10:03: D1 back to 1, D2 holds 2: full at 10:03.
    await book(D1, 4); // D1 holds 2 again; the first time still counts
  });
  afterAll(() => testDb.dispose());

  it("counts a moved booking on its first date until the move, then on the new date", async () => {
    const report = await getReport(supervisor, { from: D1, to: D2, groupBy: "day" });
    expect(report.quota.find((q) => q.date === D1)).toMatchObject({ used: 2, onlineUsed: 2, filledAt: iso(2) });
    expect(report.quota.find((q) => q.date === D2)).toMatchObject({ used: 2, onlineUsed: 2, filledAt: iso(3) });
  });

  it("sees a move into the range from a date outside it, and out of the range", async () => {
    expect((await getReport(supervisor, { from: D2, to: D2, groupBy: "day" })).quota[0]).toMatchObject({ filledAt: iso(3) });
    expect((await getReport(supervisor, { from: D1, to: D1, groupBy: "day" })).quota[0]).toMatchObject({ filledAt: iso(2) });
  });

  it("ignores a move within the same date (only the session changes)", async () => {
    const c = await book(addDays(TOMORROW, 2), 10);
    await rescheduleBooking(who, { reference: c.reference, nik: c.nik, phoneLast4: c.phone.slice(-4), date: addDays(TOMORROW, 2), session: "11:00" }, { locale: "id", now: minute(11) });
    const report = await getReport(supervisor, { from: addDays(TOMORROW, 2), to: addDays(TOMORROW, 2), groupBy: "day" });
    expect(report.quota[0]).toMatchObject({ used: 1, filledAt: null });
  });
});

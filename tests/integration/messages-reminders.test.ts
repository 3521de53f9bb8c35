import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLogs, bookings, messages } from "@/db/schema";
import { citizen } from "@/lib/auth/actor";
import { updateReminders } from "@/lib/dal/booking-reminders";
import { cancelBooking, createBooking } from "@/lib/dal/bookings";
import { scheduleReminders } from "@/lib/messages/worker";
import { appErrorOf, bookingRequest } from "../helpers/bookings";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, NOW } from "../helpers/fixtures";

const visitor = citizen("127.0.0.1");

const ctx = { locale: "id" as const, now: NOW };
const D3 = "2026-12-03";

describe.each(DATABASE_KINDS)("day-before reminders on %s", (kind) => {
  let testDb: TestDatabase;
  const db = () => testDb.handle.db;
  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
  });
  afterAll(() => testDb.dispose());

  /** A booking on `date`, made at `createdAt`; returns its id and NIK. */
  async function book(officeSlug: Awaited<ReturnType<typeof createTestOffice>>, date: string, createdAt = new Date("2026-11-30T01:00:00Z")) {
    const nik = adultNik();
    const created = await createBooking(visitor, bookingRequest(officeSlug, { nik, date }), ctx);
    const [row] = await db().update(bookings).set({ createdAt }).where(eq(bookings.reference, created.reference)).returning({ id: bookings.id });
    return { id: row!.id, nik, reference: created.reference };
  }
  const remindersOf = async (bookingId: string) => db().select().from(messages).where(and(eq(messages.bookingId, bookingId), eq(messages.kind, "reminder")));

  it("from 16:00 office time the day before, once, in the office's own zone; none across the day boundary", async () => {
    const t = await createTestOffice(db());
    const jayapura = await createTestOffice(db(), { office: { timezone: "Asia/Jayapura" } });
    const tomorrow = await book(t, "2026-12-02");
    const later = await book(t, D3);
    const east = await book(jayapura, "2026-12-02");

    await scheduleReminders(db(), new Date("2026-12-01T07:00:00Z"), "16:00"); // 14:00 WIB, 16:00 WIT
    expect(await remindersOf(tomorrow.id)).toHaveLength(0);
    expect(await remindersOf(east.id)).toHaveLength(1);

    await scheduleReminders(db(), new Date("2026-12-01T08:59:59Z"), "16:00"); // 15:59:59 WIB
    expect(await remindersOf(tomorrow.id)).toHaveLength(0);
    await scheduleReminders(db(), new Date("2026-12-01T09:00:00Z"), "16:00"); // 16:00 WIB
    await scheduleReminders(db(), new Date("2026-12-01T12:00:00Z"), "16:00"); // a later pass writes nothing twice
    const [reminder] = await remindersOf(tomorrow.id);
    expect(await remindersOf(tomorrow.id)).toHaveLength(1);
    expect(reminder).toMatchObject({ status: "queued", channel: "whatsapp", nextAttemptAt: new Date("2026-12-01T09:00:00Z") });
    expect(reminder!.params.date).toBe("2026-12-02");
    expect(await remindersOf(later.id)).toHaveLength(0);

    // 06:00 on 2 December in Jakarta is still 1 December in UTC: the D3 visit is not "tomorrow" yet.
    await scheduleReminders(db(), new Date("2026-12-01T23:00:00Z"), "16:00");
    expect(await remindersOf(later.id)).toHaveLength(0);
    await scheduleReminders(db(), new Date("2026-12-02T09:00:00Z"), "16:00");
    expect(await remindersOf(later.id)).toHaveLength(1);
  });

  it("none for a booking made after the reminder time, a cancelled one, or one whose citizen opted out", async () => {
    const t = await createTestOffice(db());
    const late = await book(t, "2026-12-02", new Date("2026-12-01T09:30:00Z")); // made at 16:30 WIB
    const cancelled = await book(t, "2026-12-02");
    const optedOut = await book(t, "2026-12-02");
    await cancelBooking(visitor, { reference: cancelled.reference, nik: cancelled.nik }, ctx);
    await updateReminders(visitor, { reference: optedOut.reference, nik: optedOut.nik, enabled: false }, ctx);

    await scheduleReminders(db(), new Date("2026-12-01T10:00:00Z"), "16:00");
    for (const b of [late, cancelled, optedOut]) expect(await remindersOf(b.id)).toHaveLength(0);
    expect(await db().$count(auditLogs, and(eq(auditLogs.bookingId, optedOut.id), eq(auditLogs.action, "booking.reminders_off")))).toBe(1);
  });

  it("opting out after the reminder was queued withdraws it; a wrong NIK changes nothing", async () => {
    const t = await createTestOffice(db());
    const b = await book(t, "2026-12-02");
    await scheduleReminders(db(), new Date("2026-12-01T09:00:00Z"), "16:00");
    expect((await remindersOf(b.id))[0]?.status).toBe("queued");

    const error = await appErrorOf(updateReminders(visitor, { reference: b.reference, nik: adultNik(), enabled: false }, ctx));
    expect(error.status).toBe(404);
    expect((await remindersOf(b.id))[0]?.status).toBe("queued");

    await updateReminders(visitor, { reference: b.reference, nik: b.nik, enabled: false }, ctx);
    expect((await remindersOf(b.id))[0]?.status).toBe("cancelled");
    const [row] = await db().select({ off: bookings.remindersOptedOutAt }).from(bookings).where(eq(bookings.id, b.id));
    expect(row!.off).not.toBeNull();
  });
});

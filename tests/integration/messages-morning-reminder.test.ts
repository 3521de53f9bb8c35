import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { bookings, messages } from "@/db/schema";
import { citizen } from "@/lib/auth/actor";
import { updateReminders } from "@/lib/dal/booking-reminders";
import { cancelBooking, createBooking, rescheduleBooking } from "@/lib/dal/bookings";
import { DEFAULT_TEMPLATES, renderMessage } from "@/lib/messages/templates";
import { scheduleMorningReminders } from "@/lib/messages/morning-reminder";
import { runMessagesOnce } from "@/lib/messages/worker";
import { bookingRequest } from "../helpers/bookings";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, NOW, TOMORROW, type TestOffice } from "../helpers/fixtures";

const visitor = citizen("127.0.0.1");

const ctx = { locale: "id" as const, now: NOW };
/** 07:00 on 2 December in Jakarta (UTC+7) is 00:00 UTC; in Jayapura (UTC+9) it is 22:00 UTC the day before. */
const WIB_0700 = new Date("2026-12-02T00:00:00Z");

describe.each(DATABASE_KINDS)("morning-of-visit reminders on %s", (kind) => {
  let testDb: TestDatabase;
  const db = () => testDb.handle.db;
  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
  });
  afterAll(() => testDb.dispose());

  async function book(t: TestOffice, over: Parameters<typeof bookingRequest>[1] = {}) {
    const nik = adultNik();
    const created = await createBooking(visitor, bookingRequest(t, { nik, ...over }), ctx);
    const [row] = await db().select({ id: bookings.id }).from(bookings).where(eq(bookings.reference, created.reference));
    return { id: row!.id, nik, reference: created.reference };
  }
  const mornings = (bookingId: string) => db().select().from(messages).where(and(eq(messages.bookingId, bookingId), eq(messages.kind, "reminder_morning")));

  it("from the set time on the visit's day, in the office's own zone, once; nothing across the day boundary before it", async () => {
    const t = await createTestOffice(db());
    const east = await createTestOffice(db(), { office: { timezone: "Asia/Jayapura" } });
    const b = await book(t);
    const e = await book(east);

    expect(await scheduleMorningReminders(db(), new Date("2026-12-01T21:59:59Z"), "07:00")).toBe(0); // 06:59:59 WIT
    await scheduleMorningReminders(db(), new Date("2026-12-01T22:00:00Z"), "07:00"); // 07:00 WIT, 05:00 WIB
    expect(await mornings(e.id)).toHaveLength(1);
    expect(await mornings(b.id)).toHaveLength(0);
    await scheduleMorningReminders(db(), new Date("2026-12-01T23:59:59Z"), "07:00"); // 06:59:59 WIB; UTC still says 1 December
    expect(await mornings(b.id)).toHaveLength(0);
    await scheduleMorningReminders(db(), WIB_0700, "07:00");
    await scheduleMorningReminders(db(), new Date("2026-12-02T01:00:00Z"), "07:00");
    const [m] = await mornings(b.id);
    expect(await mornings(b.id)).toHaveLength(1);
    expect(m).toMatchObject({ status: "queued", channel: "whatsapp", nextAttemptAt: WIB_0700 });
    expect(m!.params.date).toBe(TOMORROW);
    const text = renderMessage(DEFAULT_TEMPLATES.id.reminder_morning, m!.params, "id", "https://a.example").text;
    expect(text).toContain("hari ini");
    expect(text).not.toContain(b.nik);
    // The day before's reminder is another kind: the morning one never replaces or repeats it.
    expect(await db().$count(messages, and(eq(messages.bookingId, b.id), eq(messages.kind, "reminder")))).toBe(0);
  });

  it("none for cancelled, checked-in, finished, opted-out, late-made bookings, nor once the session has started", async () => {
    const t = await createTestOffice(db());
    const cancelled = await book(t);
    await cancelBooking(visitor, { reference: cancelled.reference, nik: cancelled.nik }, ctx);
    const checkedIn = await book(t);
    await db().update(bookings).set({ status: "checked_in" }).where(eq(bookings.id, checkedIn.id));
    const done = await book(t);
    await db().update(bookings).set({ status: "done" }).where(eq(bookings.id, done.id));
    const optedOut = await book(t);
    await updateReminders(visitor, { reference: optedOut.reference, nik: optedOut.nik, enabled: false }, ctx);
    const late = await book(t);
    await db().update(bookings).set({ createdAt: new Date("2026-12-02T00:30:00Z") }).where(eq(bookings.id, late.id));
    const early = await book(t, { session: "08:00" });
    const ok = await book(t, { session: "13:00" });

    await scheduleMorningReminders(db(), new Date("2026-12-02T01:30:00Z"), "07:00"); // 08:30 WIB
    for (const b of [cancelled, checkedIn, done, optedOut, late, early]) expect(await mornings(b.id), b.reference).toHaveLength(0);
    expect(await mornings(ok.id)).toHaveLength(1);
  });

  it("a waiting morning reminder is withdrawn when the booking is cancelled, moved or opted out; off unless configured", async () => {
    const t = await createTestOffice(db());
    const a = await book(t);
    const b = await book(t);
    const c = await book(t, { session: "12:00" });
    await runMessagesOnce(db(), { channels: {}, baseUrl: "http://x", maxAttempts: 3 }, WIB_0700);
    expect(await mornings(a.id)).toHaveLength(0);
    await runMessagesOnce(db(), { channels: {}, baseUrl: "http://x", maxAttempts: 3, morningReminderAt: "07:00" }, WIB_0700);
    for (const x of [a, b, c]) expect((await mornings(x.id))[0]?.status).toBe("no_channel");

    const day = { ...ctx, now: new Date("2026-12-02T00:10:00Z") };
    await cancelBooking(visitor, { reference: a.reference, nik: a.nik }, day);
    await rescheduleBooking(visitor, { reference: b.reference, nik: b.nik, date: "2026-12-03", session: "09:00" }, ctx);
    await updateReminders(visitor, { reference: c.reference, nik: c.nik, enabled: false }, day);
    await scheduleMorningReminders(db(), new Date("2026-12-02T00:20:00Z"), "07:00");
    for (const x of [a, b, c]) expect((await mornings(x.id)).map((m) => m.status)).toEqual(["cancelled"]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLogs, bookings, messages, priorityRebookings } from "@/db/schema";
import { citizen, SYSTEM } from "@/lib/auth/actor";
import { createBooking } from "@/lib/dal/bookings";
import { cancelWithPriorityRebooking } from "@/lib/dal/priority-rebooking";
import { QUEUE_CHANNEL, type QueueEvent } from "@/lib/dal/queue-events";
import { renderMessage, DEFAULT_TEMPLATES } from "@/lib/messages/templates";
import { verifyPriorityToken } from "@/lib/priority-token";
import { bookingRequest, usageOf } from "../helpers/bookings";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, NOW, TOMORROW } from "../helpers/fixtures";

const visitor = citizen("127.0.0.1");

const ctx = { locale: "id" as const, now: NOW };
const reason = { id: "SIAK tidak dapat diakses", en: "SIAK is down" };

describe.each(DATABASE_KINDS)("priority rebooking core on %s", (kind) => {
  let testDb: TestDatabase;
  const db = () => testDb.handle.db;
  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
  });
  afterAll(() => testDb.dispose());

  it("cancels in the caller's transaction, frees the places, audits, grants 72 h and queues the notice with the link", async () => {
    const t = await createTestOffice(db());
    const nik = adultNik();
    const a = await createBooking(visitor, bookingRequest(t, { nik, email: "warga@example.test" }), ctx);
    const b = await createBooking(visitor, bookingRequest(t), { ...ctx, locale: "en" });
    const [rowA] = await db().select().from(bookings).where(eq(bookings.reference, a.reference));
    const [rowB] = await db().select().from(bookings).where(eq(bookings.reference, b.reference));
    expect(await usageOf(db(), t.office.id, TOMORROW, "session", "09:00")).toBe(2);

    const out = await db().transaction((tx) =>
      cancelWithPriorityRebooking(tx, { officeId: t.office.id, bookingIds: [rowA!.id, rowB!.id], source: "outage", reason, actor: SYSTEM, now: NOW }),
    );
    expect(out.map((o) => o.reference).sort()).toEqual([a.reference, b.reference].sort());
    expect(out[0]).not.toHaveProperty("nik");
    for (const o of out) {
      expect(o.expiresAt).toEqual(new Date(NOW.getTime() + 72 * 3600_000));
      const token = new URL(o.rebookPath, "http://x").searchParams.get("token")!;
      expect(verifyPriorityToken(token, o.reference, NOW)).toBe(true);
      expect(verifyPriorityToken(token, o.reference, o.expiresAt)).toBe(false);
      expect(verifyPriorityToken(token, o.reference === a.reference ? b.reference : a.reference, NOW)).toBe(false);
    }
    expect(await usageOf(db(), t.office.id, TOMORROW, "session", "09:00")).toBe(0);
    expect(await usageOf(db(), t.office.id, TOMORROW, "day")).toBe(0);
    const statuses = await db().select({ status: bookings.status }).from(bookings).where(eq(bookings.officeId, t.office.id));
    expect(statuses.every((s) => s.status === "cancelled")).toBe(true);
    expect(await db().$count(priorityRebookings, eq(priorityRebookings.officeId, t.office.id))).toBe(2);
    expect(await db().$count(auditLogs, and(eq(auditLogs.bookingId, rowA!.id), eq(auditLogs.action, "booking.cancel")))).toBe(1);

    const notices = await db().select().from(messages).where(and(eq(messages.bookingId, rowA!.id), eq(messages.kind, "outage")));
    expect(notices.map((m) => m.channel).sort()).toEqual(["email", "whatsapp"]);
    const generic = await db().select().from(messages).where(and(eq(messages.bookingId, rowA!.id), eq(messages.kind, "cancelled")));
    expect(generic.every((m) => m.status === "cancelled")).toBe(true);
    const params = notices[0]!.params;
    expect(params.reason).toBe(reason.id);
    expect(params.rebookLink).toBe(out.find((o) => o.reference === a.reference)!.rebookPath);
    expect(JSON.stringify(notices)).not.toContain(nik);
    const rendered = renderMessage(DEFAULT_TEMPLATES.id.outage, params, "id", "https://antrean.example");
    expect(rendered.text).toContain(`https://antrean.example${params.rebookLink}`);
    expect(rendered.text).toContain(reason.id);
    expect(rendered.text).not.toContain(nik);
    const [english] = await db().select().from(messages).where(and(eq(messages.bookingId, rowB!.id), eq(messages.kind, "outage")));
    expect(english!.params.reason).toBe(reason.en);
    expect(renderMessage(DEFAULT_TEMPLATES.en.outage, english!.params, "en", "https://a.example").text).toMatch(/priority.*https:\/\/a\.example\/booking\//s);
  });

  it("skips bookings already checked in or cancelled, and rolls back with the caller", async () => {
    const t = await createTestOffice(db());
    const a = await createBooking(visitor, bookingRequest(t), ctx);
    const [row] = await db().update(bookings).set({ status: "checked_in" }).where(eq(bookings.reference, a.reference)).returning();
    const out = await db().transaction((tx) =>
      cancelWithPriorityRebooking(tx, { officeId: t.office.id, bookingIds: [row!.id], source: "closure", reason, actor: SYSTEM, now: NOW }),
    );
    expect(out).toEqual([]);

    const b = await createBooking(visitor, bookingRequest(t), ctx);
    const [rowB] = await db().select().from(bookings).where(eq(bookings.reference, b.reference));
    await expect(
      db().transaction(async (tx) => {
        await cancelWithPriorityRebooking(tx, { officeId: t.office.id, bookingIds: [rowB!.id], source: "capacity", reason, actor: SYSTEM, now: NOW });
        throw new Error("the caller fails");
      }),
    ).rejects.toThrow("the caller fails");
    const [after] = await db().select().from(bookings).where(eq(bookings.id, rowB!.id));
    expect(after!.status).toBe("booked");
    expect(await db().$count(priorityRebookings, eq(priorityRebookings.bookingId, rowB!.id))).toBe(0);
    expect(await db().$count(messages, and(eq(messages.bookingId, rowB!.id), eq(messages.kind, "outage")))).toBe(0);
  });

  it("moves only what the transition table allows, audits from → to and announces the change on the office's queue channel", async () => {
    const t = await createTestOffice(db());
    const a = await createBooking(visitor, bookingRequest(t), ctx);
    const b = await createBooking(visitor, bookingRequest(t), ctx);
    await db().update(bookings).set({ status: "checked_in" }).where(eq(bookings.reference, b.reference));
    const ids = (await db().select({ id: bookings.id }).from(bookings).where(eq(bookings.officeId, t.office.id))).map((r) => r.id);
    const heard: QueueEvent[] = [];
    const unlisten = await testDb.handle.listen(QUEUE_CHANNEL, (payload) => heard.push(JSON.parse(payload) as QueueEvent));
    try {
      const out = await db().transaction((tx) =>
        cancelWithPriorityRebooking(tx, { officeId: t.office.id, bookingIds: ids, source: "outage", reason, actor: SYSTEM, now: NOW }),
      );
      expect(out.map((o) => o.reference)).toEqual([a.reference]);
      await expect.poll(() => heard.filter((e) => e.officeId === t.office.id)).toHaveLength(1);
    } finally {
      await unlisten();
    }
    expect(heard.find((e) => e.officeId === t.office.id)).toMatchObject({ kind: "update" });
    const statuses = await db().select({ reference: bookings.reference, status: bookings.status }).from(bookings).where(eq(bookings.officeId, t.office.id));
    expect(Object.fromEntries(statuses.map((r) => [r.reference, r.status]))).toEqual({ [a.reference]: "cancelled", [b.reference]: "checked_in" });
    const audits = await db().select().from(auditLogs).where(and(eq(auditLogs.officeId, t.office.id), eq(auditLogs.action, "booking.cancel")));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.details).toMatchObject({ from: "booked", to: "cancelled", source: "outage", reason: reason.id });
  });

  it("never cancels another office's booking", async () => {
    const t = await createTestOffice(db());
    const other = await createTestOffice(db());
    const a = await createBooking(visitor, bookingRequest(other), ctx);
    const [row] = await db().select().from(bookings).where(eq(bookings.reference, a.reference));
    const out = await db().transaction((tx) =>
      cancelWithPriorityRebooking(tx, { officeId: t.office.id, bookingIds: [row!.id], source: "outage", reason, actor: SYSTEM, now: NOW }),
    );
    expect(out).toEqual([]);
    const [after] = await db().select().from(bookings).where(eq(bookings.id, row!.id));
    expect(after!.status).toBe("booked");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { bookings, messages } from "@/db/schema";
import { citizen } from "@/lib/auth/actor";
import { cancelBooking, createBooking, rescheduleBooking } from "@/lib/dal/bookings";
import { buildOutgoing } from "@/lib/messages/outgoing";
import { bookingRequest } from "../helpers/bookings";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, NOW } from "../helpers/fixtures";

const visitor = citizen("127.0.0.1");

const ctx = { locale: "id" as const, now: NOW };

describe.each(DATABASE_KINDS)("the outbox trigger on %s", (kind) => {
  let testDb: TestDatabase;
  const db = () => testDb.handle.db;
  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
  });
  afterAll(() => testDb.dispose());

  const outboxOf = async (bookingId: string) =>
    (await db().select().from(messages).where(eq(messages.bookingId, bookingId))).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.channel.localeCompare(b.channel));
  const idOf = async (reference: string) => (await db().select({ id: bookings.id }).from(bookings).where(eq(bookings.reference, reference)))[0]!.id;

  it("a booking writes its confirmation per channel in the same transaction, with the parameters and no NIK", async () => {
    const t = await createTestOffice(db());
    const nik = adultNik();
    const created = await createBooking(visitor, bookingRequest(t, { nik, phone: "+6281234500001", email: "siti@example.test" }), ctx);
    const rows = await outboxOf(await idOf(created.reference));
    expect(rows.map((r) => [r.kind, r.channel, r.recipient, r.status])).toEqual([
      ["confirmation", "email", "siti@example.test", "queued"],
      ["confirmation", "whatsapp", "6281234500001", "queued"],
    ]);
    expect(rows[0]!.params).toMatchObject({ reference: created.reference, queueNumber: created.queueNumber, date: created.date, sessionStart: "09:00", arriveBy: "08:45", link: `/booking/${created.reference}` });
    expect(rows[0]!.idempotencyKey).not.toBe(rows[1]!.idempotencyKey);
    expect(JSON.stringify(rows)).not.toContain(nik);
  });

  it("moving writes one 'moved' per move, even back to a former slot; cancelling writes 'cancelled' and drops a waiting reminder", async () => {
    const t = await createTestOffice(db());
    const nik = adultNik();
    const created = await createBooking(visitor, bookingRequest(t, { nik, session: "09:00" }), ctx);
    const id = await idOf(created.reference);
    await rescheduleBooking(visitor, { reference: created.reference, nik, date: created.date, session: "10:00" }, ctx);
    await rescheduleBooking(visitor, { reference: created.reference, nik, date: created.date, session: "09:00" }, ctx);
    await db().insert(messages).values({ officeId: t.office.id, bookingId: id, kind: "reminder", channel: "whatsapp", recipient: "62", params: (await outboxOf(id))[0]!.params, idempotencyKey: `test-reminder-${id}` });
    await cancelBooking(visitor, { reference: created.reference, nik }, ctx);
    const rows = await outboxOf(id);
    // The reminder row (written by the test) and the cancel's row can share a millisecond: compare as a set.
    expect(rows.map((r) => `${r.kind}:${r.status}`).sort()).toEqual(["cancelled:queued", "confirmation:queued", "moved:queued", "moved:queued", "reminder:cancelled"]);
    expect(rows.filter((r) => r.kind === "moved").map((r) => r.params.sessionStart).sort()).toEqual(["09:00", "10:00"]);
  });

  it("a booking made in English stores its language: its confirmation and survey are English, an Indonesian one's are not", async () => {
    const t = await createTestOffice(db());
    const created = await createBooking(visitor, bookingRequest(t), { ...ctx, locale: "en" });
    const id = await idOf(created.reference);
    const [row] = await db().select({ language: bookings.language }).from(bookings).where(eq(bookings.id, id));
    expect(row!.language).toBe("en");
    const confirmation = (await outboxOf(id)).find((r) => r.kind === "confirmation")!;
    expect(confirmation).toMatchObject({ language: "en", status: "queued" });
    expect(confirmation.params.service).toBe("ID card");
    const outgoing = await buildOutgoing(db(), confirmation, "Asia/Jakarta", "https://antrean.test", NOW);
    expect(outgoing.text).toContain("Your booking at");
    const indonesian = await createBooking(visitor, bookingRequest(t), ctx);
    expect((await outboxOf(await idOf(indonesian.reference)))[0]).toMatchObject({ kind: "confirmation", language: "id" });
    await db().update(bookings).set({ status: "done", finishedAt: NOW }).where(eq(bookings.id, id));
    const survey = (await outboxOf(id)).find((r) => r.kind === "survey")!;
    expect(survey).toMatchObject({ language: "en", status: "queued" });
    expect(survey.params.service).toBe("ID card");
  });

  it("purging a booking's personal data clears the outbox's addresses and texts too", async () => {
    const t = await createTestOffice(db());
    const created = await createBooking(visitor, bookingRequest(t, { email: "purge@example.test" }), ctx);
    const id = await idOf(created.reference);
    await db().update(messages).set({ renderedText: "Booking Anda …" }).where(eq(messages.bookingId, id));
    await db().update(bookings).set({ purgedAt: NOW, phone: null, email: null, fullName: null }).where(eq(bookings.id, id));
    const rows = await outboxOf(id);
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => [r.recipient, r.renderedText])).toEqual([
      [null, null],
      [null, null],
    ]);
  });
});

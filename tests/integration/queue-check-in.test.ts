import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { offices } from "@/db/schema";
import { eq } from "drizzle-orm";
import { toFormState } from "@/lib/actions/form-state";
import type { Actor } from "@/lib/auth/actor";
import { checkInBooking, setPriority } from "@/lib/dal/queue/check-in";
import { hashNik } from "@/lib/crypto";
import { createTranslator } from "@/lib/i18n/translate";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, NOW, type TestOffice } from "../helpers/fixtures";
import { at, auditActions, bookToday, kioskActor, listenQueue, rowOf } from "../helpers/queue";
import { actorOf, createTestStaff } from "../helpers/staff";

describe.each(DATABASE_KINDS)("check-in on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;
  let operator: Actor;
  const db = () => testDb.handle.db;

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
    t = await createTestOffice(db(), { office: { checkInOpensMinutes: 60, checkInGraceMinutes: 30 } });
    operator = actorOf(await createTestStaff(db(), t.office.id));
  });
  afterAll(() => testDb.dispose());

  it("on time (during the session, or from an hour before it): the session start is the place in the queue", async () => {
    const during = await bookToday(t, { session: "10:00" });
    const before = await bookToday(t, { session: "11:00" });
    const a = await checkInBooking(operator, { reference: during.reference, nik: during.nik }, { now: at(20) });
    const b = await checkInBooking(operator, { reference: before.reference, nik: before.nik }, { now: NOW });
    expect(a).toMatchObject({ alreadyCheckedIn: false, late: false, entry: { status: "checked_in" } });
    expect(b.late).toBe(false);
    expect((await rowOf(db(), during.reference)).queueSortAt?.toISOString()).toBe("2026-12-01T03:00:00.000Z");
    expect((await rowOf(db(), before.reference)).queueSortAt?.toISOString()).toBe("2026-12-01T04:00:00.000Z");
    expect(await auditActions(db(), during.reference)).toEqual(["booking.check_in", "booking.create"]);
  });

  it("too early: refused with the time check-in opens, nothing written", async () => {
    const early = await bookToday(t, { session: "12:00" });
    const error = await checkInBooking(operator, { reference: early.reference, nik: early.nik }, { now: NOW }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid_transition", messageKey: "queue.error.tooEarly", params: { time: "11:00" } });
    expect((await rowOf(db(), early.reference)).status).toBe("booked");
    expect(await auditActions(db(), early.reference)).toEqual(["booking.create"]);
  });

  it("late within the grace period, policy back_of_queue: checked in, ordered by the check-in time", async () => {
    const late = await bookToday(t, { session: "10:00" });
    const result = await checkInBooking(operator, { reference: late.reference, nik: late.nik }, { now: at(75) });
    expect(result.late).toBe(true);
    expect((await rowOf(db(), late.reference)).queueSortAt?.toISOString()).toBe(at(75).toISOString());
  });

  it("late within the grace period, policy refuse: a clear refusal", async () => {
    const strict = await createTestOffice(db(), { office: { lateArrivalPolicy: "refuse" } });
    const late = await bookToday(strict, { session: "10:00" });
    const staff = actorOf(await createTestStaff(db(), strict.office.id));
    await expect(checkInBooking(staff, { reference: late.reference, nik: late.nik }, { now: at(75) })).rejects.toMatchObject({
      code: "invalid_transition",
      messageKey: "queue.error.lateRefused",
    });
    expect((await rowOf(db(), late.reference)).status).toBe("booked");
  });

  it("after the grace period: closed", async () => {
    const missed = await bookToday(t, { session: "10:00" });
    await expect(checkInBooking(operator, { reference: missed.reference, nik: missed.nik }, { now: at(90) })).rejects.toMatchObject({
      code: "invalid_transition",
      messageKey: "queue.error.checkInClosed",
    });
  });

  it("another day's booking: refused as not today", async () => {
    const booked = await bookToday(t, { session: "10:00" });
    const tomorrow = new Date(NOW.getTime() + 86_400_000);
    await expect(checkInBooking(operator, { reference: booked.reference, nik: booked.nik }, { now: tomorrow })).rejects.toMatchObject({
      code: "invalid_transition",
      messageKey: "queue.error.notToday",
    });
  });

  it("the not-today refusal says the booking's date in words, in the reader's language", async () => {
    const booked = await bookToday(t, { session: "11:00" });
    // 20:00 UTC on 1 December is 03:00 on Wednesday 2 December in Jakarta: the office's day has moved on.
    const error = await checkInBooking(operator, { reference: booked.reference, nik: booked.nik }, { now: new Date("2026-12-01T20:00:00Z") }).catch((e: unknown) => e);
    expect(toFormState(error, createTranslator("id")).message).toBe("Booking ini untuk Selasa, 1 Desember 2026, bukan hari ini.");
    expect(toFormState(error, createTranslator("en")).message).toBe("This booking is for Tuesday, 1 December 2026, not today.");
  });

  it("is idempotent: a second check-in returns the booking unchanged, with no second audit row", async () => {
    const booked = await bookToday(t, { session: "10:00" });
    await checkInBooking(operator, { reference: booked.reference, nik: booked.nik }, { now: NOW });
    const before = await rowOf(db(), booked.reference);
    const again = await checkInBooking(operator, { reference: booked.reference, nik: booked.nik }, { now: at(5) });
    expect(again.alreadyCheckedIn).toBe(true);
    expect(await rowOf(db(), booked.reference)).toEqual(before);
    expect(await auditActions(db(), booked.reference)).toEqual(["booking.check_in", "booking.create"]);
  });

  it("a wrong NIK and an unknown reference get the same 404, and nothing changes", async () => {
    const booked = await bookToday(t, { session: "10:00" });
    const wrongNik = await checkInBooking(operator, { reference: booked.reference, nik: adultNik() }, { now: NOW }).catch((e: unknown) => e);
    const unknown = await checkInBooking(operator, { reference: "ZZZZ2222", nik: booked.nik }, { now: NOW }).catch((e: unknown) => e);
    expect(wrongNik).toMatchObject({ code: "not_found", messageKey: "error.notFound" });
    expect(unknown).toMatchObject({ code: "not_found", messageKey: "error.notFound" });
    expect(JSON.stringify(wrongNik)).not.toContain(booked.nik);
    expect((await rowOf(db(), booked.reference)).status).toBe("booked");
  });

  it("the kiosk checks in by the same rules and sees no name; the event carries no NIK or name", async () => {
    const kiosk = await kioskActor(db(), t.office.id);
    const listener = await listenQueue(testDb.handle);
    const booked = await bookToday(t, { session: "10:00" });
    const result = await checkInBooking(kiosk, { reference: booked.reference, nik: booked.nik }, { now: NOW });
    expect(result.entry).toMatchObject({ status: "checked_in", name: null, queueNumber: booked.queueNumber });
    const [event] = await listener.until(1);
    await listener.stop();
    expect(event).toEqual({ officeId: t.office.id, kind: "update", queueNumber: booked.queueNumber, at: NOW.toISOString() });
    const raw = listener.raw.join("\n");
    for (const secret of [booked.nik, hashNik(booked.nik), "Warga Uji", booked.nik.slice(0, 4) + "********"]) expect(raw).not.toContain(secret);
    await expect(checkInBooking(kiosk, { reference: booked.reference, nik: booked.nik }, { now: NOW })).resolves.toMatchObject({ alreadyCheckedIn: true });
  });

  it("staff mark disability/pregnancy priority before the call; elderly is set from the NIK at booking", async () => {
    const booked = await bookToday(t, { session: "10:00" });
    const elderly = await bookToday(t, { session: "10:00", elderly: true });
    const entry = await setPriority(operator, { reference: booked.reference, reason: "pregnant" }, { now: NOW });
    expect(entry).toMatchObject({ isPriority: true, priorityReason: "pregnant" });
    expect(await rowOf(db(), elderly.reference)).toMatchObject({ isPriority: true, priorityReason: "elderly" });
    expect(await auditActions(db(), booked.reference)).toEqual(["booking.create", "booking.set_priority"]);
  });

  it("elderly priority is not set when the office disables priority", async () => {
    await db().update(offices).set({ isPriorityEnabled: false }).where(eq(offices.id, t.office.id));
    const elderly = await bookToday(t, { session: "10:00", elderly: true });
    await db().update(offices).set({ isPriorityEnabled: true }).where(eq(offices.id, t.office.id));
    expect((await rowOf(db(), elderly.reference)).isPriority).toBe(false);
  });
});

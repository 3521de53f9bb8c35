import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLogs, bookings, type BookingStatus } from "@/db/schema";
import { citizen, type Actor } from "@/lib/auth/actor";
import { cancelBooking, rescheduleBooking } from "@/lib/dal/bookings";
import { callNext, recall } from "@/lib/dal/queue/calls";
import { checkInBooking } from "@/lib/dal/queue/check-in";
import { cancelByStaff, finishService, markNoShow, startService } from "@/lib/dal/queue/service";
import { transfer } from "@/lib/dal/queue/transfer";
import { isAppError } from "@/lib/errors";
import { BOOKING_STATUSES, canTransition, type QueueAction } from "@/lib/queue-transitions";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { createTestOffice, NOW, TOMORROW, type TestOffice } from "../helpers/fixtures";
import { at, bookToday, rowOf, type Booked } from "../helpers/queue";
import { actorOf, createTestStaff } from "../helpers/staff";

type Attempt = (b: Booked) => Promise<unknown>;

describe.each(DATABASE_KINDS)("illegal transitions on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;
  let supervisor: Actor;
  const db = () => testDb.handle.db;

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
    t = await createTestOffice(db(), { sessionCapacity: 200, office: { dailyCap: 2000, noShowAfterCalls: 1 } });
    supervisor = actorOf(await createTestStaff(db(), t.office.id, { role: "supervisor" }));
  });
  afterAll(() => testDb.dispose());

  const opts = { now: NOW };
  const attempts: Record<Exclude<QueueAction, "call" | "miss" | "expire">, Attempt> = {
    check_in: (b) => checkInBooking(supervisor, { reference: b.reference, nik: b.nik }, opts),
    recall: (b) => recall(supervisor, { reference: b.reference, counterNumber: 1 }, opts),
    start: (b) => startService(supervisor, { reference: b.reference, counterNumber: 1 }, opts),
    finish: (b) => finishService(supervisor, { reference: b.reference, counterNumber: 1 }, opts),
    no_show: (b) => markNoShow(supervisor, { reference: b.reference, counterNumber: 1 }, opts),
    transfer: (b) => transfer(supervisor, { reference: b.reference, toCounterNumber: 2 }, opts),
    cancel: (b) => cancelByStaff(supervisor, { reference: b.reference }, opts),
    // The citizen's own move goes through the same table.
    reschedule: (b) => rescheduleBooking(citizen("127.0.0.1"), { reference: b.reference, nik: b.nik, date: TOMORROW, session: "10:00" }, { locale: "id", now: NOW }),
  };

  /** A booking of today's 10:00 session, put straight into `status` (as if it had got there). */
  async function bookingIn(status: BookingStatus): Promise<Booked> {
    const booked = await bookToday(t, { session: "10:00" });
    const counterId = status === "called" || status === "serving" ? t.counterIds[0]! : null;
    await db()
      .update(bookings)
      .set({ status, callCount: status === "called" ? 1 : 0, counterId, checkedInAt: status === "booked" ? null : at(-10) })
      .where(eq(bookings.reference, booked.reference));
    return booked;
  }

  async function expectRefused(booked: Booked, attempt: () => Promise<unknown>) {
    const before = await rowOf(db(), booked.reference);
    const auditsBefore = await db().select().from(auditLogs).where(eq(auditLogs.bookingId, before.id));
    const error = await attempt().then(
      () => null,
      (e: unknown) => e,
    );
    expect(isAppError(error) ? error.code : error).toBe("invalid_transition");
    expect(await rowOf(db(), booked.reference)).toEqual(before);
    expect(await db().select().from(auditLogs).where(eq(auditLogs.bookingId, before.id))).toHaveLength(auditsBefore.length);
  }

  const cases = Object.keys(attempts).flatMap((action) =>
    BOOKING_STATUSES.filter((from) => !canTransition(action as QueueAction, from))
      // Checking in a checked-in booking is the idempotent "already checked in", not a refusal.
      .filter((from) => !(action === "check_in" && from === "checked_in"))
      .map((from) => [action as keyof typeof attempts, from] as const),
  );

  it.each(cases)("%s from %s is refused and changes nothing", async (action, from) => {
    const booked = await bookingIn(from);
    await expectRefused(booked, () => attempts[action](booked));
  });

  it("finish before the call", async () => {
    const booked = await bookingIn("checked_in");
    await expectRefused(booked, () => finishService(supervisor, { reference: booked.reference, counterNumber: 1 }, opts));
  });

  it("call a cancelled booking: call-next never picks it", async () => {
    const lonely = await createTestOffice(db());
    const staff = actorOf(await createTestStaff(db(), lonely.office.id));
    const booked = await bookToday(lonely, { session: "10:00" });
    await db().update(bookings).set({ status: "cancelled" }).where(eq(bookings.reference, booked.reference));
    const before = await rowOf(db(), booked.reference);
    expect(await callNext(staff, { counterNumber: 1 }, opts)).toEqual({ called: false, waiting: 0 });
    expect(await rowOf(db(), booked.reference)).toEqual(before);
  });

  it("check in yesterday's booking", async () => {
    const booked = await bookToday(t, { session: "10:00" });
    const nextDay = new Date(NOW.getTime() + 86_400_000);
    await expectRefused(booked, () => checkInBooking(supervisor, { reference: booked.reference, nik: booked.nik }, { now: nextDay }));
  });

  it("start a no-show, recall a done booking", async () => {
    const noShow = await bookingIn("no_show");
    await expectRefused(noShow, () => startService(supervisor, { reference: noShow.reference, counterNumber: 1 }, opts));
    const done = await bookingIn("done");
    await expectRefused(done, () => recall(supervisor, { reference: done.reference, counterNumber: 1 }, opts));
  });

  it("cancel a serving booking as the citizen", async () => {
    const serving = await bookingIn("serving");
    await expectRefused(serving, () => cancelBooking(citizen("127.0.0.1"), { reference: serving.reference, nik: serving.nik }, { locale: "id", now: NOW }));
  });

  it("the refusal says what was refused and the current status", async () => {
    const done = await bookingIn("done");
    const error = await finishService(supervisor, { reference: done.reference, counterNumber: 1 }, opts).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid_transition", status: 409, messageKey: "queue.transition.finish", params: { status: "done" } });
  });
});

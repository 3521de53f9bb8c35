import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLogs, bookings, messages, offices, priorityRebookings } from "@/db/schema";
import { citizen } from "@/lib/auth/actor";
import { createBooking } from "@/lib/dal/bookings";
import { declareOutage } from "@/lib/dal/outages";
import { findPriorityOffer, getPriorityRebooking, rebookWithPriority } from "@/lib/dal/priority-rebook";
import { createTranslator } from "@/lib/i18n/translate";
import { createManageToken } from "@/lib/manage-token";
import { appErrorOf, bookingRequest, settleAll, usageMismatches, usageOf } from "../helpers/bookings";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, NOW, TOMORROW } from "../helpers/fixtures";
import { actorOf, createTestStaff } from "../helpers/staff";

const visitor = citizen("127.0.0.1");

const ctx = { locale: "id" as const, now: NOW };
const t = createTranslator("id");
const D3 = "2026-12-03";
const tokenOf = (path: string) => new URL(path, "http://x").searchParams.get("token")!;

describe.each(DATABASE_KINDS)("priority rebooking on %s", (kind) => {
  let testDb: TestDatabase;
  const db = () => testDb.handle.db;
  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
  });
  afterAll(() => testDb.dispose());

  /**
   * Sessions of 4 places, half kept for walk-ins (online quota 2 a session); a day cap of 40 and 10 %
   * priority share → 4 priority places a day. Books `n` citizens at TOMORROW 09:00 and suspends that session.
   */
  async function outageWith(n: number, office: Record<string, unknown> = {}) {
    const o = await createTestOffice(db(), { sessionCapacity: 4, office: { walkInReservePercent: 50, ...office } });
    const supervisor = actorOf(await createTestStaff(db(), o.office.id, { role: "supervisor" }));
    const niks = new Map<string, string>();
    for (let i = 0; i < n; i++) {
      const nik = adultNik();
      const booked = await createBooking(visitor, bookingRequest(o, { nik, session: i < 2 ? "09:00" : "11:00" }), ctx);
      niks.set(booked.reference, nik);
    }
    const { affected } = await declareOutage(supervisor, { date: TOMORROW, session: "09:00", reason: "siak_down" }, { now: NOW });
    return { o, supervisor, niks, affected };
  }

  /** Fills a session's online quota with ordinary bookings. */
  async function fillOnline(o: Awaited<ReturnType<typeof outageWith>>["o"], date: string, session: string) {
    await createBooking(visitor, bookingRequest(o, { date, session }), ctx);
    await createBooking(visitor, bookingRequest(o, { date, session }), ctx);
    expect(await appErrorOf(createBooking(visitor, bookingRequest(o, { date, session }), ctx))).toMatchObject({ code: "full" });
  }

  it("with the link: a later session whose online quota is full, without the checklist; single use; the old booking stays cancelled", async () => {
    const { o, affected } = await outageWith(1);
    const [a] = affected;
    await fillOnline(o, TOMORROW, "10:00");
    const view = await getPriorityRebooking({ reference: a!.reference, priorityToken: tokenOf(a!.rebookPath) }, { t, now: NOW });
    expect(view).toMatchObject({ state: "open", reason: expect.stringMatching(/SIAK/), session: { start: "09:00" }, until: "2026-12-04 10:00" });
    const tomorrow = view.days.find((d) => d.date === TOMORROW)!;
    expect(tomorrow.sessions.map((s) => s.start)).not.toContain("09:00");
    expect(tomorrow.sessions.find((s) => s.start === "10:00")!.remaining).toBe(2);

    const moved = await rebookWithPriority(visitor, { reference: a!.reference, priorityToken: tokenOf(a!.rebookPath), date: TOMORROW, session: "10:00" }, ctx);
    expect(moved.reference).not.toBe(a!.reference);
    expect(moved).toMatchObject({ date: TOMORROW, session: { start: "10:00" } });
    const [row] = await db().select().from(bookings).where(eq(bookings.reference, moved.reference));
    expect(row).toMatchObject({ status: "booked", nikHash: expect.any(String), fullName: "Siti Nurhaliza" });
    expect(await usageOf(db(), o.office.id, TOMORROW, "session", "10:00")).toBe(3);
    expect(await usageOf(db(), o.office.id, TOMORROW, "priority")).toBe(1);
    expect(await usageMismatches(db(), o.office.id)).toEqual({});
    expect(await db().$count(messages, and(eq(messages.bookingId, row!.id), eq(messages.kind, "confirmation")))).toBe(1);
    expect(await db().$count(auditLogs, and(eq(auditLogs.bookingId, row!.id), eq(auditLogs.action, "booking.priority_rebook")))).toBe(1);

    const again = await appErrorOf(rebookWithPriority(visitor, { reference: a!.reference, priorityToken: tokenOf(a!.rebookPath), date: TOMORROW, session: "11:00" }, ctx));
    expect(again).toMatchObject({ code: "invalid_transition", messageKey: "rebook.used", status: 409 });
    expect(await getPriorityRebooking({ reference: a!.reference, priorityToken: tokenOf(a!.rebookPath) }, { t, now: NOW })).toMatchObject({ state: "used", newReference: moved.reference, days: [] });
    expect(await findPriorityOffer({ reference: a!.reference }, { now: NOW })).toBeNull();
  });

  it("by reference + NIK or the manage cookie; a wrong token, NIK or reference is a 404; expired after 72 hours", async () => {
    const { o, niks, affected } = await outageWith(2);
    const [a, b] = affected;
    const nikOf = (ref: string) => niks.get(ref)!;
    expect(await findPriorityOffer({ reference: a!.reference }, { now: NOW })).toEqual({ until: "2026-12-04 10:00" });
    expect(await appErrorOf(getPriorityRebooking({ reference: a!.reference, priorityToken: tokenOf(b!.rebookPath) }, { t, now: NOW }))).toMatchObject({ status: 404 });
    expect(await appErrorOf(getPriorityRebooking({ reference: a!.reference, priorityToken: "1.x" }, { t, now: NOW }))).toMatchObject({ status: 404 });
    expect(await appErrorOf(getPriorityRebooking({ reference: a!.reference, nik: adultNik() }, { t, now: NOW }))).toMatchObject({ status: 404 });
    expect(await appErrorOf(getPriorityRebooking({ reference: "ZZZZZZZZ", nik: nikOf(a!.reference) }, { t, now: NOW }))).toMatchObject({ status: 404 });

    const byNik = await rebookWithPriority(visitor, { reference: a!.reference, nik: nikOf(a!.reference), date: D3, session: "08:00" }, ctx);
    expect(byNik.date).toBe(D3);
    const late = new Date(NOW.getTime() + 72 * 3600_000);
    expect(await getPriorityRebooking({ reference: b!.reference, manageToken: createManageToken(b!.reference, late) }, { t, now: late })).toMatchObject({ state: "expired", days: [] });
    const expired = await appErrorOf(rebookWithPriority(visitor, { reference: b!.reference, priorityToken: tokenOf(b!.rebookPath), date: D3, session: "12:00" }, { ...ctx, now: late }));
    expect(expired).toMatchObject({ messageKey: "rebook.expired", status: 409 });
    const justBefore = new Date(late.getTime() - 60_000);
    const stale = createManageToken(b!.reference, NOW); // the cookie lasts 30 minutes
    expect(await appErrorOf(rebookWithPriority(visitor, { reference: b!.reference, manageToken: stale, date: D3, session: "12:00" }, { ...ctx, now: justBefore }))).toMatchObject({ status: 404 });
    const okJustBefore = await rebookWithPriority(
      visitor,
      { reference: b!.reference, manageToken: createManageToken(b!.reference, justBefore), date: "2026-12-05", session: "12:00" },
      { ...ctx, now: justBefore },
    );
    expect(okJustBefore.date).toBe("2026-12-05");
    expect(await usageMismatches(db(), o.office.id)).toEqual({});
  });

  it("never a started or suspended session, never over a session's full capacity or the day's priority share; 0 % turns it off", async () => {
    const { o, affected } = await outageWith(2);
    const [a, b] = affected;
    const proof = (x: typeof a) => ({ reference: x!.reference, priorityToken: tokenOf(x!.rebookPath) });
    for (const [date, session] of [["2026-12-01", "08:00"], ["2026-12-01", "10:00"], [TOMORROW, "09:00"], [TOMORROW, "07:00"], ["2026-12-30", "08:00"]] as const) {
      expect(await appErrorOf(rebookWithPriority(visitor, { ...proof(a), date, session }, ctx))).toMatchObject({ code: "closed" });
    }
    // Today's later sessions are open to a priority rebooking (the online channel would refuse them).
    expect((await rebookWithPriority(visitor, { ...proof(a), date: "2026-12-01", session: "11:00" }, { ...ctx, now: new Date("2026-12-01T03:59:00Z") })).date).toBe("2026-12-01");
    // A session filled to its full (physical) capacity by staff is full for priority too.
    const staff = actorOf(await createTestStaff(db(), o.office.id, { role: "operator" }));
    for (let i = 0; i < 4; i++) await createBooking(staff, bookingRequest(o, { date: D3, session: "13:00" }), ctx);
    expect(await appErrorOf(rebookWithPriority(visitor, { ...proof(b), date: D3, session: "13:00" }, ctx))).toMatchObject({ code: "full" });
    expect(await db().$count(priorityRebookings, and(eq(priorityRebookings.bookingId, (await db().select().from(bookings).where(eq(bookings.reference, b!.reference)))[0]!.id)))).toBe(1);

    const off = await outageWith(1, { priorityRebookPercent: 0 });
    const [c] = off.affected;
    expect(await appErrorOf(rebookWithPriority(visitor, { reference: c!.reference, priorityToken: tokenOf(c!.rebookPath), date: D3, session: "10:00" }, ctx))).toMatchObject({ code: "full" });
    // The refusal changed nothing: the right is still open.
    expect(await findPriorityOffer({ reference: c!.reference }, { now: NOW })).not.toBeNull();
  });

  if (kind === "postgres") {
    it("two citizens racing for the last priority place: exactly one; the same token twice at once: one booking", async () => {
      // Day cap 10 at 10 % → one priority place a day.
      const { o, affected } = await outageWith(2, { dailyCap: 10 });
      await db().update(offices).set({ dailyCap: 10 }).where(eq(offices.id, o.office.id));
      const [a, b] = affected;
      const race = await settleAll([
        rebookWithPriority(visitor, { reference: a!.reference, priorityToken: tokenOf(a!.rebookPath), date: D3, session: "10:00" }, ctx),
        rebookWithPriority(visitor, { reference: b!.reference, priorityToken: tokenOf(b!.rebookPath), date: D3, session: "11:00" }, ctx),
      ]);
      expect(race.fulfilled).toHaveLength(1);
      expect(race.codes).toEqual({ full: 1 });
      expect(await usageOf(db(), o.office.id, D3, "priority")).toBe(1);

      const loser = (await findPriorityOffer({ reference: a!.reference }, { now: NOW })) ? a! : b!;
      const twice = await settleAll(
        Array.from({ length: 6 }, (_, i) =>
          rebookWithPriority(visitor, { reference: loser.reference, priorityToken: tokenOf(loser.rebookPath), date: "2026-12-04", session: i % 2 ? "10:00" : "12:00" }, ctx),
        ),
      );
      expect(twice.fulfilled).toHaveLength(1);
      expect(twice.codes).toEqual({ invalid_transition: 5 });
      expect(await db().$count(bookings, and(eq(bookings.officeId, o.office.id), eq(bookings.serviceDate, "2026-12-04")))).toBe(1);
      expect(await usageMismatches(db(), o.office.id)).toEqual({});
    });
  }
});

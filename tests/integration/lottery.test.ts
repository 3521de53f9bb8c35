import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLogs, bookings, lotteryDraws, lotteryEntries, messages } from "@/db/schema";
import { citizen, SYSTEM } from "@/lib/auth/actor";
import { listOpenLotteries } from "@/lib/dal/lottery/counts";
import { drawLottery, runDueDraws } from "@/lib/dal/lottery/draw";
import { findLotteryEntry, lookupLotteryEntry } from "@/lib/dal/lottery/entries";
import { submitBooking } from "@/lib/dal/lottery/submit";
import { computeTransparency } from "@/lib/dal/transparency";
import { drawOrder } from "@/lib/lottery/draw";
import { purgeExpiredPersonalData } from "@/lib/dal/retention";
import type { CreateBookingInput } from "@/lib/validation/booking";
import { appErrorOf, bookingRequest, usageMismatches } from "../helpers/bookings";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { actorOf, createTestStaff } from "../helpers/staff";
import { adultNik, createTestOffice, NOW, uniquePhone, type TestOffice } from "../helpers/fixtures";

const MINUTE = 60_000;
const at = (minutes: number) => new Date(NOW.getTime() + minutes * MINUTE);
const CITIZEN = citizen("10.9.9.9");
const ctx = (now: Date = at(1)) => ({ locale: "id" as const, now });
/** With the office below, 8 December opens at NOW (1 December 10:00 WIB, 7 days ahead) and is drawn 30 minutes later. */
const OPENING = "2026-12-08";

describe.each(DATABASE_KINDS)("fair release: the lottery window and its draw on %s", (kind) => {
  let testDb: TestDatabase;
  const db = () => testDb.handle.db;

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
  });
  afterAll(() => testDb.dispose());

  const lotteryOffice = (sessionCapacity = 10, office: Record<string, unknown> = {}) =>
    createTestOffice(db(), { sessionCapacity, office: { bookingOpensAt: "10:00", isLotteryEnabled: true, lotteryWindowMinutes: 30, ...office } });
  const request = (t: TestOffice, over: Partial<CreateBookingInput> = {}) => bookingRequest(t, { date: OPENING, ...over });
  const enter = async (t: TestOffice, over: Partial<CreateBookingInput> = {}, now = at(1)) => {
    const outcome = await submitBooking(CITIZEN, request(t, over), ctx(now));
    if (outcome.kind !== "lottery") throw new Error("expected a lottery entry");
    return outcome.entry;
  };
  const entriesOf = (t: TestOffice) => db().select().from(lotteryEntries).where(eq(lotteryEntries.officeId, t.office.id));

  it("is off by default: a request in the first minutes is a booking", async () => {
    const t = await createTestOffice(db(), { office: { bookingOpensAt: "10:00" } });
    expect((await submitBooking(CITIZEN, request(t), ctx())).kind).toBe("booking");
  });

  it("in the window a citizen's request becomes an entry with the draw's time; other dates and later requests are bookings", async () => {
    const t = await lotteryOffice();
    const entry = await enter(t);
    expect(entry).toMatchObject({ status: "waiting", date: OPENING, session: "09:00", drawAt: at(30).toISOString(), booking: null });
    expect(entry.reference).toMatch(/^[A-Z0-9]{8}$/);
    // Nothing is claimed by an entry.
    expect(await db().select().from(bookings).where(eq(bookings.officeId, t.office.id))).toHaveLength(0);
    // A date opened earlier is booked first come; the window's last instant is inside, the draw's is not.
    expect((await submitBooking(CITIZEN, bookingRequest(t), ctx())).kind).toBe("booking");
    expect((await submitBooking(CITIZEN, request(t), ctx(new Date(at(30).getTime() - 1)))).kind).toBe("lottery");
    // Closed, entries waiting, no draw yet: refused rather than first come.
    expect((await appErrorOf(submitBooking(CITIZEN, request(t), ctx(at(30))))).messageKey).toBe("lottery.error.drawn");
    expect((await listOpenLotteries({ officeSlug: t.office.slug }, { now: at(1) }))[0]).toMatchObject({ date: OPENING, entries: 2, places: 40, winners: null });
    expect(await listOpenLotteries({ officeSlug: t.office.slug }, { now: at(30) })).toEqual([]);
  });

  it("keeps the booking's rules: NIK, age, one entry per NIK and date (409), the phone's allowance", async () => {
    const t = await lotteryOffice(10, { phoneDailyLimit: 2 });
    const nik = adultNik();
    await enter(t, { nik });
    const again = await appErrorOf(submitBooking(CITIZEN, request(t, { nik, session: "11:00" }), ctx(at(2))));
    expect([again.code, again.status, again.messageKey]).toEqual(["duplicate", 409, "lottery.error.duplicate"]);
    const child = await appErrorOf(submitBooking(CITIZEN, request(t, { nik: "3271011503150001" }), ctx()));
    expect([child.status, child.fields?.nik]).toEqual([422, ["field.nik.tooYoung"]]);
    const phone = "+62" + uniquePhone().slice(1);
    await enter(t, { phone });
    await enter(t, { phone });
    expect((await appErrorOf(submitBooking(CITIZEN, request(t, { phone }), ctx()))).code).toBe("phone_limit");
    const closedSession = await appErrorOf(submitBooking(CITIZEN, request(t, { session: "15:00" }), ctx()));
    expect(closedSession.status).toBe(409);
    expect(await entriesOf(t)).toHaveLength(3);
  });

  it("draws exactly the free places within every session's cap; the rest not drawn; one message each", async () => {
    // 6 sessions of 2: 12 places. 20 people all ask for 09:00.
    const t = await lotteryOffice(2);
    const nikOf = new Map<string, string>();
    for (let i = 0; i < 20; i++) {
      const nik = adultNik();
      nikOf.set((await enter(t, { session: "09:00", nik })).reference, nik);
    }
    const result = await drawLottery(SYSTEM, { officeId: t.office.id, date: OPENING }, { now: at(30) });
    expect(result).toMatchObject({ entries: 20, places: 12, winners: 12 });
    const rows = await entriesOf(t);
    expect(rows.filter((e) => e.status === "drawn")).toHaveLength(12);
    expect(rows.filter((e) => e.status === "not_drawn")).toHaveLength(8);
    const booked = await db().select().from(bookings).where(eq(bookings.officeId, t.office.id));
    expect(booked).toHaveLength(12);
    const perSession = new Map<string, number>();
    for (const b of booked) perSession.set(b.sessionStartsAt.slice(0, 5), (perSession.get(b.sessionStartsAt.slice(0, 5)) ?? 0) + 1);
    expect([...perSession.values()].every((n) => n === 2)).toBe(true);
    expect(await usageMismatches(db(), t.office.id)).toEqual({});
    const sent = await db().select({ kind: messages.kind, createdAt: messages.createdAt }).from(messages).where(eq(messages.officeId, t.office.id));
    // Every message on the draw's clock, not the database's (retention counts from it).
    expect(sent.filter((m) => m.createdAt.getTime() !== at(30).getTime()).map((m) => m.kind)).toEqual([]);
    expect(sent.filter((m) => m.kind === "lottery_drawn")).toHaveLength(12);
    expect(sent.filter((m) => m.kind === "lottery_not_drawn")).toHaveLength(8);
    expect(sent.filter((m) => m.kind === "confirmation")).toHaveLength(0);

    // The result, by reference and by look-up (reference + NIK); a wrong NIK is a 404.
    const winner = rows.find((e) => e.status === "drawn")!;
    const page = await findLotteryEntry({ reference: winner.reference }, { locale: "en" });
    expect(page).toMatchObject({ status: "drawn", booking: { reference: booked.find((b) => b.id === winner.bookingId)!.reference } });
    const loser = rows.find((e) => e.status === "not_drawn")!;
    expect(await lookupLotteryEntry(CITIZEN, { reference: loser.reference, nik: nikOf.get(loser.reference)! }, { locale: "id" })).toMatchObject({ status: "not_drawn", booking: null });
    expect((await appErrorOf(lookupLotteryEntry(CITIZEN, { reference: loser.reference, nik: nikOf.get(winner.reference)! }, { locale: "id" }))).code).toBe("not_found");

    // Public counts: the draw on the transparency numbers.
    const transparency = await computeTransparency({ officeSlug: t.office.slug }, { now: at(31) });
    expect(transparency.lottery).toEqual([expect.objectContaining({ date: OPENING, entries: 20, places: 12, winners: 12, seed: result!.seed })]);
  });

  it("is reproducible from the stored seed and the entries, and audited", async () => {
    const t = await lotteryOffice(1);
    for (let i = 0; i < 9; i++) await enter(t, { session: ["08:00", "09:00", "10:00"][i % 3]! });
    await drawLottery(SYSTEM, { officeId: t.office.id, date: OPENING }, { now: at(30) });
    const [draw] = await db().select().from(lotteryDraws).where(eq(lotteryDraws.officeId, t.office.id));
    const rows = await entriesOf(t);
    // Redo it: in the seed's order, each entry gets its session if free, else the first free one (six sessions of one).
    const taken = new Set<string>();
    const expected = new Map<string, string>();
    for (const id of drawOrder(draw!.seed, rows.map((r) => r.id))) {
      const entry = rows.find((r) => r.id === id)!;
      const order = [entry.sessionStartsAt.slice(0, 5), ...["08:00", "09:00", "10:00", "11:00", "12:00", "13:00"]];
      const free = order.find((s) => !taken.has(s));
      if (free) {
        taken.add(free);
        expected.set(id, free);
      }
    }
    const booked = await db().select().from(bookings).where(eq(bookings.officeId, t.office.id));
    const actual = new Map(rows.filter((r) => r.bookingId).map((r) => [r.id, booked.find((b) => b.id === r.bookingId)!.sessionStartsAt.slice(0, 5)]));
    expect(actual).toEqual(expected);
    expect(draw).toMatchObject({ entryCount: 9, places: 6, winners: 6 });
    const [audit] = await db().select().from(auditLogs).where(and(eq(auditLogs.officeId, t.office.id), eq(auditLogs.action, "lottery.draw")));
    expect(audit!.details).toMatchObject({ seed: draw!.seed, entries: 9, places: 6, winners: 6 });
  });

  it("with a given seed the winners are the first places of drawOrder(seed, ids)", async () => {
    const seed = "ab".repeat(32);
    const t = await lotteryOffice(1);
    for (let i = 0; i < 10; i++) await enter(t);
    await drawLottery(SYSTEM, { officeId: t.office.id, date: OPENING }, { now: at(30), seed });
    const rows = await entriesOf(t);
    const order = drawOrder(seed, rows.map((r) => r.id));
    expect(new Set(rows.filter((r) => r.status === "drawn").map((r) => r.id))).toEqual(new Set(order.slice(0, 6)));
  });

  it("two draws racing draw once; the job is idempotent; entries after the draw are refused", async () => {
    const t = await lotteryOffice(10);
    for (let i = 0; i < 5; i++) await enter(t);
    const [a, b] = await Promise.all([drawLottery(SYSTEM, { officeId: t.office.id, date: OPENING }, { now: at(30) }), drawLottery(SYSTEM, { officeId: t.office.id, date: OPENING }, { now: at(30) })]);
    expect([a, b].filter((r) => r !== null)).toHaveLength(1);
    expect(await db().select().from(lotteryDraws).where(eq(lotteryDraws.officeId, t.office.id))).toHaveLength(1);
    expect(await db().select().from(bookings).where(eq(bookings.officeId, t.office.id))).toHaveLength(5);
    await runDueDraws({ now: at(31) });
    expect(await db().select().from(bookings).where(eq(bookings.officeId, t.office.id))).toHaveLength(5);
    // A request that reached the window's last second after the draw (another instance's clock) is refused.
    expect((await appErrorOf(submitBooking(CITIZEN, request(t), ctx(at(29))))).messageKey).toBe("lottery.error.drawn");
    // After the draw, the rest of the day is first come.
    expect((await submitBooking(CITIZEN, request(t), ctx(at(31)))).kind).toBe("booking");
  });

  it("the job draws only dates whose window has closed; a desk booking meanwhile leaves its holder not drawn", async () => {
    const t = await lotteryOffice(10);
    const staff = actorOf(await createTestStaff(db(), t.office.id, { role: "operator" }));
    const [first, second] = [adultNik(), adultNik()];
    const a = await enter(t, { nik: first });
    const b = await enter(t, { nik: second });
    await runDueDraws({ now: at(29) });
    expect((await findLotteryEntry({ reference: a.reference }, { locale: "id" }))!.status).toBe("waiting");
    // Staff are never in the lottery: the desk books the second person at once.
    expect((await submitBooking(staff, request(t, { nik: second }), { locale: "id", now: at(5) })).kind).toBe("booking");
    // The draw is the system's (or an admin's): an operator may not run it.
    expect((await appErrorOf(drawLottery(staff, { officeId: t.office.id, date: OPENING }, { now: at(30) }))).code).toBe("forbidden");
    await runDueDraws({ now: at(30) });
    expect((await findLotteryEntry({ reference: a.reference }, { locale: "id" }))!.status).toBe("drawn");
    expect((await findLotteryEntry({ reference: b.reference }, { locale: "id" }))!.status).toBe("not_drawn");
    expect(await db().select().from(bookings).where(eq(bookings.officeId, t.office.id))).toHaveLength(2);
    expect(await usageMismatches(db(), t.office.id)).toEqual({});
  });

  it("the retention purge deletes entries with the person's data; the draw's counts stay", async () => {
    const t = await lotteryOffice(10, { retentionDays: 30 });
    await enter(t);
    await drawLottery(SYSTEM, { officeId: t.office.id, date: OPENING }, { now: at(30) });
    await purgeExpiredPersonalData({ now: new Date("2027-02-01T00:00:00Z") });
    expect(await entriesOf(t)).toHaveLength(0);
    expect(await db().select().from(lotteryDraws).where(eq(lotteryDraws.officeId, t.office.id))).toHaveLength(1);
  });
});

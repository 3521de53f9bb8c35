import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { bookings, lotteryDraws, lotteryEntries } from "@/db/schema";
import { citizen, SYSTEM } from "@/lib/auth/actor";
import { drawLottery, runDueDraws } from "@/lib/dal/lottery/draw";
import { submitBooking } from "@/lib/dal/lottery/submit";
import { bookingRequest, settleAll, usageMismatches } from "../helpers/bookings";
import { useTestDatabase, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, NOW } from "../helpers/fixtures";

const MINUTE = 60_000;
const at = (minutes: number) => new Date(NOW.getTime() + minutes * MINUTE);
const OPENING = "2026-12-08";
const SESSIONS = ["08:00", "09:00", "10:00", "11:00", "12:00", "13:00"];

/** The opening minute under a lottery, on PostgreSQL with a pool of 20 (real advisory and row locks). */
describe("the lottery under concurrency (PostgreSQL)", () => {
  let testDb: TestDatabase;
  const db = () => testDb.handle.db;

  beforeAll(async () => {
    testDb = await useTestDatabase("postgres", { max: 20 });
  });
  afterAll(() => testDb.dispose());

  it("200 concurrent entries (some the same NIK twice), then racing draws: one draw, nothing oversold, every session within its cap", async () => {
    // 6 sessions of 5 = 30 places, the day capped at 25: the day's cap binds before the sessions'.
    const t = await createTestOffice(db(), { sessionCapacity: 5, office: { dailyCap: 25, bookingOpensAt: "10:00", isLotteryEnabled: true, lotteryWindowMinutes: 30 } });
    const niks = Array.from({ length: 180 }, () => adultNik());
    // 20 people send their request twice at the same moment.
    const requests = [...niks, ...niks.slice(0, 20)].map((nik, i) =>
      submitBooking(citizen(`10.2.0.${i % 250}`), bookingRequest(t, { date: OPENING, nik, session: SESSIONS[i % 4]! }), { locale: "id", now: at(1 + (i % 20)) }),
    );
    const { fulfilled, codes } = await settleAll(requests);
    expect(fulfilled.every((o) => o.kind === "lottery")).toBe(true);
    expect(fulfilled).toHaveLength(180);
    expect(codes).toEqual({ duplicate: 20 });
    expect(await db().select().from(bookings).where(eq(bookings.officeId, t.office.id))).toHaveLength(0);

    // Three instances' jobs and a direct draw, all at once.
    const raced = await Promise.all([
      runDueDraws({ now: at(30) }),
      runDueDraws({ now: at(30) }),
      drawLottery(SYSTEM, { officeId: t.office.id, date: OPENING }, { now: at(30) }),
      runDueDraws({ now: at(31) }),
    ]);
    const draws = await db().select().from(lotteryDraws).where(eq(lotteryDraws.officeId, t.office.id));
    expect(draws).toHaveLength(1);
    expect(draws[0]).toMatchObject({ entryCount: 180, places: 25, winners: 25 });
    expect(raced.filter((r) => r !== null && "seed" in r).length + raced.filter((r) => r !== null && "draws" in r).reduce((n, r) => n + (r as { draws: number }).draws, 0)).toBe(1);

    const booked = await db().select().from(bookings).where(eq(bookings.officeId, t.office.id));
    expect(booked).toHaveLength(25);
    const perSession = new Map<string, number>();
    for (const b of booked) perSession.set(b.sessionStartsAt, (perSession.get(b.sessionStartsAt) ?? 0) + 1);
    expect(Math.max(...perSession.values())).toBeLessThanOrEqual(5);
    const entries = await db().select().from(lotteryEntries).where(eq(lotteryEntries.officeId, t.office.id));
    expect(entries.filter((e) => e.status === "drawn")).toHaveLength(25);
    expect(entries.filter((e) => e.status === "not_drawn")).toHaveLength(155);
    expect(await usageMismatches(db(), t.office.id)).toEqual({});

    // After the draw the rest of the day is first come: nothing is left, so a new request is refused as full.
    const late = await settleAll(Array.from({ length: 20 }, () => submitBooking(citizen(), bookingRequest(t, { date: OPENING, nik: adultNik() }), { locale: "id", now: at(32) })));
    expect(late.codes).toEqual({ full: 20 });
    expect(await usageMismatches(db(), t.office.id)).toEqual({});
  });
});

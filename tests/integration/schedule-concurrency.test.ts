import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { citizen } from "@/lib/auth/actor";
import { createBooking } from "@/lib/dal/bookings";
import { setReadCacheTtl } from "@/lib/dal/read-cache";
import { closeSchedule, setScheduleCapacity } from "@/lib/dal/schedule-changes";
import type { OnConflict } from "@/lib/validation/schedule";
import { bookingRequest, countActive, settleAll, usageMismatches } from "../helpers/bookings";
import { useTestDatabase, type TestDatabase } from "../helpers/databases";
import { createTestOffice, NOW, TOMORROW } from "../helpers/fixtures";
import { actorOf, createTestStaff } from "../helpers/staff";

const visitor = citizen("127.0.0.1");

const ctx = { locale: "id" as const, now: NOW };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Schedule changes racing the booking rush, on PostgreSQL with a pool of 20 and the read cache on (so
 * bookings in flight carry the cap they read before the change): the new cap is never oversold.
 */
describe("schedule changes under concurrency (PostgreSQL)", () => {
  let testDb: TestDatabase;
  const db = () => testDb.handle.db;

  beforeAll(async () => {
    testDb = await useTestDatabase("postgres", { max: 20 });
  });
  afterAll(() => testDb.dispose());
  afterEach(() => setReadCacheTtl(0));

  it.each<[OnConflict]>([["keep"], ["cancel_and_rebook"]])("lowering a session's cap from 60 to 10 while 200 book (%s) never oversells", async (onConflict) => {
    const t = await createTestOffice(db(), { sessionCapacity: 60, office: { dailyCap: 1000 } });
    const admin = actorOf(await createTestStaff(db(), t.office.id, { role: "admin" }));
    setReadCacheTtl(1000);
    const rush = settleAll(Array.from({ length: 200 }, () => createBooking(visitor, bookingRequest(t, { session: "08:00" }), ctx)));
    await sleep(30);
    const change = await setScheduleCapacity(admin, { date: TOMORROW, session: "08:00", capacity: 10, onConflict }, { now: NOW });
    const { fulfilled, codes } = await rush;
    expect(Object.keys(codes)).toEqual(fulfilled.length === 200 ? [] : ["full"]);
    const active = await countActive(db(), t.office.id, { session: "08:00" });
    // Kept bookings were already there when the cap came down; nothing was added past it afterwards.
    if (onConflict === "keep") expect(active).toBe(Math.max(10, 10 + change.kept.length));
    else expect(active).toBeLessThanOrEqual(10);
    expect(active).toBeLessThanOrEqual(onConflict === "keep" ? 10 + change.kept.length : 10);
    expect(await usageMismatches(db(), t.office.id)).toEqual({});
  });

  it("closing a day while 200 book leaves no booking made after the closure", async () => {
    const t = await createTestOffice(db(), { sessionCapacity: 100, office: { dailyCap: 1000 } });
    const admin = actorOf(await createTestStaff(db(), t.office.id, { role: "admin" }));
    setReadCacheTtl(1000);
    const sessions = ["08:00", "09:00", "10:00", "11:00"];
    const rush = settleAll(Array.from({ length: 200 }, (_, i) => createBooking(visitor, bookingRequest(t, { session: sessions[i % 4]! }), ctx)));
    await sleep(30);
    const change = await closeSchedule(admin, { date: TOMORROW, reason: "Gangguan SIAK", onConflict: "cancel_and_rebook" }, { now: NOW });
    const { fulfilled, codes } = await rush;
    for (const code of Object.keys(codes)) expect(["full", "closed"]).toContain(code);
    expect(await countActive(db(), t.office.id, { date: TOMORROW })).toBe(0);
    expect(change.cancelled.length).toBe(fulfilled.length);
    expect(await usageMismatches(db(), t.office.id)).toEqual({});
  });
});

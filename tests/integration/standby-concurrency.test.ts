import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { capacityReleases, standbyEntries } from "@/db/schema";
import { citizen } from "@/lib/auth/actor";
import { cancelBooking, createBooking } from "@/lib/dal/bookings";
import { applyDueReleases } from "@/lib/dal/capacity-release";
import { acceptStandbyOffer, joinStandby } from "@/lib/dal/standby";
import { addDays } from "@/lib/dates";
import { bookingRequest, countActive, settleAll, usageMismatches } from "../helpers/bookings";
import { useTestDatabase, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, NOW, TOMORROW, uniquePhone, type TestOffice } from "../helpers/fixtures";

const MINUTE = 60_000;
const at = (minutes: number) => new Date(NOW.getTime() + minutes * MINUTE);
const visitor = citizen("127.0.0.1");
const ctx = (now = NOW) => ({ locale: "id" as const, now });

/** The standby list under concurrency, on PostgreSQL with a pool of 20 (real row locks, SKIP LOCKED). */
describe("standby offers under concurrency (PostgreSQL)", () => {
  let testDb: TestDatabase;
  const db = () => testDb.handle.db;

  beforeAll(async () => {
    testDb = await useTestDatabase("postgres", { max: 20 });
  });
  afterAll(() => testDb.dispose());

  /** A full date (2 places) with `waiting` people in line, joined one after another; returns them in order. */
  async function fullDateWithLine(t: TestOffice, date: string, waiting: number) {
    const held = [];
    for (let i = 0; i < 2; i++) {
      const nik = adultNik();
      held.push({ nik, booking: await createBooking(visitor, bookingRequest(t, { nik, date, session: "09:00" }), ctx()) });
    }
    const line = [];
    for (let i = 0; i < waiting; i++) {
      const nik = adultNik();
      const joined = await joinStandby(visitor, { office: t.office.slug, service: "ktp", date, nik, name: "Rina Wati", phone: "+62" + uniquePhone().slice(1) }, ctx());
      line.push({ nik, ...joined });
    }
    return { held, line };
  }

  const statusOf = async (references: string[]) => {
    const rows = await db().select().from(standbyEntries).where(inArray(standbyEntries.reference, references));
    return new Map(rows.map((r) => [r.reference, r.status]));
  };

  it("two places freed at once go to the first two in line, never both to one person (5 rounds, 4 passes racing)", async () => {
    const t = await createTestOffice(db(), { sessionCapacity: 10, office: { dailyCap: 2, releaseDelayMinutes: 30, standbyOfferMinutes: 120 } });
    for (let round = 0; round < 5; round++) {
      const date = addDays(TOMORROW, round);
      const { held, line } = await fullDateWithLine(t, date, 5);
      await Promise.all(held.map(({ booking, nik }) => cancelBooking(visitor, { reference: booking.reference, nik }, ctx())));
      const passes = await Promise.all(Array.from({ length: 4 }, () => applyDueReleases({ now: at(30), officeId: t.office.id })));
      expect(passes.reduce((n, p) => n + p.offered, 0)).toBe(2);
      expect(passes.reduce((n, p) => n + p.released, 0)).toBe(0);

      const status = await statusOf(line.map((p) => p.reference));
      expect(line.map((p) => status.get(p.reference))).toEqual(["offered", "offered", "waiting", "waiting", "waiting"]);
      const holds = await db()
        .select()
        .from(capacityReleases)
        .where(and(eq(capacityReleases.officeId, t.office.id), eq(capacityReleases.serviceDate, date)));
      expect(holds.map((h) => h.status)).toEqual(["held", "held"]);
      expect(new Set(holds.map((h) => h.standbyEntryId)).size).toBe(2);
      expect(await usageMismatches(db(), t.office.id)).toEqual({});
    }
  });

  it("the same offer accepted twice at once: one booking, the other refused, counters true", async () => {
    const t = await createTestOffice(db(), { sessionCapacity: 10, office: { dailyCap: 2, releaseDelayMinutes: 30 } });
    const { held, line } = await fullDateWithLine(t, TOMORROW, 1);
    await cancelBooking(visitor, { reference: held[0]!.booking.reference, nik: held[0]!.nik }, ctx());
    await applyDueReleases({ now: at(30), officeId: t.office.id });
    const p = line[0]!;
    const { fulfilled, codes } = await settleAll(Array.from({ length: 6 }, () => acceptStandbyOffer(visitor, { reference: p.reference, nik: p.nik }, ctx(at(31)))));
    expect(fulfilled).toHaveLength(1);
    expect(codes).toEqual({ invalid_transition: 5 });
    expect(await countActive(db(), t.office.id, { date: TOMORROW })).toBe(2);
    expect(await usageMismatches(db(), t.office.id)).toEqual({});
  });

  it("accepting at the deadline races the expiry pass: exactly one of them wins, and the place is never doubled", async () => {
    const t = await createTestOffice(db(), { sessionCapacity: 10, office: { dailyCap: 2, releaseDelayMinutes: 30, standbyOfferMinutes: 120 } });
    for (let round = 0; round < 4; round++) {
      const date = addDays(TOMORROW, round);
      const { held, line } = await fullDateWithLine(t, date, 2);
      await cancelBooking(visitor, { reference: held[0]!.booking.reference, nik: held[0]!.nik }, ctx());
      await applyDueReleases({ now: at(30), officeId: t.office.id });
      const [p1, p2] = line;
      const [accepted] = await Promise.allSettled([
        acceptStandbyOffer(visitor, { reference: p1!.reference, nik: p1!.nik }, ctx(at(149.99))),
        applyDueReleases({ now: at(150), officeId: t.office.id }),
      ]);
      const status = await statusOf([p1!.reference, p2!.reference]);
      if (accepted.status === "fulfilled") expect([status.get(p1!.reference), status.get(p2!.reference)]).toEqual(["booked", "waiting"]);
      else expect([status.get(p1!.reference), status.get(p2!.reference)]).toEqual(["expired", "offered"]);
      expect(await countActive(db(), t.office.id, { date })).toBe(accepted.status === "fulfilled" ? 2 : 1);
      expect(await usageMismatches(db(), t.office.id)).toEqual({});
    }
  });
});

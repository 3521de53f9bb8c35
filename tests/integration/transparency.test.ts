import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as transparencyGet } from "@/app/api/v1/transparency/route";
import { bookings, calls, surveyResponses } from "@/db/schema";
import { computeTransparency } from "@/lib/dal/transparency";
import { apiGet, disposeApiTestDatabase, read, useApiTestDatabase } from "../helpers/api";
import { DATABASE_KINDS, type TestDatabase } from "../helpers/databases";
import { createTestOffice, NOW, TODAY, TOMORROW, type TestOffice } from "../helpers/fixtures";
import { bookToday } from "../helpers/queue";

let seq = 0;

describe.each(DATABASE_KINDS)("transparency on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;
  const db = () => testDb.handle.db;

  /** A November visit, written directly: the figures only read these columns. */
  async function visit(status: (typeof bookings.$inferInsert)["status"], waitMinutes?: number) {
    seq++;
    const checkedInAt = waitMinutes === undefined ? null : new Date(`2026-11-10T02:00:00Z`);
    const [row] = await db()
      .insert(bookings)
      .values({
        reference: `T${String(seq).padStart(7, "0")}`,
        officeId: t.office.id,
        serviceId: t.kk.id,
        serviceDate: "2026-11-10",
        sessionStartsAt: "09:00",
        sessionEndsAt: "10:00",
        queueLetter: "C",
        queueSeq: seq,
        status,
        nikMasked: "3271********0001",
        checkedInAt,
        cancelledAt: status === "cancelled" ? new Date("2026-11-09T02:00:00Z") : null,
      })
      .returning();
    if (checkedInAt && waitMinutes !== undefined) {
      await db().insert(calls).values({ officeId: t.office.id, bookingId: row!.id, counterId: t.counterIds[0]!, kind: "call", calledAt: new Date(checkedInAt.getTime() + waitMinutes * 60_000) });
    }
    return row!;
  }

  async function answer(bookingId: string) {
    await db().insert(surveyResponses).values({ officeId: t.office.id, bookingId, serviceDate: "2026-11-10", u1: 4, u2: 4, u3: 3, u4: 4, u5: 3, u6: 4, u7: 4, u8: 3, u9: 3 });
  }

  const done: { id: string }[] = [];

  beforeAll(async () => {
    testDb = await useApiTestDatabase(kind);
    t = await createTestOffice(db());
    // 9 served (waits 1…9 min), 1 no-show (wait 20), 1 expired, 2 cancelled.
    for (let w = 1; w <= 9; w++) done.push(await visit("done", w));
    await visit("no_show", 20);
    await visit("expired");
    await visit("cancelled");
    await visit("cancelled");
    for (const d of done) await answer(d.id);
    await bookToday(t, { session: "10:00" });
  });
  afterAll(() => disposeApiTestDatabase(testDb));

  it("shows places for the coming week and last month's figures, withholding an IKM of fewer than 10", async () => {
    const data = await computeTransparency({ officeSlug: t.office.slug }, { now: NOW });
    expect(data.days).toHaveLength(7);
    expect(data.days[0]).toEqual({ date: TODAY, capacity: 40, booked: 1, remaining: 39 });
    expect(data.days[1]).toEqual({ date: TOMORROW, capacity: 40, booked: 0, remaining: 40 });
    // 11 expected (13 − 2 cancelled), 2 did not come; waits 1…9 and 20 → median 5.5.
    expect(data.lastMonth).toMatchObject({ from: "2026-11-01", to: "2026-11-30", noShowRate: 0.182, medianWaitMinutes: 5.5, ikm: null, ikmGrade: null, responses: 9 });
  });

  it("serves exactly the documented JSON, with the IKM once there are enough responses", async () => {
    await answer((await visit("done", 2)).id);
    const response = await read(transparencyGet(apiGet(`/api/v1/transparency?office=${t.office.slug}`)));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    expect(Object.keys(response.json)).toEqual(["office", "days", "lastMonth", "lottery"]);
    // No lottery at this place: the field is there, empty.
    expect(response.json.lottery).toEqual([]);
    expect(Object.keys((response.json.days as object[])[0]!)).toEqual(["date", "capacity", "booked", "remaining"]);
    // Σ NRR: 4 + 4 + 3 + 4 + 3 + 4 + 4 + 3 + 3 = 32 → 32 / 9 × 25 = 88.89, A.
    expect(response.json.lastMonth).toEqual({ noShowRate: 0.167, medianWaitMinutes: 5, ikm: 88.89, ikmGrade: "A", responses: 10 });
    expect(response.text).not.toMatch(/3271|nik|reference|Warga|phone/i);
  });

  it("refuses a malformed or unknown office with 422 naming the field, as the other read endpoints do", async () => {
    for (const office of ["Not%20A%20Slug", "nope"]) {
      const response = await read(transparencyGet(apiGet(`/api/v1/transparency?office=${office}`)));
      expect(response.status).toBe(422);
      expect(Object.keys(response.json.error!.fields!)).toEqual(["office"]);
    }
  });
});

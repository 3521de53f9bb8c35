import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { auditLogs, surveyResponses } from "@/db/schema";
import { citizen, type Actor } from "@/lib/auth/actor";
import { REFERENCE_MISSES } from "@/lib/limits/reference-misses";
import { purgeExpiredPersonalData } from "@/lib/dal/retention";
import { findSurveyAccess, submitSurvey } from "@/lib/dal/survey";
import { callNext } from "@/lib/dal/queue/calls";
import { finishService, startService } from "@/lib/dal/queue/service";
import { createManageToken } from "@/lib/manage-token";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, NOW, type TestOffice } from "../helpers/fixtures";
import { at, bookAndCheckIn, rowOf, type Booked } from "../helpers/queue";
import { actorOf, createTestStaff } from "../helpers/staff";

const answers = { u1: 4, u2: 3, u3: 3, u4: 4, u5: 3, u6: 3, u7: 4, u8: 2, u9: 3, comment: null, ageBand: "30-39", sex: "F", education: null, occupation: "swasta" } as const;

describe.each(DATABASE_KINDS)("SKM survey on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;
  let op: Actor;
  const db = () => testDb.handle.db;
  const who = citizen("127.0.0.1");

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
    t = await createTestOffice(db());
    op = actorOf(await createTestStaff(db(), t.office.id));
  });
  afterAll(() => testDb.dispose());

  async function served(): Promise<Booked> {
    const booked = await bookAndCheckIn(t, op, { checkInAt: at(0) });
    await callNext(op, { counterNumber: 1 }, { now: at(10) });
    await startService(op, { ...booked, counterNumber: 1 }, { now: at(11) });
    await finishService(op, { ...booked, counterNumber: 1 }, { now: at(20) });
    return booked;
  }

  const responsesOf = async (reference: string) => {
    const row = await rowOf(db(), reference);
    const [c] = await db().select({ n: count() }).from(surveyResponses).where(eq(surveyResponses.bookingId, row.id));
    return c!.n;
  };

  it("records one sheet for a served visit by reference + NIK, without the NIK, and refuses a second", async () => {
    const b = await served();
    expect((await findSurveyAccess({ reference: b.reference }, { locale: "id" }))!).toMatchObject({ state: "open", needsNik: true });
    await submitSurvey(who, { ...answers, reference: b.reference, nik: b.nik }, { now: at(30) });
    const [sheet] = await db().select().from(surveyResponses).where(eq(surveyResponses.bookingId, (await rowOf(db(), b.reference)).id));
    expect(sheet).toMatchObject({ officeId: t.office.id, serviceDate: "2026-12-01", u1: 4, u8: 2, sex: "F", ageBand: "30-39", education: null });
    expect(JSON.stringify(sheet)).not.toContain(b.nik);
    expect((await findSurveyAccess({ reference: b.reference }, { locale: "id" }))!.state).toBe("answered");

    await expect(submitSurvey(who, { ...answers, reference: b.reference, nik: b.nik }, { now: at(31) })).rejects.toMatchObject({ code: "duplicate", status: 409 });
    expect(await responsesOf(b.reference)).toBe(1);
    const audits = await db().select().from(auditLogs).where(eq(auditLogs.action, "survey.submit"));
    expect(audits.filter((a) => a.bookingId === sheet!.bookingId)).toHaveLength(1);
  });

  it("accepts the manage cookie instead of the NIK", async () => {
    const b = await served();
    const token = createManageToken(b.reference, at(25));
    expect((await findSurveyAccess({ reference: b.reference, manageToken: token }, { locale: "id", now: at(30) }))!.needsNik).toBe(false);
    expect((await findSurveyAccess({ reference: b.reference, manageToken: token }, { locale: "id", now: at(60) }))!.needsNik).toBe(true);
    await submitSurvey(who, { ...answers, reference: b.reference, manageToken: token }, { now: at(30) });
    expect(await responsesOf(b.reference)).toBe(1);
  });

  it("refuses a wrong NIK, a missing NIK, and a visit that is not finished, writing nothing", async () => {
    const b = await served();
    await expect(submitSurvey(who, { ...answers, reference: b.reference, nik: adultNik() }, { now: at(30) })).rejects.toMatchObject({ code: "not_found" });
    await expect(submitSurvey(who, { ...answers, reference: b.reference }, { now: at(30) })).rejects.toMatchObject({ code: "validation" });
    await expect(submitSurvey(who, { ...answers, reference: b.reference, manageToken: createManageToken("ZZZZZZZZ", NOW) }, { now: at(30) })).rejects.toMatchObject({ code: "validation" });
    expect(await responsesOf(b.reference)).toBe(0);

    const waiting = await bookAndCheckIn(t, op, { checkInAt: at(1) });
    await expect(submitSurvey(who, { ...answers, reference: waiting.reference, nik: waiting.nik }, { now: at(30) })).rejects.toMatchObject({ code: "invalid_transition" });
    expect((await findSurveyAccess({ reference: waiting.reference }, { locale: "id" }))!.state).toBe("not_served");
    expect(await responsesOf(waiting.reference)).toBe(0);
  });

  it("lets only one of two simultaneous submissions count", async () => {
    const b = await served();
    const results = await Promise.allSettled([1, 2].map(() => submitSurvey(who, { ...answers, reference: b.reference, nik: b.nik }, { now: at(30) })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await responsesOf(b.reference)).toBe(1);
  });

  it("keeps the scores but drops the comment and the visit link after the retention period", async () => {
    const b = await served();
    await submitSurvey(who, { ...answers, comment: "Petugas Budi ramah", reference: b.reference, nik: b.nik }, { now: at(30) });
    const bookingId = (await rowOf(db(), b.reference)).id;
    await purgeExpiredPersonalData({ now: new Date("2028-01-01T00:00:00Z") });
    const sheets = await db().select().from(surveyResponses).where(eq(surveyResponses.officeId, t.office.id));
    expect(sheets.length).toBeGreaterThan(0);
    expect(sheets.every((s) => s.comment === null && s.bookingId === null)).toBe(true);
    expect(sheets.filter((s) => s.u1 === 4)).toHaveLength(sheets.length);
    expect(await db().select().from(surveyResponses).where(eq(surveyResponses.bookingId, bookingId))).toHaveLength(0);
  });

  it("counts unknown references against the address, as the confirmation page does", async () => {
    const b = await served();
    const ip = "10.77.0.1";
    // The misses are counted in fixed windows: start well inside one, or a boundary mid-test resets the count.
    const windowMs = REFERENCE_MISSES.windowSeconds * 1000;
    const leftInWindow = windowMs - (Date.now() % windowMs);
    if (leftInWindow < 20_000) await new Promise((resolve) => setTimeout(resolve, leftInWindow + 100));
    for (let i = 0; i < REFERENCE_MISSES.limit; i++) expect(await findSurveyAccess({ reference: `ZZZZ${String(i).padStart(4, "2").replace(/[01]/g, "2")}`, ip }, { locale: "id" })).toBeNull();
    await expect(findSurveyAccess({ reference: b.reference, ip }, { locale: "id" })).rejects.toMatchObject({ code: "rate_limited" });
    expect(await findSurveyAccess({ reference: b.reference, ip: "10.77.0.2" }, { locale: "id" })).toMatchObject({ state: "open" });
  });

  it("refuses scores outside 1–4 in the database too", async () => {
    const b = await served();
    await expect(submitSurvey(who, { ...answers, u3: 5, reference: b.reference, nik: b.nik }, { now: at(30) })).rejects.toThrow();
    expect(await responsesOf(b.reference)).toBe(0);
  });
});

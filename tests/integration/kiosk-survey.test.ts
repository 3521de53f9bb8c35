import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { auditLogs, surveyResponses } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { REFERENCE_FAILURES } from "@/lib/limits/reference-guard";
import { getKioskSurveyVisit, recordKioskSurvey } from "@/lib/dal/kiosk-survey";
import { submitSurvey } from "@/lib/dal/survey";
import { callNext } from "@/lib/dal/queue/calls";
import { finishService, startService } from "@/lib/dal/queue/service";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { createTestOffice, type TestOffice } from "../helpers/fixtures";
import { at, bookAndCheckIn, kioskActor, rowOf, type Booked } from "../helpers/queue";
import { actorOf, createTestStaff } from "../helpers/staff";

const answers = { u1: 4, u2: 3, u3: 3, u4: 4, u5: 3, u6: 3, u7: 4, u8: 2, u9: 3, comment: null, ageBand: null, sex: null, education: null, occupation: null } as const;

describe.each(DATABASE_KINDS)("SKM survey at the kiosk on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;
  let other: TestOffice;
  let op: Actor;
  let otherOp: Actor;
  let kiosk: Actor;
  const db = () => testDb.handle.db;

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
    t = await createTestOffice(db());
    other = await createTestOffice(db());
    op = actorOf(await createTestStaff(db(), t.office.id));
    otherOp = actorOf(await createTestStaff(db(), other.office.id));
    kiosk = await kioskActor(db(), t.office.id);
  });
  afterAll(() => testDb.dispose());

  async function served(office = t, by = op, minute = 0): Promise<Booked> {
    const booked = await bookAndCheckIn(office, by, { checkInAt: at(minute) });
    await callNext(by, { counterNumber: 1 }, { now: at(minute + 1) });
    await startService(by, { ...booked, counterNumber: 1 }, { now: at(minute + 2) });
    await finishService(by, { ...booked, counterNumber: 1 }, { now: at(minute + 3) });
    return booked;
  }

  const sheetsOf = async (reference: string) => {
    const [c] = await db().select({ n: count() }).from(surveyResponses).where(eq(surveyResponses.bookingId, (await rowOf(db(), reference)).id));
    return c!.n;
  };

  it("the kiosk records one sheet for a visit finished at its office, by reference alone, audited as the kiosk", async () => {
    const b = await served();
    const visit = await getKioskSurveyVisit(kiosk, { reference: b.reference.toLowerCase() }, { locale: "en", now: at(30) });
    expect(visit).toMatchObject({ reference: b.reference, date: "2026-12-01" });
    await recordKioskSurvey(kiosk, { ...answers, reference: b.reference }, { now: at(31) });
    expect(await sheetsOf(b.reference)).toBe(1);
    const [audit] = await db().select().from(auditLogs).where(eq(auditLogs.action, "survey.submit"));
    expect(audit).toMatchObject({ bookingId: (await rowOf(db(), b.reference)).id });
    expect(JSON.stringify(audit)).toContain(kiosk.type === "device" ? kiosk.deviceId : "?");

    // A second attempt, at the kiosk or on the web, is told it is already filled.
    await expect(getKioskSurveyVisit(kiosk, { reference: b.reference }, { now: at(32) })).rejects.toMatchObject({ code: "duplicate", status: 409 });
    await expect(recordKioskSurvey(kiosk, { ...answers, reference: b.reference }, { now: at(32) })).rejects.toMatchObject({ code: "duplicate", status: 409 });
    await expect(submitSurvey(kiosk, { ...answers, reference: b.reference }, { now: at(32) })).rejects.toMatchObject({ code: "duplicate" });
    expect(await sheetsOf(b.reference)).toBe(1);
  });

  it("only a kiosk may record without the NIK; its misses on a reference are limited", async () => {
    const b = await served(t, op, 35);
    const display = await kioskActor(db(), t.office.id, "display");
    await expect(recordKioskSurvey(display, { ...answers, reference: b.reference })).rejects.toMatchObject({ code: "forbidden" });
    await expect(recordKioskSurvey(op, { ...answers, reference: b.reference })).rejects.toMatchObject({ code: "forbidden" });
    expect(await sheetsOf(b.reference)).toBe(0);

    const guesser = await kioskActor(db(), t.office.id);
    for (let i = 0; i < REFERENCE_FAILURES.perAddress; i++) await expect(getKioskSurveyVisit(guesser, { reference: "ZZZZZZZZ" })).rejects.toMatchObject({ code: "not_found" });
    await expect(getKioskSurveyVisit(guesser, { reference: "ZZZZZZZZ" })).rejects.toMatchObject({ code: "rate_limited", status: 429 });
  });

  it("refuses a visit that is not finished, and another office's visit, writing nothing", async () => {
    const waiting = await bookAndCheckIn(t, op, { checkInAt: at(40) });
    await expect(getKioskSurveyVisit(kiosk, { reference: waiting.reference }, { now: at(41) })).rejects.toMatchObject({ code: "invalid_transition" });
    await expect(recordKioskSurvey(kiosk, { ...answers, reference: waiting.reference }, { now: at(41) })).rejects.toMatchObject({ code: "invalid_transition" });
    expect(await sheetsOf(waiting.reference)).toBe(0);

    const elsewhere = await served(other, otherOp, 50);
    await expect(getKioskSurveyVisit(kiosk, { reference: elsewhere.reference }, { now: at(60) })).rejects.toMatchObject({ code: "not_found", status: 404 });
    await expect(recordKioskSurvey(kiosk, { ...answers, reference: elsewhere.reference }, { now: at(60) })).rejects.toMatchObject({ code: "not_found" });
    expect(await sheetsOf(elsewhere.reference)).toBe(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { services } from "@/db/schema";
import { citizen } from "@/lib/auth/actor";
import { createBooking } from "@/lib/dal/bookings";
import { findServiceForAge } from "@/lib/dal/services";
import { appErrorOf, bookingRequest } from "../helpers/bookings";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { createTestOffice, makeNik, NOW, type TestOffice } from "../helpers/fixtures";

const visitor = citizen("127.0.0.1");
const ctx = (locale: "id" | "en") => ({ locale, now: NOW });

describe.each(DATABASE_KINDS)("the age rule points to the service that fits, on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;
  const db = () => testDb.handle.db;

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
    t = await createTestOffice(db());
    await db().update(services).set({ nameEn: "Child ID card" }).where(eq(services.id, t.kia.id));
  });
  afterAll(() => testDb.dispose());

  it("a 10-year-old asking for KTP-el is refused and pointed to KIA, in the reader's language", async () => {
    const tenYearOld = makeNik("2016-06-10", "F", 21);
    const error = await appErrorOf(createBooking(visitor, bookingRequest(t, { nik: tenYearOld }), ctx("en")));
    expect(error.fields).toEqual({ nik: ["field.nik.tooYoung"] });
    expect(error.params).toMatchObject({ minAge: 17, suggestedService: "kia", suggestedServiceName: "Child ID card" });
    const inId = await appErrorOf(createBooking(visitor, bookingRequest(t, { nik: tenYearOld }), ctx("id")));
    expect(inId.params).toMatchObject({ suggestedService: "kia", suggestedServiceName: "KIA" });
  });

  it("an adult asking for KIA is pointed to KTP-el", async () => {
    const error = await appErrorOf(createBooking(visitor, bookingRequest(t, { service: "kia", nik: makeNik("1990-01-01", "M", 22) }), ctx("id")));
    expect(error.params).toMatchObject({ limit: 17, suggestedService: "ktp" });
  });

  it("findServiceForAge: only active services with an age rule the age meets, never the refused one", async () => {
    expect((await findServiceForAge(db(), t.office, 10, t.ktp.id))?.slug).toBe("kia");
    expect((await findServiceForAge(db(), t.office, 17, t.kia.id))?.slug).toBe("ktp");
    expect(await findServiceForAge(db(), t.office, 10, t.kia.id)).toBeNull();
    await db().update(services).set({ isActive: false }).where(eq(services.id, t.kia.id));
    try {
      expect(await findServiceForAge(db(), t.office, 10, t.ktp.id)).toBeNull();
      const error = await appErrorOf(createBooking(visitor, bookingRequest(t, { nik: makeNik("2016-06-10", "F", 23) }), ctx("id")));
      expect(error.fields).toEqual({ nik: ["field.nik.tooYoung"] });
      expect(error.params?.suggestedService).toBeUndefined();
    } finally {
      await db().update(services).set({ isActive: true }).where(eq(services.id, t.kia.id));
    }
  });
});

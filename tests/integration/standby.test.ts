import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { bookings, capacityReleases, messages, offices, standbyEntries } from "@/db/schema";
import { citizen } from "@/lib/auth/actor";
import { getAvailability } from "@/lib/dal/availability";
import { cancelBooking, createBooking, rescheduleBooking } from "@/lib/dal/bookings";
import { applyDueReleases } from "@/lib/dal/capacity-release";
import { cancelByStaff } from "@/lib/dal/queue/service";
import { purgeExpiredPersonalData } from "@/lib/dal/retention";
import { acceptStandbyOffer, joinStandby, lookupStandby, standbyTokenSubject } from "@/lib/dal/standby";
import { decryptNik } from "@/lib/crypto";
import { createManageToken } from "@/lib/manage-token";
import { createTranslator } from "@/lib/i18n/translate";
import { addDays } from "@/lib/dates";
import { appErrorOf, bookingRequest, countActive, usageMismatches } from "../helpers/bookings";
import { DATABASE_KINDS, useTestDatabase, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, makeNik, NOW, TOMORROW, uniquePhone, type TestOffice } from "../helpers/fixtures";
import { actorOf, createTestStaff } from "../helpers/staff";

const MINUTE = 60_000;
const at = (minutes: number) => new Date(NOW.getTime() + minutes * MINUTE);
const visitor = citizen("10.1.1.1");
const ctx = (now: Date = NOW, locale: "id" | "en" = "id") => ({ locale, now });

describe.each(DATABASE_KINDS)("re-release delay and the standby list on %s", (kind) => {
  let testDb: TestDatabase;
  const db = () => testDb.handle.db;

  beforeAll(async () => {
    testDb = await useTestDatabase(kind);
  });
  afterAll(() => testDb.dispose());

  /** An office whose day holds `dailyCap` people, with the 30-minute delay and 2-hour offers of the defaults. */
  const fullOffice = async (dailyCap = 2, sessionCapacity = 10) => {
    const t = await createTestOffice(db(), { sessionCapacity, office: { dailyCap, releaseDelayMinutes: 30, standbyOfferMinutes: 120 } });
    const booked = [];
    for (let i = 0; i < dailyCap; i++) {
      const nik = adultNik();
      booked.push({ nik, booking: await createBooking(visitor, bookingRequest(t, { nik, session: "09:00" }), ctx()) });
    }
    return { t, booked };
  };
  const release = (t: TestOffice, minutes: number) => applyDueReleases({ now: at(minutes), officeId: t.office.id });
  const placesLeft = async (t: TestOffice, date = TOMORROW, now = NOW) => {
    const a = await getAvailability({ officeSlug: t.office.slug, serviceSlug: "ktp", from: date, days: 1, t: createTranslator("id"), now });
    // The day's places left (each session shows at most that many).
    return Math.max(0, ...a.days[0]!.sessions.map((s) => s.remaining));
  };
  const join = (t: TestOffice, over: Record<string, unknown> = {}, now = NOW) => {
    const nik = (over.nik as string) ?? adultNik();
    return joinStandby(
      visitor,
      { office: t.office.slug, service: "ktp", date: TOMORROW, nik, name: "Dewi Lestari", phone: "+62" + uniquePhone().slice(1), ...over },
      ctx(now),
    ).then((r) => ({ ...r, nik }));
  };

  it("a cancelled place returns to sale only after the delay; counters = active bookings + withheld places", async () => {
    const { t, booked } = await fullOffice();
    expect(await placesLeft(t)).toBe(0);
    await cancelBooking(visitor, { reference: booked[0]!.booking.reference, nik: booked[0]!.nik }, ctx());
    // Still counted: nobody (the canceller's friend included) can book it now.
    expect(await placesLeft(t)).toBe(0);
    expect((await appErrorOf(createBooking(visitor, bookingRequest(t), ctx(at(1))))).code).toBe("full");
    expect(await usageMismatches(db(), t.office.id)).toEqual({});

    expect(await release(t, 29)).toEqual({ offered: 0, released: 0, expired: 0 });
    expect(await placesLeft(t, TOMORROW, at(29))).toBe(0);
    expect(await release(t, 30)).toEqual({ offered: 0, released: 1, expired: 0 });
    expect(await release(t, 31)).toEqual({ offered: 0, released: 0, expired: 0 });
    expect(await placesLeft(t, TOMORROW, at(30))).toBe(1);
    expect(await usageMismatches(db(), t.office.id)).toEqual({});
    await createBooking(visitor, bookingRequest(t), ctx(at(31)));
    expect(await countActive(db(), t.office.id, { date: TOMORROW })).toBe(2);
    expect(await usageMismatches(db(), t.office.id)).toEqual({});
  });

  it("the phone's allowance comes back at once; only the place waits", async () => {
    const t = await createTestOffice(db(), { office: { dailyCap: 40, releaseDelayMinutes: 30, phoneDailyLimit: 1 } });
    const phone = "+62" + uniquePhone().slice(1);
    const nik = adultNik();
    const first = await createBooking(visitor, bookingRequest(t, { nik, phone }), ctx());
    await cancelBooking(visitor, { reference: first.reference, nik }, ctx());
    await createBooking(visitor, bookingRequest(t, { phone }), ctx(at(1)));
    expect(await usageMismatches(db(), t.office.id)).toEqual({});
  });

  it("a moved booking's old place is withheld too: a session on the same day, a whole place on another", async () => {
    const t = await createTestOffice(db(), { sessionCapacity: 1, office: { dailyCap: 40, releaseDelayMinutes: 30 } });
    const nik = adultNik();
    const b = await createBooking(visitor, bookingRequest(t, { nik, session: "09:00" }), ctx());
    const sessionLeft = async (session: string, date = TOMORROW, now = NOW) => {
      const a = await getAvailability({ officeSlug: t.office.slug, serviceSlug: "ktp", from: date, days: 1, t: createTranslator("id"), now });
      return a.days[0]!.sessions.find((s) => s.start === session)!.remaining;
    };
    await rescheduleBooking(visitor, { reference: b.reference, nik, date: TOMORROW, session: "10:00" }, ctx());
    expect(await sessionLeft("09:00")).toBe(0);
    expect(await usageMismatches(db(), t.office.id)).toEqual({});
    await rescheduleBooking(visitor, { reference: b.reference, nik, date: addDays(TOMORROW, 1), session: "11:00" }, ctx(at(5)));
    expect(await sessionLeft("10:00")).toBe(0);
    expect(await usageMismatches(db(), t.office.id)).toEqual({});
    expect(await release(t, 30)).toMatchObject({ released: 1 });
    expect(await sessionLeft("09:00", TOMORROW, at(30))).toBe(1);
    expect(await sessionLeft("10:00", TOMORROW, at(30))).toBe(0);
    expect(await release(t, 35)).toMatchObject({ released: 1 });
    expect(await sessionLeft("10:00", TOMORROW, at(35))).toBe(1);
    expect(await usageMismatches(db(), t.office.id)).toEqual({});
  });

  it("a hidden place (the training place) has no standby list: answered as an unknown place, nothing written", async () => {
    const { t } = await fullOffice();
    await db().update(offices).set({ isPublic: false }).where(eq(offices.id, t.office.id));
    const refused = await appErrorOf(join(t));
    expect(refused.status).toBe(422);
    expect(Object.keys(refused.fields ?? {})).toEqual(["office"]);
    expect(await db().$count(standbyEntries, eq(standbyEntries.officeId, t.office.id))).toBe(0);
  });

  it("joining: only a full date, the person rules of a booking, one entry per NIK and date, in order", async () => {
    const { t, booked } = await fullOffice();
    const notFull = await appErrorOf(join(t, { date: addDays(TOMORROW, 1) }));
    expect(notFull.code).toBe("not_full");
    expect((await appErrorOf(join(t, { nik: makeNik("2015-05-05") }))).fields?.nik).toEqual(["field.nik.tooYoung"]);
    expect((await appErrorOf(join(t, { session: "07:00" }))).fields?.session).toEqual(["field.session.invalid"]);
    expect((await appErrorOf(join(t, { nik: booked[0]!.nik }))).code).toBe("duplicate");

    const p1 = await join(t);
    const p2 = await join(t, { session: "10:00" });
    const p3 = await join(t);
    expect([p1.position, p2.position, p3.position]).toEqual([1, 2, 3]);
    const again = await appErrorOf(join(t, { nik: p1.nik }));
    expect([again.code, again.messageKey]).toEqual(["duplicate", "standby.error.duplicate"]);
    expect(await lookupStandby(visitor, { reference: p3.reference, nik: p3.nik }, { locale: "id", now: NOW })).toMatchObject({ status: "waiting", position: 3, session: null });
    expect((await appErrorOf(lookupStandby(visitor, { reference: p3.reference, nik: p1.nik }, { locale: "id" }))).code).toBe("not_found");
    // Nothing written for the refused ones: three entries, no booking, the NIK only hashed and masked.
    const rows = await db().select().from(standbyEntries).where(eq(standbyEntries.officeId, t.office.id));
    expect(rows).toHaveLength(3);
    expect(JSON.stringify(rows)).not.toContain(p1.nik);
  });

  it("a freed place is offered to the first who can take it, held (not sold), accepted into a booking with its confirmation", async () => {
    const { t, booked } = await fullOffice();
    const p1 = await join(t, { session: "11:00" }); // cannot take a 09:00 place
    const p2 = await join(t);
    const p3 = await join(t);
    await cancelBooking(visitor, { reference: booked[0]!.booking.reference, nik: booked[0]!.nik }, ctx());
    expect(await release(t, 30)).toEqual({ offered: 1, released: 0, expired: 0 });

    const offered = await lookupStandby(visitor, { reference: p2.reference, nik: p2.nik }, { locale: "en", now: at(31) });
    expect(offered).toMatchObject({ status: "offered", offer: { session: { start: "09:00", end: "10:00" }, expiresAt: at(150).toISOString() } });
    expect(await lookupStandby(visitor, { reference: p1.reference, nik: p1.nik }, { locale: "id", now: at(31) })).toMatchObject({ status: "waiting", position: 1 });
    expect(await lookupStandby(visitor, { reference: p3.reference, nik: p3.nik }, { locale: "id", now: at(31) })).toMatchObject({ status: "waiting", position: 2 });
    // Held for p2: still not for sale.
    expect(await placesLeft(t, TOMORROW, at(31))).toBe(0);
    expect(await usageMismatches(db(), t.office.id)).toEqual({});

    // The offer is in the outbox, written with it: WhatsApp, the entry's language, never the NIK.
    const [entry] = await db().select().from(standbyEntries).where(eq(standbyEntries.reference, p2.reference));
    const offers = await db().select().from(messages).where(and(eq(messages.officeId, t.office.id), eq(messages.kind, "standby_offer")));
    expect(offers).toHaveLength(1);
    expect(offers[0]).toMatchObject({ channel: "whatsapp", recipient: entry!.phone.slice(1), language: "id", bookingId: null, status: "queued" });
    expect(offers[0]!.params).toMatchObject({ reference: p2.reference, date: TOMORROW, sessionStart: "09:00", deadlineDate: "2026-12-01", deadlineTime: "12:30" });
    expect(JSON.stringify(offers[0])).not.toContain(p2.nik);
    // On the release's clock, not the database's: retention and the outbox's order read this time.
    expect(offers[0]!.createdAt).toEqual(at(30));

    expect((await appErrorOf(acceptStandbyOffer(visitor, { reference: p3.reference, nik: p3.nik }, ctx(at(40))))).messageKey).toBe("standby.error.noOffer");
    expect((await appErrorOf(acceptStandbyOffer(visitor, { reference: p2.reference, nik: p3.nik }, ctx(at(40))))).code).toBe("not_found");
    const booking = await acceptStandbyOffer(visitor, { reference: p2.reference, nik: p2.nik }, ctx(at(40), "en"));
    expect(booking).toMatchObject({ status: "booked", date: TOMORROW, session: { start: "09:00" }, channel: "online" });
    expect((await appErrorOf(acceptStandbyOffer(visitor, { reference: p2.reference, nik: p2.nik }, ctx(at(41))))).code).toBe("invalid_transition");
    expect(await lookupStandby(visitor, { reference: p2.reference, nik: p2.nik }, { locale: "id", now: at(41) })).toMatchObject({
      status: "booked",
      booking: { reference: booking.reference },
    });
    const [row] = await db().select().from(bookings).where(eq(bookings.reference, booking.reference));
    const confirmations = await db().select().from(messages).where(and(eq(messages.bookingId, row!.id), eq(messages.kind, "confirmation")));
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]!.language).toBe("en");
    expect(await countActive(db(), t.office.id, { date: TOMORROW })).toBe(2);
    expect(await usageMismatches(db(), t.office.id)).toEqual({});
    const [freed] = await db().select().from(capacityReleases).where(eq(capacityReleases.officeId, t.office.id));
    expect(freed!.status).toBe("used");
  });

  it("an offer not accepted in time passes to the next person, then back to sale when nobody is left", async () => {
    const { t, booked } = await fullOffice();
    const p1 = await join(t);
    const p2 = await join(t);
    await cancelBooking(visitor, { reference: booked[0]!.booking.reference, nik: booked[0]!.nik }, ctx());
    await release(t, 30);
    expect(await release(t, 149)).toEqual({ offered: 0, released: 0, expired: 0 });
    expect(await release(t, 150)).toEqual({ offered: 1, released: 0, expired: 1 });
    expect(await lookupStandby(visitor, { reference: p1.reference, nik: p1.nik }, { locale: "id", now: at(151) })).toMatchObject({ status: "expired" });
    expect((await appErrorOf(acceptStandbyOffer(visitor, { reference: p1.reference, nik: p1.nik }, ctx(at(151))))).code).toBe("invalid_transition");
    expect(await lookupStandby(visitor, { reference: p2.reference, nik: p2.nik }, { locale: "id", now: at(151) })).toMatchObject({
      status: "offered",
      offer: { expiresAt: at(270).toISOString() },
    });
    // Accepting after the deadline is refused even before the pass has run.
    expect((await appErrorOf(acceptStandbyOffer(visitor, { reference: p2.reference, nik: p2.nik }, ctx(at(270))))).messageKey).toBe("standby.error.offerExpired");
    expect(await placesLeft(t, TOMORROW, at(269))).toBe(0);
    expect(await release(t, 270)).toEqual({ offered: 0, released: 1, expired: 1 });
    expect(await placesLeft(t, TOMORROW, at(270))).toBe(1);
    expect(await usageMismatches(db(), t.office.id)).toEqual({});
    const offers = await db().select().from(messages).where(and(eq(messages.officeId, t.office.id), eq(messages.kind, "standby_offer")));
    expect(offers).toHaveLength(2);
  });

  it("the web page's accept proves the person with the look-up's token, never a booking's or another entry's", async () => {
    const { t, booked } = await fullOffice();
    const p1 = await join(t);
    const p2 = await join(t);
    await cancelBooking(visitor, { reference: booked[0]!.booking.reference, nik: booked[0]!.nik }, ctx());
    await release(t, 30);
    for (const manageToken of [createManageToken(p1.reference, at(31)), createManageToken(standbyTokenSubject(p2.reference), at(31)), "forged.1.x"]) {
      expect((await appErrorOf(acceptStandbyOffer(visitor, { reference: p1.reference, manageToken }, ctx(at(32))))).code).toBe("not_found");
    }
    const booking = await acceptStandbyOffer(visitor, { reference: p1.reference, manageToken: createManageToken(standbyTokenSubject(p1.reference), at(31)) }, ctx(at(32)));
    // The booking keeps the NIK the list stored (encrypted), as if it had been typed.
    const [row] = await db().select().from(bookings).where(eq(bookings.reference, booking.reference));
    expect(decryptNik(row!.nikEncrypted!)).toBe(p1.nik);
    expect(await usageMismatches(db(), t.office.id)).toEqual({});
  });

  it("retention: the list's entries and their offers' numbers go with the rest of the personal data", async () => {
    const { t, booked } = await fullOffice();
    const p = await join(t);
    await cancelBooking(visitor, { reference: booked[0]!.booking.reference, nik: booked[0]!.nik }, ctx());
    await release(t, 30);
    await purgeExpiredPersonalData({ now: new Date(NOW.getTime() + (t.office.retentionDays + 2) * 86_400_000) });
    expect(await db().select().from(standbyEntries).where(eq(standbyEntries.reference, p.reference))).toEqual([]);
    const offers = await db().select().from(messages).where(and(eq(messages.officeId, t.office.id), eq(messages.kind, "standby_offer")));
    expect(offers.map((m) => m.recipient)).toEqual([null]);
  });

  it("someone who has meanwhile booked that day the normal way is skipped", async () => {
    const { t, booked } = await fullOffice(1);
    const p1 = await join(t);
    const p2 = await join(t);
    // The office adds a place for a while: p1 books it the normal way.
    await db().update(offices).set({ dailyCap: 2 }).where(eq(offices.id, t.office.id));
    await createBooking(visitor, bookingRequest(t, { nik: p1.nik }), ctx(at(1)));
    await db().update(offices).set({ dailyCap: 1 }).where(eq(offices.id, t.office.id));
    await cancelBooking(visitor, { reference: booked[0]!.booking.reference, nik: booked[0]!.nik }, ctx(at(2)));
    expect(await release(t, 32)).toEqual({ offered: 1, released: 0, expired: 0 });
    expect(await lookupStandby(visitor, { reference: p1.reference, nik: p1.nik }, { locale: "id", now: at(33) })).toMatchObject({ status: "waiting" });
    expect(await lookupStandby(visitor, { reference: p2.reference, nik: p2.nik }, { locale: "id", now: at(33) })).toMatchObject({ status: "offered" });
    expect(await usageMismatches(db(), t.office.id)).toEqual({});
  });

  it("an offer never runs past the session's start", async () => {
    const t = await createTestOffice(db(), { office: { dailyCap: 1, releaseDelayMinutes: 30, standbyOfferMinutes: 1440 } });
    const nik = adultNik();
    const b = await createBooking(visitor, bookingRequest(t, { nik, session: "08:00" }), ctx());
    const p = await join(t);
    await cancelBooking(visitor, { reference: b.reference, nik }, ctx());
    await release(t, 30);
    // 08:00 in Jakarta on 2 December is 01:00 UTC.
    expect(await lookupStandby(visitor, { reference: p.reference, nik: p.nik }, { locale: "id", now: at(31) })).toMatchObject({
      offer: { expiresAt: "2026-12-02T01:00:00.000Z" },
    });
  });

  it("a supervisor's cancellation has no delay and goes straight to the standby list", async () => {
    const { t, booked } = await fullOffice();
    const p1 = await join(t);
    const supervisor = actorOf(await createTestStaff(db(), t.office.id, { role: "supervisor" }));
    await cancelByStaff(supervisor, { reference: booked[1]!.booking.reference }, { now: NOW });
    expect(await lookupStandby(visitor, { reference: p1.reference, nik: p1.nik }, { locale: "id", now: NOW })).toMatchObject({ status: "offered" });
    expect(await usageMismatches(db(), t.office.id)).toEqual({});
    // Without anyone waiting, the place is for sale at once.
    await cancelByStaff(supervisor, { reference: booked[0]!.booking.reference }, { now: NOW });
    expect(await placesLeft(t)).toBe(1);
    expect(await usageMismatches(db(), t.office.id)).toEqual({});
  });
});

import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as calendarGet } from "@/app/[locale]/booking/[reference]/calendar.ics/route";
import { POST as cancelPost } from "@/app/api/v1/bookings/[reference]/cancel/route";
import { POST as bookPost } from "@/app/api/v1/bookings/route";
import { apiGet, apiPost, read, refParams, disposeApiTestDatabase, useApiTestDatabase } from "../helpers/api";
import { DATABASE_KINDS, type TestDatabase } from "../helpers/databases";
import { adultNik, createTestOffice, TOMORROW, uniquePhone, type TestOffice } from "../helpers/fixtures";

vi.stubEnv("ANTREAN_TRUST_PROXY", "1");
// Proof of work has its own tests (api-pow.test.ts); these book without solving a challenge.
vi.stubEnv("ANTREAN_POW", "off");

/** The calendar file as a calendar app reads it (Mozilla's ical.js), with its time zone registered. */
function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zone = calendar.getFirstSubcomponent("vtimezone");
  if (zone) ICAL.TimezoneService.register(zone);
  const vevent = calendar.getFirstSubcomponent("vevent")!;
  return { calendar, zone, vevent, event: new ICAL.Event(vevent) };
}

describe.each(DATABASE_KINDS)("the booking's calendar file on %s", (kind) => {
  let testDb: TestDatabase;
  let t: TestOffice;

  beforeAll(async () => {
    testDb = await useApiTestDatabase(kind);
    t = await createTestOffice(testDb.handle.db);
  });
  afterAll(async () => {
    await disposeApiTestDatabase(testDb);
  });

  async function bookAt(session: string, office = t.office.slug) {
    const nik = adultNik();
    const res = await read(bookPost(apiPost("/api/v1/bookings", { office, service: "ktp", date: TOMORROW, session, nik, name: "Siti Nurhaliza", phone: uniquePhone() })));
    expect(res.status).toBe(201);
    return { reference: String(res.json.reference), nik };
  }
  async function calendarOf(reference: string, lang?: "en") {
    const response = await calendarGet(apiGet(`/booking/${reference}/calendar.ics`, { lang }), refParams(reference));
    return { status: response.status, text: await response.text() };
  }

  it("an unknown or malformed reference is the API's 404 in the reader's language, never a calendar", async () => {
    for (const [reference, lang, words] of [
      ["ZZZZ2222", "en", "There is no booking with this code"],
      ["ZZZZ2223", undefined, "Tidak ada booking dengan kode ini"],
      ["<script>alert(1)</script>", "en", "There is no booking with this code"],
    ] as const) {
      const res = await calendarOf(reference, lang);
      expect(res.status).toBe(404);
      expect(JSON.parse(res.text)).toEqual({ error: { code: "not_found", message: expect.stringContaining(words) } });
      expect(res.text).not.toContain("BEGIN:VCALENDAR");
      expect(res.text).not.toContain("<script>");
    }
  });

  it("is in the office's time zone: DTSTART;TZID with a VTIMEZONE, the session at the office's clock", async () => {
    const { reference } = await bookAt("09:00");
    const res = await calendarOf(reference);
    expect(res.status).toBe(200);
    expect(res.text).toContain("DTSTART;TZID=Asia/Jakarta:20261202T090000\r\n");
    expect(res.text).toContain("DTEND;TZID=Asia/Jakarta:20261202T100000\r\n");
    expect(res.text).not.toMatch(/DTSTART:\d{8}T\d{6}Z/);

    const { zone, vevent, event } = parseCalendar(res.text);
    expect(zone?.getFirstPropertyValue("tzid")).toBe("Asia/Jakarta");
    expect(vevent.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(event.uid).toBe(`${reference}@antrean`);
    // 09:00 WIB is 02:00 UTC, whatever zone the reader's phone is in.
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-12-02T02:00:00.000Z");
    expect(event.endDate.toJSDate().toISOString()).toBe("2026-12-02T03:00:00.000Z");
    expect(vevent.getAllSubcomponents("valarm")).toHaveLength(1);
  });

  it("follows the office's zone (WIT), not the server's", async () => {
    const papua = await createTestOffice(testDb.handle.db, { office: { timezone: "Asia/Jayapura" } });
    const { reference } = await bookAt("10:00", papua.office.slug);
    const { zone, event } = parseCalendar((await calendarOf(reference)).text);
    expect(zone?.getFirstSubcomponent("standard")?.getFirstPropertyValue("tzoffsetto")?.toString()).toBe("+09:00");
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-12-02T01:00:00.000Z");
  });

  it("says STATUS:CANCELLED once cancelled, with the same UID, a higher SEQUENCE and no reminder", async () => {
    const { reference, nik } = await bookAt("11:00");
    const before = parseCalendar((await calendarOf(reference)).text);
    vi.setSystemTime(new Date(Date.now() + 60_000));
    expect((await read(cancelPost(apiPost(`/api/v1/bookings/${reference}/cancel`, { nik }), refParams(reference)))).status).toBe(200);

    const res = await calendarOf(reference, "en");
    expect(res.status).toBe(200);
    const after = parseCalendar(res.text);
    expect(after.vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(after.event.uid).toBe(before.event.uid);
    expect(after.event.sequence).toBeGreaterThan(before.event.sequence);
    expect(after.event.summary).toMatch(/^CANCELLED: /);
    expect(after.vevent.getAllSubcomponents("valarm")).toHaveLength(0);
  });
});

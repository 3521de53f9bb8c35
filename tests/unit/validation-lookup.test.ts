import { describe, expect, it } from "vitest";
import { AvailabilityQuerySchema, LookupBookingSchema, RescheduleBookingSchema } from "@/lib/validation/booking";
import { check } from "../helpers/validation";

const NIK = "3271011705900001";

describe("LookupBookingSchema", () => {
  it("normalises the reference and the NIK as people type them", () => {
    expect(check(LookupBookingSchema, { reference: " abcd-efgh ", nik: "3271 0117 0590 0001" })).toEqual({
      ok: true,
      value: { reference: "ABCDEFGH", nik: NIK },
    });
  });

  it("checks only the NIK's 16 digits, so a guesser learns nothing from its structure", () => {
    expect(check(LookupBookingSchema, { reference: "ABCDEFGH", nik: "9900000000000000" })).toEqual({
      ok: true,
      value: { reference: "ABCDEFGH", nik: "9900000000000000" },
    });
  });

  it.each([
    [{ reference: "ABCD-EFG0", nik: NIK }, { reference: ["field.reference.invalid"] }],
    [{ reference: "ABCDEFG", nik: NIK }, { reference: ["field.reference.invalid"] }],
    [{ reference: "A".repeat(21), nik: NIK }, { reference: ["field.tooLong"] }],
    [{ reference: "ABCDEFGH", nik: "327101170590001" }, { nik: ["field.nik.format"] }],
    [{ reference: "ABCDEFGH", nik: "32710117059000a1" }, { nik: ["field.nik.format"] }],
    [{ reference: "ABCDEFGH", nik: "1".repeat(41) }, { nik: ["field.tooLong"] }],
    [{}, { reference: ["field.required"], nik: ["field.required"] }],
    [{ reference: 12345678, nik: 3271011705900001 }, { reference: ["field.invalid"], nik: ["field.invalid"] }],
  ])("rejects %j", (input, fields) => {
    expect(check(LookupBookingSchema, input)).toEqual({ ok: false, fields });
  });
});

describe("RescheduleBookingSchema", () => {
  it("takes the NIK, a date and a session", () => {
    expect(check(RescheduleBookingSchema, { nik: NIK, date: "2026-12-03", session: "10:00:00" })).toEqual({
      ok: true,
      value: { nik: NIK, date: "2026-12-03", session: "10:00" },
    });
  });

  it("names each bad field", () => {
    expect(check(RescheduleBookingSchema, { nik: "123", date: "2026-13-01", session: "25:00" })).toEqual({
      ok: false,
      fields: { nik: ["field.nik.format"], date: ["field.date.invalid"], session: ["field.session.invalid"] },
    });
    expect(check(RescheduleBookingSchema, { nik: NIK })).toEqual({ ok: false, fields: { date: ["field.required"], session: ["field.required"] } });
  });
});

describe("AvailabilityQuerySchema", () => {
  it("defaults to 7 days and coerces the query string's numbers", () => {
    expect(check(AvailabilityQuerySchema, { service: "ktp-el-baru" })).toEqual({ ok: true, value: { service: "ktp-el-baru", days: 7 } });
    expect(check(AvailabilityQuerySchema, { service: "ktp-el-baru", days: "14", from: "2026-12-02", office: "kota-bogor" })).toEqual({
      ok: true,
      value: { service: "ktp-el-baru", days: 14, from: "2026-12-02", office: "kota-bogor" },
    });
    expect(check(AvailabilityQuerySchema, { service: "kk", days: "1" })).toMatchObject({ ok: true, value: { days: 1 } });
    expect(check(AvailabilityQuerySchema, { service: "kk", days: "31" })).toMatchObject({ ok: true, value: { days: 31 } });
  });

  it.each([["0"], ["32"], ["1.5"], ["-3"], ["abc"], [""], [null]])("rejects days=%j", (days) => {
    expect(check(AvailabilityQuerySchema, { service: "kk", days })).toEqual({ ok: false, fields: { days: ["field.invalid"] } });
  });

  it("rejects a bad date, office or service", () => {
    expect(check(AvailabilityQuerySchema, { service: "kk", from: "2026-02-30" })).toEqual({ ok: false, fields: { from: ["field.date.invalid"] } });
    expect(check(AvailabilityQuerySchema, { service: "KK", office: "Kota Bogor" })).toEqual({
      ok: false,
      fields: { service: ["field.invalid"], office: ["field.invalid"] },
    });
    expect(check(AvailabilityQuerySchema, {})).toEqual({ ok: false, fields: { service: ["field.required"] } });
  });
});

describe("phone's last digits (second proof after wrong NIKs)", () => {
  it("takes four digits as typed, treats empty as not given, refuses anything else", () => {
    expect(check(LookupBookingSchema, { reference: "ABCDEFGH", nik: NIK, phoneLast4: " 78-90 " })).toEqual({
      ok: true,
      value: { reference: "ABCDEFGH", nik: NIK, phoneLast4: "7890" },
    });
    expect(check(LookupBookingSchema, { reference: "ABCDEFGH", nik: NIK, phoneLast4: "" })).toEqual({ ok: true, value: { reference: "ABCDEFGH", nik: NIK } });
    for (const bad of ["123", "12345", "abcd"]) {
      expect(check(LookupBookingSchema, { reference: "ABCDEFGH", nik: NIK, phoneLast4: bad })).toEqual({ ok: false, fields: { phoneLast4: ["field.phoneLast4.invalid"] } });
    }
  });
});

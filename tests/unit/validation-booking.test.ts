import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { CreateBookingFormSchema, CreateBookingSchema } from "@/lib/validation/booking";
import { parseInput } from "@/lib/validation/parse";
import { check } from "../helpers/validation";

const GOOD = {
  service: "ktp-el-baru",
  date: "2026-12-02",
  session: "08:00",
  nik: "3271011705900001",
  name: "Siti Nurhaliza",
  phone: "0812-3456-7890",
};

const fieldsFor = (over: Record<string, unknown>) => {
  const result = check(CreateBookingSchema, { ...GOOD, ...over });
  return result.ok ? "ok" : result.fields;
};

describe("CreateBookingSchema", () => {
  it("normalises what people type", () => {
    const value = parseInput(CreateBookingSchema, {
      ...GOOD,
      office: "kota-bogor",
      session: "08:00:00",
      nik: "3271 0117-0590.0001",
      name: "  Siti \t Nurhaliza ",
      phone: "+62 812 3456 7890",
      email: "  Siti@Example.COM ",
      extra: "dropped",
    });
    expect(value).toEqual({
      office: "kota-bogor",
      service: "ktp-el-baru",
      date: "2026-12-02",
      session: "08:00",
      nik: "3271011705900001",
      name: "Siti Nurhaliza",
      phone: "+6281234567890",
      email: "siti@example.com",
    });
  });

  it("treats a missing or empty email as none, and a missing office as the default", () => {
    expect(parseInput(CreateBookingSchema, GOOD)).toEqual({ ...GOOD, phone: "+6281234567890" });
    expect(parseInput(CreateBookingSchema, { ...GOOD, email: "  " }).email).toBeUndefined();
    expect(parseInput(CreateBookingSchema, { ...GOOD, email: null }).email).toBeUndefined();
  });

  it("names every missing field as required", () => {
    expect(check(CreateBookingSchema, {})).toEqual({
      ok: false,
      fields: Object.fromEntries(["service", "date", "session", "nik", "name", "phone"].map((f) => [f, ["field.required"]])),
    });
  });

  it("throws one 422 AppError naming every bad field at once", () => {
    let error: unknown;
    try {
      parseInput(CreateBookingSchema, { service: "KTP", date: "2026-02-30", session: "8", nik: "123", name: "B2", phone: "021-555", email: "x@" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(422);
    expect((error as AppError).messageKey).toBe("error.validation");
    expect((error as AppError).fields).toEqual({
      service: ["field.invalid"],
      date: ["field.date.invalid"],
      session: ["field.session.invalid"],
      nik: ["field.nik.format"],
      name: ["field.name.invalid"],
      phone: ["field.phone.invalid"],
      email: ["field.email.invalid"],
    });
  });

  it.each([
    [null, { _: ["field.required"] }],
    [[], { _: ["field.invalid"] }],
    ["service=ktp", { _: ["field.invalid"] }],
  ])("rejects a body that is not an object: %j", (input, fields) => {
    expect(check(CreateBookingSchema, input)).toEqual({ ok: false, fields });
  });

  it.each([
    ["kota-bogor", "ok"],
    ["Kota Bogor", { office: ["field.invalid"] }],
    ["kota_bogor", { office: ["field.invalid"] }],
    ["", { office: ["field.invalid"] }],
    ["-bogor", { office: ["field.invalid"] }],
  ])("office %j", (office, expected) => {
    expect(fieldsFor({ office })).toEqual(expected);
  });

  it.each([
    ["kia-baru", "ok"],
    ["KTP", { service: ["field.invalid"] }],
    ["ktp el", { service: ["field.invalid"] }],
    ["ktp--el", { service: ["field.invalid"] }],
    ["ktp'; drop table services;--", { service: ["field.invalid"] }],
    ["", { service: ["field.invalid"] }],
    ["a".repeat(81), { service: ["field.tooLong"] }],
    [42, { service: ["field.invalid"] }],
    [null, { service: ["field.required"] }],
  ])("service %j", (service, expected) => {
    expect(fieldsFor({ service })).toEqual(expected);
  });

  it.each([
    ["2028-02-29", "ok"],
    ["2026-02-30", { date: ["field.date.invalid"] }],
    ["2026-02-29", { date: ["field.date.invalid"] }],
    ["02-12-2026", { date: ["field.date.invalid"] }],
    ["2026-12-2", { date: ["field.date.invalid"] }],
    ["", { date: ["field.date.invalid"] }],
    ["2026-12-02T00:00", { date: ["field.tooLong", "field.date.invalid"] }],
    [20261202, { date: ["field.invalid"] }],
  ])("date %j", (date, expected) => {
    expect(fieldsFor({ date })).toEqual(expected);
  });

  it.each([
    ["13:00", "ok"],
    ["8:00", { session: ["field.session.invalid"] }],
    ["24:00", { session: ["field.session.invalid"] }],
    ["08:60", { session: ["field.session.invalid"] }],
    ["08:00:30", { session: ["field.session.invalid"] }],
    ["pagi", { session: ["field.session.invalid"] }],
    ["", { session: ["field.session.invalid"] }],
    ["08:00:00:00", { session: ["field.tooLong", "field.session.invalid"] }],
  ])("session %j", (session, expected) => {
    expect(fieldsFor({ session })).toEqual(expected);
  });

  it.each([
    ["3271015705900002", "ok"],
    ["3271011705900000", { nik: ["field.nik.serial"] }],
    ["9971011705900001", { nik: ["field.nik.province"] }],
    ["3200011705900001", { nik: ["field.nik.region"] }],
    ["3271013102900001", { nik: ["field.nik.birthDate"] }],
    ["327101170590001", { nik: ["field.nik.format"] }],
    ["32710117059000O1", { nik: ["field.nik.format"] }],
    ["", { nik: ["field.nik.format"] }],
    ["1".repeat(41), { nik: ["field.tooLong"] }],
    [3271011705900001, { nik: ["field.invalid"] }],
  ])("nik %j", (nik, expected) => {
    expect(fieldsFor({ nik })).toEqual(expected);
  });

  it.each([
    ["Ma’ruf", "ok"],
    ["Ir. H. Djuanda, S.H.", "ok"],
    ["", { name: ["field.required"] }],
    ["   ", { name: ["field.required"] }],
    ["Budi2", { name: ["field.name.invalid"] }],
    ["<script>alert(1)</script>", { name: ["field.name.invalid"] }],
    ["A".repeat(101), { name: ["field.name.invalid"] }],
    ["A".repeat(201), { name: ["field.tooLong"] }],
    [null, { name: ["field.required"] }],
  ])("name %j", (name, expected) => {
    expect(fieldsFor({ name })).toEqual(expected);
  });

  it.each([
    ["6281234567890", "ok"],
    ["", { phone: ["field.required"] }],
    ["   ", { phone: ["field.required"] }],
    ["0251-8321234", { phone: ["field.phone.invalid"] }],
    ["081234567", { phone: ["field.phone.invalid"] }],
    ["1".repeat(33), { phone: ["field.tooLong"] }],
    [81234567890, { phone: ["field.invalid"] }],
  ])("phone %j", (phone, expected) => {
    expect(fieldsFor({ phone })).toEqual(expected);
  });

  it.each([
    ["budi@example.co.id", "ok"],
    ["not-an-email", { email: ["field.email.invalid"] }],
    ["budi@", { email: ["field.email.invalid"] }],
    ["budi @example.com", { email: ["field.email.invalid"] }],
    [`${"a".repeat(250)}@b.id`, { email: ["field.tooLong"] }],
    [5, { email: ["field.invalid"] }],
  ])("email %j", (email, expected) => {
    expect(fieldsFor({ email })).toEqual(expected);
  });
});

describe("CreateBookingFormSchema", () => {
  const FORM = { ...GOOD, consent: "on", checklist: "confirmed" };

  it("needs consent and the ticked checklist, then drops nothing else", () => {
    expect(parseInput(CreateBookingFormSchema, FORM)).toEqual({ ...GOOD, phone: "+6281234567890", consent: true, checklist: true });
    expect(check(CreateBookingFormSchema, GOOD)).toEqual({
      ok: false,
      fields: { consent: ["field.consent.required"], checklist: ["field.checklist.required"] },
    });
  });

  it.each([["on"], ["true"], ["1"], [true]])("takes %j as consent", (consent) => {
    expect(check(CreateBookingFormSchema, { ...FORM, consent }).ok).toBe(true);
  });

  it.each([["off"], [""], ["false"], [false], ["yes"]])("does not take %j as consent", (consent) => {
    expect(check(CreateBookingFormSchema, { ...FORM, consent })).toEqual({ ok: false, fields: { consent: ["field.consent.required"] } });
  });

  it.each([["on"], [""], ["true"], [true]])("only the value `confirmed` confirms the checklist, not %j", (checklist) => {
    expect(check(CreateBookingFormSchema, { ...FORM, checklist })).toEqual({ ok: false, fields: { checklist: ["field.checklist.required"] } });
  });

  it("reports the booking fields and the form's own fields together", () => {
    expect(check(CreateBookingFormSchema, { ...GOOD, phone: "" })).toEqual({
      ok: false,
      fields: { phone: ["field.required"], consent: ["field.consent.required"], checklist: ["field.checklist.required"] },
    });
  });
});

import { describe, expect, it } from "vitest";
import { applyOutages, findOutageFor, priorityAllowance, type ActiveOutage } from "@/lib/outage";
import { createPriorityToken, verifyPriorityToken } from "@/lib/priority-token";
import type { DayPlan } from "@/lib/schedule";
import { DeclareOutageSchema, OutageFormSchema } from "@/lib/validation/outage";

const plan: DayPlan = {
  date: "2026-12-02",
  open: true,
  dayCap: 40,
  note: null,
  sessions: [
    { start: "08:00", end: "09:00", capacity: 10 },
    { start: "09:00", end: "10:00", capacity: 10 },
  ],
};
const reason = { id: "SIAK mati", en: "SIAK down" };
const outage = (over: Partial<ActiveOutage>): ActiveOutage => ({ id: "o", date: "2026-12-02", session: null, serviceId: null, reason, ...over });

describe("applyOutages", () => {
  it("a day outage closes the date with its reason; a session outage removes that session only", () => {
    expect(applyOutages(plan, [outage({})], "ktp")).toMatchObject({ open: false, closedReason: "outage", note: reason, outage: reason });
    const one = applyOutages(plan, [outage({ session: "08:00" })], "ktp");
    expect(one).toMatchObject({ open: true, outage: reason });
    expect(one.open && one.sessions.map((s) => s.start)).toEqual(["09:00"]);
    expect(applyOutages(plan, [outage({ session: "08:00" }), outage({ session: "09:00" })], "ktp")).toMatchObject({ open: false, closedReason: "outage" });
  });

  it("leaves other services, other dates and closed days alone", () => {
    expect(applyOutages(plan, [outage({ serviceId: "kia" })], "ktp")).toBe(plan);
    expect(applyOutages(plan, [outage({ date: "2026-12-03" })], "ktp")).toBe(plan);
    const closed: DayPlan = { date: "2026-12-02", open: false, closedReason: "holiday", note: null };
    expect(applyOutages(closed, [outage({})], "ktp")).toBe(closed);
    expect(findOutageFor([outage({ serviceId: "kia", session: "08:00" })], "2026-12-02", "08:00", "ktp")).toBeUndefined();
    expect(findOutageFor([outage({ serviceId: "kia", session: "08:00" })], "2026-12-02", "08:00", "kia")).toBeDefined();
  });
});

describe("priority allowance and token", () => {
  it("rounds up, 0 % is off", () => {
    expect(priorityAllowance(250, 10)).toBe(25);
    expect(priorityAllowance(10, 5)).toBe(1);
    expect(priorityAllowance(40, 0)).toBe(0);
  });

  it("verifies only for its reference, until its expiry, and refuses tampering and garbage", () => {
    const until = new Date("2026-12-04T03:00:00Z");
    const token = createPriorityToken("ABCD2345", until);
    expect(verifyPriorityToken(token, "ABCD2345", new Date("2026-12-04T02:59:59Z"))).toBe(true);
    expect(verifyPriorityToken(token, "ABCD2345", until)).toBe(false);
    expect(verifyPriorityToken(token, "ABCD2346", new Date("2026-12-01T00:00:00Z"))).toBe(false);
    const [expiry, mac] = token.split(".");
    expect(verifyPriorityToken(`${Number(expiry) + 3600}.${mac}`, "ABCD2345", new Date("2026-12-01T00:00:00Z"))).toBe(false);
    for (const bad of ["", ".", "x.y", `${expiry}.${mac}.z`, "9".repeat(300), `-1.${mac}`]) expect(verifyPriorityToken(bad, "ABCD2345", new Date(0))).toBe(false);
  });
});

describe("outage input", () => {
  it("the API: a preset or free text, optional session and service; bad fields named", () => {
    expect(DeclareOutageSchema.parse({ date: "2026-12-02", session: "08:00:00", reason: "  siak_down " })).toEqual({ date: "2026-12-02", session: "08:00", reason: "siak_down" });
    const bad = DeclareOutageSchema.safeParse({ date: "2026-13-01", session: "8", service: "A B", reason: "", reasonEn: "x".repeat(301) });
    expect(bad.success).toBe(false);
    expect(new Set(bad.error!.issues.map((i) => i.path[0]))).toEqual(new Set(["date", "session", "service", "reason", "reasonEn"]));
  });

  it("the staff form: a preset needs no text, \"other\" does; empty selects mean all", () => {
    expect(OutageFormSchema.parse({ date: "2026-12-02", session: "", service: "", reasonCode: "blanko_empty", reasonText: "", reasonEn: "" })).toEqual({
      date: "2026-12-02",
      session: undefined,
      service: undefined,
      reason: "blanko_empty",
      reasonEn: undefined,
    });
    expect(OutageFormSchema.safeParse({ date: "2026-12-02", reasonCode: "other", reasonText: "" }).success).toBe(false);
    expect(OutageFormSchema.parse({ date: "2026-12-02", reasonCode: "other", reasonText: "Listrik padam", reasonEn: "Power cut" })).toMatchObject({ reason: "Listrik padam", reasonEn: "Power cut" });
    expect(OutageFormSchema.safeParse({ date: "2026-12-02", reasonCode: "meteor" }).success).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { AssistBookingSchema, CheckInSchema, TransferSchema } from "@/lib/validation/queue";
import { parseInput } from "@/lib/validation/parse";

describe("queue form schemas", () => {
  it("accepts a reference as typed or as a scanner types a link", () => {
    const nik = "3271010101900001";
    expect(parseInput(CheckInSchema, { reference: "abcd-2345", nik }).reference).toBe("ABCD2345");
    expect(parseInput(CheckInSchema, { reference: " https://antrean.example/booking/ABCD2345?x=1 ", nik }).reference).toBe("ABCD2345");
    expect(() => parseInput(CheckInSchema, { reference: "ABCD", nik: "123" })).toThrow(
      expect.objectContaining({ code: "validation", fields: { reference: ["field.reference.invalid"], nik: ["field.nik.format"] } }),
    );
  });

  it("reads a transfer target from one select", () => {
    expect(parseInput(TransferSchema, { counter: "1", reference: "ABCD2345", target: "counter:3" }).target).toEqual({ toCounterNumber: 3 });
    expect(parseInput(TransferSchema, { counter: "1", reference: "ABCD2345", target: "service:ktp-el" }).target).toEqual({ toServiceSlug: "ktp-el" });
    expect(() => parseInput(TransferSchema, { counter: "1", reference: "ABCD2345", target: "" })).toThrow(
      expect.objectContaining({ fields: { target: ["queue.error.transferTarget"] } }),
    );
  });

  it("treats an empty priority reason as none, and refuses unknown channels", () => {
    const base = { service: "kk", date: "2026-12-01", session: "10:00", nik: "3271010101900001", name: "Budi", phone: "081234567890", channel: "walk_in" };
    expect(parseInput(AssistBookingSchema, { ...base, priorityReason: "" }).priorityReason).toBeUndefined();
    expect(parseInput(AssistBookingSchema, { ...base, priorityReason: "pregnant" }).priorityReason).toBe("pregnant");
    expect(() => parseInput(AssistBookingSchema, { ...base, channel: "online" })).toThrow(expect.objectContaining({ fields: { channel: ["field.invalid"] } }));
  });
});

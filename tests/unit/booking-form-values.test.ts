import { describe, expect, it } from "vitest";
import { bookingFormValues } from "@/lib/validation/booking-form-values";

describe("the booking form's values after a refused submit", () => {
  it("keeps what was typed and the consent tick", () => {
    const raw = { nik: "3271011203900001", name: "Budi", phone: "0812", email: "", consent: "on", checklist: "confirmed", service: "ktp" };
    expect(bookingFormValues(raw)).toEqual({ nik: "3271011203900001", name: "Budi", phone: "0812", email: "", consent: "on" });
  });

  it("leaves consent unticked when it was not given, and ignores anything but strings", () => {
    expect(bookingFormValues({ name: ["a", "b"], consent: "off" })).toEqual({ nik: "", name: "", phone: "", email: "" });
  });
});

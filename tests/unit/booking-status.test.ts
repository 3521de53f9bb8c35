import { describe, expect, it } from "vitest";
import { bookingHeading, hasUsableQr } from "@/lib/booking-status";
import { createTranslator } from "@/lib/i18n/translate";

describe("a booking's status on its confirmation and printouts", () => {
  it("shows a QR only while the booking can still be checked in (or found once checked in)", () => {
    expect([hasUsableQr("booked"), hasUsableQr("checked_in")]).toEqual([true, true]);
    for (const status of ["called", "serving", "done", "cancelled", "no_show", "expired"] as const) expect(hasUsableQr(status), status).toBe(false);
  });

  it("says 'Booking berhasil' only while booked; otherwise the status, in the reader's language", () => {
    const id = createTranslator("id");
    const en = createTranslator("en");
    expect(bookingHeading("booked", id)).toBe("Booking berhasil");
    expect(bookingHeading("cancelled", id)).toBe("Booking dibatalkan");
    expect(bookingHeading("done", id)).toBe("Status booking: Selesai");
    expect(bookingHeading("no_show", en)).toBe("Booking status: Did not attend");
    expect(bookingHeading("expired", id)).not.toContain("berhasil");
  });
});
